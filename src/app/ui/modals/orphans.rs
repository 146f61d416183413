//! "Orphaned claims": the claims whose words are no longer in their article.

use egui::Ui;

use crate::app::command::{Command, CommandQueue};
use crate::document::Document;
use crate::text::snippet;

pub fn show(ui: &mut Ui, doc: &Document, queue: &mut CommandQueue) {
    ui.heading("Orphaned claims");
    ui.label(
        "Their words are no longer in their article's text. Each is kept with its quote; \
         delete or keep it.",
    );
    for (_, id) in doc.orphans() {
        let Some((a, c)) = doc.briefing.find_claim(id) else {
            continue;
        };
        // Why, as loading found it: words gone, ambiguous, context lost.
        let why = doc
            .load_report
            .orphaned
            .iter()
            .find(|o| o.claim == id)
            .map(|o| format!(" ({})", o.reason))
            .unwrap_or_default();
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} “{}” — {}{why}",
                c.status,
                snippet(&c.anchor.quote, 60),
                snippet(&a.title, 30)
            ));
            if ui.small_button("Select").clicked() {
                super::close_then(queue, Command::RevealClaim(c.id));
            }
        });
    }
    if ui.button("Close").clicked() {
        queue.push(Command::CloseModal);
    }
}
