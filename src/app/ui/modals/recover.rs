//! "Restore unsaved work?": a journal left by a run that ended without saving.

use egui::Ui;

use crate::app::command::{Command, CommandQueue, RecoveryChoice};
use crate::app::modal::RecoveryOffer;
use crate::app::ui::widgets::warning;

pub fn show(ui: &mut Ui, offer: &RecoveryOffer, queue: &mut CommandQueue) {
    ui.heading("Restore unsaved work?");
    ui.label("briefing-notes did not close normally. This work was not saved:");
    egui::Grid::new("recover").num_columns(2).show(ui, |ui| {
        ui.label("Briefing");
        ui.strong(&offer.title);
        ui.end_row();
        ui.label("File");
        ui.label(match &offer.path {
            Some(p) => p.display().to_string(),
            None => "never saved".to_owned(),
        });
        ui.end_row();
        ui.label("Last change");
        let when = offer.written.with_timezone(&chrono::Local);
        ui.label(when.format("%A %-d %B %Y, %H:%M").to_string());
        ui.end_row();
        ui.label("Changes");
        ui.label(&offer.changes);
        ui.end_row();
    });
    if offer.file_changed_since {
        warning(
            ui,
            "The file has been changed since by another program: restoring shows your version; \
             saving will ask before replacing the file.",
        );
    }
    ui.label("Restoring opens the work unsaved; your file is not changed until you save.");
    if offer.more > 0 {
        ui.label(format!(
            "{} more unsaved briefing(s) will be offered next.",
            offer.more
        ));
    }
    super::answers(
        ui,
        queue,
        [
            ("Restore", Command::ResolveRecovery(RecoveryChoice::Restore)),
            ("Discard", Command::ResolveRecovery(RecoveryChoice::Discard)),
            (
                "Decide later",
                Command::ResolveRecovery(RecoveryChoice::Later),
            ),
        ],
    );
}
