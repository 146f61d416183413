//! The modal dialogs, one file each. The modal in force is drawn over the window; its
//! buttons push commands (a button that only closes it pushes [`Command::CloseModal`]
//! before anything it asks for), and the forms some modals hold are edited in place.

mod changed_on_disk;
mod conflicts;
mod file_browser;
mod no_article;
mod open_elsewhere;
mod orphans;
mod paste;
mod recover;
mod unsaved;

use egui::{Key, Ui};

use crate::app::command::{Command, CommandQueue};
use crate::app::modal::Modal;
use crate::document::Document;
use crate::merge::ConflictView;

pub fn show(
    ctx: &egui::Context,
    modal: &mut Modal,
    doc: &Document,
    conflicts: &[ConflictView],
    queue: &mut CommandQueue,
) {
    egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| match modal {
        Modal::Unsaved(_) => unsaved::show(ui, doc, queue),
        Modal::FileBrowser(browser) => file_browser::show(ui, browser, queue),
        Modal::Paste(form) => paste::show(ui, form, queue),
        Modal::Orphans => orphans::show(ui, doc, queue),
        Modal::Conflicts => conflicts::show(ui, conflicts, queue),
        Modal::NoArticle(paths) => no_article::show(ui, paths, queue),
        Modal::Recover(offer) => recover::show(ui, offer, queue),
        Modal::OpenElsewhere(path) => open_elsewhere::show(ui, path, queue),
        Modal::ChangedOnDisk { saving } => changed_on_disk::show(ui, *saving, doc, queue),
    });
}

/// A row of answers, each a button that pushes its command; the last one is also the
/// answer to Escape (the way out of a modal).
fn answers<const N: usize>(ui: &mut Ui, queue: &mut CommandQueue, answers: [(&str, Command); N]) {
    ui.horizontal(|ui| {
        let escape = ui.input(|i| i.key_pressed(Key::Escape));
        for (i, (label, command)) in answers.into_iter().enumerate() {
            if ui.button(label).clicked() || (i + 1 == N && escape) {
                queue.push(command);
            }
        }
    });
}

/// Closes the modal, then asks for `command`.
fn close_then(queue: &mut CommandQueue, command: Command) {
    queue.push(Command::CloseModal);
    queue.push(command);
}
