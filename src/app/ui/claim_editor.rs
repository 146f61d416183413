//! The claims panel's editor: the selected claim's status, note, attribution, grade and
//! tags. Every change is a command; keystrokes in one field are one undo step.

use egui::{RichText, Ui};

use super::Shared;
use super::widgets::{TypedText, grade_combo, labelled_field, warning};
use crate::app::actions::Action;
use crate::app::command::{Command, CommandQueue};
use crate::app::theme::status_color;
use crate::edit::ClaimField;
use crate::model::{Claim, ClaimId, Credibility, Status, clean_tags};
use crate::text::snippet;

/// The editor's own state: the tags as they are being typed.
#[derive(Debug, Default)]
pub struct ClaimEditor {
    tags: TypedText<ClaimId>,
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
            .show(ui, |ui| self.fields(ui, claim, queue));
    }

    fn fields(&mut self, ui: &mut Ui, claim: &Claim, queue: &mut CommandQueue) {
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
                update(queue, c, field);
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
