//! Key judgments and competing hypotheses in the window, driven as a user would: linking
//! claims by keys and buttons, the same claim found in another article, editing and ranking
//! judgments, and rating the ACH matrix by click and keyboard. Every step undoes.

use briefing_notes::analysis::{ach, claim_labels, corroboration};
use briefing_notes::app::dialogs::ScriptedDialogs;
use briefing_notes::app::settings::Settings;
use briefing_notes::app::{BriefingApp, Command, PanelTab, Startup};
use briefing_notes::model::{ClaimId, Consistency, Likelihood, Stance, Status};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn sample() -> Harness<'static, BriefingApp> {
    let startup = Startup {
        fresh: true,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(0.05)
        .with_max_steps(60)
        .build_eframe(move |cc| {
            let dialogs = Box::new(ScriptedDialogs::default());
            BriefingApp::with_parts(&cc.egui_ctx, startup, dialogs, Settings::default())
        });
    h.run();
    h
}

fn press(h: &mut Harness<'_, BriefingApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn ctrl_shift() -> Modifiers {
    Modifiers::COMMAND.plus(Modifiers::SHIFT)
}

fn claim(h: &Harness<'_, BriefingApp>, label: &str) -> ClaimId {
    let labels = claim_labels(&h.state().doc().briefing);
    *labels.iter().find(|(_, l)| *l == label).expect(label).0
}

/// A second outlet's article carrying the sample's unnamed-officials report, tagged.
fn second_outlet(h: &mut Harness<'_, BriefingApp>) -> ClaimId {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("estavia-today.txt");
    std::fs::write(
        &file,
        "Estavia signals flexibility\n\nEstavia would be willing to reopen two border crossings \
         to freight if fishing restrictions were eased, a government source told the paper.",
    )
    .unwrap();
    h.state_mut().push(Command::AddArticlePaths(vec![file]));
    h.run();
    let a = h.state().current_article().unwrap();
    let words =
        "willing to reopen two border crossings to freight if fishing restrictions were eased";
    let start = a.text[..a.text.find(words).unwrap()].chars().count();
    h.state_mut()
        .push(Command::SelectText(start..start + words.chars().count()));
    h.run();
    h.state_mut().push(Command::Tag(Status::Reported));
    h.run();
    h.state().selected_claim().unwrap()
}

fn stance(h: &Harness<'_, BriefingApp>, k: usize, claim: ClaimId) -> Option<Stance> {
    h.state().doc().briefing.judgments[k].stance_of(claim)
}

#[test]
fn the_same_claim_elsewhere_is_linked_in_one_click_and_keys_link_and_unlink() {
    let mut h = sample();
    let new = second_outlet(&mut h);
    assert_eq!(claim_labels(&h.state().doc().briefing)[&new], "R2");
    let said = h
        .get_by_role(egui::accesskit::Role::Status)
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert_eq!(
        said,
        "Tagged as Reported R2; 1 similar claim in other articles"
    );
    // R1, the sample's report, supports K1: shown R1, the editor offers R2 for K1 too.
    let r1 = claim(&h, "R1");
    h.state_mut().push(Command::RevealClaim(r1));
    h.run();
    h.get_by_label_contains("The same claim elsewhere?");
    h.get_by_label("Link R2: supports K1").click();
    h.run();
    assert_eq!(stance(&h, 0, new), Some(Stance::Supports));
    let b = &h.state().doc().briefing;
    let c = corroboration(b, &b.judgments[0]);
    assert_eq!(c.independent(), 2, "{}", c.line());

    // The Key judgments tab by keyboard; K2 selected by its row; R2 linked against it.
    press(&mut h, Modifiers::COMMAND, Key::J);
    assert_eq!(h.state().panel_tab(), PanelTab::Judgments);
    h.get_by_label_contains("K2: No agreement is imminent")
        .click();
    h.run();
    let k2 = h.state().doc().briefing.judgments[1].id;
    assert_eq!(h.state().selected_judgment(), Some(k2));
    h.state_mut().push(Command::SelectClaim(new));
    h.run();
    press(&mut h, ctrl_shift(), Key::K);
    assert_eq!(stance(&h, 1, new), Some(Stance::Contradicts));
    h.get_by_label_contains("Contradicted by");
    // Again: unlinked; the supporting key links it the other way.
    press(&mut h, ctrl_shift(), Key::K);
    assert_eq!(stance(&h, 1, new), None);
    press(&mut h, Modifiers::COMMAND, Key::K);
    assert_eq!(stance(&h, 1, new), Some(Stance::Supports));
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        stance(&h, 1, new),
        Some(Stance::Contradicts),
        "undo walks back"
    );

    // Deleting a claim takes its links; undo brings them back.
    h.state_mut().push(Command::DeleteClaim(new));
    h.run();
    assert_eq!(stance(&h, 0, new), None);
    assert_eq!(stance(&h, 1, new), None);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(stance(&h, 0, new), Some(Stance::Supports));
    assert_eq!(stance(&h, 1, new), Some(Stance::Contradicts));
}

#[test]
fn a_judgment_is_written_graded_ranked_and_deleted_in_the_panel() {
    let mut h = sample();
    press(&mut h, Modifiers::COMMAND, Key::J);
    h.get_by_label("New judgment").click();
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(
        h.state().doc().briefing.judgments.len(),
        2,
        "Enter on nothing adds nothing"
    );
    h.get_by_label("New judgment").click();
    h.run();
    h.get_by_label("New judgment")
        .type_text("Shipping will not return before a written agreement");
    h.run();
    h.get_by_label("Add").click();
    h.run();
    let b = &h.state().doc().briefing;
    assert_eq!(b.judgments.len(), 3);
    let k3 = b.judgments[2].id;
    assert_eq!(
        b.judgments[2].text,
        "Shipping will not return before a written agreement"
    );
    assert_eq!(h.state().selected_judgment(), Some(k3));
    // Unsupported so far, and said so.
    h.get_by_label("Warning: no claim supports this judgment");

    h.get_by_label("Likelihood").click();
    h.run();
    h.get_by_label("very likely (80–95 %)").click();
    h.run();
    assert_eq!(
        h.state().doc().briefing.judgments[2].likelihood,
        Some(Likelihood::VeryLikely)
    );
    h.get_by_label("Move up").click();
    h.run();
    assert_eq!(
        h.state().doc().briefing.judgments[1].id,
        k3,
        "ranked K2 now"
    );
    h.get_by_label("Delete judgment").click();
    h.run();
    assert_eq!(h.state().doc().briefing.judgments.len(), 2);
    assert_eq!(h.state().selected_judgment(), None);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().doc().briefing.judgments[1].id,
        k3,
        "back where it was"
    );
}

#[test]
fn the_matrix_is_rated_by_click_and_by_keys() {
    let mut h = sample();
    press(&mut h, Modifiers::COMMAND, Key::H);
    assert!(h.state().hypotheses_open());
    h.get_by_label("New hypothesis").click();
    h.run();
    h.get_by_label("New hypothesis")
        .type_text("A ruse to buy time");
    h.run();
    h.get_by_label("Add hypothesis").click();
    h.run();
    let b = &h.state().doc().briefing;
    assert_eq!(b.hypotheses.len(), 3);
    let h3 = b.hypotheses[2].id;
    let (c2, r1) = (claim(&h, "C2"), claim(&h, "R1"));
    let rating = |h: &Harness<'_, BriefingApp>, c| {
        h.state().doc().briefing.hypothesis(h3).unwrap().rating(c)
    };

    h.get_by_label("C2 against H3: not rated").click();
    h.run();
    assert_eq!(
        rating(&h, c2),
        Some(Consistency::VeryConsistent),
        "a click steps to CC"
    );
    // The cell clicked has the keyboard.
    assert!(
        h.get_by_label("C2 against H3: very consistent")
            .is_focused()
    );
    press(&mut h, Modifiers::NONE, Key::Num4);
    assert_eq!(rating(&h, c2), Some(Consistency::Inconsistent));
    // The arrow keys move to the next row's cell, where 5 sets II.
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert!(h.get_by_label("R1 against H3: not rated").is_focused());
    press(&mut h, Modifiers::NONE, Key::Num5);
    assert_eq!(rating(&h, r1), Some(Consistency::VeryInconsistent));
    let scores = ach(&h.state().doc().briefing);
    assert_eq!(scores.scores[2], 3, "I + II");
    press(&mut h, Modifiers::NONE, Key::Num0);
    assert_eq!(rating(&h, r1), None, "0 clears");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(rating(&h, r1), Some(Consistency::VeryInconsistent));

    // A deleted claim's ratings go with it, and come back with it.
    h.state_mut().push(Command::DeleteClaim(r1));
    h.run();
    assert!(
        h.state()
            .doc()
            .briefing
            .hypotheses
            .iter()
            .all(|x| x.rating(r1).is_none())
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(rating(&h, r1), Some(Consistency::VeryInconsistent));
}
