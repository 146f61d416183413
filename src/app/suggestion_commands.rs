//! The executor's share for the attribution engine's suggestions: a suggested claim
//! accepted is one `AddClaim`, a dismissed one one `SetSuggestionDismissed`, and keeping or
//! clearing a claim's suggested speaker and via one `ReplaceClaim` — all undoable.

use super::BriefingApp;
use super::command::{Command, PanelTab, SuggestionCommand};
use crate::anchor::Anchor;
use crate::edit::{ClaimField, Edit};
use crate::model::{Claim, Span, attribution_words, now};
use crate::text::{Selection, TextIndex};

impl BriefingApp {
    pub(super) fn run_suggestion(&mut self, command: SuggestionCommand) {
        match command {
            SuggestionCommand::Step(by) => self.step_suggestion(by),
            SuggestionCommand::Select(span) => self.select_suggestion(span),
            SuggestionCommand::Accept => {
                if self.view.tab == PanelTab::Suggestions {
                    self.accept_suggestion();
                } else {
                    self.settle_attribution(true);
                }
            }
            SuggestionCommand::Reject => {
                if self.view.tab == PanelTab::Suggestions {
                    self.dismiss_suggestion();
                } else {
                    self.settle_attribution(false);
                }
            }
        }
    }

    fn step_suggestion(&mut self, by: i32) {
        self.prefs.settings.show_claims = true;
        if self.view.tab != PanelTab::Suggestions {
            // The tab reads the article when it is shown: step once it has.
            self.view.tab = PanelTab::Suggestions;
            self.queue
                .push(Command::Suggestion(SuggestionCommand::Step(by)));
            return;
        }
        let panel = &self.view.suggestions;
        let n = panel.shown.len() as i64;
        if n == 0 {
            self.chrome.announce("No suggestions in this article");
            return;
        }
        let at = panel
            .position()
            .map_or(if by > 0 { -1 } else { n }, |i| i as i64);
        let next = (at + i64::from(by)).clamp(0, n - 1) as usize;
        let span = panel.shown[next].span;
        self.select_suggestion(span);
    }

    /// Selects a suggestion, shows its words in the reader and says what it proposes.
    fn select_suggestion(&mut self, span: Span) {
        let panel = &mut self.view.suggestions;
        if panel.selected != Some(span) {
            panel.status = None;
        }
        panel.selected = Some(span);
        panel.reveal = true;
        let Some(i) = panel.index_of(span) else {
            return;
        };
        let s = &panel.shown[i];
        let n = panel.shown.len();
        let said = format!(
            "Suggestion {} of {n}: {}, {}",
            i + 1,
            s.status.label(),
            attribution_words(&s.attribution.speaker, &s.attribution.via)
        );
        self.session.doc.history.seal();
        self.queue.push(Command::SelectText(span.range()));
        self.queue.push(Command::ScrollTo(span.start));
        self.chrome.announce(said);
    }

    /// Tags the selected suggestion, with its speaker and via, as the analyst's own.
    fn accept_suggestion(&mut self) {
        let Some((s, status)) = self.view.suggestions.chosen() else {
            self.chrome
                .info("Select a suggestion first (F7 steps through them).");
            return;
        };
        let Some(article) = self.view.current_article(&self.session.doc) else {
            return;
        };
        let article_id = article.id;
        let index = TextIndex::new(&article.text);
        let anchor = match Anchor::new(&index, s.span.range()) {
            Ok(a) => a,
            Err(e) => {
                self.chrome
                    .error(format!("Could not tag that suggestion: {e}"));
                return;
            }
        };
        let next = self.neighbour(s.span);
        let mut claim = Claim::new(status, anchor, now());
        claim.speaker = s.attribution.speaker.clone();
        claim.via = s.attribution.via.clone();
        let id = claim.id;
        if self.edit(Edit::AddClaim {
            article: article_id,
            claim: Box::new(claim),
        }) {
            self.view.selected_claim = Some(id);
            self.view.reader.selection = Some(Selection::caret(s.span.end));
            self.follow_on(next);
            self.announce_tagged(id, status);
        }
    }

    fn dismiss_suggestion(&mut self) {
        let Some((s, _)) = self.view.suggestions.chosen() else {
            self.chrome
                .info("Select a suggestion first (F7 steps through them).");
            return;
        };
        let Some(article) = self.view.current else {
            return;
        };
        let next = self.neighbour(s.span);
        if self.edit(Edit::SetSuggestionDismissed {
            article,
            span: s.span,
            dismissed: true,
        }) {
            self.follow_on(next);
            self.chrome.announce("Suggestion dismissed");
        }
    }

    /// The suggestion after `span` (or before it, at the end), to select once it is gone.
    fn neighbour(&self, span: Span) -> Option<Span> {
        let panel = &self.view.suggestions;
        let i = panel.index_of(span)?;
        let shown = &panel.shown;
        shown
            .get(i + 1)
            .or_else(|| i.checked_sub(1).and_then(|j| shown.get(j)))
            .map(|x| x.span)
    }

    fn follow_on(&mut self, next: Option<Span>) {
        let panel = &mut self.view.suggestions;
        panel.selected = next;
        panel.status = None;
        panel.reveal = next.is_some();
    }

    /// Keeps (`accept`) or clears the selected claim's suggested speaker and via.
    fn settle_attribution(&mut self, accept: bool) {
        let Some((_, claim)) = self
            .view
            .selected_claim
            .and_then(|id| self.session.doc.briefing.find_claim(id))
        else {
            self.chrome
                .info("Select a claim, or a suggestion on the Suggestions tab.");
            return;
        };
        if claim.suggested_from.is_empty() {
            self.chrome
                .info("This claim's speaker and via are not suggestions.");
            return;
        }
        let mut c = claim.clone();
        c.suggested_from.clear();
        if !accept {
            c.speaker.clear();
            c.via.clear();
        }
        self.queue.push(Command::UpdateClaim {
            claim: Box::new(c),
            field: ClaimField::Attribution,
        });
        self.session.doc.history.seal();
        self.chrome.announce(if accept {
            "Suggested speaker and via kept"
        } else {
            "Suggested speaker and via cleared"
        });
    }
}
