//! What loading repairs, and reports: ids used twice, claims whose words moved or went, and
//! links to claims that are not there.

use std::collections::BTreeSet;

use super::{LoadReport, Orphaned, Reanchored};
use crate::anchor::{MatchKind, Resolution};
use crate::model::{ArticleId, Briefing, ClaimId, sha256_hex};
use crate::text::TextIndex;

/// A merge that duplicated a claim or an article must not leave two things with one id.
pub(super) fn renew_duplicate_ids(b: &mut Briefing, report: &mut LoadReport) {
    let mut articles = BTreeSet::new();
    let mut claims = BTreeSet::new();
    for article in &mut b.articles {
        if !articles.insert(article.id) {
            let fresh = ArticleId::new();
            report
                .duplicate_ids_renewed
                .push(format!("article {} → {fresh}", article.id));
            article.id = fresh;
            articles.insert(fresh);
        }
        for claim in &mut article.claims {
            if !claims.insert(claim.id) {
                let fresh = ClaimId::new();
                report
                    .duplicate_ids_renewed
                    .push(format!("claim {} → {fresh}", claim.id));
                claim.id = fresh;
                claims.insert(fresh);
            }
        }
    }
}

/// Links and ratings must name claims that exist (a hand edit or a merge can leave one
/// behind): those that do not are dropped and reported, and ratings are put in file order.
pub(super) fn tidy_analysis(b: &mut Briefing, report: &mut LoadReport) {
    let claims: BTreeSet<ClaimId> = b.claims().map(|(_, c)| c.id).collect();
    let mut ids = BTreeSet::new();
    for (i, j) in b.judgments.iter_mut().enumerate() {
        if !ids.insert(j.id.0) {
            j.id = crate::model::JudgmentId::new();
            report
                .duplicate_ids_renewed
                .push(format!("key judgment K{} → {}", i + 1, j.id));
        }
        let mut seen = BTreeSet::new();
        j.evidence.retain(|e| {
            let keep = claims.contains(&e.claim);
            if !keep {
                report.dangling_dropped.push(format!(
                    "key judgment K{}: link to missing claim {}",
                    i + 1,
                    e.claim
                ));
            }
            keep && seen.insert(e.claim)
        });
    }
    for (i, h) in b.hypotheses.iter_mut().enumerate() {
        if !ids.insert(h.id.0) {
            h.id = crate::model::HypothesisId::new();
            report
                .duplicate_ids_renewed
                .push(format!("hypothesis H{} → {}", i + 1, h.id));
        }
        h.ratings.retain(|r| {
            let keep = claims.contains(&r.claim);
            if !keep {
                report.dangling_dropped.push(format!(
                    "hypothesis H{}: rating of missing claim {}",
                    i + 1,
                    r.claim
                ));
            }
            keep
        });
        h.ratings.sort_by_key(|r| r.claim);
        h.ratings.dedup_by_key(|r| r.claim);
    }
}

/// Checks every claim against its article's text, re-anchoring or orphaning as needed.
pub(super) fn verify(b: &mut Briefing, report: &mut LoadReport) {
    for article in &mut b.articles {
        let hash = sha256_hex(&article.text);
        if hash != article.sha256 {
            report.text_changed.push(article.id);
            article.sha256 = hash;
        }
        let index = TextIndex::new(&article.text);
        for claim in &mut article.claims {
            let before = claim.anchor.clone();
            match claim.anchor.reanchor(&index) {
                Resolution::Intact if before.orphaned => report.reanchored.push(Reanchored {
                    article: article.id,
                    claim: claim.id,
                    from: before.range(),
                    to: claim.anchor.range(),
                    fuzzy_distance: None,
                    old_quote: before.quote.clone(),
                    new_quote: claim.anchor.quote.clone(),
                }),
                Resolution::Intact => {}
                Resolution::Moved { how, .. } => report.reanchored.push(Reanchored {
                    article: article.id,
                    claim: claim.id,
                    from: before.range(),
                    to: claim.anchor.range(),
                    fuzzy_distance: match how {
                        MatchKind::Exact => None,
                        MatchKind::Fuzzy { distance } => Some(distance),
                    },
                    old_quote: before.quote.clone(),
                    new_quote: claim.anchor.quote.clone(),
                }),
                Resolution::Orphaned(reason) => report.orphaned.push(Orphaned {
                    article: article.id,
                    claim: claim.id,
                    quote: claim.anchor.quote.clone(),
                    reason,
                    already: before.orphaned,
                }),
            }
        }
        article.sort_claims();
    }
}
