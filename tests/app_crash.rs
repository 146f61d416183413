//! `kill -9` the app after edits, start it again: the recovery offer appears and restores
//! every edit made more than 2 s before the kill.
//!
//! The app runs headlessly in a child process (this test binary started again with
//! `--child`): the same `BriefingApp` the window runs, driven frame by frame through
//! egui_kittest, with edits pushed as the menus and keys push them. The parent kills it
//! with SIGKILL at a random moment, so nothing in the child gets a chance to clean up.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/app_harness.rs"]
mod app_harness;

use app_harness::{launch, window};
use briefing_notes::app::dialogs::ScriptedDialogs;
use briefing_notes::app::{BriefingApp, Command as AppCommand, Modal, SAMPLE_BRIEFING, Startup};
use briefing_notes::edit::BriefingField;
use briefing_notes::model::Status;
use briefing_notes::places::Places;
use briefing_notes::text::TextIndex;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const KILLS: usize = 3;

fn app(home: &Path, briefing: &Path) -> Harness<'static, BriefingApp> {
    let startup = Startup {
        files: vec![briefing.to_owned()],
        fresh: true,
        places: Places::under(home),
    };
    launch(
        window().with_step_dt(0.016),
        startup,
        ScriptedDialogs::default(),
    )
}

/// The child: opens the briefing, restores what an earlier run left if offered, then edits
/// every 150 ms, printing each edit once made, with frames running as in the real window.
fn child(home: &Path, briefing: &Path, round: usize) {
    let mut h = app(home, briefing);
    if matches!(h.state().modal(), Some(Modal::Recover(_))) {
        h.get_by_label("Discard").click();
        h.run();
    }
    let words = ["port", "strike", "council", "union", "harbour", "talks"];
    let mut k = 0usize;
    loop {
        let app = h.state_mut();
        let mut summary = app.doc().briefing.summary.clone();
        summary.push_str(&format!("r{round}e{k}; "));
        app.push(AppCommand::SetField {
            field: BriefingField::Summary,
            value: summary,
        });
        if k.is_multiple_of(4) {
            // A claim too: a tag as Ctrl+2 makes it, on the next listed word in the text.
            let a = app.current_article().expect("an article");
            let idx = TextIndex::new(&a.text);
            let hits: Vec<_> = words
                .iter()
                .flat_map(|w| briefing_notes::anchor::find_occurrences(&idx, w))
                .collect();
            if let Some(r) = hits.get(k / 4 % hits.len().max(1)).cloned() {
                app.push(AppCommand::SelectText(r));
                app.push(AppCommand::Tag(Status::Reported));
            }
        }
        h.step();
        println!("edit {k}");
        k += 1;
        let until = Instant::now() + Duration::from_millis(150);
        while Instant::now() < until {
            h.step();
            std::thread::sleep(Duration::from_millis(16));
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let home = PathBuf::from(&args[i + 1]);
        let briefing = PathBuf::from(&args[i + 2]);
        let round = args[i + 3].parse().expect("round");
        child(&home, &briefing, round);
        return;
    }
    // libtest's own flags (`--list`, filters) are not understood here: run or list as one.
    if args.iter().any(|a| a == "--list") {
        println!("killed_app_recovers_edits: test");
        return;
    }
    let filter = args.iter().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !"killed_app_recovers_edits".contains(f.as_str())) {
        return;
    }
    killed_app_recovers_edits();
    println!("test killed_app_recovers_edits ... ok");
}

fn killed_app_recovers_edits() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let briefing = dir.path().join("b.ron");
    std::fs::write(&briefing, SAMPLE_BRIEFING).unwrap();
    let original = std::fs::read(&briefing).unwrap();
    let sample_claims = briefing_notes::file::load(&briefing)
        .unwrap()
        .0
        .claims()
        .count();
    let mut seed = std::process::id() as u64 ^ 0x9e37_79b9_7f4a_7c15;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--child"])
            .arg(&home)
            .arg(&briefing)
            .arg(round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("child starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(k) = line.strip_prefix("edit ") {
                    let _ = tx.send((k.parse::<usize>().unwrap(), Instant::now()));
                }
            }
        });
        let (_, first) = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the child makes its first edit");
        // Kill somewhere between 4 s and 6.5 s into the edits: at least 2 s of edits that
        // must survive, and the last 2 s of them in flight.
        let kill_at = first + Duration::from_millis(4000 + rand() % 2500);
        std::thread::sleep(kill_at.saturating_duration_since(Instant::now()));
        // SIGKILL: no destructor, no on_exit, no flush.
        child.kill().unwrap();
        let killed = Instant::now();
        child.wait().unwrap();
        let edits: Vec<(usize, Instant)> = rx.try_iter().collect();
        let must_survive: Vec<usize> = edits
            .iter()
            .filter(|(_, t)| *t + Duration::from_secs(2) <= killed)
            .map(|(k, _)| *k)
            .collect();
        assert!(
            must_survive.len() >= 3,
            "round {round}: only {} edits in the first {:.1} s (is the machine overloaded?)",
            must_survive.len(),
            (killed - first).as_secs_f64() - 2.0
        );
        assert_eq!(
            std::fs::read(&briefing).unwrap(),
            original,
            "round {round}: recovery never writes the user's file"
        );

        let mut h = app(&home, &briefing);
        let Some(Modal::Recover(offer)) = h.state().modal().cloned() else {
            panic!("round {round}: no recovery offer: {:?}", h.state().modal());
        };
        assert_eq!(offer.path.as_deref(), Some(briefing.as_path()));
        h.get_by_label("Restore").click();
        h.run();
        let doc = h.state().doc();
        assert!(doc.is_dirty());
        for k in &must_survive {
            assert!(
                doc.briefing.summary.contains(&format!("r{round}e{k}; ")),
                "round {round}: edit {k} made ≥ 2 s before the kill is missing; summary: {}",
                doc.briefing.summary
            );
        }
        let claims = doc.briefing.claims().count() - sample_claims;
        let tags = must_survive.iter().filter(|k| k.is_multiple_of(4)).count();
        assert!(
            claims >= tags,
            "round {round}: {claims} new claims restored, {tags} tagged ≥ 2 s before the kill"
        );
        println!(
            "round {round}: killed {:.1} s after the first edit; {} edits made, the {} made ≥ 2 s before the kill all restored ({} new claims)",
            (killed - first).as_secs_f64(),
            edits.len(),
            must_survive.len(),
            claims
        );
        // The next round's child discards what is left and starts over.
        drop(h);
    }
}
