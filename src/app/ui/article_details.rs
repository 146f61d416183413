//! The current article's details, in the outline: its metadata, editable, and where it came
//! from.

use egui::{RichText, Ui};

use super::Shared;
use super::widgets::{TypedText, grade_combo, labelled_field};
use crate::app::command::{Command, CommandQueue};
use crate::model::{Article, ArticleId, Published, Reliability};

/// The details panel's own state: the publication date as it is being typed.
#[derive(Debug, Default)]
pub struct ArticleDetails {
    published: TypedText<ArticleId>,
}

impl ArticleDetails {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        article: &Article,
        queue: &mut CommandQueue,
    ) {
        let shown = ui.collapsing("Article details", |ui| {
            if shared.doc.read_only {
                ui.disable();
            }
            self.fields(ui, article, queue);
            let sha256 = &article.sha256;
            ui.label(
                RichText::new(format!(
                    "Added {} · SHA-256 {}",
                    article.added.format("%Y-%m-%d %H:%M UTC"),
                    &sha256[..12.min(sha256.len())]
                ))
                .small()
                .weak(),
            );
        });
        // The disclosure says whether it is open.
        let open = shown.body_returned.is_some();
        ui.ctx()
            .accesskit_node_builder(shown.header_response.id, |node| {
                node.set_expanded(open);
            });
    }

    fn fields(&mut self, ui: &mut Ui, article: &Article, queue: &mut CommandQueue) {
        let meta = article.meta();
        let mut edited = meta.clone();
        let mut changed = false;
        for (label, value) in [
            ("Article title", &mut edited.title),
            ("Outlet", &mut edited.outlet),
            ("Author", &mut edited.author),
            ("URL", &mut edited.url),
            ("Language", &mut edited.language),
        ] {
            changed |= labelled_field(ui, label, value, 1).changed();
        }
        let shown = meta.published.map(|p| p.to_string()).unwrap_or_default();
        let label = "Published (2025-08-13 or RFC 3339)";
        if let Some(typed) = self.published.field(ui, label, article.id, shown) {
            match typed.trim() {
                "" => {
                    edited.published = None;
                    changed = true;
                }
                p => {
                    if let Ok(v) = p.parse() {
                        edited.published = Some(v);
                        changed = true;
                    }
                }
            }
        }
        let typing = self.published.typing(article.id).map(str::trim);
        if typing.is_some_and(|t| !t.is_empty() && t.parse::<Published>().is_err()) {
            ui.label(
                RichText::new("Not a date yet: use 2025-08-13")
                    .color(ui.visuals().warn_fg_color)
                    .small(),
            );
        }
        let grades = Reliability::ALL;
        let picked = grade_combo(
            ui,
            "Source reliability",
            "reliability",
            meta.reliability,
            grades,
            Reliability::meaning,
        );
        if let Some(r) = picked {
            edited.reliability = r;
            changed = true;
        }
        if changed && edited != meta {
            queue.push(Command::SetArticleMeta {
                id: article.id,
                meta: edited,
            });
        }
    }
}
