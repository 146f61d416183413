//! The window's views, one file per panel or modal. Each reads the state it is given and
//! pushes commands; the panels that keep state of their own (the find bar, the claims list's
//! filter, fields being typed in) own it as a struct in their file.

pub mod article_details;
mod article_view;
pub mod briefing_find;
pub mod claim_editor;
pub mod claims_list;
pub mod find_bar;
mod menu_bar;
pub mod messages;
pub mod modals;
mod outline;
pub mod shortcuts;
mod status_bar;
mod toolbar;
mod widgets;

use egui::Ui;

use super::command::{Command, CommandQueue, Side};
use super::settings::Settings;
use super::state::{Message, ViewState};
use super::{layout, reader};
use crate::document::Document;

/// What every view may read this frame.
pub struct Shared<'a> {
    pub doc: &'a Document,
    pub settings: &'a Settings,
    pub messages: &'a [Message],
    /// A file dialog is open: actions that would open another are disabled.
    pub dialog_open: bool,
    /// The files being imported in the background.
    pub importing: Option<String>,
    pub autosave_on: bool,
    pub modal_open: bool,
    /// Side panels were hidden last frame for want of room.
    pub squeezed: bool,
}

/// Lays out the window: menu and toolbar, status bar, outline, claims, and the article.
/// The side panels get what the reader can spare (see [`crate::app::layout`]).
pub fn panels(ui: &mut Ui, shared: &Shared, view: &mut ViewState, queue: &mut CommandQueue) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| menu_bar::show(ui, shared, view, queue));
        toolbar::show(ui, shared, queue);
    });
    egui::Panel::bottom("status").show(ui, |ui| status_bar::show(ui, shared, queue));
    let settings = shared.settings;
    let reader_min = reader::min_width(ui, settings.text_size);
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let panel_char = reader::mean_char_width(ui, body * 0.8);
    let fit = layout::fit(
        ui.available_width(),
        reader_min,
        layout::MIN_PANEL_CHARS * panel_char,
        settings.show_outline,
        settings.show_claims,
    );
    view.squeezed = fit.squeezed;
    let mut outline_open = fit.outline.is_some();
    let outline = fit
        .outline
        .unwrap_or(egui::Rangef::point(layout::MIN_PANEL));
    egui::Panel::left("outline")
        .resizable(true)
        .default_size(260.0)
        .size_range(outline)
        .show_collapsible(ui, &mut outline_open, |ui| {
            outline::show(ui, shared, view, queue)
        });
    if fit.outline.is_some() && !outline_open {
        // Dragged shut, or its edge double-clicked.
        queue.push(Command::ShowPanel(Side::Outline, false));
    }
    let mut claims_open = fit.claims.is_some();
    let claims = fit.claims.unwrap_or(egui::Rangef::point(layout::MIN_PANEL));
    egui::Panel::right("claims")
        .resizable(true)
        .default_size(340.0)
        .size_range(claims)
        .show_collapsible(ui, &mut claims_open, |ui| {
            let selected = view.selected_claim;
            view.claims_list.show(ui, shared, selected, queue);
            view.claim_editor.show(ui, shared, selected, queue);
        });
    if fit.claims.is_some() && !claims_open {
        queue.push(Command::ShowPanel(Side::Claims, false));
    }
    egui::CentralPanel::default().show(ui, |ui| article_view::show(ui, shared, view, queue));
    if view.briefing_find.open {
        view.briefing_find.show(ui, shared, queue);
    }
}
