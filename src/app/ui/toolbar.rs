//! The toolbar under the menus: tag buttons in the status colours, Find, Undo and Redo.

use egui::{RichText, Ui};

use super::Shared;
use crate::app::actions::Action;
use crate::app::command::CommandQueue;
use crate::app::theme::{status_color, status_letter};
use crate::model::Status;

pub fn show(ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Tag selection:");
        let dark = ui.visuals().dark_mode;
        for status in Status::ALL {
            let action = Action::Tag(status);
            let text = RichText::new(format!("{} {status}", status_letter(status)))
                .color(status_color(status, dark));
            if ui
                .button(text)
                .on_hover_text(action.hint(ui.ctx()))
                .clicked()
            {
                queue.push(action.command());
            }
        }
        ui.separator();
        let find = Action::Find;
        if ui
            .button("Find")
            .on_hover_text(find.hint(ui.ctx()))
            .clicked()
        {
            queue.push(find.command());
        }
        let history = &shared.doc.history;
        for (action, enabled) in [
            (Action::Undo, history.can_undo()),
            (Action::Redo, history.can_redo()),
        ] {
            let button = egui::Button::new(action.label());
            if ui
                .add_enabled(enabled, button)
                .on_hover_text(action.hint(ui.ctx()))
                .clicked()
            {
                queue.push(action.command());
            }
        }
    });
}
