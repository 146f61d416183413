//! Where no file dialog could be shown: the file's path, typed in the window.

use std::path::PathBuf;

use egui::{Key, TextEdit, Ui};

use crate::app::command::{Command, CommandQueue};
use crate::app::dialogs::DialogKind;

pub fn show(ui: &mut Ui, kind: &DialogKind, text: &mut String, queue: &mut CommandQueue) {
    ui.heading(kind.title());
    ui.label("No file dialog could be shown here. Type the file's path:");
    let l = ui.label("Path");
    let r = ui
        .add(TextEdit::singleline(text).desired_width(420.0))
        .labelled_by(l.id);
    r.request_focus();
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.horizontal(|ui| {
        if (ui.button("OK").clicked() || enter) && !text.trim().is_empty() {
            queue.push(Command::CloseModal);
            if let Some(command) = kind.command_for(vec![PathBuf::from(text.trim())]) {
                queue.push(command);
            }
        }
        if ui.button("Cancel").clicked() {
            queue.push(Command::CloseModal);
        }
    });
}
