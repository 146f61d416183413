//! *Help ▸ Keyboard shortcuts*: every action that has a shortcut, from the action table,
//! as this platform writes it.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::actions::{Action, Scope};
use crate::app::command::{Command, CommandQueue};

/// Keys the reader answers to that are not actions: moving the caret (with the reader
/// focused), and with Shift the selection's end.
const READER_KEYS: [(&str, [KeyboardShortcut; 2]); 9] = [
    (
        "In the reader: move the caret by a character",
        [plain(Key::ArrowLeft), plain(Key::ArrowRight)],
    ),
    (
        "In the reader: move the caret by a line",
        [plain(Key::ArrowUp), plain(Key::ArrowDown)],
    ),
    (
        "In the reader: move the caret by a word",
        [cmd(Key::ArrowLeft), cmd(Key::ArrowRight)],
    ),
    (
        "In the reader: to the line's start or end",
        [plain(Key::Home), plain(Key::End)],
    ),
    (
        "In the reader: to the article's start or end",
        [cmd(Key::Home), cmd(Key::End)],
    ),
    (
        "In the reader: a screen up or down",
        [plain(Key::PageUp), plain(Key::PageDown)],
    ),
    (
        "Extend the selection by a character",
        [shift(Key::ArrowLeft), shift(Key::ArrowRight)],
    ),
    (
        "Extend the selection by a line",
        [shift(Key::ArrowUp), shift(Key::ArrowDown)],
    ),
    (
        "Extend the selection by a word",
        [word(Key::ArrowLeft), word(Key::ArrowRight)],
    ),
];

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

const fn word(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

pub fn show(ctx: &egui::Context, queue: &mut CommandQueue) {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            // Scrolls in a small window rather than running off its bottom.
            let height = (ctx.content_rect().height() - 120.0).max(120.0);
            egui::ScrollArea::vertical()
                .max_height(height)
                .show(ui, |ui| {
                    egui::Grid::new("shortcuts")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for action in Action::ALL {
                                if action.shortcuts().is_empty() {
                                    continue;
                                }
                                let what = match action.scope() {
                                    Scope::FindField => {
                                        format!("{} (in a find field)", action.tooltip())
                                    }
                                    Scope::NotTyping | Scope::NotInTextField => {
                                        format!("{} (outside text fields)", action.tooltip())
                                    }
                                    Scope::Window | Scope::Reader => action.tooltip().to_owned(),
                                };
                                ui.label(what);
                                ui.strong(action.all_shortcuts_text(ui.ctx()));
                                ui.end_row();
                            }
                            for (what, keys) in READER_KEYS {
                                ui.label(what);
                                let keys = keys.map(|k| ui.ctx().format_shortcut(&k));
                                ui.strong(keys.join(" / "));
                                ui.end_row();
                            }
                        });
                });
        });
    if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
        queue.push(Command::CloseShortcuts);
    }
}
