//! The attribution engine in the window, driven as a user would: tagging fills in who says
//! it (marked as suggested until kept or cleared), and the Suggestions tab offers the
//! article's attributed statements to step through, tag or dismiss by keys. Every step
//! undoes, and a dismissal is kept in the briefing.

#[path = "support/app_harness.rs"]
mod app_harness;

use briefing_notes::app::dialogs::ScriptedDialogs;
use briefing_notes::app::{BriefingApp, Command, PanelTab, Startup};
use briefing_notes::model::{Claim, Status};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const CALL: &str = "Readouts of the call\n\n\
According to The New York Times, Putin would be open to peace talks in exchange for discussing \
potential land swaps, according to several people with knowledge of the call.\n\n\
“The Russians expressed their desire to end the war,” stated White House Press Secretary \
Karoline Leavitt. She added that a summit was possible.\n\n\
“We have not agreed to anything,” Kremlin spokesman Dmitry Peskov told Reuters. Peskov \
denied that land swaps had been discussed.\n\n\
The talks lasted two hours.";

fn with_call(dir: &tempfile::TempDir) -> Harness<'static, BriefingApp> {
    let startup = Startup {
        fresh: true,
        ..Default::default()
    };
    let mut h = app_harness::launch(
        app_harness::window().with_size(egui::vec2(1280.0, 900.0)),
        startup,
        ScriptedDialogs::default(),
    );
    let file = dir.path().join("call.txt");
    std::fs::write(&file, CALL).unwrap();
    h.state_mut().push(Command::AddArticlePaths(vec![file]));
    h.run();
    h
}

fn press(h: &mut Harness<'_, BriefingApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn tag(h: &mut Harness<'_, BriefingApp>, words: &str) -> Claim {
    let a = h.state().current_article().unwrap();
    let start = a.text[..a.text.find(words).unwrap()].chars().count();
    h.state_mut()
        .push(Command::SelectText(start..start + words.chars().count()));
    h.run();
    press(h, Modifiers::COMMAND, Key::Num2);
    selected(h)
}

fn selected(h: &Harness<'_, BriefingApp>) -> Claim {
    let id = h.state().selected_claim().expect("a claim is selected");
    h.state().doc().briefing.find_claim(id).unwrap().1.clone()
}

fn suggestions_count(h: &Harness<'_, BriefingApp>) -> usize {
    let label = h
        .get_by_label_contains("Suggestions (")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    label
        .trim_start_matches("Suggestions (")
        .trim_end_matches(')')
        .parse()
        .unwrap()
}

#[test]
fn tagging_fills_in_who_says_it_until_kept_or_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_call(&dir);
    let c = tag(&mut h, "potential land swaps");
    assert_eq!(c.speaker, "several people with knowledge of the call");
    assert_eq!(c.via, "The New York Times");
    assert!(c.suggested_from.starts_with("according to several people"));
    h.get_by_label_contains("Suggested from: “according to several people");

    // Ctrl+Enter keeps it as the analyst's; undo makes it a suggestion again.
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    let kept = selected(&h);
    assert_eq!(kept.speaker, c.speaker);
    assert!(kept.suggested_from.is_empty());
    assert!(h.query_by_label_contains("Suggested from").is_none());
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(selected(&h).suggested_from, c.suggested_from);

    // "Clear" empties what the engine filled in.
    let c = tag(&mut h, "a summit was possible");
    assert_eq!(c.speaker, "Karoline Leavitt", "“She” resolved");
    h.get_by_label("Clear").click();
    h.run();
    let cleared = selected(&h);
    assert_eq!((cleared.speaker.as_str(), cleared.via.as_str()), ("", ""));
    assert!(cleared.suggested_from.is_empty());

    // A span in the writer's own voice gets nothing, and nothing marked.
    let c = tag(&mut h, "The talks lasted two hours");
    assert_eq!((c.speaker.as_str(), c.suggested_from.as_str()), ("", ""));
}

#[test]
fn suggestions_are_stepped_tagged_and_dismissed_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_call(&dir);
    press(&mut h, Modifiers::COMMAND, Key::G);
    assert_eq!(h.state().panel_tab(), PanelTab::Suggestions);
    let n = suggestions_count(&h);
    assert!(n >= 4, "{n} suggestions");

    // F7 selects the first and shows it in the reader.
    press(&mut h, Modifiers::NONE, Key::F7);
    let first = h.state().selected_suggestion().expect("selected");
    assert_eq!(
        h.state().reader().selection().map(|s| s.range()),
        Some(first.range())
    );
    let text = h.state().current_article().unwrap().text.clone();
    let words: String = text
        .chars()
        .skip(first.start)
        .take(first.end - first.start)
        .collect();
    assert_eq!(
        words,
        "Putin would be open to peace talks in exchange for discussing potential land swaps"
    );
    h.get_by_label_contains("From: “according to several people");

    // Ctrl+Enter tags it with its speaker and via, and moves on to the next.
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    let c = selected(&h);
    assert_eq!(c.status, Status::Reported);
    assert_eq!(c.speaker, "several people with knowledge of the call");
    assert_eq!(c.via, "The New York Times");
    assert!(c.suggested_from.is_empty(), "accepted by the analyst");
    assert_eq!(suggestions_count(&h), n - 1);
    let second = h.state().selected_suggestion().expect("the next one");
    assert_ne!(second, first);

    // Ctrl+Backspace dismisses it for good: it is kept in the briefing.
    press(&mut h, Modifiers::COMMAND, Key::Backspace);
    assert_eq!(suggestions_count(&h), n - 2);
    let article = h.state().current_article().unwrap();
    assert!(article.dismissed.contains(&second));

    // Peskov's denial is proposed as Disputed; the analyst may tag it otherwise.
    let denial = h.get_by_label_contains("Disputed: land swaps had been discussed");
    let said = denial.accesskit_node().label().unwrap_or_default();
    assert!(said.contains("Dmitry Peskov, via Reuters"), "{said}");
    denial.click();
    h.run();
    h.get_by_label("Tag as Reported").click();
    h.run();
    h.get_by_label("Accept").click();
    h.run();
    let c = selected(&h);
    assert_eq!(c.status, Status::Reported);
    assert_eq!(c.anchor.quote, "land swaps had been discussed");
    assert_eq!(c.speaker, "Dmitry Peskov");

    // All three undo, one step each.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().current_article().unwrap().dismissed.is_empty());
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().current_article().unwrap().claims.is_empty());
    assert_eq!(suggestions_count(&h), n);

    // From the claims, F7 goes back to the suggestions, where the analyst left off.
    press(&mut h, Modifiers::COMMAND, Key::G);
    assert_eq!(h.state().panel_tab(), PanelTab::Claims);
    let before = h.state().selected_suggestion();
    press(&mut h, Modifiers::NONE, Key::F7);
    assert_eq!(h.state().panel_tab(), PanelTab::Suggestions);
    let after = h.state().selected_suggestion().expect("selected");
    assert!(before.is_none_or(|b| b.start <= after.start));
}
