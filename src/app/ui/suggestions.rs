//! The Suggestions panel (the right panel's third tab): candidate claims the attribution
//! engine reads in the open article — attributed statements and hedged reports — each with a
//! proposed status, speaker and via. Nothing is tagged until the analyst accepts one; a
//! dismissed one is remembered in the briefing and not offered again.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::widgets::{accept_or_reject, claim_row, heading, list, list_item};
use super::{Derived, Shared, Version};
use crate::app::actions::Action;
use crate::app::command::{Command, CommandQueue, SuggestionCommand};
use crate::app::theme::status_color;
use crate::attribution::{Engine, Suggestion};
use crate::model::{Article, ArticleId, Span, Status, attribution_words};
use crate::text::{TextIndex, snippet};

/// The panel's own state.
#[derive(Debug, Default)]
pub struct SuggestionsPanel {
    /// The suggestion Accept and Dismiss act on.
    pub selected: Option<Span>,
    /// The status to tag the selected suggestion with, if the analyst changed it.
    pub status: Option<Status>,
    /// What the engine reads in an article; its text never changes, so this is kept until
    /// another article (or another document) is shown. `None`: not a language it reads.
    read: Derived<(u64, ArticleId), Option<Vec<Suggestion>>>,
    /// The suggestions shown: those read, less the dismissed and the ones already tagged.
    /// Kept for the executor, which steps through them.
    pub shown: Vec<Suggestion>,
    /// Each shown suggestion's words (up to 200 chars), taken from the text once.
    quotes: Vec<String>,
    /// The briefing version and article `shown` was worked out for.
    shown_at: Option<(Version, ArticleId)>,
    /// Scroll the list to the selected row on the next frame.
    pub reveal: bool,
    /// The current article is in a language the engine reads.
    readable: bool,
}

impl SuggestionsPanel {
    /// Works out what the panel shows for the current article (before the tabs are drawn,
    /// which count them): only when the briefing or the article changed, not every frame.
    /// The document's generation (in `version`) keys what was read, so that an article
    /// reopened in another document is read again; an article not read yet is read only if
    /// `read_now` (the tab is shown).
    pub fn refresh(
        &mut self,
        version: Version,
        article: Option<&Article>,
        read_now: bool,
    ) -> Option<usize> {
        let Some(article) = article else {
            self.forget();
            self.readable = false;
            return None;
        };
        if self.shown_at == Some((version, article.id)) {
            return self.readable.then_some(self.shown.len());
        }
        let at = (version.0, article.id);
        let read = if read_now {
            self.read.get(at, || {
                Engine::new(&article.text, &article.language, &article.outlet)
                    .map(|e| e.suggestions())
            })
        } else {
            match self.read.peek(&at) {
                Some(read) => read,
                None => {
                    self.forget();
                    return None;
                }
            }
        };
        self.readable = read.is_some();
        let Some(read) = read else {
            self.forget();
            return None;
        };
        self.shown = not_tagged(read, article);
        let index = TextIndex::new(&article.text);
        self.quotes = self
            .shown
            .iter()
            .map(|s| snippet(index.slice(s.span.range()).unwrap_or_default(), 200))
            .collect();
        self.shown_at = Some((version, article.id));
        if self.position().is_none() {
            self.selected = None;
            self.status = None;
        }
        Some(self.shown.len())
    }

    fn forget(&mut self) {
        self.shown.clear();
        self.quotes.clear();
        self.shown_at = None;
    }

    /// Where the suggestion over `span` is in the list shown.
    pub fn index_of(&self, span: Span) -> Option<usize> {
        self.shown.iter().position(|s| s.span == span)
    }

    /// The selected suggestion, with the status the analyst chose for it.
    pub fn chosen(&self) -> Option<(Suggestion, Status)> {
        let s = &self.shown[self.position()?];
        Some((s.clone(), self.status.unwrap_or(s.status)))
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        article: Option<&Article>,
        queue: &mut CommandQueue,
    ) {
        heading(ui, "Suggestions");
        if article.is_none() {
            ui.label(
                RichText::new("Open an article to see the claims its attributions suggest.").weak(),
            );
            return;
        };
        if !self.readable {
            ui.label(
                RichText::new(
                    "No suggestions: the attribution engine reads English articles only.",
                )
                .weak(),
            );
            return;
        }
        if shared.doc.read_only {
            ui.disable();
        }
        let keys = |a: Action| a.shortcut_text(ui.ctx()).unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "Statements the article attributes, with who says them. {} / {} step, {} tags, \
                 {} dismisses.",
                keys(Action::NextSuggestion),
                keys(Action::PreviousSuggestion),
                keys(Action::AcceptSuggestion),
                keys(Action::RejectSuggestion)
            ))
            .small()
            .weak(),
        );
        ui.separator();
        let detail_height = if self.selected.is_some() { 190.0 } else { 40.0 };
        let list_height = (ui.available_height() - detail_height).max(120.0);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
        let total = self.shown.len();
        let mut area = egui::ScrollArea::vertical();
        if std::mem::take(&mut self.reveal)
            && let Some(i) = self.position()
        {
            let step = row_height + ui.spacing().item_spacing.y;
            area = area.vertical_scroll_offset((i as f32 * step - list_height / 3.0).max(0.0));
        }
        list(ui, "Suggestions", total, |ui| {
            area.id_salt("suggestions list")
                .max_height(list_height)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, total, |ui, range| {
                    for i in range {
                        let s = &self.shown[i];
                        let quote = self.quotes[i].as_str();
                        let span = s.span;
                        let is_selected = self.selected == Some(span);
                        let color = status_color(s.status, ui.visuals().dark_mode);
                        let who = attribution_words(&s.attribution.speaker, &s.attribution.via);
                        let text =
                            format!("“{}”\n{} · {who}", snippet(quote, 70), s.status.label());
                        let r = claim_row(ui, &text, is_selected, color, row_height - 4.0);
                        let said = format!("{}: {} — {who}", s.status.label(), snippet(quote, 120));
                        list_item(ui, &r, &said, is_selected, i + 1);
                        if r.clicked() {
                            queue.push(Command::Suggestion(SuggestionCommand::Select(span)));
                        }
                    }
                });
        });
        if total == 0 {
            ui.label(RichText::new("No suggestions left in this article.").weak());
        }
        ui.separator();
        self.detail(ui, queue);
    }

    /// Where the selected suggestion is in the list shown.
    pub fn position(&self) -> Option<usize> {
        self.index_of(self.selected?)
    }

    /// The selected suggestion: its words, where the attribution came from, the status to
    /// tag it with, and Accept / Dismiss.
    fn detail(&mut self, ui: &mut Ui, queue: &mut CommandQueue) {
        let (Some((s, status)), Some(i)) = (self.chosen(), self.position()) else {
            ui.label(RichText::new("Select a suggestion to tag or dismiss it.").weak());
            return;
        };
        ui.label(RichText::new(format!("“{}”", self.quotes[i])).italics());
        ui.label(format!("Speaker: {}", or_none(&s.attribution.speaker)));
        ui.label(format!("Via: {}", or_none(&s.attribution.via)));
        ui.label(
            RichText::new(format!("From: “{}”", snippet(&s.attribution.cue, 80)))
                .italics()
                .weak(),
        );
        ui.horizontal_wrapped(|ui| {
            ui.label("Tag as");
            let dark = ui.visuals().dark_mode;
            for choice in Status::ALL {
                let text = RichText::new(choice.label()).color(status_color(choice, dark));
                let r = ui.selectable_label(status == choice, text);
                ui.ctx().accesskit_node_builder(r.id, |node| {
                    node.set_label(format!("Tag as {choice}"))
                });
                if r.clicked() {
                    self.status = Some(choice);
                }
            }
        });
        accept_or_reject(ui, "Dismiss", queue);
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none)" } else { s }
}

/// The suggestions still open: neither dismissed nor overlapping a claim already tagged.
fn not_tagged(read: &[Suggestion], article: &Article) -> Vec<Suggestion> {
    let tagged: BTreeSet<(usize, usize)> = article
        .claims
        .iter()
        .filter(|c| !c.anchor.orphaned)
        .map(|c| (c.anchor.start, c.anchor.end))
        .collect();
    read.iter()
        .filter(|s| !article.dismissed.contains(&s.span))
        .filter(|s| {
            // Claims are few beside the text: a range query over them by start.
            !tagged
                .range(..(s.span.end, 0))
                .any(|&(start, end)| start < s.span.end && s.span.start < end)
        })
        .cloned()
        .collect()
}
