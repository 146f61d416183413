//! Edits to key judgments and competing hypotheses, and what removing claims does to them.

use super::{Edit, EditError};
use crate::model::{Briefing, ClaimId};

pub(super) fn apply(b: &mut Briefing, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::AddJudgment { index, judgment } => {
            if b.judgment(judgment.id).is_some() {
                return Err(EditError::DuplicateJudgment(judgment.id));
            }
            check_evidence(b, &judgment.evidence)?;
            let id = judgment.id;
            b.judgments.insert(index.min(b.judgments.len()), *judgment);
            Ok(Edit::RemoveJudgment { id })
        }
        Edit::RemoveJudgment { id } => {
            let index = b.judgment_index(id).ok_or(EditError::NoJudgment(id))?;
            let judgment = Box::new(b.judgments.remove(index));
            Ok(Edit::AddJudgment { index, judgment })
        }
        Edit::ReplaceJudgment { judgment } => {
            let index = b
                .judgment_index(judgment.id)
                .ok_or(EditError::NoJudgment(judgment.id))?;
            check_evidence(b, &judgment.evidence)?;
            let old = std::mem::replace(&mut b.judgments[index], *judgment);
            Ok(Edit::ReplaceJudgment {
                judgment: Box::new(old),
            })
        }
        Edit::MoveJudgment { id, index } => {
            let from = b.judgment_index(id).ok_or(EditError::NoJudgment(id))?;
            let judgment = b.judgments.remove(from);
            b.judgments.insert(index.min(b.judgments.len()), judgment);
            Ok(Edit::MoveJudgment { id, index: from })
        }
        Edit::AddHypothesis { index, hypothesis } => {
            if b.hypothesis(hypothesis.id).is_some() {
                return Err(EditError::DuplicateHypothesis(hypothesis.id));
            }
            if let Some(r) = hypothesis
                .ratings
                .iter()
                .find(|r| b.find_claim(r.claim).is_none())
            {
                return Err(EditError::NoClaim(r.claim));
            }
            let id = hypothesis.id;
            let index = index.min(b.hypotheses.len());
            b.hypotheses.insert(index, *hypothesis);
            Ok(Edit::RemoveHypothesis { id })
        }
        Edit::RemoveHypothesis { id } => {
            let index = b.hypothesis_index(id).ok_or(EditError::NoHypothesis(id))?;
            let hypothesis = Box::new(b.hypotheses.remove(index));
            Ok(Edit::AddHypothesis { index, hypothesis })
        }
        Edit::SetHypothesisText { id, text } => {
            let index = b.hypothesis_index(id).ok_or(EditError::NoHypothesis(id))?;
            let old = std::mem::replace(&mut b.hypotheses[index].text, text);
            Ok(Edit::SetHypothesisText { id, text: old })
        }
        Edit::SetRating {
            hypothesis,
            claim,
            value,
        } => {
            let index = b
                .hypothesis_index(hypothesis)
                .ok_or(EditError::NoHypothesis(hypothesis))?;
            if value.is_some() && b.find_claim(claim).is_none() {
                return Err(EditError::NoClaim(claim));
            }
            let old = b.hypotheses[index].set_rating(claim, value);
            Ok(Edit::SetRating {
                hypothesis,
                claim,
                value: old,
            })
        }
        other => unreachable!("not an analysis edit: {other:?}"),
    }
}

fn check_evidence(b: &Briefing, evidence: &[crate::model::Evidence]) -> Result<(), EditError> {
    match evidence.iter().find(|e| b.find_claim(e.claim).is_none()) {
        Some(e) => Err(EditError::NoClaim(e.claim)),
        None => Ok(()),
    }
}

/// Unlinks `claims` from every judgment and hypothesis (they have just been removed);
/// returns the edits that put the links and ratings back once the claims are back.
pub(super) fn detach(b: &mut Briefing, claims: &[ClaimId]) -> Vec<Edit> {
    let mut restore = Vec::new();
    for j in &mut b.judgments {
        if j.evidence.iter().any(|e| claims.contains(&e.claim)) {
            restore.push(Edit::ReplaceJudgment {
                judgment: Box::new(j.clone()),
            });
            j.evidence.retain(|e| !claims.contains(&e.claim));
        }
    }
    for h in &mut b.hypotheses {
        for &claim in claims {
            if let Some(old) = h.set_rating(claim, None) {
                restore.push(Edit::SetRating {
                    hypothesis: h.id,
                    claim,
                    value: Some(old),
                });
            }
        }
    }
    restore
}

/// `first`, followed by `restore` in one undo step when there is anything to restore.
pub(super) fn with_restore(first: Edit, restore: Vec<Edit>) -> Edit {
    if restore.is_empty() {
        first
    } else {
        let mut all = vec![first];
        all.extend(restore);
        Edit::Batch(all)
    }
}
