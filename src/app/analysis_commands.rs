//! The executor's share for key judgments and competing hypotheses: each command becomes
//! one [`Edit`], so undo, autosave and the dirty mark work as for claims.

use super::BriefingApp;
use super::command::{AnalysisCommand, PanelTab};
use crate::analysis::{claim_labels, corroboration, judgment_label, similar_claims};
use crate::edit::{Edit, MergeKey};
use crate::model::{ClaimId, Hypothesis, Judgment, JudgmentId, Stance, Status, now};

impl BriefingApp {
    pub(super) fn run_analysis(&mut self, command: AnalysisCommand) {
        match command {
            AnalysisCommand::AddJudgment(text) => {
                let judgment = Judgment::new(text.trim(), now());
                let id = judgment.id;
                let index = self.session.doc.briefing.judgments.len();
                let edit = Edit::AddJudgment {
                    index,
                    judgment: Box::new(judgment),
                };
                if self.edit(edit) {
                    self.view.judgments.selected = Some(id);
                    self.view.judgments.focus_text = true;
                    self.view.tab = PanelTab::Judgments;
                    self.chrome
                        .announce(format!("Added key judgment {}", judgment_label(index)));
                }
            }
            AnalysisCommand::SelectJudgment(id) => {
                self.view.judgments.selected = Some(id);
                self.session.doc.history.seal();
            }
            AnalysisCommand::UpdateJudgment { judgment, field } => {
                let mut judgment = *judgment;
                judgment.modified = now();
                let key = field.map(|f| MergeKey::Judgment(judgment.id, f));
                let edit = Edit::ReplaceJudgment {
                    judgment: Box::new(judgment),
                };
                self.edit_merging(edit, key);
            }
            AnalysisCommand::DeleteJudgment(id) => {
                if self.edit(Edit::RemoveJudgment { id }) {
                    self.view.forget_missing(&self.session.doc);
                    self.chrome.announce("Key judgment deleted");
                }
            }
            AnalysisCommand::MoveJudgment(id, by) => {
                let b = &self.session.doc.briefing;
                if let Some(at) = b.judgment_index(id) {
                    let to = (at as i64 + i64::from(by)).clamp(0, b.judgments.len() as i64 - 1);
                    if to as usize != at
                        && self.edit(Edit::MoveJudgment {
                            id,
                            index: to as usize,
                        })
                    {
                        self.chrome
                            .announce(format!("Moved to {}", judgment_label(to as usize)));
                    }
                }
            }
            AnalysisCommand::LinkSelected(stance) => self.link_selected(stance),
            AnalysisCommand::SetStance {
                judgment,
                claim,
                stance,
            } => {
                self.set_stance(judgment, claim, stance);
            }
            AnalysisCommand::AddHypothesis(text) => {
                let h = Hypothesis::new(text.trim(), now());
                let index = self.session.doc.briefing.hypotheses.len();
                self.edit(Edit::AddHypothesis {
                    index,
                    hypothesis: Box::new(h),
                });
            }
            AnalysisCommand::SetHypothesisText { id, text } => {
                let edit = Edit::SetHypothesisText { id, text };
                self.edit_merging(edit, Some(MergeKey::Hypothesis(id)));
            }
            AnalysisCommand::DeleteHypothesis(id) => {
                self.edit(Edit::RemoveHypothesis { id });
            }
            AnalysisCommand::SetRating {
                hypothesis,
                claim,
                value,
            } => {
                self.edit(Edit::SetRating {
                    hypothesis,
                    claim,
                    value,
                });
            }
        }
    }

    /// "Tagged as Reported R2", and the same claim in other articles when there is one: the
    /// editor offers them, and a screen reader user hears that it does.
    pub(super) fn announce_tagged(&mut self, claim: ClaimId, status: Status) {
        let b = &self.session.doc.briefing;
        let label = claim_labels(b).remove(&claim).unwrap_or_default();
        let similar = similar_claims(b, claim).len();
        let mut said = format!("Tagged as {status} {label}");
        if similar > 0 {
            said.push_str(&format!(
                "; {} in other articles",
                crate::analysis::count(similar, "similar claim", "similar claims")
            ));
        }
        self.chrome.announce(said);
    }

    /// The link shortcut: the selected claim to the selected judgment.
    fn link_selected(&mut self, stance: Stance) {
        let b = &self.session.doc.briefing;
        let Some(claim) = self
            .view
            .selected_claim
            .filter(|c| b.find_claim(*c).is_some())
        else {
            self.chrome
                .info("Select a claim first, then link it to a key judgment.");
            return;
        };
        let judgment = self
            .view
            .judgments
            .selected
            .filter(|j| b.judgment(*j).is_some());
        let Some(judgment) = judgment else {
            self.chrome.info(
                "Select a key judgment in the Key Judgments panel first (or add one), then \
                 link the claim to it.",
            );
            return;
        };
        let current = b.judgment(judgment).and_then(|j| j.stance_of(claim));
        let stance = (current != Some(stance)).then_some(stance);
        self.set_stance(judgment, claim, stance);
    }

    fn set_stance(
        &mut self,
        judgment: JudgmentId,
        claim: crate::model::ClaimId,
        stance: Option<Stance>,
    ) {
        let b = &self.session.doc.briefing;
        let Some((index, j)) = b
            .judgment_index(judgment)
            .and_then(|i| b.judgments.get(i).map(|j| (i, j)))
        else {
            return;
        };
        if j.stance_of(claim) == stance {
            return;
        }
        let mut j = j.clone();
        j.set_stance(claim, stance);
        j.modified = now();
        let label = claim_labels(b).remove(&claim).unwrap_or_default();
        if !self.edit(Edit::ReplaceJudgment {
            judgment: Box::new(j),
        }) {
            return;
        }
        let b = &self.session.doc.briefing;
        let sources = b
            .judgment(judgment)
            .map(|j| corroboration(b, j).line())
            .unwrap_or_default();
        let k = judgment_label(index);
        self.chrome.announce(match stance {
            Some(s) => format!("{label} {} {k}; {k} now has {sources}", s.words()),
            None => format!("{label} unlinked from {k}; {k} now has {sources}"),
        });
    }
}
