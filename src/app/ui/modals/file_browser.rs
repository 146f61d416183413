//! The window's own file browser (see [`crate::app::browser`]): the folder's contents,
//! places to jump to, a path field with Tab completion, the full target path, and the
//! filter. Enter confirms (or opens a typed folder), Escape cancels.

use egui::{Key, RichText, TextEdit, Ui};

use super::close_then;
use crate::app::browser::{Browser, documents, home};
use crate::app::command::{Command, CommandQueue};
use crate::app::ui::widgets::caret_to_end;

pub fn show(ui: &mut Ui, b: &mut Browser, queue: &mut CommandQueue) {
    let width = (ui.ctx().content_rect().width() - 80.0).clamp(280.0, 640.0);
    ui.set_width(width);
    ui.heading(b.kind.title());
    places(ui, b);
    ui.add(egui::Label::new(RichText::new(format!("Folder: {}", b.dir.display())).strong()).wrap());
    let list_height = (ui.ctx().content_rect().height() - 340.0).clamp(90.0, 320.0);
    let mut picked = list(ui, b, list_height);
    path_field(ui, b);
    target(ui, b);
    let mut only = !b.all_files;
    if ui
        .checkbox(&mut only, format!("Show only {}", b.kind.file_kind()))
        .changed()
    {
        b.set_all_files(!only);
    }
    if let Some(e) = &b.error {
        ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
    }
    let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
    let (confirm, cancel) = ui
        .horizontal(|ui| {
            (
                ui.button(b.kind.verb()).clicked(),
                ui.button("Cancel").clicked(),
            )
        })
        .inner;
    // Enter and Escape belong to the new folder's name while it is being typed.
    let new_folder_typing = b.new_folder.is_some();
    if picked.is_none() && (confirm || (enter && !new_folder_typing)) {
        picked = b.confirm();
    }
    if escape && new_folder_typing {
        b.new_folder = None;
    } else if cancel || escape {
        queue.push(Command::CloseModal);
        queue.push(Command::DialogCancelled);
        return;
    }
    if let Some(paths) = picked
        && let Some(command) = b.kind.command_for(paths)
    {
        close_then(queue, command);
    }
}

/// Up, Home, Documents, recent folders, and a new folder.
fn places(ui: &mut Ui, b: &mut Browser) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(b.dir.parent().is_some(), egui::Button::new("Up"))
            .on_hover_text("The folder that holds this one")
            .clicked()
        {
            b.up();
        }
        if ui.button("Home").clicked() {
            b.go(home());
        }
        let docs = documents();
        if docs != home() && ui.button("Documents").clicked() {
            b.go(docs);
        }
        if !b.recent.is_empty() {
            let mut go = None;
            let l = ui.label("Recent");
            egui::ComboBox::from_id_salt("recent folders")
                .selected_text("folders")
                .show_ui(ui, |ui| {
                    for p in &b.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            go = Some(p.clone());
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            if let Some(p) = go {
                b.go(p);
            }
        }
        if b.kind.saving() && b.new_folder.is_none() && ui.button("New folder…").clicked() {
            b.new_folder = Some(String::new());
        }
    });
    if let Some(mut name) = b.new_folder.take() {
        let mut keep = true;
        ui.horizontal(|ui| {
            let l = ui.label("New folder name");
            let r = ui.add(TextEdit::singleline(&mut name)).labelled_by(l.id);
            if r.gained_focus() || name.is_empty() && !r.has_focus() {
                r.request_focus();
            }
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if ui.button("Create").clicked() || enter {
                b.new_folder = Some(name.clone());
                b.create_folder(&name);
                keep = false;
            }
            if ui
                .button("Cancel")
                .on_hover_text("Do not create a folder")
                .clicked()
            {
                keep = false;
            }
        });
        if keep {
            b.new_folder = Some(name);
        }
    }
}

/// The folder's entries; a double-click opens a folder or confirms a file.
fn list(ui: &mut Ui, b: &mut Browser, height: f32) -> Option<Vec<std::path::PathBuf>> {
    let visible = b.visible();
    let row = ui.spacing().interact_size.y;
    let mut clicked = None;
    let mut activated = None;
    let mut area = egui::ScrollArea::vertical();
    if std::mem::take(&mut b.reveal)
        && let Some(at) = b
            .highlight
            .and_then(|h| visible.iter().position(|&v| v == h))
    {
        let step = row + ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset((at as f32 * step - height / 3.0).max(0.0));
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        area.id_salt(("browser list", b.dir.clone()))
            .max_height(height)
            .auto_shrink([false, false])
            .show_rows(ui, row, visible.len(), |ui, range| {
                for &i in &visible[range] {
                    let e = &b.entries[i];
                    let selected = b.selected.contains(&e.path)
                        || b.highlight == Some(i)
                        || (b.kind.saving() && !e.is_dir && b.typed == e.name);
                    let text = if e.is_dir {
                        RichText::new(format!("{}/", e.name)).strong()
                    } else {
                        RichText::new(&e.name)
                    };
                    let r = ui.add(egui::Button::selectable(selected, text).truncate());
                    if r.double_clicked() {
                        activated = Some(i);
                    } else if r.clicked() {
                        clicked = Some((i, ui.input(|inp| inp.modifiers.command)));
                        if e.is_dir {
                            activated = Some(i);
                        }
                    }
                }
            });
        if visible.is_empty() {
            ui.label(RichText::new("Nothing to show here.").weak());
        }
        if b.cut {
            ui.label(RichText::new("Only the first 5000 entries are listed.").weak());
        }
    });
    if let Some(i) = activated {
        return b.activate(i);
    }
    if let Some((i, add)) = clicked {
        b.click(i, add);
    }
    None
}

/// The typed name or path; Tab completes it.
fn path_field(ui: &mut Ui, b: &mut Browser) {
    let label = if b.kind.saving() { "File name" } else { "Path" };
    let l = ui.label(label);
    // Tab completes and Up/Down walk the list: the field keeps them rather than letting
    // them move the focus.
    let filter = egui::EventFilter {
        tab: true,
        horizontal_arrows: true,
        vertical_arrows: true,
        ..Default::default()
    };
    let r = ui
        .add(
            TextEdit::singleline(&mut b.typed)
                .id_salt("browser path")
                .hint_text("a name, or a path; Tab completes")
                .event_filter(filter)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    if r.changed() {
        b.replace = None;
        b.error = None;
        b.highlight = None;
    }
    // The field has the keyboard unless another field (a new folder's name) took it.
    if b.new_folder.is_none() && ui.memory(|m| m.focused().is_none()) {
        r.request_focus();
    }
    let tab = r.has_focus() && ui.input(|i| i.key_pressed(Key::Tab));
    if tab {
        b.complete();
        caret_to_end(ui, r.id, &b.typed);
    }
    if r.has_focus() {
        let (down, up) = ui.input(|i| (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp)));
        if down {
            b.step(1);
        }
        if up {
            b.step(-1);
        }
    }
}

/// The full path that confirming gives, always in view.
fn target(ui: &mut Ui, b: &Browser) {
    let target = b.target();
    let text = match target.as_slice() {
        [] => "Nothing chosen yet".to_owned(),
        [one] => format!("{}: {}", b.kind.verb(), one.display()),
        many => format!("{}: {} files", b.kind.verb(), many.len()),
    };
    ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
}
