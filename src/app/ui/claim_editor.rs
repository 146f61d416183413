//! The claims panel's editor: the selected claim's status, note, attribution, grade and
//! tags, the key judgments it bears on, and the same claim in other articles. Every change
//! is a command; keystrokes in one field are one undo step.

use egui::{RichText, Ui};

use super::widgets::{TypedText, accept_or_reject, grade_combo, labelled_field, warning};
use super::{Derived, Shared, Version};
use crate::analysis::{judgment_label, similar_claims};
use crate::app::actions::Action;
use crate::app::command::{AnalysisCommand, Command, CommandQueue};
use crate::app::theme::status_color;
use crate::edit::ClaimField;
use crate::model::{Claim, ClaimId, Credibility, JudgmentId, Stance, Status, clean_tags};
use crate::text::{capitalised, snippet};

/// The editor's own state: the tags as they are being typed, the claims like this one, and
/// what a merge left undecided about it.
#[derive(Debug, Default)]
pub struct ClaimEditor {
    tags: TypedText<ClaimId>,
    similar: Derived<(Version, ClaimId), Vec<(ClaimId, f32)>>,
    conflicts: Derived<(Version, ClaimId), Vec<String>>,
}

/// What a git merge left undecided about this claim, in the words the editor shows.
fn conflict_lines(shared: &Shared, id: ClaimId) -> Vec<String> {
    let b = &shared.doc.briefing;
    let on = crate::model::ConflictOn::Claim(id);
    b.conflicts
        .iter()
        .filter(|c| c.on == on)
        .map(|c| {
            let v = crate::merge::view(b, c, shared.labels);
            if v.deletion {
                format!(
                    "Merge conflict: deleted on {} side, changed on the other.",
                    v.other_side.words()
                )
            } else {
                format!(
                    "Merge conflict on its {}; {}: “{}”",
                    v.field,
                    v.other_side.words(),
                    snippet(&v.other, 80)
                )
            }
        })
        .collect()
}

fn update(queue: &mut CommandQueue, claim: Claim, field: ClaimField) {
    queue.push(Command::UpdateClaim {
        claim: Box::new(claim),
        field,
    });
}

impl ClaimEditor {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        selected: Option<ClaimId>,
        judgment: Option<JudgmentId>,
        queue: &mut CommandQueue,
    ) {
        let Some((_, claim)) = selected.and_then(|id| shared.doc.briefing.find_claim(id)) else {
            ui.label(RichText::new("Select a claim to edit its note and attribution.").weak());
            return;
        };
        if shared.doc.read_only {
            ui.disable();
        }
        egui::ScrollArea::vertical()
            .id_salt("claim editor")
            .show(ui, |ui| self.fields(ui, shared, claim, judgment, queue));
    }

    fn fields(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        claim: &Claim,
        judgment: Option<JudgmentId>,
        queue: &mut CommandQueue,
    ) {
        status_picker(ui, claim, queue);
        let quote = format!("“{}”", snippet(&claim.anchor.quote, 200));
        ui.label(RichText::new(quote).italics());
        if claim.anchor.orphaned {
            warning(
                ui,
                "This claim's words are no longer in the article's text. It is kept as it was \
                 tagged.",
            );
        }
        // Where the analyst looks at the claim; worked out once per change, not per frame.
        let conflicts = self.conflicts.get((shared.version, claim.id), || {
            conflict_lines(shared, claim.id)
        });
        for line in conflicts {
            warning(ui, line);
        }
        if !conflicts.is_empty() && ui.button("Review merge conflicts…").clicked() {
            queue.push(Command::ShowConflicts);
        }
        // First, so that it is seen as the claim is tagged.
        let b = &shared.doc.briefing;
        let similar = self
            .similar
            .get((shared.version, claim.id), || similar_claims(b, claim.id));
        elsewhere(ui, shared, claim.id, similar, queue);
        type Slot = fn(&mut Claim) -> &mut String;
        let fields: [(&str, ClaimField, Slot, usize); 3] = [
            ("Note", ClaimField::Note, |c| &mut c.note, 4),
            (
                "Speaker (who makes the claim)",
                ClaimField::Speaker,
                |c| &mut c.speaker,
                1,
            ),
            ("Via (who relays it)", ClaimField::Via, |c| &mut c.via, 1),
        ];
        for (label, field, slot, rows) in fields {
            let mut c = claim.clone();
            if labelled_field(ui, label, slot(&mut c), rows).changed() {
                // Edited by hand: the attribution is the analyst's now.
                if matches!(field, ClaimField::Speaker | ClaimField::Via) {
                    c.suggested_from.clear();
                }
                update(queue, c, field);
            }
            if field == ClaimField::Via && !claim.suggested_from.is_empty() {
                suggested(ui, claim, queue);
            }
        }
        let grades = (1..=6).filter_map(Credibility::new);
        let current = claim.credibility;
        if let Some(choice) = grade_combo(
            ui,
            "Credibility",
            "credibility",
            current,
            grades,
            Credibility::meaning,
        ) {
            let mut c = claim.clone();
            c.credibility = choice;
            update(queue, c, ClaimField::Credibility);
        }
        self.tags_field(ui, claim, queue);
        judgments(ui, shared, claim.id, judgment, queue);
        ui.horizontal_wrapped(|ui| {
            let undo = Action::Undo.shortcut_text(ui.ctx()).unwrap_or_default();
            if ui
                .button("Delete claim")
                .on_hover_text(format!("Delete (undo with {undo})"))
                .clicked()
            {
                queue.push(Command::DeleteClaim(claim.id));
            }
            if ui.button("Show in article").clicked() {
                queue.push(Command::RevealClaim(claim.id));
            }
        });
        let stamp = format!(
            "Created {} · modified {}",
            claim.created.format("%Y-%m-%d %H:%M"),
            claim.modified.format("%Y-%m-%d %H:%M")
        );
        ui.label(RichText::new(stamp).small().weak());
    }

    fn tags_field(&mut self, ui: &mut Ui, claim: &Claim, queue: &mut CommandQueue) {
        let shown = claim.tags.iter().cloned().collect::<Vec<_>>().join(", ");
        let label = "Tags (comma-separated)";
        if let Some(typed) = self.tags.field(ui, label, claim.id, shown) {
            let mut c = claim.clone();
            c.tags = clean_tags(typed.split(','));
            if c.tags != claim.tags {
                update(queue, c, ClaimField::Tags);
            }
        }
    }
}

/// The speaker and via were read from the text and nobody has checked them yet: where they
/// came from, and keeping or clearing them.
fn suggested(ui: &mut Ui, claim: &Claim, queue: &mut CommandQueue) {
    let from = format!("Suggested from: “{}”", snippet(&claim.suggested_from, 90));
    let r = ui.label(RichText::new(from).italics().weak());
    ui.ctx().accesskit_node_builder(r.id, |node| {
        node.set_description("Speaker and via suggested from the text, not yet reviewed")
    });
    accept_or_reject(ui, "Clear", queue);
}

fn status_picker(ui: &mut Ui, claim: &Claim, queue: &mut CommandQueue) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Status");
        let dark = ui.visuals().dark_mode;
        for status in Status::ALL {
            let text = RichText::new(status.label()).color(status_color(status, dark));
            if ui.selectable_label(claim.status == status, text).clicked() && claim.status != status
            {
                let mut c = claim.clone();
                c.status = status;
                update(queue, c, ClaimField::Status);
            }
        }
    });
}

/// The key judgments the claim bears on, and linking it to the one selected.
fn judgments(
    ui: &mut Ui,
    shared: &Shared,
    claim: ClaimId,
    selected: Option<JudgmentId>,
    queue: &mut CommandQueue,
) {
    let b = &shared.doc.briefing;
    if b.judgments.is_empty() {
        return;
    }
    ui.separator();
    ui.strong("Key judgments");
    let mut any = false;
    for (i, j, stance) in b.judgments_of(claim) {
        any = true;
        ui.horizontal_wrapped(|ui| {
            let label = judgment_label(i);
            let text = format!(
                "{} {label}: {}",
                capitalised(stance.words()),
                snippet(&j.text, 60)
            );
            if ui.link(text).on_hover_text("Show this judgment").clicked() {
                queue.push(Command::Analysis(AnalysisCommand::SelectJudgment(j.id)));
                queue.push(Command::ShowTab(crate::app::command::PanelTab::Judgments));
            }
            let unlink = ui
                .small_button("×")
                .on_hover_text(format!("Unlink from {label}"));
            ui.ctx().accesskit_node_builder(unlink.id, |node| {
                node.set_label(format!("Unlink from {label}"))
            });
            if unlink.clicked() {
                queue.push(Command::Analysis(AnalysisCommand::SetStance {
                    judgment: j.id,
                    claim,
                    stance: None,
                }));
            }
        });
    }
    if !any {
        ui.label(RichText::new("Not linked to a key judgment.").weak());
    }
    let Some((i, j)) = selected.and_then(|id| b.judgment_index(id).map(|i| (i, &b.judgments[i])))
    else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let label = judgment_label(i);
        for (action, stance) in [
            (Action::LinkSupports, Stance::Supports),
            (Action::LinkContradicts, Stance::Contradicts),
        ] {
            if j.stance_of(claim) == Some(stance) {
                continue;
            }
            let text = format!("{} {label}", capitalised(stance.words()));
            if ui
                .button(text)
                .on_hover_text(action.hint(ui.ctx()))
                .clicked()
            {
                queue.push(action.command());
            }
        }
    });
}

/// Claims in other articles worded like this one, one click from corroborating the same
/// judgments.
fn elsewhere(
    ui: &mut Ui,
    shared: &Shared,
    claim: ClaimId,
    similar: &[(ClaimId, f32)],
    queue: &mut CommandQueue,
) {
    let b = &shared.doc.briefing;
    if similar.is_empty() {
        return;
    }
    ui.separator();
    ui.strong("The same claim elsewhere?");
    let linked: Vec<(usize, JudgmentId, Stance)> = b
        .judgments_of(claim)
        .map(|(i, j, s)| (i, j.id, s))
        .collect();
    for &(other, _) in similar {
        let Some((article, c)) = b.find_claim(other) else {
            continue;
        };
        let name = shared.labels.get(&other).map_or("?", String::as_str);
        let outlet = if article.outlet.is_empty() {
            &article.title
        } else {
            &article.outlet
        };
        ui.horizontal_wrapped(|ui| {
            let text = format!(
                "{name} “{}” · {}",
                snippet(&c.anchor.quote, 50),
                snippet(outlet, 24)
            );
            if ui
                .link(text)
                .on_hover_text("Show this claim in its article")
                .clicked()
            {
                queue.push(Command::RevealClaim(other));
            }
            for &(i, judgment, stance) in &linked {
                if b.judgment(judgment).and_then(|j| j.stance_of(other)) == Some(stance) {
                    continue;
                }
                let text = format!("{} {} too", capitalised(stance.words()), judgment_label(i));
                let r = ui.small_button(text).on_hover_text(format!(
                    "Link {name} to {} as this claim is",
                    judgment_label(i)
                ));
                ui.ctx().accesskit_node_builder(r.id, |node| {
                    node.set_label(format!(
                        "Link {name}: {} {}",
                        stance.words(),
                        judgment_label(i)
                    ));
                });
                if r.clicked() {
                    queue.push(Command::Analysis(AnalysisCommand::SetStance {
                        judgment,
                        claim: other,
                        stance: Some(stance),
                    }));
                }
            }
        });
    }
}
