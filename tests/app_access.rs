//! The window as a screen reader gets it: the same AccessKit tree, queried headlessly. The
//! reader's text, its claims as marked ranges, the caret and selection, the announcements,
//! and the lists, menus and headings around it.

use briefing_notes::app::dialogs::ScriptedDialogs;
use briefing_notes::app::settings::Settings;
use briefing_notes::app::{BriefingApp, Command, Startup};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn sample() -> Harness<'static, BriefingApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(0.05)
        .with_max_steps(60)
        .build_eframe(|cc| {
            let startup = Startup {
                fresh: true,
                ..Default::default()
            };
            BriefingApp::with_parts(
                &cc.egui_ctx,
                startup,
                Box::new(ScriptedDialogs::default()),
                Settings::default(),
            )
        });
    h.run();
    h
}

fn press(h: &mut Harness<'_, BriefingApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// The text of the reader's runs, in tree order.
fn reader_text(h: &Harness<'_, BriefingApp>) -> String {
    let doc = h.get_by_role_and_label(Role::Document, "Article text");
    doc.query_all_by_role(Role::TextRun)
        .map(|run| run.accesskit_node().value().unwrap_or_default())
        .collect()
}

fn char_of(h: &Harness<'_, BriefingApp>, words: &str) -> usize {
    let a = h.state().current_article().unwrap();
    a.text[..a.text.find(words).unwrap()].chars().count()
}

#[test]
fn the_reader_exposes_its_paragraphs_as_text_with_claims_marked() {
    let h = sample();
    let text = reader_text(&h);
    let article = &h.state().current_article().unwrap().text;
    // The runs on screen (and one paragraph past each edge) are the article's text, in order.
    assert!(text.len() > 400, "{text}");
    assert!(article.starts_with(text.trim_end()), "{text}");
    let paragraphs = h.query_all_by_role(Role::Paragraph).count();
    assert!(paragraphs >= 4, "{paragraphs} paragraphs");
    // Each claim is a marked range named by its status in a word, holding its words.
    let mark = h.get_by_label_contains("Reported claim: Estavia would be willing");
    assert_eq!(mark.accesskit_node().role(), Role::Mark);
    let inside: String = mark
        .query_all_by_role(Role::TextRun)
        .map(|r| r.accesskit_node().value().unwrap_or_default())
        .collect();
    assert!(
        inside.starts_with("Estavia would be willing to reopen"),
        "{inside}"
    );
    assert!(
        h.query_by_label_contains("Confirmed claim: met for nearly four hours")
            .is_some()
    );
    assert!(h.query_by_label_contains("Disputed claim:").is_some());
}

#[test]
fn a_claim_inside_another_is_a_mark_inside_its_mark_and_the_text_keeps_its_order() {
    let mut h = sample();
    let start = char_of(&h, "Palais des");
    h.state_mut()
        .push(Command::SelectText(start..start + "Palais des".len()));
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::Num2);
    let article = h.state().current_article().unwrap().text.clone();
    assert!(article.starts_with(reader_text(&h).trim_end()));
    let outer = h.get_by_label_contains("Confirmed claim: met for nearly four hours");
    let inner = outer.get_by_label_contains("Reported claim: Palais des");
    let words: String = inner
        .query_all_by_role(Role::TextRun)
        .map(|r| r.accesskit_node().value().unwrap_or_default())
        .collect();
    assert_eq!(words, "Palais des");
    // The caret waits after the words just tagged.
    let doc = h.get_by_role_and_label(Role::Document, "Article text");
    let node = doc.accesskit_node();
    let caret = node.text_selection().unwrap();
    assert!(caret.is_degenerate());
}

#[test]
fn the_keyboard_moves_a_caret_that_is_drawn_and_reported() {
    let mut h = sample();
    // Tab order: the outline's fields first, then the reader.
    h.get_by_role_and_label(Role::Document, "Article text")
        .focus();
    h.run();
    let start = char_of(&h, "GENEVA");
    h.state_mut().push(Command::SelectText(start..start));
    h.run();
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    let sel = h.state().reader().selection().unwrap();
    assert_eq!(
        (sel.anchor, sel.head),
        (start + 2, start + 2),
        "moved, not selected"
    );
    press(&mut h, Modifiers::COMMAND, Key::ArrowRight);
    let after_word = h.state().reader().selection().unwrap().head;
    assert_eq!(after_word, start + "GENEVA".len());
    press(&mut h, Modifiers::SHIFT, Key::ArrowLeft);
    let sel = h.state().reader().selection().unwrap();
    assert_eq!(sel.range(), start + 5..start + 6, "Shift extends");
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    let sel = h.state().reader().selection().unwrap();
    assert_eq!(
        sel.range(),
        start + 5..start + 5,
        "a selection collapses to its start"
    );
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(h.state().reader().selection().unwrap().head, start);
    press(&mut h, Modifiers::NONE, Key::End);
    let end = h.state().reader().selection().unwrap().head;
    assert!(end > start + 20, "end of the row");
    press(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(h.state().reader().selection().unwrap().head, 0);
    press(&mut h, Modifiers::NONE, Key::PageDown);
    assert!(h.state().reader().selection().unwrap().head > 0);
    press(&mut h, Modifiers::COMMAND, Key::End);
    let len = h.state().current_article().unwrap().text.chars().count();
    assert_eq!(h.state().reader().selection().unwrap().head, len);
    // The document reports the caret: a text selection whose ends meet.
    let doc = h.get_by_role_and_label(Role::Document, "Article text");
    let node = doc.accesskit_node();
    assert!(node.is_focused());
    let selection = node.text_selection().expect("the caret is reported");
    assert!(selection.is_degenerate());
}

#[test]
fn a_selection_is_reported_and_tagging_is_announced() {
    let mut h = sample();
    let start = char_of(&h, "Shipping companies");
    let end = start + "Shipping companies".len();
    h.state_mut().push(Command::SelectText(start..end));
    h.run();
    let doc = h.get_by_role_and_label(Role::Document, "Article text");
    let node = doc.accesskit_node();
    let range = node.text_selection().expect("the selection is reported");
    assert_eq!(range.text(), "Shipping companies");
    press(&mut h, Modifiers::COMMAND, Key::Num2);
    let live = h.get_by_role(Role::Status);
    assert_eq!(live.accesskit_node().live(), egui::accesskit::Live::Polite);
    assert!(
        live.accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("Tagged as Reported"),
        "{:?}",
        live.accesskit_node().label()
    );
}

#[test]
fn the_claims_list_is_a_list_of_named_items_with_their_place() {
    let h = sample();
    let list = h.get_by_role_and_label(Role::List, "Claims");
    let items: Vec<_> = list.query_all_by_role(Role::ListItem).collect();
    assert_eq!(items.len(), 4);
    let first = items[0].accesskit_node();
    let label = first.label().unwrap_or_default();
    assert!(
        label.starts_with("Confirmed C1: met for nearly four hours"),
        "{label}"
    );
    assert!(label.contains(" — Both foreign ministries"), "{label}");
    // AccessKit counts from 0; the list holds the count ("1 of 4" to the user).
    assert_eq!(first.position_in_set(), Some(0));
    assert_eq!(items[3].accesskit_node().position_in_set(), Some(3));
    assert_eq!(list.accesskit_node().size_of_set(), Some(4));
    let articles = h.get_by_role_and_label(Role::List, "Articles");
    assert_eq!(articles.query_all_by_role(Role::ListItem).count(), 1);
}

#[test]
fn headings_regions_menus_and_values_are_what_they_say() {
    let mut h = sample();
    for title in ["Briefing", "Articles", "Claims"] {
        assert!(
            h.query_by_role_and_label(Role::Heading, title).is_some(),
            "{title}"
        );
    }
    for region in ["Outline", "Claims panel", "Reader"] {
        assert!(
            h.query_by_role_and_label(Role::Region, region).is_some(),
            "{region}"
        );
    }
    // Menu items carry their shortcut apart from their name.
    h.get_by_label("File").click();
    h.run();
    let save = h.get_by_role_and_label(Role::MenuItem, "Save");
    assert_eq!(
        save.accesskit_node().data().keyboard_shortcut(),
        Some("Ctrl+S")
    );
    let file = h.get_by_label("File");
    assert_eq!(file.accesskit_node().data().is_expanded(), Some(true));
    press(&mut h, Modifiers::NONE, Key::Escape);
    // A combo box says its value; a disclosure says whether it is open.
    let claim = h.state().doc().briefing.articles[0].claims[0].id;
    h.state_mut().push(Command::SelectClaim(claim));
    h.run();
    let credibility = h.get_by_label("Credibility");
    assert_eq!(
        credibility.accesskit_node().value().as_deref(),
        Some("not graded")
    );
    let details = h.get_by_label("Article details");
    assert_eq!(details.accesskit_node().data().is_expanded(), Some(false));
}

/// The live region's words.
fn announced(h: &Harness<'_, BriefingApp>) -> String {
    h.get_by_role(Role::Status)
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn status_changes_saving_and_find_results_are_announced() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample();
    let claim = h.state().doc().briefing.articles[0].claims[0].id;
    h.state_mut().push(Command::SelectClaim(claim));
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::Num3);
    assert_eq!(announced(&h), "Status changed to Disputed");
    h.state_mut()
        .push(Command::SaveTo(dir.path().join("b.ron")));
    h.run();
    assert!(announced(&h).starts_with("Saved to "), "{}", announced(&h));
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find in article").type_text("talks");
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    let said = announced(&h);
    assert!(said.starts_with("5 matches, 1 of 5: …"), "{said}");
    assert!(said.contains("talks"), "{said}");
}

#[test]
fn the_window_is_named_and_tab_goes_outline_reader_claims() {
    let mut h = sample();
    let root = h.root();
    let name = root.accesskit_node().label().unwrap_or_default();
    assert!(name.ends_with("— briefing-notes"), "{name}");
    assert!(name.contains("Norland"), "{name}");
    // From the outline's last control, Tab goes to the reader, then into the claims panel.
    h.get_by_label("Article details").focus();
    h.run();
    press(&mut h, Modifiers::NONE, Key::Tab);
    let doc = h.get_by_role_and_label(Role::Document, "Article text");
    assert!(doc.accesskit_node().is_focused(), "the reader is next");
    press(&mut h, Modifiers::NONE, Key::Tab);
    let claims = h.get_by_role_and_label(Role::Region, "Claims panel");
    let focused_in_claims = claims.query_all_by(|n| n.is_focused()).next().is_some();
    assert!(focused_in_claims, "then the claims panel");
    // And back: Shift+Tab from the reader skips the panels' resize handles.
    h.get_by_role_and_label(Role::Document, "Article text")
        .focus();
    h.run();
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    let details = h.get_by_label("Article details");
    assert!(details.accesskit_node().is_focused());
}

#[test]
fn moving_past_the_exposed_text_scrolls_on_and_exposes_more() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample();
    let long = (1..=120)
        .map(|i| format!("Paragraph {i} says the talks went on."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let file = dir.path().join("long.md");
    std::fs::write(&file, format!("# Long\n\n{long}")).unwrap();
    h.state_mut().push(Command::AddArticlePaths(vec![file]));
    h.run();
    let furthest = |text: &str| {
        text.split("Paragraph ")
            .filter_map(|t| t.split(' ').next()?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
    };
    let first_seen = furthest(&reader_text(&h));
    assert!(
        first_seen < 60,
        "only what is on screen is exposed: {first_seen}"
    );
    // A screen reader puts the caret at the end of the last run it was given...
    let doc = h.get_by_role_and_label(Role::Document, "Article text");
    let last = doc.query_all_by_role(Role::TextRun).last().unwrap();
    let node = last.accesskit_node();
    let len = node.data().character_lengths().len();
    let at = egui::accesskit::TextPosition {
        node: node.locate().0,
        character_index: len,
    };
    h.event(egui::Event::AccessKitActionRequest(
        egui::accesskit::ActionRequest {
            action: egui::accesskit::Action::SetTextSelection,
            target_tree: egui::accesskit::TreeId::ROOT,
            target_node: doc.accesskit_node().locate().0,
            data: Some(egui::accesskit::ActionData::SetTextSelection(
                egui::accesskit::TextSelection {
                    anchor: at,
                    focus: at,
                },
            )),
        },
    ));
    h.run();
    // ...the reader follows it and exposes what comes next; the keyboard goes on from there.
    let head = h.state().reader().selection().unwrap().head;
    assert!(head > 0);
    let next_seen = furthest(&reader_text(&h));
    assert!(next_seen > first_seen, "{first_seen} → {next_seen}");
    for _ in 0..60 {
        press(&mut h, Modifiers::NONE, Key::ArrowDown);
    }
    let later = furthest(&reader_text(&h));
    assert!(later > next_seen + 10, "{next_seen} → {later}");
}
