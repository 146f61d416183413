//! Nothing lost, in the app: autosave to the recovery journal and restoring it, failed
//! saves, the file changing on disk, and a second window on the same briefing.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

#[path = "support/app_harness.rs"]
mod app_harness;

use app_harness::{launch, window};
use briefing_notes::app::dialogs::{DialogKind, DialogOutcome, ScriptedDialogs};
use briefing_notes::app::settings::Settings;
use briefing_notes::app::{BriefingApp, Command, Modal, SAMPLE_BRIEFING, Startup};
use briefing_notes::atomic::{FailAt, FailingStorage};
use briefing_notes::edit::BriefingField;
use briefing_notes::model::Status;
use briefing_notes::places::Places;
use briefing_notes::text::TextIndex;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A test's own app folders and a briefing file to work on.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> Self {
        let w = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::write(w.briefing(), SAMPLE_BRIEFING).unwrap();
        w
    }
    fn places(&self) -> Places {
        Places::under(&self.dir.path().join("home"))
    }
    fn briefing(&self) -> PathBuf {
        self.dir.path().join("b.ron")
    }
    fn recovery_files(&self) -> Vec<PathBuf> {
        let dir = self.places().recovery().unwrap();
        std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                    .collect()
            })
            .unwrap_or_default()
    }
    fn app(&self, files: Vec<PathBuf>, dialogs: ScriptedDialogs) -> Harness<'static, BriefingApp> {
        let startup = Startup {
            files,
            fresh: true,
            places: self.places(),
        };
        launch(window(), startup, dialogs)
    }
    fn open(&self) -> Harness<'static, BriefingApp> {
        self.app(vec![self.briefing()], ScriptedDialogs::default())
    }
}

/// Tags the first occurrence of `words` in the current article, as Ctrl+2 would.
fn tag(h: &mut Harness<'_, BriefingApp>, words: &str) {
    let a = h.state().current_article().unwrap();
    let idx = TextIndex::new(&a.text);
    let range = briefing_notes::anchor::find_occurrences(&idx, words)[0].clone();
    h.state_mut().push(Command::SelectText(range));
    h.state_mut().push(Command::Tag(Status::Reported));
    h.run();
}

fn set_title(h: &mut Harness<'_, BriefingApp>, title: &str) {
    h.state_mut().push(Command::SetField {
        field: BriefingField::Title,
        value: title.into(),
    });
    h.run();
}

/// Lets the debounce run out and the journal write finish.
fn let_autosave_run(h: &mut Harness<'_, BriefingApp>) {
    std::thread::sleep(Duration::from_millis(1600));
    h.run();
    assert!(h.state().wait_for_autosave());
}

fn has_message(h: &Harness<'_, BriefingApp>, part: &str) -> bool {
    h.state().messages().iter().any(|m| m.text.contains(part))
}

#[test]
fn changes_reach_the_journal_within_two_seconds_and_saving_deletes_it() {
    let w = World::new();
    let mut h = w.open();
    assert!(h.state().autosave_on());
    assert!(w.recovery_files().is_empty(), "nothing unsaved yet");
    set_title(&mut h, "Working title");
    h.run();
    assert!(h.state().wait_for_autosave());
    assert!(w.recovery_files().is_empty(), "debounced: not at once");
    let_autosave_run(&mut h);
    let files = w.recovery_files();
    assert_eq!(files.len(), 1);
    let entry = briefing_notes::journal::read_entry(&files[0]).unwrap();
    assert_eq!(entry.briefing.title, "Working title");
    assert_eq!(entry.path.as_deref(), Some(w.briefing().as_path()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().doc().is_dirty());
    assert!(w.recovery_files().is_empty(), "saved work needs no journal");
}

/// A minimised or hidden window gets no `ui` pass, only `logic` (eframe's
/// `update_logic_only`): work queued then must still reach the journal.
#[test]
fn autosave_runs_while_the_window_is_hidden() {
    use eframe::App as _;
    let w = World::new();
    let ctx = egui::Context::default();
    let startup = Startup {
        files: vec![w.briefing()],
        fresh: true,
        places: w.places(),
    };
    let dialogs = Box::new(ScriptedDialogs::default());
    let mut app = BriefingApp::with_parts(&ctx, startup, dialogs, Settings::default());
    let mut frame = eframe::Frame::_new_kittest();
    let mut logic_only = |app: &mut BriefingApp| {
        let _ = ctx.run_logic(&egui::RawInput::default(), |ctx| app.logic(ctx, &mut frame));
    };
    logic_only(&mut app);
    assert!(app.autosave_on());
    app.push(Command::SetField {
        field: BriefingField::Title,
        value: "Typed, then minimised".into(),
    });
    let started = std::time::Instant::now();
    while w.recovery_files().is_empty() && started.elapsed() < Duration::from_secs(10) {
        logic_only(&mut app);
        assert!(app.wait_for_autosave());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(app.doc().briefing.title, "Typed, then minimised");
    let files = w.recovery_files();
    assert_eq!(files.len(), 1, "the journal was written without a ui pass");
    let entry = briefing_notes::journal::read_entry(&files[0]).unwrap();
    assert_eq!(entry.briefing.title, "Typed, then minimised");
}

#[test]
fn discarding_unsaved_work_deletes_the_journal() {
    let w = World::new();
    let mut h = w.open();
    set_title(&mut h, "Throwaway");
    let_autosave_run(&mut h);
    assert_eq!(w.recovery_files().len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().wait_for_autosave());
    assert!(w.recovery_files().is_empty());
}

#[test]
fn a_running_apps_journal_is_not_offered_to_another() {
    let w = World::new();
    let mut h = w.open();
    set_title(&mut h, "Still being worked on");
    let_autosave_run(&mut h);
    let article = w.dir.path().join("a.md");
    std::fs::write(&article, "# Other\n\nText.").unwrap();
    let second = w.app(vec![article], ScriptedDialogs::default());
    assert!(
        second.state().modal().is_none(),
        "{:?}",
        second.state().modal()
    );
    assert_eq!(w.recovery_files().len(), 1);
    drop(h);
}

/// What a crash leaves: the journal of a run whose process is gone (dropped, not exited).
fn crashed_run(
    w: &World,
    edit: impl FnOnce(&mut Harness<'static, BriefingApp>),
) -> briefing_notes::model::Briefing {
    let mut h = w.open();
    edit(&mut h);
    let_autosave_run(&mut h);
    let b = h.state().doc().briefing.clone();
    drop(h); // releases the journal's lock as the OS does for a dead process; no on_exit
    b
}

#[test]
fn restore_brings_back_every_change_and_leaves_the_file_alone() {
    let w = World::new();
    let before = std::fs::read(w.briefing()).unwrap();
    let expected = crashed_run(&w, |h| {
        tag(h, "port");
        set_title(h, "Port strike: day two");
    });
    let mut h = w.open();
    let Some(Modal::Recover(offer)) = h.state().modal().cloned() else {
        panic!("no recovery offer: {:?}", h.state().modal())
    };
    assert_eq!(offer.title, "Port strike: day two");
    assert_eq!(offer.path.as_deref(), Some(w.briefing().as_path()));
    assert_eq!(offer.changes, "1 claim added, 1 detail edited");
    assert!(!offer.file_changed_since);
    h.get_by_label("Restore").click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc().briefing, expected);
    assert!(app.doc().is_dirty(), "restored work is unsaved");
    assert_eq!(app.doc().path.as_deref(), Some(w.briefing().as_path()));
    assert_eq!(std::fs::read(w.briefing()).unwrap(), before);
    // The restored briefing is still locked against a second window.
    let second = w.open();
    assert!(matches!(
        second.state().modal(),
        Some(Modal::OpenElsewhere(_))
    ));
    drop(second);
    // The work now lives in this run's journal, and the old one is gone.
    let files = w.recovery_files();
    assert_eq!(files.len(), 1);
    assert_eq!(Some(files[0].as_path()), h.state().journal_path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let (saved, _) = briefing_notes::file::load(&w.briefing()).unwrap();
    assert_eq!(saved.title, "Port strike: day two");
    assert!(w.recovery_files().is_empty());
}

#[test]
fn discard_deletes_the_journal_and_later_keeps_it() {
    let w = World::new();
    crashed_run(&w, |h| set_title(h, "Lost cause"));
    let mut h = w.open();
    assert!(matches!(h.state().modal(), Some(Modal::Recover(_))));
    h.get_by_label("Decide later").click();
    h.run();
    assert_ne!(h.state().doc().briefing.title, "Lost cause");
    drop(h);
    let mut h = w.open();
    assert!(
        matches!(h.state().modal(), Some(Modal::Recover(_))),
        "offered again"
    );
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert_ne!(h.state().doc().briefing.title, "Lost cause");
    drop(h);
    assert!(w.recovery_files().is_empty());
    let h = w.open();
    assert!(h.state().modal().is_none());
}

#[test]
fn a_never_saved_briefing_is_recovered_too() {
    let w = World::new();
    let article = w.dir.path().join("a.md");
    std::fs::write(
        &article,
        "# Dock report\n\nThe harbour closed at noon, officials said.",
    )
    .unwrap();
    let mut h = w.app(vec![article], ScriptedDialogs::default());
    assert!(h.state().doc().path.is_none());
    tag(&mut h, "harbour closed at noon");
    let_autosave_run(&mut h);
    drop(h);
    let mut h = w.app(Vec::new(), ScriptedDialogs::default());
    let Some(Modal::Recover(offer)) = h.state().modal().cloned() else {
        panic!("no offer")
    };
    assert_eq!(offer.path, None);
    assert_eq!(offer.changes, "1 claim added, 1 article added");
    h.get_by_label("Restore").click();
    h.run();
    let doc = h.state().doc();
    assert_eq!(doc.path, None);
    assert_eq!(doc.briefing.articles.len(), 1);
    assert_eq!(
        doc.briefing.articles[0].claims[0].anchor.quote,
        "harbour closed at noon"
    );
}

#[test]
fn a_failed_save_says_so_and_keeps_the_work_and_the_old_file() {
    for at in [FailAt::Write, FailAt::Sync, FailAt::Rename] {
        let w = World::new();
        let before = std::fs::read(w.briefing()).unwrap();
        let mut h = w.open();
        h.state_mut().set_storage(Arc::new(FailingStorage(at)));
        set_title(&mut h, "Edited");
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run();
        assert!(h.state().doc().is_dirty(), "{at:?}");
        assert_eq!(h.state().doc().briefing.title, "Edited");
        assert!(
            has_message(&h, "Nothing was overwritten"),
            "{at:?}: {:?}",
            h.state().messages()
        );
        assert_eq!(std::fs::read(w.briefing()).unwrap(), before, "{at:?}");
        let leftovers: Vec<_> = std::fs::read_dir(w.dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| n.to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{at:?}: {leftovers:?}");
        // The failing disk also fails the journal; the user is told.
        let_autosave_run(&mut h);
        h.run();
        assert!(has_message(&h, "Autosave failed"), "{at:?}");
    }
}

#[test]
fn a_file_changed_on_disk_is_noticed_on_focus_and_reload_shows_it() {
    let w = World::new();
    let mut h = w.open();
    let mut other = briefing_notes::file::load(&w.briefing()).unwrap().0;
    other.title = "Changed by git pull".into();
    briefing_notes::file::save(&w.briefing(), &other).unwrap();
    h.input_mut().focused = false;
    h.run();
    assert!(h.state().modal().is_none());
    h.input_mut().focused = true;
    h.run();
    assert!(matches!(
        h.state().modal(),
        Some(Modal::ChangedOnDisk { saving: false })
    ));
    h.get_by_label("Reload").click();
    h.run();
    assert_eq!(h.state().doc().briefing.title, "Changed by git pull");
    assert!(!h.state().doc().is_dirty());
    // Focus again with nothing new on disk: no question.
    h.input_mut().focused = false;
    h.run();
    h.input_mut().focused = true;
    h.run();
    assert!(h.state().modal().is_none());
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_and_keep_mine_saves_elsewhere() {
    let w = World::new();
    let dialogs = ScriptedDialogs::default();
    let mut h = w.app(vec![w.briefing()], dialogs.clone());
    set_title(&mut h, "Mine");
    let mut other = briefing_notes::file::load(&w.briefing()).unwrap().0;
    other.title = "Theirs".into();
    briefing_notes::file::save(&w.briefing(), &other).unwrap();
    let theirs = std::fs::read(w.briefing()).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().modal(),
        Some(Modal::ChangedOnDisk { saving: true })
    ));
    assert_eq!(
        std::fs::read(w.briefing()).unwrap(),
        theirs,
        "never a silent overwrite"
    );
    let mine = w.dir.path().join("b-mine.ron");
    dialogs.push(DialogOutcome::Picked(vec![mine.clone()]));
    h.get_by_label("Keep mine…").click();
    h.run();
    let asked = dialogs.requested.lock().unwrap().last().cloned();
    assert_eq!(
        asked,
        Some(DialogKind::SaveBriefing {
            suggested: w.dir.path().join("b-mine.ron")
        }),
        "beside the briefing"
    );
    assert_eq!(briefing_notes::file::load(&mine).unwrap().0.title, "Mine");
    assert_eq!(std::fs::read(w.briefing()).unwrap(), theirs);
    assert_eq!(h.state().doc().path.as_deref(), Some(mine.as_path()));
    assert!(!h.state().doc().is_dirty());
}

#[test]
fn a_second_window_is_told_and_can_open_read_only() {
    let w = World::new();
    let first = w.open();
    assert!(first.state().doc().path.is_some());
    let dialogs = ScriptedDialogs::default();
    let mut second = w.app(vec![w.briefing()], dialogs.clone());
    assert!(matches!(
        second.state().modal(),
        Some(Modal::OpenElsewhere(_))
    ));
    second.get_by_label("Open read-only").click();
    second.run();
    let doc = &second.state().doc();
    assert!(doc.read_only);
    assert_eq!(doc.path.as_deref(), Some(w.briefing().as_path()));
    let before = std::fs::read(w.briefing()).unwrap();
    set_title(&mut second, "Not allowed");
    assert_ne!(second.state().doc().briefing.title, "Not allowed");
    assert!(has_message(&second, "read-only"));
    second.key_press_modifiers(Modifiers::COMMAND, Key::S);
    second.run();
    assert!(matches!(
        dialogs.requested.lock().unwrap().last(),
        Some(DialogKind::SaveBriefing { .. })
    ));
    assert_eq!(std::fs::read(w.briefing()).unwrap(), before);
    // Once the first window moves on to another briefing, closes or crashes, the file can be
    // opened normally.
    let mut first = first;
    first.key_press_modifiers(Modifiers::COMMAND, Key::N);
    first.run();
    assert!(first.state().doc().path.is_none());
    let fourth = w.open();
    assert!(fourth.state().modal().is_none(), "New released the lock");
    drop(fourth);
    drop(first);
    drop(second);
    let third = w.open();
    assert!(third.state().modal().is_none());
    assert!(!third.state().doc().read_only);
}

#[test]
fn settings_are_kept_in_their_own_file() {
    let w = World::new();
    let mut h = w.open();
    eframe::App::on_exit(h.state_mut(), None);
    let file = w.places().settings_file().unwrap();
    let settings = Settings::load(&file).expect("settings written");
    assert_eq!(
        settings.last_open.as_deref().map(Path::to_path_buf),
        Some(std::fs::canonicalize(w.briefing()).unwrap())
    );
}

#[test]
fn a_pasted_article_over_the_size_limit_is_refused() {
    let w = World::new();
    let mut h = w.open();
    let before = h.state().doc().briefing.articles.len();
    h.state_mut().push(Command::AddPastedArticle {
        meta: Default::default(),
        text: "word ".repeat(21 * 1024 * 1024 / 5),
    });
    h.run();
    assert_eq!(h.state().doc().briefing.articles.len(), before);
    assert!(has_message(&h, "articles over 20 MB are refused"));
}
