//! "No article found": a web page with no article in it; offer its whole text.

use std::path::PathBuf;

use egui::Ui;

use crate::app::command::{Command, CommandQueue};
use crate::app::file_name;

pub fn show(ui: &mut Ui, paths: &[PathBuf], queue: &mut CommandQueue) {
    ui.heading("No article found");
    let names: Vec<String> = paths.iter().map(|p| file_name(p)).collect();
    ui.label(format!(
        "No article was found in {}: it may be a front page or a list of links. You can import \
         all of the page's visible text instead.",
        names.join(", ")
    ));
    ui.horizontal(|ui| {
        if ui.button("Import the whole page").clicked() {
            super::close_then(queue, Command::AddWholePages(paths.to_vec()));
        }
        if ui.button("Cancel").clicked() {
            queue.push(Command::CloseModal);
        }
    });
}
