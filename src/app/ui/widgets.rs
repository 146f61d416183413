//! Small widgets the panels share: labelled text fields, fields whose text is kept while it
//! is being typed, grade pickers and the claims list's rows.

use egui::{RichText, TextEdit, Ui};

/// A text field under its label (the label is also its accessible name); `rows > 1` makes it
/// multi-line. Every editable text in the window goes through here.
pub fn labelled_field(ui: &mut Ui, label: &str, value: &mut String, rows: usize) -> egui::Response {
    let l = ui.label(label);
    let edit = if rows > 1 {
        TextEdit::multiline(value).desired_rows(rows)
    } else {
        TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY).id_salt(label))
        .labelled_by(l.id)
}

/// The text of a field that does not map one to one onto the model (a date, a list of tags):
/// what the user typed is kept while they type, even when it does not parse yet, and the
/// model's value shows again once the field loses focus.
#[derive(Debug, Default)]
pub struct TypedText<K> {
    typing: Option<(K, String)>,
}

impl<K: PartialEq + Copy> TypedText<K> {
    /// A labelled field for the item `key`, showing `shown` unless the user is typing in it.
    /// Returns the text when the user changed it this frame.
    pub fn field(&mut self, ui: &mut Ui, label: &str, key: K, shown: String) -> Option<String> {
        let mut text = match &self.typing {
            Some((k, t)) if *k == key => t.clone(),
            _ => shown,
        };
        let r = labelled_field(ui, label, &mut text, 1);
        let changed = r.changed().then(|| text.clone());
        if changed.is_some() {
            self.typing = Some((key, text));
        }
        if r.lost_focus() {
            self.typing = None;
        }
        changed
    }

    /// What is being typed for `key`, if anything.
    pub fn typing(&self, key: K) -> Option<&str> {
        self.typing
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, t)| t.as_str())
    }
}

/// A labelled drop-down over an optional grade: "not graded" and each grade with its meaning.
pub fn grade_combo<G: PartialEq + Copy + std::fmt::Display>(
    ui: &mut Ui,
    label: &str,
    id: &str,
    current: Option<G>,
    grades: impl IntoIterator<Item = G>,
    meaning: impl Fn(G) -> &'static str,
) -> Option<Option<G>> {
    let describe = |g: G| format!("{g} – {}", meaning(g));
    choice_combo(ui, label, id, current, grades, describe, "not graded")
}

/// A labelled drop-down over an optional value, each said as `describe` says it and
/// "none" standing for no value. Returns the choice when it changed.
pub fn choice_combo<G: PartialEq + Copy>(
    ui: &mut Ui,
    label: &str,
    id: &str,
    current: Option<G>,
    options: impl IntoIterator<Item = G>,
    describe: impl Fn(G) -> String,
    none: &str,
) -> Option<Option<G>> {
    let say = |g: Option<G>| g.map_or_else(|| none.to_owned(), &describe);
    let mut choice = current;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let r = egui::ComboBox::from_id_salt(id)
            .selected_text(say(current))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice, None, say(None));
                for g in options {
                    ui.selectable_value(&mut choice, Some(g), say(Some(g)));
                }
            })
            .response
            .labelled_by(l.id);
        // The combo box says its current value, not only its name.
        ui.ctx()
            .accesskit_node_builder(r.id, |node| node.set_value(say(current)));
    });
    (choice != current).then_some(choice)
}

/// A warning line in the theme's warning colour.
pub fn warning(ui: &mut Ui, text: impl Into<String>) {
    ui.label(RichText::new(text.into()).color(ui.visuals().warn_fg_color));
}

/// One row of the claims list: a bar in the claim's status colour, two lines of text, left
/// aligned and cut to fit.
pub fn claim_row(
    ui: &mut Ui,
    text: &str,
    selected: bool,
    color: egui::Color32,
    height: f32,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, text));
    let visuals = ui.style().interact_selectable(&response, selected);
    let painter = ui.painter_at(rect);
    painter.rect(
        rect,
        3.0,
        visuals.weak_bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    painter.rect_filled(
        egui::Rect::from_min_size(rect.min, egui::vec2(4.0, rect.height())),
        2.0,
        color,
    );
    let font = egui::TextStyle::Body.resolve(ui.style());
    let (first, second) = text.split_once('\n').unwrap_or((text, ""));
    let line = |s: &str, color: egui::Color32| {
        let mut job = egui::text::LayoutJob::simple_singleline(s.to_owned(), font.clone(), color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(rect.width() - 16.0);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let top = line(first, visuals.text_color());
    let bottom = line(second, ui.visuals().weak_text_color());
    let gap = 2.0;
    let y = rect.center().y - (top.size().y + gap + bottom.size().y) / 2.0;
    let bottom_y = y + top.size().y + gap;
    painter.galley(egui::pos2(rect.min.x + 10.0, y), top, visuals.text_color());
    painter.galley(
        egui::pos2(rect.min.x + 10.0, bottom_y),
        bottom,
        visuals.text_color(),
    );
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}

/// Selects all of a text field's text, so that what is typed next replaces it (a second
/// Ctrl+F over the last query).
pub fn select_all_text(ui: &Ui, id: egui::Id, text: &str) {
    set_text_cursor(ui, id, 0, text.chars().count());
}

/// Puts a text field's caret at the end of its text (after completing what was typed).
pub fn caret_to_end(ui: &Ui, id: egui::Id, text: &str) {
    let end = text.chars().count();
    set_text_cursor(ui, id, end, end);
}

/// A text field's selection from char `anchor` to char `head`, seen by it next frame.
fn set_text_cursor(ui: &Ui, id: egui::Id, anchor: usize, head: usize) {
    use egui::text::{CCursor, CCursorRange};
    let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
    let range = CCursorRange::two(CCursor::new(anchor), CCursor::new(head));
    state.cursor.set_char_range(Some(range));
    state.store(ui.ctx(), id);
}

/// A section title, as a heading for screen readers too.
pub fn heading(ui: &mut Ui, text: &str) -> egui::Response {
    let r = ui.heading(text);
    ui.ctx().accesskit_node_builder(r.id, |node| {
        node.set_role(egui::accesskit::Role::Heading);
        node.set_level(2);
        // egui puts a label's words in its value; a heading is named by them.
        node.clear_value();
        node.set_label(text);
    });
    r
}

/// Names the `Ui` a panel draws in as a region ("Outline", "Reader"…), so a screen reader
/// can jump between the window's parts.
pub fn region(ui: &Ui, name: &str) {
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_role(egui::accesskit::Role::Region);
        node.set_label(name);
    });
}

/// Tells a screen reader what a widget is, beyond what egui says of it: a list item's
/// words and place in its list (`at`, counted from 1; the list holds the count).
pub fn list_item(ui: &Ui, r: &egui::Response, label: &str, selected: bool, at: usize) {
    ui.ctx().accesskit_node_builder(r.id, |node| {
        node.set_role(egui::accesskit::Role::ListItem);
        node.set_label(label);
        node.set_selected(selected);
        // AccessKit counts from 0 (its adapters say "1 of n").
        node.set_position_in_set(at.saturating_sub(1));
    });
}

/// A child `Ui` that is a named list of `len` items for screen readers.
pub fn list<R>(ui: &mut Ui, name: &str, len: usize, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.scope_builder(
        egui::UiBuilder::new()
            .accessibility_role(egui::accesskit::Role::List)
            .accessibility_label(name),
        |ui| {
            ui.ctx()
                .accesskit_node_builder(ui.unique_id(), |node| node.set_size_of_set(len));
            add(ui)
        },
    )
    .inner
}

/// Accept and the rejecting button (`reject`: "Clear", "Dismiss") for what the attribution
/// engine suggested, with their shortcuts in the tooltips.
pub fn accept_or_reject(ui: &mut Ui, reject: &str, queue: &mut crate::app::command::CommandQueue) {
    use crate::app::actions::Action;
    use crate::app::command::{Command, SuggestionCommand};
    ui.horizontal_wrapped(|ui| {
        for (label, action, command) in [
            (
                "Accept",
                Action::AcceptSuggestion,
                SuggestionCommand::Accept,
            ),
            (reject, Action::RejectSuggestion, SuggestionCommand::Reject),
        ] {
            if ui
                .button(label)
                .on_hover_text(action.hint(ui.ctx()))
                .clicked()
            {
                queue.push(Command::Suggestion(command));
            }
        }
    });
}
