//! The find bar above the reader: its own state (the query, the matches, the one shown) and
//! its view. Matching is the text core's case-folded search, over chars, so a match is a
//! range the reader can select directly.

use std::ops::Range;

use egui::{TextEdit, Ui};

use super::widgets::select_all_text;
use crate::app::actions::{self, Action, Scope};
use crate::app::command::CommandQueue;
use crate::model::{Article, ArticleId};
use crate::text::search::Folded;

#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    pub query: String,
    /// Ask the find field to take focus on the next frame.
    pub focus: bool,
    /// ...with the query selected, so typing replaces it (Ctrl+F again).
    pub select_query: bool,
    pub matches: Vec<Range<usize>>,
    /// Index into `matches` of the match shown, once the user has moved to one.
    pub current: Option<usize>,
    searched: Option<(ArticleId, String)>,
    /// The article's text, case-folded once per article rather than once per query.
    folded: Option<(ArticleId, Folded)>,
}

impl FindBar {
    /// Recomputes matches when the query or the article changed.
    pub fn update(&mut self, article: ArticleId, text: &str) {
        if self.searched.as_ref() == Some(&(article, self.query.clone())) {
            return;
        }
        if self.folded.as_ref().map(|(id, _)| *id) != Some(article) {
            self.folded = Some((article, Folded::new(text)));
        }
        self.searched = Some((article, self.query.clone()));
        self.current = None;
        self.matches = match &self.folded {
            Some((_, folded)) => folded.find_all(&self.query),
            None => Vec::new(),
        };
    }

    /// The next match after char offset `from` (wrapping), made current.
    pub fn next(&mut self, from: Option<usize>) -> Option<Range<usize>> {
        if self.matches.is_empty() {
            return None;
        }
        let i = match (self.current, from) {
            (Some(c), _) => (c + 1) % self.matches.len(),
            (None, Some(f)) => self.matches.iter().position(|m| m.start >= f).unwrap_or(0),
            (None, None) => 0,
        };
        self.current = Some(i);
        Some(self.matches[i].clone())
    }

    pub fn previous(&mut self) -> Option<Range<usize>> {
        if self.matches.is_empty() {
            return None;
        }
        let n = self.matches.len();
        let i = match self.current {
            Some(c) => (c + n - 1) % n,
            None => n - 1,
        };
        self.current = Some(i);
        Some(self.matches[i].clone())
    }

    /// "3 of 7", "7 matches", "no matches", or nothing before the user types.
    fn status(&self) -> String {
        let n = self.matches.len();
        match (self.current, n) {
            (_, 0) if self.query.is_empty() => String::new(),
            (_, 0) => "no matches".to_owned(),
            (Some(c), n) => format!("{} of {n}", c + 1),
            (None, n) => format!("{n} matches"),
        }
    }

    pub fn show(&mut self, ui: &mut Ui, article: &Article, queue: &mut CommandQueue) {
        self.update(article.id, &article.text);
        // Wraps within the reader's width rather than widening it.
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Find in article");
            let r = ui
                .add(
                    TextEdit::singleline(&mut self.query)
                        .id_salt("find field")
                        .hint_text("words in this article")
                        .return_key(None)
                        .desired_width((ui.available_width() * 0.4).clamp(80.0, 240.0)),
                )
                .labelled_by(l.id);
            if self.focus {
                r.request_focus();
                // Ctrl+F again selects the last query, so typing replaces it.
                if std::mem::take(&mut self.select_query) {
                    select_all_text(ui, r.id, &self.query);
                }
                self.focus = false;
            }
            // Escape takes focus from the field before this sees it, so a field that has
            // just lost focus still hears its keys.
            if r.has_focus() || r.lost_focus() {
                for action in actions::pressed(ui.ctx(), &[Scope::FindField]) {
                    queue.push(action.command());
                }
            }
            ui.label(self.status());
            for action in [Action::FindPrevious, Action::FindNext, Action::CloseFind] {
                let keys = action.shortcut_text(ui.ctx()).unwrap_or_default();
                if ui.button(action.label()).on_hover_text(keys).clicked() {
                    queue.push(action.command());
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_in_char_offsets() {
        let mut f = FindBar {
            query: "ушаков".into(),
            ..Default::default()
        };
        let id = ArticleId::new();
        let text = "👍 Ушаков said; then УШАКОВ again";
        f.update(id, text);
        assert_eq!(f.matches, vec![2..8, 20..26]);
        assert_eq!(f.next(None), Some(2..8));
        assert_eq!(f.next(None), Some(20..26));
        assert_eq!(f.next(None), Some(2..8), "wraps");
        assert_eq!(f.previous(), Some(20..26));
    }
}
