//! "Paste article": an article's text and metadata, typed or pasted.

use egui::{TextEdit, Ui};

use crate::app::command::{Command, CommandQueue};
use crate::app::modal::PasteForm;
use crate::app::ui::widgets::{labelled_field, warning};

pub fn show(ui: &mut Ui, form: &mut PasteForm, queue: &mut CommandQueue) {
    ui.heading("Paste article");
    for (label, value) in [
        ("Article title", &mut form.title),
        ("Outlet", &mut form.outlet),
        ("URL", &mut form.url),
        ("Published", &mut form.published),
    ] {
        labelled_field(ui, label, value, 1);
    }
    // The text field's own paste, written as this platform writes it.
    let paste = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::V);
    let l = ui.label(format!(
        "Article text (paste with {})",
        ui.ctx().format_shortcut(&paste)
    ));
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .show(ui, |ui| {
            let text = TextEdit::multiline(&mut form.text)
                .desired_rows(10)
                .desired_width(420.0);
            ui.add(text).labelled_by(l.id);
        });
    let parsed = form.to_article();
    if let Err(e) = &parsed {
        warning(ui, e);
    }
    ui.horizontal(|ui| {
        let ok = parsed.is_ok() && !form.text.trim().is_empty();
        if ui
            .add_enabled(ok, egui::Button::new("Add article"))
            .clicked()
            && let Ok((meta, text)) = parsed
        {
            super::close_then(queue, Command::AddPastedArticle { meta, text });
        }
        if ui.button("Cancel").clicked() {
            queue.push(Command::CloseModal);
        }
    });
}
