//! Undo and redo over [`apply`], with keystrokes in one field merged into one step.

use super::{BriefingField, Edit, EditError, apply};
use crate::model::{ArticleId, Briefing, ClaimId, HypothesisId, JudgmentId};

/// A claim's field, as far as undo is concerned: typing in one field is one undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimField {
    Status,
    Note,
    Speaker,
    Via,
    Credibility,
    Tags,
    /// Keeping or clearing a suggested speaker and via.
    Attribution,
}

/// What a run of edits changes: consecutive edits with the same key undo as one (typing in a
/// note is one step, not one per keystroke).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeKey {
    Briefing(BriefingField),
    ArticleMeta(ArticleId),
    Claim(ClaimId, ClaimField),
    Judgment(JudgmentId, JudgmentField),
    Hypothesis(HypothesisId),
}

/// A judgment's typed fields, as far as undo is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JudgmentField {
    Text,
    Note,
}

/// Undo and redo stacks over [`apply`], and whether the briefing differs from its saved state.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<(Edit, u64)>,
    /// Merge key of the edit on top of the undo stack, while it may still absorb more.
    merge_top: Option<MergeKey>,
    redo: Vec<(Edit, u64)>,
    /// Identifies the current state; every distinct state gets a new number.
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
}

impl History {
    /// A history whose current state is the saved one (a briefing just loaded or saved).
    pub fn saved() -> Self {
        Self {
            saved_revision: Some(0),
            next_revision: 1,
            ..Self::default()
        }
    }

    /// A history for a briefing never saved: dirty from the start.
    pub fn unsaved() -> Self {
        Self {
            next_revision: 1,
            ..Self::default()
        }
    }

    pub fn apply(&mut self, briefing: &mut Briefing, edit: Edit) -> Result<(), EditError> {
        let inverse = apply(briefing, edit)?;
        self.undo.push((inverse, self.revision));
        self.revision = self.bump();
        self.redo.clear();
        self.merge_top = None;
        Ok(())
    }

    /// Like [`History::apply`], but an edit with the same `key` as the one just before joins
    /// it: one undo restores the state before the first of them.
    pub fn apply_merging(
        &mut self,
        briefing: &mut Briefing,
        edit: Edit,
        key: MergeKey,
    ) -> Result<(), EditError> {
        if self.merge_top == Some(key) && !self.undo.is_empty() {
            apply(briefing, edit)?;
            self.revision = self.bump();
            self.redo.clear();
            return Ok(());
        }
        self.apply(briefing, edit)?;
        self.merge_top = Some(key);
        Ok(())
    }

    /// Ends merging: the next edit starts a new undo step even with the same key.
    pub fn seal(&mut self) {
        self.merge_top = None;
    }

    /// Undoes the last edit; `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self, briefing: &mut Briefing) -> Result<bool, EditError> {
        self.merge_top = None;
        let Some((edit, before)) = self.undo.pop() else {
            return Ok(false);
        };
        match apply(briefing, edit.clone()) {
            Ok(redo) => {
                self.redo.push((redo, self.revision));
                self.revision = before;
                Ok(true)
            }
            Err(e) => {
                self.undo.push((edit, before));
                Err(e)
            }
        }
    }

    /// Redoes the last undone edit; `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, briefing: &mut Briefing) -> Result<bool, EditError> {
        self.merge_top = None;
        let Some((edit, after)) = self.redo.pop() else {
            return Ok(false);
        };
        match apply(briefing, edit.clone()) {
            Ok(undo) => {
                self.undo.push((undo, self.revision));
                self.revision = after;
                Ok(true)
            }
            Err(e) => {
                self.redo.push((edit, after));
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// Changes since creation or the last save; bumps on every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision);
    }

    fn bump(&mut self) -> u64 {
        let r = self.next_revision;
        self.next_revision += 1;
        r
    }
}
