//! *Help ▸ Keyboard shortcuts*: every action that has a shortcut, from the action table,
//! as this platform writes it.

use egui::{Key, Modifiers};

use crate::app::actions::{Action, Scope};
use crate::app::command::{Command, CommandQueue};

/// Keys the reader answers to that are not actions: moving the selection's end.
const READER_KEYS: [(&str, Modifiers, Key); 3] = [
    (
        "Extend the selection by a character or line",
        Modifiers::SHIFT,
        Key::ArrowRight,
    ),
    (
        "Extend the selection by a word",
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::ArrowRight,
    ),
    (
        "Extend the selection to the end",
        Modifiers::SHIFT,
        Key::End,
    ),
];

pub fn show(ctx: &egui::Context, queue: &mut CommandQueue) {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for action in Action::ALL {
                        if action.shortcuts().is_empty() {
                            continue;
                        }
                        let what = match action.scope() {
                            Scope::FindField => format!("{} (in the find bar)", action.tooltip()),
                            Scope::NotTyping => {
                                format!("{} (outside text fields)", action.tooltip())
                            }
                            Scope::Window | Scope::Reader => action.tooltip().to_owned(),
                        };
                        ui.label(what);
                        ui.strong(action.all_shortcuts_text(ui.ctx()));
                        ui.end_row();
                    }
                    for (what, modifiers, key) in READER_KEYS {
                        ui.label(what);
                        let keys = egui::KeyboardShortcut::new(modifiers, key);
                        ui.strong(ui.ctx().format_shortcut(&keys));
                        ui.end_row();
                    }
                });
        });
    if !open {
        queue.push(Command::CloseShortcuts);
    }
}
