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
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            queue.push(Command::ResolveUnsaved(UnsavedChoice::Save));
        }
        if ui.button("Discard").clicked() {
            queue.push(Command::ResolveUnsaved(UnsavedChoice::Discard));
        }
        if super::escape_button(ui, "Cancel") {
            queue.push(Command::ResolveUnsaved(UnsavedChoice::Cancel));
        }
    });
}
