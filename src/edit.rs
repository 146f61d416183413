//! Every change to a briefing is one [`Edit`], applied by [`apply`], which returns the edit
//! that undoes it. Undo/redo, dirty tracking and autosave all come from this one path.

use crate::model::{Article, ArticleId, ArticleMeta, Briefing, Claim, ClaimId, now};
use crate::text::TextIndex;

/// A briefing-level text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingField {
    Title,
    Analyst,
    Summary,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetField {
        field: BriefingField,
        value: String,
    },
    /// Inserts an article at `index` (clamped to the end).
    AddArticle {
        index: usize,
        article: Box<Article>,
    },
    RemoveArticle {
        id: ArticleId,
    },
    SetArticleMeta {
        id: ArticleId,
        meta: ArticleMeta,
    },
    AddClaim {
        article: ArticleId,
        claim: Box<Claim>,
    },
    RemoveClaim {
        article: ArticleId,
        id: ClaimId,
    },
    /// Replaces the claim with the same id (status, note, attribution, anchor…).
    ReplaceClaim {
        article: ArticleId,
        claim: Box<Claim>,
    },
    /// Several edits that undo as one.
    Batch(Vec<Edit>),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no article with id {0} in this briefing")]
    NoArticle(ArticleId),
    #[error("no claim with id {0} in this article")]
    NoClaim(ClaimId),
    #[error("an article with id {0} is already in this briefing")]
    DuplicateArticle(ArticleId),
    #[error("a claim with id {0} is already in this briefing")]
    DuplicateClaim(ClaimId),
    #[error("the claim's offsets do not select its quote in the article text")]
    AnchorMismatch,
    #[error(
        "this briefing is open read-only (it is open in another window); use Save As to keep a copy you can change"
    )]
    ReadOnly,
}

/// Applies `edit` and returns its inverse. On error the briefing is unchanged.
pub fn apply(briefing: &mut Briefing, edit: Edit) -> Result<Edit, EditError> {
    let inverse = apply_inner(briefing, edit)?;
    briefing.modified = now();
    Ok(inverse)
}

fn apply_inner(b: &mut Briefing, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::SetField { field, value } => {
            let slot = match field {
                BriefingField::Title => &mut b.title,
                BriefingField::Analyst => &mut b.analyst,
                BriefingField::Summary => &mut b.summary,
            };
            let old = std::mem::replace(slot, value);
            Ok(Edit::SetField { field, value: old })
        }
        Edit::AddArticle { index, article } => {
            if b.article(article.id).is_some() {
                return Err(EditError::DuplicateArticle(article.id));
            }
            if let Some(c) = article.claims.iter().find(|c| b.find_claim(c.id).is_some()) {
                return Err(EditError::DuplicateClaim(c.id));
            }
            let id = article.id;
            let index = index.min(b.articles.len());
            b.articles.insert(index, *article);
            Ok(Edit::RemoveArticle { id })
        }
        Edit::RemoveArticle { id } => {
            let index = b.article_index(id).ok_or(EditError::NoArticle(id))?;
            let article = b.articles.remove(index);
            Ok(Edit::AddArticle {
                index,
                article: Box::new(article),
            })
        }
        Edit::SetArticleMeta { id, meta } => {
            let article = b.article_mut(id).ok_or(EditError::NoArticle(id))?;
            let old = article.meta();
            article.set_meta(meta);
            Ok(Edit::SetArticleMeta { id, meta: old })
        }
        Edit::AddClaim { article, claim } => {
            if b.find_claim(claim.id).is_some() {
                return Err(EditError::DuplicateClaim(claim.id));
            }
            let a = b
                .article_mut(article)
                .ok_or(EditError::NoArticle(article))?;
            check_anchor(a, &claim)?;
            let id = claim.id;
            a.insert_claim(*claim);
            Ok(Edit::RemoveClaim { article, id })
        }
        Edit::RemoveClaim { article, id } => {
            let a = b
                .article_mut(article)
                .ok_or(EditError::NoArticle(article))?;
            let at = a.claim_position(id).ok_or(EditError::NoClaim(id))?;
            let claim = a.claims.remove(at);
            Ok(Edit::AddClaim {
                article,
                claim: Box::new(claim),
            })
        }
        Edit::ReplaceClaim { article, claim } => {
            let a = b
                .article_mut(article)
                .ok_or(EditError::NoArticle(article))?;
            let at = a
                .claim_position(claim.id)
                .ok_or(EditError::NoClaim(claim.id))?;
            if a.claims[at].anchor != claim.anchor {
                check_anchor(a, &claim)?;
            }
            let old = a.claims.remove(at);
            a.insert_claim(*claim);
            Ok(Edit::ReplaceClaim {
                article,
                claim: Box::new(old),
            })
        }
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply_inner(b, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(err) => {
                        // Roll back what was applied so a failed batch changes nothing.
                        for inv in inverses.into_iter().rev() {
                            let _ = apply_inner(b, inv);
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
    }
}

/// An orphaned claim keeps stale offsets by design; any other must select its quote.
fn check_anchor(article: &Article, claim: &Claim) -> Result<(), EditError> {
    if claim.anchor.orphaned || claim.anchor.is_intact(&TextIndex::new(&article.text)) {
        Ok(())
    } else {
        Err(EditError::AnchorMismatch)
    }
}

/// A claim's field, as far as undo is concerned: typing in one field is one undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimField {
    Status,
    Note,
    Speaker,
    Via,
    Credibility,
    Tags,
}

/// What a run of edits changes: consecutive edits with the same key undo as one (typing in a
/// note is one step, not one per keystroke).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeKey {
    Briefing(BriefingField),
    ArticleMeta(ArticleId),
    Claim(ClaimId, ClaimField),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Anchor;
    use crate::model::{Status, now};

    fn sample() -> (Briefing, ArticleId) {
        let mut b = Briefing::new("Talks", "A. Analyst");
        let a = Article::new(
            ArticleMeta {
                title: "Call".into(),
                ..Default::default()
            },
            "The call lasted an hour. Both sides confirmed it.",
            now(),
        );
        let id = a.id;
        b.articles.push(a);
        (b, id)
    }

    fn claim_on(b: &Briefing, article: ArticleId, range: std::ops::Range<usize>) -> Claim {
        let text = &b.article(article).unwrap().text;
        let anchor = Anchor::new(&TextIndex::new(text), range).unwrap();
        Claim::new(Status::Reported, anchor, now())
    }

    #[test]
    fn every_edit_undoes_and_redoes_to_the_same_state() {
        let (mut b, art) = sample();
        let original = b.clone();
        let claim = claim_on(&b, art, 4..8);
        let mut changed = claim.clone();
        changed.status = Status::Confirmed;
        changed.note = "Checked with both readouts.".into();
        let edits = vec![
            Edit::SetField {
                field: BriefingField::Summary,
                value: "Bottom line.".into(),
            },
            Edit::AddClaim {
                article: art,
                claim: Box::new(claim.clone()),
            },
            Edit::ReplaceClaim {
                article: art,
                claim: Box::new(changed),
            },
            Edit::SetArticleMeta {
                id: art,
                meta: ArticleMeta {
                    title: "Renamed".into(),
                    ..Default::default()
                },
            },
            Edit::RemoveClaim {
                article: art,
                id: claim.id,
            },
            Edit::RemoveArticle { id: art },
        ];
        let mut h = History::saved();
        let mut states = vec![b.clone()];
        for e in edits {
            h.apply(&mut b, e).unwrap();
            states.push(b.clone());
        }
        assert!(h.is_dirty());
        let same = |x: &Briefing, y: &Briefing| {
            let mut x = x.clone();
            x.modified = y.modified;
            x == *y
        };
        for expected in states.iter().rev().skip(1) {
            assert!(h.undo(&mut b).unwrap());
            assert!(same(&b, expected));
        }
        assert!(!h.undo(&mut b).unwrap());
        assert!(same(&b, &original));
        assert!(!h.is_dirty(), "back at the saved state");
        for expected in states.iter().skip(1) {
            assert!(h.redo(&mut b).unwrap());
            assert!(same(&b, expected));
        }
        assert!(!h.redo(&mut b).unwrap());
    }

    #[test]
    fn failed_batch_changes_nothing() {
        let (mut b, art) = sample();
        let before = b.clone();
        let claim = claim_on(&b, art, 0..3);
        let bad = Edit::Batch(vec![
            Edit::AddClaim {
                article: art,
                claim: Box::new(claim.clone()),
            },
            Edit::AddClaim {
                article: art,
                claim: Box::new(claim),
            },
        ]);
        let mut h = History::saved();
        assert!(matches!(
            h.apply(&mut b, bad),
            Err(EditError::DuplicateClaim(_))
        ));
        assert_eq!(b.articles, before.articles);
        assert!(!h.is_dirty());
    }

    #[test]
    fn claims_with_wrong_offsets_are_refused() {
        let (mut b, art) = sample();
        let mut claim = claim_on(&b, art, 4..8);
        claim.anchor.start = 5;
        let r = apply(
            &mut b,
            Edit::AddClaim {
                article: art,
                claim: Box::new(claim),
            },
        );
        assert_eq!(r, Err(EditError::AnchorMismatch));
    }

    #[test]
    fn claims_stay_sorted_by_position() {
        let (mut b, art) = sample();
        for r in [[20, 25], [0, 3], [10, 15]] {
            let c = claim_on(&b, art, r[0]..r[1]);
            apply(
                &mut b,
                Edit::AddClaim {
                    article: art,
                    claim: Box::new(c),
                },
            )
            .unwrap();
        }
        let starts: Vec<usize> = b.articles[0]
            .claims
            .iter()
            .map(|c| c.anchor.start)
            .collect();
        assert_eq!(starts, vec![0, 10, 20]);
    }

    #[test]
    fn merged_edits_undo_as_one() {
        let (mut b, _) = sample();
        let mut h = History::saved();
        let key = MergeKey::Briefing(BriefingField::Summary);
        for v in ["B", "Bo", "Bot"] {
            let e = Edit::SetField {
                field: BriefingField::Summary,
                value: v.into(),
            };
            h.apply_merging(&mut b, e, key).unwrap();
        }
        h.seal();
        let e = Edit::SetField {
            field: BriefingField::Summary,
            value: "Bott".into(),
        };
        h.apply_merging(&mut b, e, key).unwrap();
        h.undo(&mut b).unwrap();
        assert_eq!(b.summary, "Bot");
        h.undo(&mut b).unwrap();
        assert_eq!(b.summary, "");
        assert!(!h.is_dirty());
        h.redo(&mut b).unwrap();
        assert_eq!(b.summary, "Bot");
    }

    #[test]
    fn new_edit_after_undo_clears_redo_and_dirties() {
        let (mut b, _) = sample();
        let mut h = History::saved();
        let set = |v: &str| Edit::SetField {
            field: BriefingField::Title,
            value: v.into(),
        };
        h.apply(&mut b, set("One")).unwrap();
        h.mark_saved();
        h.undo(&mut b).unwrap();
        assert!(h.is_dirty());
        h.apply(&mut b, set("Two")).unwrap();
        assert!(!h.can_redo());
        assert!(h.is_dirty());
        assert_eq!(b.title, "Two");
    }
}
