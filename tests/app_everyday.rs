//! Everyday use, driven headlessly as a user would: the window at laptop and desktop
//! sizes, text size, the in-window file browser, coming back to where one left off,
//! working through claims and finding across the briefing by keyboard, and messages.

use std::path::Path;
use std::time::Duration;

use briefing_notes::app::dialogs::{DialogOutcome, ScriptedDialogs};
use briefing_notes::app::settings::Settings;
use briefing_notes::app::{BriefingApp, Command, Modal, Startup};
use briefing_notes::model::Status;
use briefing_notes::places::Places;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const SAMPLE: &str = include_str!("../assets/sample-briefing.ron");

fn build(
    size: (f32, f32),
    startup: Startup,
    dialogs: ScriptedDialogs,
    settings: Settings,
) -> Harness<'static, BriefingApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_step_dt(0.05)
        .with_max_steps(60)
        .build_eframe(move |cc| {
            BriefingApp::with_parts(&cc.egui_ctx, startup, Box::new(dialogs), settings)
        });
    h.run();
    h
}

/// The sample briefing at a window size, with nothing remembered.
fn sample_at(size: (f32, f32), settings: Settings) -> Harness<'static, BriefingApp> {
    let startup = Startup {
        fresh: true,
        ..Default::default()
    };
    build(size, startup, ScriptedDialogs::default(), settings)
}

fn press(h: &mut Harness<'_, BriefingApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn ctrl_shift() -> Modifiers {
    Modifiers::COMMAND.plus(Modifiers::SHIFT)
}

/// An article file with a title and paragraphs, added to the open briefing.
fn add_article(h: &mut Harness<'_, BriefingApp>, dir: &Path, name: &str, text: &str) {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    h.state_mut().push(Command::AddArticlePaths(vec![file]));
    h.run();
}

fn tag_words(h: &mut Harness<'_, BriefingApp>, words: &str, status: Status) {
    let a = h.state().current_article().unwrap();
    let at = a.text.find(words).expect("words in the article");
    let start = a.text[..at].chars().count();
    let range = start..start + words.chars().count();
    h.state_mut().push(Command::SelectText(range));
    h.run();
    h.state_mut().push(Command::Tag(status));
    h.run();
}

#[test]
fn the_reader_keeps_a_readable_line_at_laptop_and_desktop_sizes() {
    for size in [(800.0, 600.0), (1280.0, 800.0), (1920.0, 1080.0)] {
        let mut h = sample_at(size, Settings::default());
        let chars = h.state().reader().line_chars();
        let row = h.state().reader().widest_row_chars();
        assert!(chars >= 45.0, "{size:?}: {chars:.1} characters a line");
        assert!(row >= 45, "{size:?}: the widest row holds {row} characters");
        // Both side panels are there, and never wider than their share.
        let claims = h
            .get_by_role_and_label(egui::accesskit::Role::Heading, "Claims")
            .rect();
        let briefing = h
            .get_by_role_and_label(egui::accesskit::Role::Heading, "Briefing")
            .rect();
        assert!(
            claims.min.x > size.0 * 0.6,
            "{size:?}: claims at {claims:?}"
        );
        assert!(briefing.max.x < size.0 * 0.4, "{size:?}");
        // The find bar lives inside the reader's width: opening it changes no line.
        press(&mut h, Modifiers::COMMAND, Key::F);
        assert!(h.state().find_open());
        let with_find = h.state().reader().line_chars();
        assert!(
            (with_find - chars).abs() < 0.5,
            "{size:?}: {chars} → {with_find}"
        );
        let field = h.get_by_label("Find in article").rect();
        assert!(
            field.max.x < claims.min.x,
            "{size:?}: find bar under the claims"
        );
    }
}

#[test]
fn a_long_title_is_cut_in_the_outline_and_does_not_widen_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_at((800.0, 600.0), Settings::default());
    let title = "A very long headline about talks between Norland and Estavia ".repeat(6);
    add_article(
        &mut h,
        dir.path(),
        "long.md",
        &format!("# {title}\n\nSome text."),
    );
    let entry = h
        .get_by_role_and_label(egui::accesskit::Role::List, "Articles")
        .query_all_by_role(egui::accesskit::Role::ListItem)
        .find(|n| {
            n.accesskit_node()
                .label()
                .unwrap_or_default()
                .starts_with("A very long headline")
        })
        .expect("the article in the list")
        .rect();
    assert!(entry.max.x < 800.0 * 0.32, "{entry:?}");
    assert!(h.state().reader().line_chars() >= 45.0);
}

#[test]
fn big_text_hides_the_panels_before_the_reader_gives_way() {
    let settings = Settings {
        text_size: 28.0,
        ..Settings::default()
    };
    let mut h = sample_at((800.0, 600.0), settings);
    assert!(h.state().reader().line_chars() >= 45.0);
    assert!(h.query_by_label("Panels hidden").is_some());
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Heading, "Claims")
            .is_none()
    );
    // Ctrl+0: the default size again, and the panels come back.
    press(&mut h, Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.state().settings().text_size, 17.0);
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Heading, "Claims")
            .is_some()
    );
    assert!(h.query_by_label("Panels hidden").is_none());
}

#[test]
fn text_size_keys_scale_the_whole_window_and_panels_toggle() {
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    let body = |h: &Harness<'_, BriefingApp>| {
        h.ctx.global_style().text_styles[&egui::TextStyle::Body].size
    };
    let before = body(&h);
    let title_field = h.get_by_label("Title").rect().height();
    press(&mut h, Modifiers::COMMAND, Key::Equals);
    press(&mut h, Modifiers::COMMAND, Key::Equals);
    assert_eq!(h.state().settings().text_size, 19.0);
    assert!(body(&h) > before, "panel text grows too");
    assert!(h.get_by_label("Title").rect().height() > title_field);
    press(&mut h, Modifiers::COMMAND, Key::Minus);
    assert_eq!(h.state().settings().text_size, 18.0);

    let wide = h.state().reader().line_chars();
    press(&mut h, ctrl_shift(), Key::O);
    h.run();
    assert!(!h.state().settings().show_outline);
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Heading, "Briefing")
            .is_none()
    );
    press(&mut h, ctrl_shift(), Key::L);
    h.run();
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Heading, "Claims")
            .is_none()
    );
    assert!(
        h.state().reader().line_chars() >= wide,
        "the reader gets the room"
    );
    // The View menu lists both, with their shortcuts, and brings them back.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Outline Panel").click();
    h.run();
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Heading, "Briefing")
            .is_some()
    );
}

#[test]
fn light_theme_fields_have_visible_edges() {
    let settings = Settings {
        theme: briefing_notes::app::settings::ThemeChoice::Light,
        ..Settings::default()
    };
    let h = sample_at((1280.0, 800.0), settings);
    let v = h.ctx.style_of(egui::Theme::Light).visuals.clone();
    let edge = v.widgets.inactive.bg_stroke.color;
    let c = briefing_notes::app::theme::contrast(edge, v.panel_fill);
    assert!(c >= 3.0, "field edge contrast {c:.2}");
}

fn browsing(
    dir: &Path,
    outcome: DialogOutcome,
) -> (Harness<'static, BriefingApp>, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    dialogs.push(outcome);
    let settings = Settings {
        recent_folders: vec![dir.to_owned()],
        ..Settings::default()
    };
    let startup = Startup {
        fresh: true,
        ..Default::default()
    };
    let h = build((1280.0, 800.0), startup, dialogs.clone(), settings);
    (h, dialogs)
}

fn browser<'a>(h: &'a Harness<'_, BriefingApp>) -> &'a briefing_notes::app::browser::Browser {
    match h.state().modal() {
        Some(Modal::FileBrowser(b)) => b,
        other => panic!("no file browser: {other:?}"),
    }
}

#[test]
fn without_a_native_dialog_save_goes_through_the_in_window_browser() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("older.ron"), SAMPLE).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let (mut h, _) = browsing(dir.path(), DialogOutcome::Unavailable);
    press(&mut h, Modifiers::COMMAND, Key::S);
    // A real folder (the last used) and a name from the title; the target always shown.
    let b = browser(&h);
    assert_eq!(b.dir, dir.path());
    assert!(b.typed.ends_with(".ron"), "{}", b.typed);
    let names: Vec<_> = b.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["older.ron"], "briefings only");
    assert!(
        h.query_by_label_contains(&format!("Save: {}", dir.path().display()))
            .is_some()
    );
    // A new folder, then a typed name; Enter saves there.
    h.get_by_label("New folder…").click();
    h.run();
    h.get_by_label("New folder name").type_text("cases");
    h.run();
    h.get_by_label("Create").click();
    h.run();
    assert_eq!(browser(&h).dir, dir.path().join("cases"));
    let field = h.get_by_label("File name");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("File name").type_text("kremlin-call");
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    let saved = dir.path().join("cases").join("kremlin-call.ron");
    assert!(saved.exists(), "{:?}", h.state().messages());
    assert!(h.state().modal().is_none());
    assert_eq!(h.state().doc().path.as_deref(), Some(saved.as_path()));
}

#[test]
fn the_browser_opens_by_typed_path_with_tab_completion_and_escape_cancels() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("cases")).unwrap();
    std::fs::write(dir.path().join("cases").join("kremlin.ron"), SAMPLE).unwrap();
    let (mut h, dialogs) = browsing(dir.path(), DialogOutcome::Unavailable);
    press(&mut h, Modifiers::COMMAND, Key::O);
    assert!(browser(&h).kind.extensions().contains(&"ron"));
    let field = h.get_by_label("Path");
    field.focus();
    h.run();
    h.get_by_label("Path").type_text("ca");
    h.run();
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert_eq!(browser(&h).typed, "cases/");
    h.get_by_label("Path").type_text("k");
    h.run();
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert_eq!(browser(&h).typed, "cases/kremlin.ron");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().modal().is_none());
    let opened = h.state().doc().path.clone().unwrap();
    assert!(opened.ends_with("cases/kremlin.ron"), "{opened:?}");

    dialogs.push(DialogOutcome::Unavailable);
    h.get_by_label("Add…").click();
    h.run();
    assert!(browser(&h).kind.multiple());
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().modal().is_none());
    assert_eq!(h.state().doc().briefing.articles.len(), 1);
}

fn places_in(dir: &Path) -> Places {
    Places::under(&dir.join("home"))
}

fn open_with_places(dir: &Path, briefing: &Path) -> Harness<'static, BriefingApp> {
    let startup = Startup {
        files: vec![briefing.to_owned()],
        fresh: true,
        places: places_in(dir),
    };
    build(
        (1280.0, 800.0),
        startup,
        ScriptedDialogs::default(),
        Settings::default(),
    )
}

#[test]
fn reopening_a_briefing_returns_to_where_the_user_left_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.ron");
    std::fs::write(&file, SAMPLE).unwrap();
    let long = (1..=80)
        .map(|i| format!("Paragraph {i} of the second report says the talks went on."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut h = open_with_places(dir.path(), &file);
    add_article(
        &mut h,
        dir.path(),
        "second.md",
        &format!("# Second\n\n{long}"),
    );
    tag_words(&mut h, "Paragraph 60 of", Status::Disputed);
    let claim = h
        .state()
        .selected_claim()
        .expect("the new claim is selected");
    h.state_mut().push(Command::Save);
    h.run();
    // Filters of the claims list are part of the view: show Disputed only.
    // (The first of each is the list's filter; the editor's status buttons follow.)
    h.get_all_by_label("Confirmed").next().unwrap().click();
    h.run();
    h.get_all_by_label("Reported").next().unwrap().click();
    h.run();
    h.state_mut().push(Command::RevealClaim(claim));
    h.run();
    let on_screen = h.state().reader().chars_on_screen().unwrap();
    h.state_mut().store_prefs();
    drop(h);

    let h = open_with_places(dir.path(), &file);
    assert_eq!(h.state().current_article().unwrap().title, "Second");
    assert_eq!(h.state().selected_claim(), Some(claim));
    // The same first line on screen (the last depends on what else is shown above).
    let again = h.state().reader().chars_on_screen().unwrap();
    assert_eq!(again.start, on_screen.start);
    assert!(h.query_all_by_label_contains("“Paragraph 60 of”").count() >= 1);
    assert!(
        h.query_by_label_contains("met for nearly four hours")
            .is_none(),
        "filtered out as before"
    );
    // Nothing is written into the briefing itself.
    assert!(!std::fs::read_to_string(&file).unwrap().contains("scroll"));

    // A claim that is gone falls back quietly.
    let mut h = h;
    h.state_mut().push(Command::DeleteClaim(claim));
    h.state_mut().push(Command::Save);
    h.run();
    h.state_mut().store_prefs();
    drop(h);
    let h = open_with_places(dir.path(), &file);
    assert_eq!(h.state().selected_claim(), None);
    assert_eq!(h.state().current_article().unwrap().title, "Second");
    assert!(h.state().messages().iter().all(|m| !m.is_error()));
}

#[test]
fn next_and_previous_claim_walk_the_claims_list_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    let first_article = h.state().current_article().unwrap().id;
    add_article(
        &mut h,
        dir.path(),
        "second.md",
        "# Second\n\nThe port reopened on Monday, officials said.",
    );
    tag_words(&mut h, "The port reopened", Status::Confirmed);
    let last = h.state().selected_claim().unwrap();
    let order: Vec<_> = h
        .state()
        .doc()
        .briefing
        .claims()
        .map(|(_, c)| c.id)
        .collect();
    assert_eq!(order.last(), Some(&last));
    // F8 from the last claim wraps to the first, in the first article, shown in the reader.
    press(&mut h, Modifiers::NONE, Key::F8);
    assert_eq!(h.state().selected_claim(), Some(order[0]));
    assert_eq!(h.state().current_article().unwrap().id, first_article);
    let start = h
        .state()
        .doc()
        .briefing
        .find_claim(order[0])
        .unwrap()
        .1
        .anchor
        .range()
        .start;
    assert!(
        h.state()
            .reader()
            .chars_on_screen()
            .unwrap()
            .contains(&start)
    );
    press(&mut h, Modifiers::NONE, Key::F8);
    assert_eq!(h.state().selected_claim(), Some(order[1]));
    press(&mut h, Modifiers::SHIFT, Key::F8);
    press(&mut h, Modifiers::SHIFT, Key::F8);
    assert_eq!(h.state().selected_claim(), Some(last));
    assert_ne!(h.state().current_article().unwrap().id, first_article);
}

#[test]
fn find_in_the_briefing_jumps_to_a_match_in_another_article_ready_to_tag() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    add_article(
        &mut h,
        dir.path(),
        "second.md",
        "# Second\n\nThe ferry to Estavia resumed, a spokesperson said.",
    );
    let second = h.state().current_article().unwrap().id;
    let first = h.state().doc().briefing.articles[0].id;
    h.state_mut().push(Command::SelectArticle(first));
    h.run();
    press(&mut h, ctrl_shift(), Key::F);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find in briefing")
        .type_text("ferry to");
    h.run();
    assert!(
        h.query_by_label_contains("1 match in 1 of 2 articles")
            .is_some()
    );
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().current_article().unwrap().id, second);
    let sel = h.state().reader().selection().unwrap().range();
    let a = h.state().current_article().unwrap();
    let text: String = a.text.chars().skip(sel.start).take(sel.len()).collect();
    assert_eq!(text, "ferry to");
    press(&mut h, Modifiers::COMMAND, Key::Num2);
    let tagged = h.state().selected_claim().expect("tagged");
    let (_, claim) = h.state().doc().briefing.find_claim(tagged).unwrap();
    assert_eq!(claim.anchor.quote, "ferry to");
    // Escape in its field closes it.
    press(&mut h, ctrl_shift(), Key::F);
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label_contains("articles").is_none());
}

#[test]
fn a_second_ctrl_f_selects_the_last_query_so_typing_replaces_it() {
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find in article").type_text("talks");
    h.run();
    // Focus elsewhere, then Ctrl+F again.
    h.get_by_label("Analyst").focus();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find in article").type_text("Geneva");
    h.run();
    assert_eq!(
        h.get_by_label("Find in article").value().as_deref(),
        Some("Geneva")
    );
}

#[test]
fn notices_fade_errors_stay_until_they_no_longer_hold() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    // A save into a folder that does not exist fails; the error stays.
    let missing = dir.path().join("nowhere").join("b.ron");
    h.state_mut().push(Command::SaveTo(missing));
    h.run();
    let error = |h: &Harness<'_, BriefingApp>| h.state().messages().iter().any(|m| m.is_error());
    assert!(error(&h));
    h.state_mut().age_messages(Duration::from_secs(60));
    h.run();
    assert!(error(&h), "errors do not fade");
    // Saved elsewhere: the failure no longer holds, and the notice of success fades.
    h.state_mut()
        .push(Command::SaveTo(dir.path().join("b.ron")));
    h.run();
    assert!(!error(&h), "{:?}", h.state().messages());
    assert!(h.query_all_by_label_contains("Saved to").next().is_some());
    h.state_mut().age_messages(Duration::from_secs(6));
    h.run();
    assert!(h.state().messages().is_empty());
    // The status bar never says both "not saved to a file" and "Saved".
    h.state_mut().push(Command::New);
    h.run();
    assert!(h.query_by_label("Not saved to a file yet").is_some());
    assert!(h.query_by_label("Saved").is_none());
}

#[test]
fn several_messages_take_one_line_with_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    let heading_y = |h: &Harness<'_, BriefingApp>| {
        h.get_by_label("Norland and Estavia hold first direct talks in two years")
            .rect()
            .min
            .y
    };
    let before = heading_y(&h);
    for i in 0..3 {
        h.state_mut().push(Command::SaveTo(
            dir.path().join(format!("no{i}")).join("b.ron"),
        ));
    }
    h.run();
    assert_eq!(h.state().messages().len(), 3);
    let row = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size * 2.5;
    let pushed = heading_y(&h) - before;
    assert!(pushed > 0.0 && pushed <= row, "pushed down by {pushed}");
    h.get_by_label("2 more").click();
    h.run();
    assert!(heading_y(&h) - before > row, "all three shown on request");
}

#[test]
fn a_file_that_is_not_a_briefing_is_named_as_such_with_details_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    std::fs::write(&notes, "Meeting notes: call the embassy on Monday.\n").unwrap();
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    h.state_mut().push(Command::OpenPath(notes));
    h.run();
    let m = h.state().messages().last().unwrap().clone();
    assert!(
        m.text
            .contains("notes.ron is not a briefing file (it looks like text)"),
        "{}",
        m.text
    );
    assert!(!m.text.contains(":1:"), "no parser positions in the line");
    let details = m.details.clone().unwrap();
    assert!(details.contains("notes.ron:1:"), "{details}");
    h.get_by_label("Details").click();
    h.run();
    assert!(h.query_by_label(&details).is_some());
}

#[test]
fn removing_an_article_says_what_went_with_it_and_offers_undo() {
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    let claims = h.state().current_article().unwrap().claims.len();
    h.get_by_label("Remove").click();
    h.run();
    assert!(h.state().doc().briefing.articles.is_empty());
    assert!(
        h.query_all_by_label_contains(&format!("and its {claims} claims"))
            .next()
            .is_some(),
        "{:?}",
        h.state().messages()
    );
    // The notice's Undo, below the toolbar's.
    let undo = h
        .get_all_by_label("Undo")
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap();
    undo.click();
    h.run();
    assert_eq!(h.state().doc().briefing.articles.len(), 1);
    assert_eq!(h.state().doc().briefing.claims().count(), claims);
    // Undone, the notice no longer offers it.
    assert!(
        h.query_all_by_label("Undo").count() <= 1,
        "only the toolbar's"
    );
}

#[test]
fn plain_text_with_single_newlines_reads_as_spaced_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    add_article(
        &mut h,
        dir.path(),
        "wire.txt",
        "Wire copy\nFirst paragraph, short.\nSecond paragraph, short.\nThird.",
    );
    let a = h.state().current_article().unwrap();
    let start_of = |words: &str| a.text[..a.text.find(words).unwrap()].chars().count();
    let (p1, p2) = (start_of("First"), start_of("Second"));
    let reader = h.state().reader();
    let (y1, y2) = (
        reader.screen_pos(p1).unwrap().y,
        reader.screen_pos(p2).unwrap().y,
    );
    let row = h
        .ctx
        .fonts_mut(|f| f.row_height(&egui::FontId::proportional(17.0)));
    assert!(y2 - y1 > row * 1.4, "rows {y1} → {y2}, row height {row}");
}

#[test]
fn a_garbled_page_is_flagged_when_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_at((1280.0, 800.0), Settings::default());
    let garbled = "Officials said itâ€™s too early. The cafÃ© owners werenâ€™t told. ".repeat(4);
    add_article(&mut h, dir.path(), "garbled.txt", &garbled);
    assert_eq!(h.state().doc().briefing.articles.len(), 2);
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.text.contains("garbled") && !m.is_error()),
        "{:?}",
        h.state().messages()
    );
}

#[test]
fn the_browser_list_is_walked_with_the_arrow_keys() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("cases")).unwrap();
    std::fs::write(dir.path().join("cases").join("kremlin.ron"), SAMPLE).unwrap();
    let (mut h, _) = browsing(dir.path(), DialogOutcome::Unavailable);
    press(&mut h, Modifiers::COMMAND, Key::O);
    h.get_by_label("Path").focus();
    h.run();
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(browser(&h).highlight, Some(0));
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(browser(&h).dir, dir.path().join("cases"));
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().modal().is_none());
    let opened = h.state().doc().path.clone().unwrap();
    assert!(opened.ends_with("cases/kremlin.ron"), "{opened:?}");
}
