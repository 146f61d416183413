//! The left panel: the briefing's own fields, its articles, and the current article's
//! details.

use egui::{RichText, Ui};

use super::Shared;
use super::widgets::{heading, labelled_field, list, list_item, region};
use crate::app::actions::Action;
use crate::app::command::{Command, CommandQueue};
use crate::app::state::ViewState;
use crate::app::theme::{status_color, status_letter};
use crate::edit::BriefingField;
use crate::model::{Article, Status, StatusCounts};

pub fn show(ui: &mut Ui, shared: &Shared, view: &mut ViewState, queue: &mut CommandQueue) {
    region(ui, "Outline");
    egui::ScrollArea::vertical()
        .id_salt("outline")
        .show(ui, |ui| {
            briefing_fields(ui, shared, queue);
            ui.separator();
            articles(ui, shared, view.current, queue);
            if let Some(article) = view.current_article(shared.doc) {
                ui.separator();
                view.article_details.show(ui, shared, article, queue);
            }
        });
}

fn briefing_fields(ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
    let b = &shared.doc.briefing;
    heading(ui, "Briefing");
    // Open in another window: shown, not changeable (Save As makes a copy to change).
    ui.add_enabled_ui(!shared.doc.read_only, |ui| {
        for (field, label, value, rows) in [
            (BriefingField::Title, "Title", &b.title, 1),
            (BriefingField::Analyst, "Analyst", &b.analyst, 1),
            (BriefingField::Summary, "Bottom line", &b.summary, 4),
        ] {
            let mut value = value.clone();
            if labelled_field(ui, label, &mut value, rows).changed() {
                queue.push(Command::SetField { field, value });
            }
        }
    });
}

fn articles(
    ui: &mut Ui,
    shared: &Shared,
    current: Option<crate::model::ArticleId>,
    queue: &mut CommandQueue,
) {
    let read_only = shared.doc.read_only;
    ui.horizontal_wrapped(|ui| {
        heading(ui, "Articles");
        let add = Action::AddArticles;
        if ui
            .add_enabled(!shared.dialog_open && !read_only, egui::Button::new("Add…"))
            .on_hover_text(add.tooltip())
            .clicked()
        {
            queue.push(add.command());
        }
        let paste = Action::PasteArticle;
        if ui
            .add_enabled(!read_only, egui::Button::new("Paste…"))
            .on_hover_text(paste.tooltip())
            .clicked()
        {
            queue.push(paste.command());
        }
    });
    let articles = &shared.doc.briefing.articles;
    list(ui, "Articles", articles.len(), |ui| {
        for (i, a) in articles.iter().enumerate() {
            article_entry(ui, i + 1, a, current == Some(a.id), read_only, queue);
        }
    });
}

fn article_entry(
    ui: &mut Ui,
    at: usize,
    a: &Article,
    selected: bool,
    read_only: bool,
    queue: &mut CommandQueue,
) {
    let mut title = RichText::new(format!("{at}. {}", a.title));
    if selected {
        title = title.strong();
    }
    // A long title is cut with "…" to the panel's width and shown whole on hover.
    let entry = egui::Button::selectable(selected, title).truncate();
    let r = ui.add(entry).on_hover_text(&a.title);
    let counts = StatusCounts::of(&a.claims);
    let spoken = format!(
        "{}, {} claims{}",
        a.title,
        a.claims.len(),
        if a.outlet.is_empty() {
            String::new()
        } else {
            format!(", {}", a.outlet)
        }
    );
    list_item(ui, &r, &spoken, selected, at);
    if r.clicked() {
        queue.push(Command::SelectArticle(a.id));
    }
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.add_space(12.0);
        for status in Status::ALL {
            let text = format!("{}{}", status_letter(status), counts.get(status));
            ui.label(
                RichText::new(text)
                    .color(status_color(status, dark))
                    .small(),
            );
        }
        if !a.outlet.is_empty() {
            ui.label(RichText::new(&a.outlet).small().weak());
        }
        if ui
            .add_enabled(!read_only, egui::Button::new("Remove").small())
            .on_hover_text("Remove this article and its claims (undoable)")
            .clicked()
        {
            queue.push(Command::RemoveArticle(a.id));
        }
    });
}
