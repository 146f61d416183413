//! The middle of the window: messages, then the current article — the find bar, its heading
//! and the reader — or, with no article yet, how to add one.

use egui::{RichText, Ui};

use super::Shared;
use crate::app::actions::Action;
use crate::app::command::CommandQueue;
use crate::app::reader::Highlight;
use crate::app::state::ViewState;
use crate::model::Article;

pub fn show(ui: &mut Ui, shared: &Shared, view: &mut ViewState, queue: &mut CommandQueue) {
    view.messages.show(ui, shared, queue);
    let Some(article) = view.current_article(shared.doc) else {
        no_article(ui, shared, queue);
        return;
    };
    // Decided before the find bar draws: focus it takes this frame is for the next one.
    let keyboard = !super::typing(ui.ctx()) && !shared.modal_open;
    if view.find.open {
        view.find.show(ui, article, queue);
    }
    heading(ui, article);
    ui.separator();
    view.reader.ui(
        ui,
        article,
        &highlights(article),
        view.selected_claim,
        shared.settings.text_size,
        keyboard,
        queue,
    );
}

fn no_article(ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.heading("No article yet");
        ui.label(
            "Add the articles this briefing rests on: use Add article… or Paste article… below \
             (also in the File menu), or drop saved web pages (.html), .md and .txt files on \
             this window.",
        );
        let add = egui::Button::new("Add article…");
        if ui.add_enabled(!shared.dialog_open, add).clicked() {
            queue.push(Action::AddArticles.command());
        }
        if ui.button("Paste article…").clicked() {
            queue.push(Action::PasteArticle.command());
        }
    });
}

fn heading(ui: &mut Ui, article: &Article) {
    ui.vertical_centered(|ui| {
        // At most two lines, cut with "…"; the whole title on hover.
        let style = ui.style().clone();
        let mut job = egui::text::LayoutJob::default();
        RichText::new(&article.title).heading().strong().append_to(
            &mut job,
            &style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
        job.wrap.max_rows = 2;
        job.wrap.break_anywhere = false;
        job.halign = egui::Align::Center;
        ui.add(egui::Label::new(job).wrap())
            .on_hover_text(&article.title);
        let mut line = Vec::new();
        if !article.outlet.is_empty() {
            line.push(article.outlet.clone());
        }
        if !article.author.is_empty() {
            line.push(article.author.clone());
        }
        if let Some(p) = article.published {
            line.push(p.human());
        }
        if !line.is_empty() {
            ui.label(RichText::new(line.join(" · ")).weak());
        }
    });
}

/// The article's claims that still have their words, as the reader paints them.
fn highlights(article: &Article) -> Vec<Highlight> {
    article
        .claims
        .iter()
        .filter(|c| !c.anchor.orphaned)
        .map(|c| Highlight {
            id: c.id,
            range: c.anchor.range(),
            status: c.status,
        })
        .collect()
}
