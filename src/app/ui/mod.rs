//! The window's views, one file per panel or modal. Each reads the state it is given and
//! pushes commands; the panels that keep state of their own (the find bar, the claims list's
//! filter, fields being typed in) own it as a struct in their file.

pub mod article_details;
mod article_view;
pub mod claim_editor;
pub mod claims_list;
pub mod find_bar;
mod menu_bar;
pub mod modals;
mod outline;
pub mod shortcuts;
mod status_bar;
mod toolbar;
mod widgets;

use egui::Ui;

use super::command::CommandQueue;
use super::settings::Settings;
use super::state::{Message, ViewState};
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
}

/// Lays out the window: menu and toolbar, status bar, outline, claims, and the article.
pub fn panels(ui: &mut Ui, shared: &Shared, view: &mut ViewState, queue: &mut CommandQueue) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| menu_bar::show(ui, shared, view, queue));
        toolbar::show(ui, shared, queue);
    });
    egui::Panel::bottom("status").show(ui, |ui| status_bar::show(ui, shared, queue));
    egui::Panel::left("outline")
        .resizable(true)
        .default_size(260.0)
        .min_size(180.0)
        .show(ui, |ui| outline::show(ui, shared, view, queue));
    egui::Panel::right("claims")
        .resizable(true)
        .default_size(340.0)
        .min_size(240.0)
        .show(ui, |ui| {
            let selected = view.selected_claim;
            view.claims_list.show(ui, shared, selected, queue);
            view.claim_editor.show(ui, shared, selected, queue);
        });
    egui::CentralPanel::default().show(ui, |ui| article_view::show(ui, shared, view, queue));
}
