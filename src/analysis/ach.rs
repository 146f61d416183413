//! Analysis of competing hypotheses: each claim rated against each hypothesis, and the
//! hypothesis with the least evidence against it is the most likely (Heuer: evidence
//! refutes better than it confirms).

use std::collections::BTreeSet;

use crate::model::{Briefing, ClaimId};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ach {
    /// Weighted inconsistency per hypothesis (I = 1, II = 2), in hypothesis order.
    pub scores: Vec<u32>,
    /// The hypotheses with the lowest score; empty while nothing is rated.
    pub most_consistent: Vec<usize>,
    /// Claims rated alike against every hypothesis: they do not help choose between them.
    pub non_diagnostic: BTreeSet<ClaimId>,
    /// Claims rated against at least one hypothesis, in label order.
    pub rated: Vec<ClaimId>,
}

pub fn ach(b: &Briefing) -> Ach {
    let hs = &b.hypotheses;
    let scores: Vec<u32> = hs
        .iter()
        .map(|h| {
            h.ratings
                .iter()
                .filter(|r| b.find_claim(r.claim).is_some())
                .map(|r| r.value.weight())
                .sum()
        })
        .collect();
    // In label order (C1…, R1…, D1…), as the export and the matrix list them.
    let rated: Vec<ClaimId> = super::in_label_order(b)
        .map(|(_, c)| c.id)
        .filter(|id| hs.iter().any(|h| h.rating(*id).is_some()))
        .collect();
    let most_consistent = match scores.iter().min() {
        Some(low) if !rated.is_empty() => {
            (0..scores.len()).filter(|&i| scores[i] == *low).collect()
        }
        _ => Vec::new(),
    };
    let non_diagnostic = if hs.len() < 2 {
        BTreeSet::new()
    } else {
        rated
            .iter()
            .copied()
            .filter(|id| {
                let first = hs[0].rating(*id);
                first.is_some() && hs.iter().all(|h| h.rating(*id) == first)
            })
            .collect()
    };
    Ach {
        scores,
        most_consistent,
        non_diagnostic,
        rated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Anchor;
    use crate::model::{Article, ArticleMeta, Claim, Consistency, Hypothesis, Status, now};
    use crate::text::TextIndex;

    #[test]
    fn least_inconsistent_wins_and_alike_rows_are_not_diagnostic() {
        use Consistency::*;
        let mut b = Briefing::new("T", "");
        let mut a = Article::new(ArticleMeta::default(), "One two three four.", now());
        let index = TextIndex::new(&a.text);
        let claims: Vec<Claim> = [0..3, 4..7, 8..13]
            .into_iter()
            .map(|r| Claim::new(Status::Reported, Anchor::new(&index, r).unwrap(), now()))
            .collect();
        let ids: Vec<ClaimId> = claims.iter().map(|c| c.id).collect();
        a.claims = claims;
        b.articles.push(a);
        assert_eq!(ach(&b), Ach::default(), "no hypotheses, nothing to score");
        let mut summit = Hypothesis::new("A summit soon", now());
        let mut stall = Hypothesis::new("Talks stall", now());
        let mut ruse = Hypothesis::new("A ruse", now());
        for (h, values) in [
            (&mut summit, [Consistent, Inconsistent, Neutral]),
            (&mut stall, [VeryInconsistent, Inconsistent, Neutral]),
            (&mut ruse, [Consistent, VeryConsistent, Neutral]),
        ] {
            for (id, v) in ids.iter().zip(values) {
                h.set_rating(*id, Some(v));
            }
        }
        b.hypotheses = vec![summit, stall, ruse];
        let r = ach(&b);
        assert_eq!(r.scores, vec![1, 3, 0]);
        assert_eq!(r.most_consistent, vec![2]);
        assert_eq!(r.non_diagnostic, BTreeSet::from([ids[2]]));
        assert_eq!(r.rated, ids);
        // With a cell unrated a row is not alike any more; ties are all named.
        b.hypotheses[2].set_rating(ids[2], None);
        b.hypotheses[2].set_rating(ids[1], Some(Inconsistent));
        let r = ach(&b);
        assert_eq!(r.non_diagnostic, BTreeSet::from([ids[1]]));
        assert_eq!(r.most_consistent, vec![0, 2]);
    }
}
