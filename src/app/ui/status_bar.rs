//! The status bar: where the briefing is saved, whether it is, the claim counts, orphaned
//! claims, and work in progress (a file dialog, an import).

use egui::{RichText, Ui};

use super::Shared;
use crate::app::command::{Command, CommandQueue};
use crate::app::theme::status_color;
use crate::model::Status;

pub fn show(ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
    let doc = shared.doc;
    ui.horizontal(|ui| {
        let where_ = match &doc.path {
            Some(p) => p.display().to_string(),
            None => "Not saved to a file yet".to_owned(),
        };
        ui.scope(|ui| {
            // The path gives way to the counts in a narrow window.
            ui.set_max_width(ui.available_width() * 0.35);
            ui.add(egui::Label::new(where_).truncate());
        });
        ui.separator();
        if doc.read_only {
            ui.label(RichText::new("Read-only (open in another window)").strong())
                .on_hover_text("Save As makes a copy you can change.");
        } else if doc.is_dirty() {
            let text = if shared.autosave_on {
                "Unsaved changes (kept for recovery)"
            } else {
                "Unsaved changes"
            };
            ui.label(RichText::new(text).strong());
        } else if doc.path.is_some() {
            ui.label("Saved");
        }
        ui.separator();
        let c = doc.briefing.counts();
        let dark = ui.visuals().dark_mode;
        for status in Status::ALL {
            ui.label(
                RichText::new(format!("{status}: {}", c.get(status)))
                    .color(status_color(status, dark)),
            );
        }
        // Things left for the analyst to look at: each a button that lists them.
        let to_review = [
            (
                doc.orphans().len(),
                "orphaned claim(s)",
                "Claims whose words are no longer in their article",
                Command::ShowOrphans,
            ),
            (
                doc.briefing.conflicts.len(),
                "merge conflict(s)",
                "What a git merge left to decide: both values, for you to pick",
                Command::ShowConflicts,
            ),
        ];
        for (count, what, hint, command) in to_review {
            if count == 0 {
                continue;
            }
            ui.separator();
            let text = RichText::new(format!("{count} {what}")).color(ui.visuals().warn_fg_color);
            if ui.button(text).on_hover_text(hint).clicked() {
                queue.push(command);
            }
        }
        if shared.squeezed {
            ui.separator();
            ui.label(RichText::new("Panels hidden").weak())
                .on_hover_text(
                    "The window is too narrow for the side panels beside a readable article at \
                 this text size: widen the window or make the text smaller (Ctrl+-).",
                );
        }
        if shared.dialog_open {
            ui.separator();
            ui.spinner();
            ui.label("Waiting for the file dialog…");
        }
        live_region(ui, shared.announcement);
        if let Some(names) = &shared.importing {
            ui.separator();
            ui.spinner();
            ui.label(format!("Importing {names}…"));
        }
    });
}

/// The polite live region: what just happened, said by a screen reader without moving its
/// focus ("Tagged as Reported", "Saved to …", "2 of 5: …"). Takes no room on screen.
fn live_region(ui: &mut Ui, text: &str) {
    let (_, r) = ui.allocate_exact_size(egui::Vec2::ZERO, egui::Sense::hover());
    ui.ctx().accesskit_node_builder(r.id, |node| {
        node.set_role(egui::accesskit::Role::Status);
        node.set_live(egui::accesskit::Live::Polite);
        node.set_label(text);
    });
}
