//! The desktop app driven headlessly, as a user would: by labels, clicks, drags and keys.

#[path = "support/app_harness.rs"]
mod app_harness;

use std::path::{Path, PathBuf};

use briefing_notes::app::dialogs::{DialogOutcome, ScriptedDialogs};
use briefing_notes::app::settings::Settings;
use briefing_notes::app::{BriefingApp, Modal, Startup};
use briefing_notes::model::Status;
use briefing_notes::text::TextIndex;
use egui::{Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn build(
    startup: Startup,
    dialogs: ScriptedDialogs,
    settings: Settings,
) -> Harness<'static, BriefingApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_step_dt(0.05)
        .with_max_steps(60)
        .build_eframe(move |cc| {
            BriefingApp::with_parts(&cc.egui_ctx, startup, Box::new(dialogs), settings)
        });
    h.run();
    h
}

fn harness_with(files: Vec<PathBuf>, dialogs: ScriptedDialogs) -> Harness<'static, BriefingApp> {
    build(
        Startup {
            files,
            fresh: true,
            ..Default::default()
        },
        dialogs,
        Settings::default(),
    )
}

fn sample() -> (Harness<'static, BriefingApp>, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    (harness_with(Vec::new(), dialogs.clone()), dialogs)
}

/// Char range of `needle` in the current article.
fn find_in_article(h: &Harness<'_, BriefingApp>, needle: &str) -> std::ops::Range<usize> {
    let a = h.state().current_article().expect("an article is shown");
    let idx = TextIndex::new(&a.text);
    briefing_notes::anchor::find_occurrences(&idx, needle)[0].clone()
}

fn quote_of(h: &Harness<'_, BriefingApp>, range: std::ops::Range<usize>) -> String {
    let a = h.state().current_article().unwrap();
    TextIndex::new(&a.text).slice(range).unwrap().to_owned()
}

/// Drags the mouse across the reader from one char offset to another.
fn drag_select(h: &mut Harness<'_, BriefingApp>, from: usize, to: usize) {
    let start = h
        .state()
        .reader()
        .screen_pos(from)
        .expect("start is on screen");
    let end = h.state().reader().screen_pos(to).expect("end is on screen");
    let pointer = |h: &Harness<'_, BriefingApp>, pos: Pos2, pressed: Option<bool>| {
        h.event(egui::Event::PointerMoved(pos));
        if let Some(pressed) = pressed {
            h.event(egui::Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    };
    pointer(h, start, Some(true));
    h.step();
    let mid = start + (end - start) * 0.5;
    pointer(h, mid, None);
    h.step();
    pointer(h, end, None);
    h.step();
    pointer(h, end, Some(false));
    h.run();
}

/// Selects the first occurrence of `needle` in the article with the mouse.
fn select_text(h: &mut Harness<'_, BriefingApp>, needle: &str) {
    let r = find_in_article(h, needle);
    drag_select(h, r.start, r.end);
}

/// Ctrl+F, type `query`, Enter: returns the selection the find made.
fn find_next(h: &mut Harness<'_, BriefingApp>, query: &str) -> std::ops::Range<usize> {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find in article").type_text(query);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.state()
        .reader()
        .selection()
        .expect("the match is selected")
        .range()
}

fn claims_with_quote(h: &Harness<'_, BriefingApp>, quote: &str) -> Vec<Status> {
    h.state()
        .doc()
        .briefing
        .claims()
        .filter(|(_, c)| c.anchor.quote == quote)
        .map(|(_, c)| c.status)
        .collect()
}

#[test]
fn sample_opens_with_its_claims_and_reader() {
    let (h, _) = sample();
    let app = h.state();
    assert_eq!(app.doc().briefing.claims().count(), 4);
    assert!(!app.doc().is_dirty());
    assert!(app.reader().paragraphs_on_screen() > 0);
    h.get_by_label("Article text");
    h.get_by_label("C Confirmed");
}

#[test]
fn drag_select_then_ctrl_2_tags_reported() {
    let (mut h, _) = sample();
    select_text(&mut h, "Shipping companies in the region");
    let sel = h.state().reader().selection().expect("a selection").range();
    assert_eq!(
        quote_of(&h, sel.clone()),
        "Shipping companies in the region"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(
        claims_with_quote(&h, "Shipping companies in the region"),
        [Status::Reported]
    );
    assert!(h.state().doc().is_dirty());
    let after = h.state().reader().selection().expect("a caret");
    assert!(after.range().is_empty(), "nothing stays selected");
}

#[test]
fn toolbar_button_tags_and_editor_edits_note_and_speaker() {
    let (mut h, _) = sample();
    select_text(&mut h, "welcomed the talks");
    h.get_by_label("C Confirmed").click();
    h.run();
    assert_eq!(
        claims_with_quote(&h, "welcomed the talks"),
        [Status::Confirmed]
    );

    let note = h.get_by_label("Note");
    note.focus();
    h.run();
    h.get_by_label("Note")
        .type_text("Two shipping firms said so on the record.");
    h.run();
    let speaker = h.get_by_label("Speaker (who makes the claim)");
    speaker.focus();
    h.run();
    h.get_by_label("Speaker (who makes the claim)")
        .type_text("Shipping companies");
    h.run();
    let app = h.state();
    let (_, c) = app
        .doc()
        .briefing
        .claims()
        .find(|(_, c)| c.anchor.quote == "welcomed the talks")
        .unwrap();
    assert_eq!(c.note, "Two shipping firms said so on the record.");
    assert_eq!(c.speaker, "Shipping companies");
}

#[test]
fn status_change_with_shortcut_on_selected_claim_and_delete_key() {
    let (mut h, _) = sample();
    let id = h.state().doc().briefing.articles[0].claims[0].id;
    h.state_mut()
        .push(briefing_notes::app::Command::SelectClaim(id));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    let status = h.state().doc().briefing.find_claim(id).unwrap().1.status;
    assert_eq!(status, Status::Disputed);
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().doc().briefing.find_claim(id).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().doc().briefing.find_claim(id).is_some(),
        "delete is undoable"
    );
}

#[test]
fn filter_toggles_and_search_narrow_the_list() {
    let (mut h, _) = sample();
    let rows = |h: &Harness<'_, BriefingApp>| {
        h.query_all_by_role(egui::accesskit::Role::ListItem)
            .filter(|n| {
                let label = n.accesskit_node().label().unwrap_or_default();
                ["Confirmed C", "Reported R", "Disputed D"]
                    .iter()
                    .any(|s| label.starts_with(s))
            })
            .count()
    };
    assert_eq!(rows(&h), 4);
    h.get_by_role_and_label(egui::Role::Button, "Confirmed")
        .click();
    h.run();
    assert_eq!(rows(&h), 2, "the two confirmed claims are hidden");
    h.get_by_role_and_label(egui::Role::Button, "Confirmed")
        .click();
    h.run();
    let search = h.get_by_label("Search");
    search.focus();
    h.run();
    h.get_by_label("Search").type_text("Varga");
    h.run();
    assert_eq!(rows(&h), 2, "two claims are Ilse Varga's");
}

#[test]
fn undo_and_redo_every_change() {
    let (mut h, _) = sample();
    select_text(&mut h, "next month");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(claims_with_quote(&h, "next month").len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(claims_with_quote(&h, "next month").is_empty());
    assert!(!h.state().doc().is_dirty(), "back to the opened state");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(claims_with_quote(&h, "next month").len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(claims_with_quote(&h, "next month").len(), 1);
}

#[test]
fn save_reopen_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let md = dir.path().join("talks.md");
    let (mut h, dialogs) = sample();
    select_text(&mut h, "next month");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    dialogs.push(DialogOutcome::Picked(vec![path.clone()]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(path.exists());
    assert!(!h.state().doc().is_dirty());
    assert_eq!(h.state().doc().path.as_deref(), Some(path.as_path()));
    // A briefing with a path saves without asking.
    let asked = dialogs.requested.lock().unwrap().len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(dialogs.requested.lock().unwrap().len(), asked);
    assert!(briefing_notes::atomic::backup_path(&path).exists());

    dialogs.push(DialogOutcome::Picked(vec![md.clone()]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("in Geneva **next month**."), "{text}");
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.text.contains("Exported to"))
    );

    let saved = h.state().doc().briefing.clone();
    let reopened = harness_with(vec![path.clone()], ScriptedDialogs::default());
    assert_eq!(reopened.state().doc().briefing, saved);
    assert!(!reopened.state().doc().is_dirty());
}

#[test]
fn add_article_from_dialog_and_remove_it_undoably() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("second.md");
    std::fs::write(&file, "# Second report\n\nPort officials said nothing.").unwrap();
    let (mut h, dialogs) = sample();
    dialogs.push(DialogOutcome::Picked(vec![file]));
    h.get_by_label("Add…").click();
    h.run();
    assert_eq!(h.state().doc().briefing.articles.len(), 2);
    assert_eq!(h.state().current_article().unwrap().title, "Second report");
    let removes = h.query_all_by_label("Remove").count();
    assert_eq!(removes, 2);
    h.get_all_by_label("Remove").nth(1).unwrap().click();
    h.run();
    assert_eq!(h.state().doc().briefing.articles.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().briefing.articles.len(), 2);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let (mut h, _) = sample();
    h.get_by_label("Title").focus();
    h.run();
    h.get_by_label("Title").type_text(" (draft)");
    h.run();
    assert!(h.state().doc().briefing.title.ends_with("(draft)"));
    assert!(h.state().doc().is_dirty());

    // The window's close button.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::Unsaved(_))));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert!(!h.state().is_closing());
    assert!(
        h.state().doc().briefing.title.ends_with("(draft)"),
        "nothing lost"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::Unsaved(_))));
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().is_closing());
}

#[test]
fn find_then_tag_without_the_mouse() {
    let (mut h, _) = sample();
    let sel = find_next(&mut h, "palais des nations");
    assert_eq!(quote_of(&h, sel), "Palais des Nations");
    assert!(
        h.get_by_label("Find in article").is_focused(),
        "focus stays in the find field"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(
        claims_with_quote(&h, "Palais des Nations"),
        [Status::Reported]
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().find_open());
}

#[test]
fn double_click_selects_a_word_and_ctrl_c_copies_it() {
    let (mut h, _) = sample();
    let r = find_in_article(&h, "Geneva next month");
    let pos = h.state().reader().screen_pos(r.start + 2).unwrap();
    h.event(egui::Event::PointerMoved(pos));
    // Two clicks, one short frame apart: a double click.
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run();
    let sel = h.state().reader().selection().expect("a word").range();
    assert_eq!(quote_of(&h, sel), "Geneva");
    h.event(egui::Event::Copy);
    h.run();
    assert_eq!(h.state().copied(), Some("Geneva"));
}

#[test]
fn shift_arrows_extend_the_selection_by_whole_characters() {
    let (mut h, _) = sample();
    let r = find_in_article(&h, "GENEVA");
    h.state_mut()
        .push(briefing_notes::app::Command::SelectText(r.start..r.start));
    for _ in 0..6 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    h.run();
    let sel = h.state().reader().selection().unwrap().range();
    assert_eq!(quote_of(&h, sel), "GENEVA");
}

#[test]
fn clicking_a_highlight_selects_its_claim() {
    let (mut h, _) = sample();
    let r = find_in_article(&h, "Estavia would be willing");
    let pos = h.state().reader().screen_pos(r.start + 3).unwrap();
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    let id = h.state().selected_claim().expect("a claim is selected");
    let (_, c) = h.state().doc().briefing.find_claim(id).unwrap();
    assert_eq!(c.status, Status::Reported);
    h.get_by_label("Note");
}

#[test]
fn opening_a_broken_file_says_so_and_keeps_the_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Briefing(format_version: 1, title: ").unwrap();
    let (mut h, _) = sample();
    let before = h.state().doc().briefing.clone();
    h.state_mut()
        .push(briefing_notes::app::Command::OpenPath(bad.clone()));
    h.run();
    assert_eq!(h.state().doc().briefing, before);
    let msg = &h.state().messages().last().expect("an error is shown").text;
    assert!(
        msg.contains("bad.ron") && msg.contains("Could not open"),
        "{msg}"
    );
    assert!(Path::new(&bad).exists());
}

#[test]
fn long_article_lays_out_only_what_is_visible() {
    use briefing_notes::anchor::Anchor;
    use briefing_notes::model::{Article, ArticleMeta, Briefing, Claim, now};
    // About 1 MB: 4,000 paragraphs of unique prose-like text (two sentences each).
    let text: String = (0..4000)
        .map(|i| format!("Paragraph {i}: officials said the talks on item {i} would continue, according to people familiar with round {i} of the discussions, which ran late into the evening in the capital and then resumed at dawn for session {i}. A spokesperson declined to say whether the delegations had exchanged written proposals on item {i} or only discussed them.\n"))
        .collect();
    assert!(text.len() > 900_000);
    let mut b = Briefing::new("Long", "");
    let mut a = Article::new(
        ArticleMeta {
            title: "Long report".into(),
            ..Default::default()
        },
        &text,
        now(),
    );
    let idx = TextIndex::new(&a.text);
    let last = briefing_notes::anchor::find_occurrences(&idx, "Paragraph 3990:")[0].clone();
    let claim = Claim::new(
        Status::Reported,
        Anchor::new(&idx, last.clone()).unwrap(),
        now(),
    );
    let claim_id = claim.id;
    a.insert_claim(claim);
    b.articles.push(a);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    briefing_notes::file::save(&path, &b).unwrap();

    let mut h = harness_with(vec![path], ScriptedDialogs::default());
    let on_screen = h.state().reader().paragraphs_on_screen();
    assert!((1..80).contains(&on_screen), "{on_screen} paragraphs drawn");
    assert!(
        h.state().reader().screen_pos(last.start).is_none(),
        "the end is not drawn yet"
    );

    h.state_mut()
        .push(briefing_notes::app::Command::RevealClaim(claim_id));
    h.run();
    assert!(
        h.state().reader().screen_pos(last.start).is_some(),
        "revealing scrolls to the claim at {last:?}; on screen: {:?}",
        h.state().reader().chars_on_screen()
    );
    let on_screen = h.state().reader().paragraphs_on_screen();
    assert!(
        (1..80).contains(&on_screen),
        "{on_screen} paragraphs drawn after the jump"
    );
    // An idle frame lays out nothing new: galleys are cached.
    h.step();
    assert_eq!(h.state().reader().last_layouts(), 0);

    // Find jumps to a match far away, and it becomes the selection.
    let sel = find_next(&mut h, "session 1234.");
    assert_eq!(quote_of(&h, sel.clone()), "session 1234.");
    assert!(
        h.state().reader().screen_pos(sel.start).is_some(),
        "the match is scrolled into view"
    );
}

fn harness_with_settings(settings: Settings) -> Harness<'static, BriefingApp> {
    build(Startup::default(), ScriptedDialogs::default(), settings)
}

#[test]
fn the_last_briefing_reopens_and_missing_recent_files_can_be_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("last.ron");
    let mut b = briefing_notes::model::Briefing::new("Last one", "");
    b.summary = "kept".into();
    briefing_notes::file::save(&path, &b).unwrap();
    let mut settings = Settings::default();
    settings.remember(&dir.path().join("gone.ron"));
    settings.remember(&path);
    let mut h = harness_with_settings(settings.clone());
    assert_eq!(h.state().doc().briefing.title, "Last one");
    assert_eq!(h.state().settings().recent.len(), 2);

    let gone = h.state().settings().recent[1].clone();
    assert!(!gone.exists());
    h.state_mut()
        .push(briefing_notes::app::Command::ForgetRecent(gone));
    h.run();
    assert_eq!(h.state().settings().recent.len(), 1);

    // A remembered briefing that has since disappeared: the sample opens instead.
    std::fs::remove_file(&path).unwrap();
    let h = harness_with_settings(settings);
    assert_eq!(
        h.state().doc().briefing.claims().count(),
        4,
        "the sample briefing"
    );
}

#[test]
fn save_in_the_unsaved_prompt_saves_then_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.ron");
    let (mut h, dialogs) = sample();
    select_text(&mut h, "next month");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    dialogs.push(DialogOutcome::Picked(vec![path.clone()]));
    h.get_by_label("Save").click();
    h.run();
    assert!(path.exists());
    let (b, _) = briefing_notes::file::load(&path).unwrap();
    assert_eq!(
        b.claims()
            .filter(|(_, c)| c.anchor.quote == "next month")
            .count(),
        1
    );
    assert!(h.state().is_closing(), "quit carries on after the save");
}

#[test]
fn paste_an_article_and_tag_it() {
    let (mut h, _) = sample();
    h.get_by_label("Paste…").click();
    h.run();
    for (label, text) in [
        ("Article title", "Harbour reopens"),
        ("Outlet", "Port Gazette"),
        ("Published", "2026-03-11"),
        (
            "Article text (paste with Ctrl+V)",
            "The harbour reopened on Wednesday, officials said.",
        ),
    ] {
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    }
    h.get_by_label("Add article").click();
    h.run();
    let a = h.state().current_article().unwrap();
    assert_eq!(
        (a.title.as_str(), a.outlet.as_str()),
        ("Harbour reopens", "Port Gazette")
    );
    assert_eq!(a.published.unwrap().to_string(), "2026-03-11");
    select_text(&mut h, "reopened on Wednesday");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(
        claims_with_quote(&h, "reopened on Wednesday"),
        [Status::Reported]
    );
}

#[test]
fn dropping_files_adds_them_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("dropped.txt");
    std::fs::write(&good, "A dropped report about the harbour.").unwrap();
    let bad = dir.path().join("image.txt");
    std::fs::write(&bad, [0u8, 1, 2, 3]).unwrap();
    let (mut h, _) = sample();
    for p in [good, bad] {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(app_harness::Dropped(p)));
    }
    h.run();
    let app = h.state();
    assert_eq!(app.doc().briefing.articles.len(), 2);
    assert_eq!(app.current_article().unwrap().title, "dropped");
    assert!(
        app.messages()
            .iter()
            .any(|m| m.is_error() && m.text.contains("image.txt")),
        "{:?}",
        app.messages()
    );
}

#[test]
fn typing_in_a_field_is_one_undo_step_per_field() {
    let (mut h, _) = sample();
    let before = h.state().doc().briefing.clone();
    h.get_by_label("Analyst").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Analyst").type_text("J. Doe");
    h.run();
    h.get_by_label("Bottom line").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Bottom line").type_text("Talks resume.");
    h.run();
    assert_eq!(h.state().doc().briefing.analyst, "J. Doe");
    assert_eq!(h.state().doc().briefing.summary, "Talks resume.");
    // Leave the fields, then undo: the summary goes back in one step, then the analyst.
    h.get_by_label("Article text").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().briefing.summary, before.summary);
    assert_eq!(h.state().doc().briefing.analyst, "J. Doe");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().briefing.analyst, before.analyst);
    assert!(!h.state().doc().is_dirty());
}

#[test]
fn dragging_past_the_bottom_edge_scrolls_and_extends_the_selection() {
    let text: String = (0..300)
        .map(|i| format!("Line {i} of a report that is longer than the window.\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    std::fs::write(&file, text).unwrap();
    let mut h = harness_with(vec![file], ScriptedDialogs::default());
    let first_screen = h.state().reader().chars_on_screen().unwrap();
    let start = h.state().reader().screen_pos(10).unwrap();
    h.event(egui::Event::PointerMoved(start));
    h.event(egui::Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    let below = egui::pos2(start.x, 815.0);
    for _ in 0..30 {
        h.event(egui::Event::PointerMoved(below));
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: below,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let sel = h.state().reader().selection().expect("a selection").range();
    assert_eq!(sel.start, 10);
    assert!(
        sel.end > first_screen.end,
        "selection {sel:?} ran past the first screen {first_screen:?}"
    );
}

#[test]
fn typing_a_note_does_not_lay_the_article_out_again() {
    let (mut h, _) = sample();
    let id = h.state().doc().briefing.articles[0].claims[0].id;
    h.state_mut()
        .push(briefing_notes::app::Command::SelectClaim(id));
    h.run();
    h.get_by_label("Note").focus();
    h.run();
    h.get_by_label("Note").type_text("x");
    h.step(); // the keystroke becomes an edit
    h.step(); // the frame that shows it
    assert!(
        h.state()
            .doc()
            .briefing
            .find_claim(id)
            .unwrap()
            .1
            .note
            .ends_with('x')
    );
    assert_eq!(
        h.state().reader().last_layouts(),
        0,
        "the note is not in the article text"
    );
}

#[test]
fn web_pages_import_with_their_metadata_and_a_page_without_an_article_offers_its_whole_text() {
    let html = |name: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/html")
            .join(name)
    };
    let (mut h, dialogs) = sample();
    dialogs.push(DialogOutcome::Picked(vec![html("jsonld.html")]));
    h.get_by_label("Add…").click();
    h.run();
    let a = h.state().current_article().unwrap().clone();
    assert_eq!(
        (a.title.as_str(), a.author.as_str(), a.outlet.as_str()),
        (
            "Harbour strike enters second week",
            "Amara Okafor",
            "Coastline Daily"
        )
    );
    assert!(a.text.starts_with("Dock workers at the port of Halden"));

    dialogs.push(DialogOutcome::Picked(vec![html("front-page.html")]));
    h.get_by_label("Add…").click();
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::NoArticle(_))));
    assert_eq!(
        h.state().doc().briefing.articles.len(),
        2,
        "nothing added yet"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert_eq!(h.state().doc().briefing.articles.len(), 2);

    dialogs.push(DialogOutcome::Picked(vec![html("front-page.html")]));
    h.get_by_label("Add…").click();
    h.run();
    h.get_by_label("Import the whole page").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert_eq!(h.state().doc().briefing.articles.len(), 3);
    let page = h.state().current_article().unwrap();
    assert_eq!(page.title, "Coastline Daily - Home");
    assert!(page.text.contains("Council approves new bridge"));
}

#[test]
fn a_big_page_imports_in_the_background_while_the_window_keeps_responding() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("big.html");
    let para = "<p>Officials in the capital said the new rules would take effect next month, after a short consultation with business groups and unions.</p>\n";
    let html = format!(
        "<html><head><title>Big page</title></head><body><article>{}</article></body></html>",
        para.repeat(3 * 1024 * 1024 / para.len())
    );
    std::fs::write(&page, html).unwrap();
    let (mut h, dialogs) = sample();
    dialogs.push(DialogOutcome::Picked(vec![page]));
    h.get_by_label("Add…").click();
    for _ in 0..5 {
        h.step();
        if h.state().importing().is_some() {
            break;
        }
    }
    assert!(
        h.state().importing().is_some(),
        "a 3 MB page goes to a worker thread"
    );
    h.step();
    assert_eq!(h.state().doc().briefing.articles.len(), 1, "not added yet");
    h.get_by_label("Importing big.html…");
    // The window keeps running frames meanwhile; the article arrives when the worker is done.
    for _ in 0..600 {
        h.step();
        if h.state().importing().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(h.state().importing().is_none(), "the import finished");
    h.run();
    assert_eq!(h.state().doc().briefing.articles.len(), 2);
    let a = h.state().current_article().unwrap();
    assert_eq!(a.title, "Big page");
    assert!(a.text.starts_with("Officials in the capital"));
}

#[test]
fn each_article_keeps_its_own_scroll_position() {
    use briefing_notes::app::Command;
    use briefing_notes::model::{Article, ArticleMeta, Briefing, now};
    let long = |tag: &str| -> String {
        (0..600)
            .map(|i| format!("{tag} paragraph {i}: the delegations met again and said little about the talks, according to two officials familiar with them.\n"))
            .collect()
    };
    let mut b = Briefing::new("Two", "");
    for tag in ["First", "Second"] {
        b.articles.push(Article::new(
            ArticleMeta {
                title: tag.into(),
                ..Default::default()
            },
            &long(tag),
            now(),
        ));
    }
    let (first, second) = (b.articles[0].id, b.articles[1].id);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.ron");
    briefing_notes::file::save(&path, &b).unwrap();
    let mut h = harness_with(vec![path], ScriptedDialogs::default());
    assert_eq!(h.state().current_article().map(|a| a.id), Some(first));

    let far = find_in_article(&h, "First paragraph 400:").start;
    h.state_mut()
        .push(briefing_notes::app::Command::ScrollTo(far));
    h.run();
    let place = h.state().reader().chars_on_screen().unwrap();
    assert!(place.start > 0, "scrolled down: {place:?}");

    h.state_mut().push(Command::SelectArticle(second));
    h.run();
    assert_eq!(
        h.state().reader().chars_on_screen().unwrap().start,
        0,
        "another article opens at its top"
    );

    h.state_mut().push(Command::SelectArticle(first));
    h.run();
    assert_eq!(
        h.state().reader().chars_on_screen().unwrap().start,
        place.start,
        "going back returns to where the reader was"
    );
}

#[test]
fn help_lists_the_shortcuts_of_the_action_table_and_escape_closes_it() {
    use briefing_notes::app::actions::Action;
    let (mut h, _) = sample();
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().shortcuts_open());
    h.get_by_label("Keyboard shortcuts");
    let ctx = h.ctx.clone();
    for action in Action::ALL {
        if action.shortcuts().is_empty() {
            continue;
        }
        let keys = action.all_shortcuts_text(&ctx);
        assert!(
            h.query_by_label(&keys).is_some(),
            "{action:?}: {keys} is listed"
        );
    }
    h.get_by_label("Ctrl+Shift+Z or Ctrl+Y");
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().shortcuts_open());
    assert!(h.query_by_label("Keyboard shortcuts").is_none());

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("Keyboard Shortcuts").click();
    h.run();
    assert!(
        h.state().shortcuts_open(),
        "Help ▸ Keyboard Shortcuts opens it too"
    );
}

#[test]
fn the_orphan_list_says_why_each_claim_lost_its_words() {
    use briefing_notes::anchor::Anchor;
    use briefing_notes::model::{Article, ArticleMeta, Briefing, Claim, now};
    // A claim tagged on words the article no longer has.
    let old = "Officials said the convoy crossed the border at dawn.";
    let idx = TextIndex::new(old);
    let r = briefing_notes::anchor::find_occurrences(&idx, "the convoy crossed")[0].clone();
    let anchor = Anchor::new(&idx, r).unwrap();
    let mut b = Briefing::new("Orphans", "");
    let mut a = Article::new(
        ArticleMeta {
            title: "Border".into(),
            ..Default::default()
        },
        "Officials said nothing happened at the frontier.",
        now(),
    );
    a.insert_claim(Claim::new(Status::Reported, anchor, now()));
    b.articles.push(a);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    briefing_notes::file::save(&path, &b).unwrap();
    let mut h = harness_with(vec![path], ScriptedDialogs::default());
    h.get_by_label("1 orphaned claim(s)").click();
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::Orphans)));
    h.get_by_label_contains("(words gone)");
}
