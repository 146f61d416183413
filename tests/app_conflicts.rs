//! A merged briefing in the window: the status bar says it has conflicts, the list shows
//! both values, picking one is an edit that undoes. And claims that travel: exported from
//! the menu in the three formats, and imported from another tool's annotations.

#[path = "support/app_harness.rs"]
mod app_harness;

use briefing_notes::app::dialogs::{DialogOutcome, ScriptedDialogs};
use briefing_notes::app::{BriefingApp, Startup};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const OURS: &str = "Unnamed sources; the Times alone.";
const THEIRS: &str = "Unnamed sources, repeated by Axios.";

fn merged(dir: &tempfile::TempDir, dialogs: ScriptedDialogs) -> Harness<'static, BriefingApp> {
    let path = dir.path().join("merged.ron");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/v4-briefing.ron"
        ),
        &path,
    )
    .unwrap();
    app_harness::launch(
        app_harness::window(),
        Startup {
            files: vec![path],
            fresh: true,
            ..Default::default()
        },
        dialogs,
    )
}

fn note(h: &Harness<'_, BriefingApp>) -> String {
    h.state().doc().briefing.articles[0].claims[0].note.clone()
}

#[test]
fn a_merge_conflict_shows_both_values_and_picking_one_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = merged(&dir, ScriptedDialogs::default());
    assert!(
        h.query_all_by_label_contains("Merged with 1 conflict(s) to review")
            .next()
            .is_some()
    );
    // Where the analyst looks at the claim, the conflict is said too.
    let claim = h.state().doc().briefing.articles[0].claims[0].id;
    h.state_mut()
        .push(briefing_notes::app::Command::SelectClaim(claim));
    h.run();
    h.get_by_label(&format!("Merge conflict on its note; theirs: “{THEIRS}”"));
    h.get_by_label("Review merge conflicts…").click();
    h.run();
    h.get_by_label("Both changed its note:");
    h.get_by_label(OURS);
    h.get_by_label(THEIRS);
    h.get_by_label("Use theirs").click();
    h.run();
    assert_eq!(note(&h), THEIRS);
    assert!(h.state().doc().briefing.conflicts.is_empty());
    h.get_by_label("All settled.");
    assert!(
        h.query_all_by_label_contains("Merged with 1 conflict(s)")
            .next()
            .is_none(),
        "the notice goes with the last conflict"
    );
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("1 merge conflict(s)").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(note(&h), OURS, "undone: the kept value is back…");
    assert_eq!(
        h.state().doc().briefing.conflicts.len(),
        1,
        "…and so is the conflict"
    );
    // Keeping the kept value settles it too, and leaves the note as it is.
    h.get_by_label("1 merge conflict(s)").click();
    h.run();
    h.get_by_label("Keep ours").click();
    h.run();
    assert_eq!(note(&h), OURS);
    assert!(h.state().doc().briefing.conflicts.is_empty());
    assert!(h.state().doc().history.is_dirty());
}

#[test]
fn the_export_menu_offers_markdown_w3c_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = merged(&dir, dialogs.clone());
    for (label, name) in [
        ("Export Markdown…", "out.md"),
        ("Export W3C Annotations…", "out.json"),
        ("Export CSV…", "out.csv"),
    ] {
        dialogs.push(DialogOutcome::Picked(vec![dir.path().join(name)]));
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Export").click();
        h.run();
        h.get_by_label(label).click();
        h.run();
        assert!(dir.path().join(name).exists(), "{label}");
    }
    let md = std::fs::read_to_string(dir.path().join("out.md")).unwrap();
    assert!(md.starts_with("# Call readouts"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_eq!(json["total"], 2);
    let csv = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert_eq!(csv.matches("\r\n").count(), 3, "a header and two claims");
    // Exported with a conflict still open: the analyst is told.
    assert!(
        h.query_all_by_label_contains("merge conflict(s) not yet reviewed")
            .next()
            .is_some()
    );
}

#[test]
fn annotations_from_another_tool_come_in_from_the_file_menu_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = merged(&dir, dialogs.clone());
    let before = h.state().doc().briefing.claims().count();
    // As the Hypothesis service exports them; the briefing's article has no URL, and it is
    // the only one, so annotations that name no page go to it.
    let json = serde_json::json!([
        {
            "id": "h1", "text": "Duration confirmed by both readouts.", "tags": ["duration"],
            "target": [{"selector": [
                {"type": "TextQuoteSelector", "exact": "The talks lasted two hours",
                 "prefix": "had been discussed.\n\n", "suffix": ". Markets rose"}
            ]}]
        },
        {
            "id": "h2", "text": "",
            "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "a ceasefire from Friday"}]}]
        }
    ]);
    let path = dir.path().join("hypothesis.json");
    std::fs::write(&path, json.to_string()).unwrap();
    dialogs.push(DialogOutcome::Picked(vec![path]));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import Annotations…").click();
    h.run();
    let b = &h.state().doc().briefing;
    assert_eq!(b.claims().count(), before + 1);
    let (_, c) = b
        .claims()
        .find(|(_, c)| c.anchor.quote == "The talks lasted two hours")
        .unwrap();
    assert_eq!(c.note, "Duration confirmed by both readouts.");
    assert!(
        h.query_all_by_label_contains("Read 2 annotation(s): 1 added as claims")
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("1 not anchored")
            .next()
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().briefing.claims().count(), before);
}
