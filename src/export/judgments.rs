//! The export's analysis: key judgments with how well each is sourced, and the competing
//! hypotheses' matrix.

use std::collections::BTreeMap;

use super::escape::{inline, paragraphs};
use super::markdown::{blank, claim_link, line};
use crate::analysis::{ach, corroboration, hypothesis_label, judgment_label};
use crate::model::{Briefing, ClaimId};
use crate::text::capitalised;

/// "## Key judgments": each numbered, graded, with its sources, claims and warnings.
pub fn key_judgments(out: &mut String, b: &Briefing, labels: &BTreeMap<ClaimId, String>) {
    if b.judgments.is_empty() {
        return;
    }
    blank(out);
    line(out, "## Key judgments");
    for (i, j) in b.judgments.iter().enumerate() {
        blank(out);
        let text = if j.text.trim().is_empty() {
            "(no text yet)".to_owned()
        } else {
            inline(&j.text)
        };
        line(out, &format!("### {}. {text}", judgment_label(i)));
        blank(out);
        let likelihood = match j.likelihood {
            Some(l) => capitalised(&format!("{} ({})", l.words(), l.band())),
            None => "Likelihood not stated".to_owned(),
        };
        let confidence = match j.confidence {
            Some(c) => format!("{} confidence", c.words()),
            None => "confidence not stated".to_owned(),
        };
        line(out, &format!("*{likelihood} · {confidence}*"));
        let c = corroboration(b, j);
        let links = |ids: &[ClaimId]| -> String {
            let names: Vec<String> = ids
                .iter()
                .filter_map(|id| claim_link(labels, *id))
                .collect();
            names.join(", ")
        };
        blank(out);
        line(out, &format!("- Sources: {}", inline(&c.line())));
        if !c.supporting.is_empty() {
            line(out, &format!("- Supported by: {}", links(&c.supporting)));
        }
        if !c.contradicting.is_empty() {
            line(
                out,
                &format!("- Contradicted by: {}", links(&c.contradicting)),
            );
        }
        for w in &c.warnings {
            line(out, &format!("- **Warning:** {}", w.words()));
        }
        if !j.note.trim().is_empty() {
            blank(out);
            for l in paragraphs(&j.note) {
                line(out, &l);
            }
        }
    }
}

/// "## Competing hypotheses": the hypotheses, then the matrix as a table with the scores
/// and the most consistent hypothesis.
pub fn competing_hypotheses(out: &mut String, b: &Briefing, labels: &BTreeMap<ClaimId, String>) {
    if b.hypotheses.is_empty() {
        return;
    }
    let scores = ach(b);
    blank(out);
    line(out, "## Competing hypotheses");
    blank(out);
    for (i, h) in b.hypotheses.iter().enumerate() {
        line(
            out,
            &format!("- **{}:** {}", hypothesis_label(i), inline(&h.text)),
        );
    }
    blank(out);
    if scores.rated.is_empty() {
        line(out, "No claims are rated against the hypotheses yet.");
        return;
    }
    let heads: Vec<String> = (0..b.hypotheses.len()).map(hypothesis_label).collect();
    line(out, &format!("| Claim | {} |", heads.join(" | ")));
    line(out, &format!("| :--- |{}", " :---: |".repeat(heads.len())));
    for id in &scores.rated {
        let mut row = claim_link(labels, *id).unwrap_or_default();
        if scores.non_diagnostic.contains(id) {
            row.push_str(" *(non-diagnostic)*");
        }
        let cells: Vec<&str> = b
            .hypotheses
            .iter()
            .map(|h| h.rating(*id).map_or("–", |r| r.code()))
            .collect();
        line(out, &format!("| {row} | {} |", cells.join(" | ")));
    }
    let totals: Vec<String> = scores.scores.iter().map(|s| format!("**{s}**")).collect();
    line(
        out,
        &format!("| **Inconsistency** | {} |", totals.join(" | ")),
    );
    blank(out);
    let best: Vec<String> = scores
        .most_consistent
        .iter()
        .map(|&i| {
            format!(
                "**{}** ({})",
                hypothesis_label(i),
                inline(&b.hypotheses[i].text)
            )
        })
        .collect();
    let verdict = match best.as_slice() {
        [one] => format!("Most consistent: {one}, with the least evidence against it."),
        many => format!(
            "Most consistent, tied with the least evidence against them: {}.",
            many.join(", ")
        ),
    };
    line(out, &verdict);
    blank(out);
    line(
        out,
        "Scored as in Heuer's method: each inconsistent rating (I) counts 1, each very \
         inconsistent one (II) counts 2; consistent ratings do not count.",
    );
}
