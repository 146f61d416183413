//! "Unsaved changes": save, discard or cancel before what the user asked for.

use egui::Ui;

use crate::app::command::{Command, CommandQueue, UnsavedChoice};
use crate::document::Document;

pub fn show(ui: &mut Ui, doc: &Document, queue: &mut CommandQueue) {
    ui.heading("Unsaved changes");
    ui.label(format!(
        "“{}” has changes that are not saved.",
        doc.briefing.title
    ));
    super::answers(
        ui,
        queue,
        [
            ("Save", Command::ResolveUnsaved(UnsavedChoice::Save)),
            ("Discard", Command::ResolveUnsaved(UnsavedChoice::Discard)),
            ("Cancel", Command::ResolveUnsaved(UnsavedChoice::Cancel)),
        ],
    );
}
