//! "Open in another window": the briefing's lock is held by another window.

use std::path::Path;

use egui::Ui;

use crate::app::command::{Command, CommandQueue};

pub fn show(ui: &mut Ui, path: &Path, queue: &mut CommandQueue) {
    ui.heading("Open in another window");
    ui.label(format!(
        "{} is open in another briefing-notes window. Two windows changing one file would \
         overwrite each other's work.",
        path.display()
    ));
    super::answers(
        ui,
        queue,
        [
            ("Open read-only", Command::OpenReadOnly(path.to_owned())),
            ("Cancel", Command::CloseModal),
        ],
    );
}
