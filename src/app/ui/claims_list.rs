//! The claims panel's list: status toggles, a search box, the sort order, and one row per
//! claim that passes them (only the rows on screen are drawn).

use egui::{RichText, TextEdit, Ui};

use super::Shared;
use super::widgets::{claim_row, heading, list, list_item};
use crate::app::actions::Action;
use crate::app::command::{Command, CommandQueue};
use crate::app::theme::status_color;
use crate::model::{Briefing, ClaimId, Status};
use crate::text::snippet;

/// Which claims the list shows: the list's own state.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ClaimsList {
    /// Which statuses are shown, in the order of [`Status::ALL`].
    show: [bool; 3],
    search: String,
    newest_first: bool,
    /// Scroll the list to this claim on the next frame (Next / Previous Claim).
    #[serde(skip)]
    pub reveal: Option<ClaimId>,
}

impl Default for ClaimsList {
    fn default() -> Self {
        Self {
            show: [true; 3],
            search: String::new(),
            newest_first: false,
            reveal: None,
        }
    }
}

impl ClaimsList {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        selected: Option<ClaimId>,
        queue: &mut CommandQueue,
    ) {
        heading(ui, "Claims");
        self.filters(ui);
        ui.separator();
        let briefing = &shared.doc.briefing;
        let rows = self.visible(briefing);
        let editor_height = if selected.is_some() { 330.0 } else { 40.0 };
        let list_height = (ui.available_height() - editor_height).max(120.0);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
        let mut area = egui::ScrollArea::vertical();
        if let Some(id) = self.reveal.take()
            && let Some(i) = rows
                .iter()
                .position(|&(ai, ci)| briefing.articles[ai].claims[ci].id == id)
        {
            let step = row_height + ui.spacing().item_spacing.y;
            area = area.vertical_scroll_offset((i as f32 * step - list_height / 3.0).max(0.0));
        }
        let total = rows.len();
        list(ui, "Claims", total, |ui| {
            area.id_salt("claims list")
                .max_height(list_height)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, total, |ui, range| {
                    for i in range {
                        let (ai, ci) = rows[i];
                        let c = &briefing.articles[ai].claims[ci];
                        let label = shared.labels.get(&c.id).map_or("", String::as_str);
                        let text = row_text(briefing, ai, ci, label);
                        let color = status_color(c.status, ui.visuals().dark_mode);
                        let is_selected = selected == Some(c.id);
                        let r = claim_row(ui, &text, is_selected, color, row_height - 4.0);
                        list_item(ui, &r, &spoken(c, label), is_selected, i + 1);
                        if r.clicked() {
                            queue.push(Command::RevealClaim(c.id));
                        }
                    }
                });
        });
        if rows.is_empty() {
            let keys =
                Status::ALL.map(|s| Action::Tag(s).shortcut_text(ui.ctx()).unwrap_or_default());
            let hint = format!(
                "No claims to show. Select text in the article and press {}, {} or {}.",
                keys[0], keys[1], keys[2]
            );
            ui.label(RichText::new(hint).weak());
        }
        ui.separator();
    }

    fn filters(&mut self, ui: &mut Ui) {
        let dark = ui.visuals().dark_mode;
        // Rows wrap rather than widen the panel past its share of the window.
        ui.horizontal_wrapped(|ui| {
            for (i, status) in Status::ALL.into_iter().enumerate() {
                let text = RichText::new(status.label()).color(status_color(status, dark));
                ui.toggle_value(&mut self.show[i], text)
                    .on_hover_text(format!("Show {status} claims"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Search");
            let width = (ui.available_width() - 110.0).clamp(80.0, 220.0);
            ui.add(
                TextEdit::singleline(&mut self.search)
                    .hint_text("quote, note, speaker…")
                    .desired_width(width),
            )
            .labelled_by(l.id);
            let sort = if self.newest_first {
                "Newest first"
            } else {
                "By position"
            };
            if ui
                .button(sort)
                .on_hover_text("Sort by position in the articles, or newest first")
                .clicked()
            {
                self.newest_first = !self.newest_first;
            }
        });
    }

    /// The claims the list shows, in its order: what Next / Previous Claim walk through.
    pub fn order(&self, b: &Briefing) -> Vec<ClaimId> {
        self.visible(b)
            .into_iter()
            .map(|(ai, ci)| b.articles[ai].claims[ci].id)
            .collect()
    }

    /// (article index, claim index) of the claims passing the filter, in list order.
    fn visible(&self, b: &Briefing) -> Vec<(usize, usize)> {
        let q = self.search.to_lowercase();
        let mut rows: Vec<(usize, usize)> = Vec::new();
        for (ai, a) in b.articles.iter().enumerate() {
            for (ci, c) in a.claims.iter().enumerate() {
                let shown = self.show[Status::ALL.iter().position(|s| *s == c.status).unwrap_or(0)];
                let matches = q.is_empty()
                    || [&c.anchor.quote, &c.note, &c.speaker, &c.via]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&q))
                    || c.tags.iter().any(|t| t.to_lowercase().contains(&q));
                if shown && matches {
                    rows.push((ai, ci));
                }
            }
        }
        if self.newest_first {
            rows.sort_by_key(|&(ai, ci)| std::cmp::Reverse(b.articles[ai].claims[ci].created));
        }
        rows
    }
}

/// A claim as a screen reader says it: the status as a word (the letters C, R and D alone
/// would clash with the A–F reliability grades) and its label, the quote, who says it.
fn spoken(c: &crate::model::Claim, label: &str) -> String {
    let mut s = format!(
        "{} {label}: {}",
        c.status.label(),
        snippet(&c.anchor.quote, 120)
    );
    if c.anchor.orphaned {
        s.push_str(" (orphaned)");
    }
    let who = c.attribution();
    if !who.is_empty() {
        s.push_str(&format!(" — {who}"));
    }
    s
}

/// A claim's two lines in the list: its label (its status letter and number, as the export
/// and the key judgments name it) and quote; who says it, where, and the note.
fn row_text(b: &Briefing, ai: usize, ci: usize, label: &str) -> String {
    let a = &b.articles[ai];
    let c = &a.claims[ci];
    let mut first = format!("{label} “{}”", snippet(&c.anchor.quote, 60));
    if c.anchor.orphaned {
        first.push_str(" (orphaned)");
    }
    let mut second = c.attribution();
    if b.articles.len() > 1 {
        second = format!("{second} · {}", snippet(&a.title, 30));
    }
    if !c.note.is_empty() {
        second = format!("{second} — {}", snippet(&c.note, 40));
    }
    format!("{first}\n{}", second.trim_start_matches(" · "))
}
