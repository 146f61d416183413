//! The menu bar: File, Edit, Analysis, View and Help, each item drawn from the action table.

use egui::{RichText, Ui};

use super::Shared;
use crate::app::actions::Action;
use crate::app::command::{Command, CommandQueue, PanelTab};
use crate::app::settings::{DEFAULT_TEXT_SIZE, TEXT_SIZES, ThemeChoice};
use crate::app::state::ViewState;
use crate::export::ExportFormat;
use crate::model::Status;

/// A menu item for `action`, with its shortcut; pushes its command when clicked.
fn item(ui: &mut Ui, queue: &mut CommandQueue, action: Action, enabled: bool) {
    let shortcut = action.shortcut_text(ui.ctx());
    let mut button = egui::Button::new(action.label());
    if let Some(s) = &shortcut {
        button = button.shortcut_text(s.clone());
    }
    let r = ui.add_enabled(enabled, button);
    menu_item(ui, &r, action.label(), shortcut);
    if r.clicked() {
        queue.push(action.command());
    }
}

/// A menu item that shows whether what it toggles is on.
fn toggle_item(ui: &mut Ui, queue: &mut CommandQueue, action: Action, on: bool) {
    let shortcut = action.shortcut_text(ui.ctx());
    let mut button = egui::Button::selectable(on, action.label());
    if let Some(s) = &shortcut {
        button = button.shortcut_text(s.clone());
    }
    let r = ui.add(button).on_hover_text(action.tooltip());
    menu_item(ui, &r, action.label(), shortcut);
    ui.ctx()
        .accesskit_node_builder(r.id, |node| node.set_toggled(on.into()));
    if r.clicked() {
        queue.push(action.command());
    }
}

/// A menu item for screen readers: its name, and its shortcut as a shortcut, not glued to
/// the name as egui's label would have it.
fn menu_item(ui: &Ui, r: &egui::Response, name: &str, shortcut: Option<String>) {
    ui.ctx().accesskit_node_builder(r.id, |node| {
        node.set_role(egui::accesskit::Role::MenuItem);
        node.set_label(name);
        if let Some(s) = shortcut {
            node.set_keyboard_shortcut(s);
        }
    });
}

/// A menu of the menu bar, which says whether it is open.
fn menu(ui: &mut Ui, name: &str, add: impl FnOnce(&mut Ui)) {
    let r = ui.menu_button(name, add);
    let open = r.inner.is_some();
    ui.ctx().accesskit_node_builder(r.response.id, |node| {
        node.set_expanded(open);
    });
}

pub fn show(ui: &mut Ui, shared: &Shared, view: &ViewState, queue: &mut CommandQueue) {
    let idle = !shared.dialog_open;
    menu(ui, "File", |ui| {
        item(ui, queue, Action::New, true);
        item(ui, queue, Action::Open, idle);
        ui.menu_button("Open Recent", |ui| recent(ui, shared, queue));
        ui.separator();
        item(ui, queue, Action::Save, idle);
        item(ui, queue, Action::SaveAs, idle);
        ui.menu_button("Export", |ui| {
            for format in ExportFormat::ALL {
                item(ui, queue, Action::Export(format), idle);
            }
        });
        ui.separator();
        item(ui, queue, Action::AddArticles, idle);
        item(ui, queue, Action::PasteArticle, true);
        item(ui, queue, Action::ImportAnnotations, idle);
        ui.separator();
        item(ui, queue, Action::Quit, true);
    });
    menu(ui, "Edit", |ui| {
        let history = &shared.doc.history;
        item(ui, queue, Action::Undo, history.can_undo());
        item(ui, queue, Action::Redo, history.can_redo());
        ui.separator();
        for status in Status::ALL {
            item(ui, queue, Action::Tag(status), true);
        }
        item(
            ui,
            queue,
            Action::DeleteClaim,
            view.selected_claim.is_some(),
        );
        ui.separator();
        item(ui, queue, Action::Find, view.current.is_some());
        item(ui, queue, Action::FindInBriefing, true);
        ui.separator();
        let claims = shared.doc.briefing.claims().next().is_some();
        item(ui, queue, Action::NextClaim, claims);
        item(ui, queue, Action::PreviousClaim, claims);
    });
    menu(ui, "Analysis", |ui| {
        let on_judgments = view.tab == PanelTab::Judgments;
        toggle_item(ui, queue, Action::ToggleJudgments, on_judgments);
        let can_link = view.selected_claim.is_some() && view.judgments.selected.is_some();
        item(ui, queue, Action::LinkSupports, can_link);
        item(ui, queue, Action::LinkContradicts, can_link);
        ui.separator();
        item(ui, queue, Action::Hypotheses, true);
        ui.separator();
        let on_suggestions = view.tab == PanelTab::Suggestions;
        toggle_item(ui, queue, Action::ToggleSuggestions, on_suggestions);
        let article = view.current.is_some();
        item(ui, queue, Action::NextSuggestion, article);
        item(ui, queue, Action::PreviousSuggestion, article);
        let suggested_claim = view
            .selected_claim
            .and_then(|id| shared.doc.briefing.find_claim(id))
            .is_some_and(|(_, c)| !c.suggested_from.is_empty());
        let can_settle = (on_suggestions && view.suggestions.selected.is_some())
            || (!on_suggestions && suggested_claim);
        item(ui, queue, Action::AcceptSuggestion, can_settle);
        item(ui, queue, Action::RejectSuggestion, can_settle);
        ui.separator();
        let conflicts = !shared.doc.briefing.conflicts.is_empty();
        item(ui, queue, Action::MergeConflicts, conflicts);
    });
    menu(ui, "View", |ui| view_menu(ui, shared, queue));
    menu(ui, "Help", |ui| {
        item(ui, queue, Action::ShowShortcuts, true)
    });
}

fn recent(ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
    let recent = &shared.settings.recent;
    if recent.is_empty() {
        ui.label("No recent briefings");
    }
    for p in recent {
        let name = p.display().to_string();
        if p.exists() {
            if ui.button(&name).clicked() {
                queue.push(Command::OpenPath(p.clone()));
            }
        } else {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{name} (missing)")).weak());
                if ui.small_button("Remove").clicked() {
                    queue.push(Command::ForgetRecent(p.clone()));
                }
            });
        }
    }
}

fn view_menu(ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
    let settings = shared.settings;
    for (action, shown) in [
        (Action::ToggleOutline, settings.show_outline),
        (Action::ToggleClaims, settings.show_claims),
    ] {
        toggle_item(ui, queue, action, shown);
    }
    ui.separator();
    let mut theme = settings.theme;
    ui.radio_value(&mut theme, ThemeChoice::System, "Follow system theme");
    ui.radio_value(&mut theme, ThemeChoice::Light, "Light");
    ui.radio_value(&mut theme, ThemeChoice::Dark, "Dark");
    if theme != settings.theme {
        queue.push(Command::SetTheme(theme));
    }
    ui.separator();
    item(
        ui,
        queue,
        Action::TextBigger,
        settings.text_size < *TEXT_SIZES.end(),
    );
    item(
        ui,
        queue,
        Action::TextSmaller,
        settings.text_size > *TEXT_SIZES.start(),
    );
    item(
        ui,
        queue,
        Action::TextReset,
        settings.text_size != DEFAULT_TEXT_SIZE,
    );
    ui.horizontal(|ui| {
        let label = ui.label("Text size");
        let mut size = settings.text_size;
        ui.add(egui::Slider::new(&mut size, TEXT_SIZES).step_by(1.0))
            .labelled_by(label.id);
        if size != settings.text_size {
            queue.push(Command::SetTextSize(size));
        }
    });
}
