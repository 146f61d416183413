//! Every change to a briefing is one [`Edit`], applied by [`apply`], which returns the edit
//! that undoes it. Undo/redo, dirty tracking and autosave all come from this one path.

mod analysis;
mod history;

pub use history::{ClaimField, History, JudgmentField, MergeKey};

use crate::merge::{self, Snapshot};
use crate::model::{
    Article, ArticleId, ArticleMeta, Briefing, Claim, ClaimId, Conflict, ConflictOn, Consistency,
    Hypothesis, HypothesisId, Judgment, JudgmentId, Span, now,
};
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
    /// Inserts a key judgment at `index` (clamped to the end).
    AddJudgment {
        index: usize,
        judgment: Box<Judgment>,
    },
    RemoveJudgment {
        id: JudgmentId,
    },
    /// Replaces the judgment with the same id (text, likelihood, confidence, note, evidence).
    ReplaceJudgment {
        judgment: Box<Judgment>,
    },
    /// Moves a judgment to `index` in the ranking (clamped to the end).
    MoveJudgment {
        id: JudgmentId,
        index: usize,
    },
    AddHypothesis {
        index: usize,
        hypothesis: Box<Hypothesis>,
    },
    RemoveHypothesis {
        id: HypothesisId,
    },
    SetHypothesisText {
        id: HypothesisId,
        text: String,
    },
    /// Rates a claim against a hypothesis; `None` clears the rating.
    SetRating {
        hypothesis: HypothesisId,
        claim: ClaimId,
        value: Option<Consistency>,
    },
    /// Dismisses a suggested claim in an article (or, with `dismissed: false`, offers it
    /// again).
    SetSuggestionDismissed {
        article: ArticleId,
        span: Span,
        dismissed: bool,
    },
    /// Settles the merge conflict at `index`: with `take_other`, the value the merge did not
    /// keep replaces the one it kept (for a deletion: the item is deleted); either way the
    /// conflict is settled.
    ResolveConflict {
        index: usize,
        take_other: bool,
    },
    /// Puts a settled conflict back at `index`, and its item as it was (the inverse of
    /// [`Edit::ResolveConflict`]).
    RestoreConflict {
        index: usize,
        conflict: Box<Conflict>,
        before: Option<Box<Snapshot>>,
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
    #[error("no key judgment with id {0} in this briefing")]
    NoJudgment(JudgmentId),
    #[error("a key judgment with id {0} is already in this briefing")]
    DuplicateJudgment(JudgmentId),
    #[error("no hypothesis with id {0} in this briefing")]
    NoHypothesis(HypothesisId),
    #[error("a hypothesis with id {0} is already in this briefing")]
    DuplicateHypothesis(HypothesisId),
    #[error("the claim's offsets do not select its quote in the article text")]
    AnchorMismatch,
    #[error("no merge conflict number {0} in this briefing")]
    NoConflict(usize),
    #[error("cannot take the other value: {0}")]
    Conflict(String),
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
            let claims: Vec<ClaimId> = article.claims.iter().map(|c| c.id).collect();
            let restore = analysis::detach(b, &claims);
            Ok(analysis::with_restore(
                Edit::AddArticle {
                    index,
                    article: Box::new(article),
                },
                restore,
            ))
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
            // Its links and ratings go with it, and come back with it on undo.
            let restore = analysis::detach(b, &[id]);
            Ok(analysis::with_restore(
                Edit::AddClaim {
                    article,
                    claim: Box::new(claim),
                },
                restore,
            ))
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
        Edit::SetSuggestionDismissed {
            article,
            span,
            dismissed,
        } => {
            let a = b
                .article_mut(article)
                .ok_or(EditError::NoArticle(article))?;
            let was = if dismissed {
                !a.dismissed.insert(span)
            } else {
                a.dismissed.remove(&span)
            };
            Ok(Edit::SetSuggestionDismissed {
                article,
                span,
                dismissed: was,
            })
        }
        Edit::ResolveConflict { index, take_other } => resolve_conflict(b, index, take_other),
        Edit::RestoreConflict {
            index,
            conflict,
            before,
        } => {
            let take_other = before.is_some();
            if let Some(snap) = before {
                merge::restore(b, *snap);
            }
            let index = index.min(b.conflicts.len());
            b.conflicts.insert(index, *conflict);
            Ok(Edit::ResolveConflict { index, take_other })
        }
        Edit::AddJudgment { .. }
        | Edit::RemoveJudgment { .. }
        | Edit::ReplaceJudgment { .. }
        | Edit::MoveJudgment { .. }
        | Edit::AddHypothesis { .. }
        | Edit::RemoveHypothesis { .. }
        | Edit::SetHypothesisText { .. }
        | Edit::SetRating { .. } => analysis::apply(b, edit),
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

fn resolve_conflict(b: &mut Briefing, index: usize, take_other: bool) -> Result<Edit, EditError> {
    let conflict = b
        .conflicts
        .get(index)
        .cloned()
        .ok_or(EditError::NoConflict(index))?;
    let restore = |before| Edit::RestoreConflict {
        index,
        conflict: Box::new(conflict.clone()),
        before,
    };
    if !take_other {
        b.conflicts.remove(index);
        return Ok(restore(None));
    }
    if conflict.is_deletion() {
        // Deleting is the deletion's own edit, links and all, undone the same way.
        let remove = match conflict.on {
            ConflictOn::Briefing => return Err(EditError::Conflict("nothing to delete".into())),
            ConflictOn::Article(id) => Edit::RemoveArticle { id },
            ConflictOn::Claim(id) => {
                let (a, _) = b.find_claim(id).ok_or(EditError::NoClaim(id))?;
                Edit::RemoveClaim { article: a.id, id }
            }
            ConflictOn::Judgment(id) => Edit::RemoveJudgment { id },
            ConflictOn::Hypothesis(id) => Edit::RemoveHypothesis { id },
        };
        let undo_remove = apply_inner(b, remove)?;
        b.conflicts.remove(index);
        return Ok(Edit::Batch(vec![restore(None), undo_remove]));
    }
    let before = merge::snapshot(b, conflict.on)
        .ok_or_else(|| EditError::Conflict(format!("the {} is gone", conflict.on.kind())))?;
    merge::take_other(b, &conflict).map_err(EditError::Conflict)?;
    b.conflicts.remove(index);
    Ok(restore(Some(Box::new(before))))
}

/// An orphaned claim keeps stale offsets by design; any other must select its quote.
fn check_anchor(article: &Article, claim: &Claim) -> Result<(), EditError> {
    if claim.anchor.orphaned || claim.anchor.is_intact(&TextIndex::new(&article.text)) {
        Ok(())
    } else {
        Err(EditError::AnchorMismatch)
    }
}

#[cfg(test)]
mod tests;
