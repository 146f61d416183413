//! "The file changed on disk": another program changed the briefing's file.

use egui::Ui;

use crate::app::command::{ChangedChoice, Command, CommandQueue};
use crate::document::Document;

pub fn show(ui: &mut Ui, saving: bool, doc: &Document, queue: &mut CommandQueue) {
    ui.heading("The file changed on disk");
    ui.label(format!(
        "Another program (an editor, a git pull…) has changed {} since it was opened here.",
        doc.display_name()
    ));
    if doc.is_dirty() {
        ui.label(
            "You have unsaved changes. Reload discards them and shows the file as it is now; \
             Keep mine saves your version under another name.",
        );
    } else {
        ui.label(
            "Reload shows the file as it is now; Keep mine saves the version in this window \
             under another name.",
        );
    }
    if saving {
        ui.label("Nothing was saved: saving now would overwrite the other program's changes.");
    }
    super::answers(
        ui,
        queue,
        [
            ("Reload", Command::ResolveChanged(ChangedChoice::Reload)),
            (
                "Keep mine…",
                Command::ResolveChanged(ChangedChoice::KeepMine),
            ),
            (
                "Decide later",
                Command::ResolveChanged(ChangedChoice::Later),
            ),
        ],
    );
}
