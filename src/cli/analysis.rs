//! Key judgments, hypotheses and ratings from the command line, and what `check` says of
//! them. Every change goes through [`crate::edit`] like the rest of the command line.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, Result, anyhow};

use super::args::{HypothesisCommand, JudgmentCommand, RateArgs};
use super::load_for_edit;
use crate::analysis::{
    ach, claim_labels, corroboration, find_claim_by_name, hypothesis_label, in_label_order,
    judgment_label,
};
use crate::edit::{Edit, apply};
use crate::file;
use crate::model::{Briefing, ClaimId, Hypothesis, Judgment, Stance, now};
use crate::text::snippet;

pub fn judgment(command: JudgmentCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        JudgmentCommand::Add(a) => {
            let mut b = load_for_edit(&a.file)?;
            let mut j = Judgment::new(a.text.trim(), now());
            if j.text.is_empty() {
                return Err(anyhow!(
                    "the judgment's text is empty (nothing was changed)"
                ));
            }
            j.likelihood = a.likelihood;
            j.confidence = a.confidence;
            j.note = a.note;
            let (id, text) = (j.id, j.text.clone());
            let index = b.judgments.len();
            let edit = Edit::AddJudgment {
                index,
                judgment: Box::new(j),
            };
            apply(&mut b, edit)?;
            file::save(&a.file, &b).context("the judgment was not saved")?;
            writeln!(
                out,
                "Added {} {id}: “{}”",
                judgment_label(index),
                snippet(&text, 60)
            )?;
        }
        JudgmentCommand::Link(a) => {
            let mut b = load_for_edit(&a.file)?;
            let index = find_judgment(&b, &a.judgment)?;
            let stance = if a.contradicts {
                Stance::Contradicts
            } else {
                Stance::Supports
            };
            let claims = a
                .claims
                .iter()
                .map(|c| {
                    find_claim_by_name(&b, c).map_err(|e| anyhow!("{e} (nothing was changed)"))
                })
                .collect::<Result<Vec<ClaimId>>>()?;
            let mut j = b.judgments[index].clone();
            for &c in &claims {
                j.set_stance(c, Some(stance));
            }
            j.modified = now();
            apply(
                &mut b,
                Edit::ReplaceJudgment {
                    judgment: Box::new(j),
                },
            )?;
            file::save(&a.file, &b).context("the links were not saved")?;
            let labels = claim_labels(&b);
            let names: Vec<&str> = claims.iter().map(|c| label(&labels, *c)).collect();
            let label = judgment_label(index);
            writeln!(out, "{label}: {} {}", stance.words(), names.join(", "))?;
            let c = corroboration(&b, &b.judgments[index]);
            writeln!(out, "{label}: {}", c.line())?;
            for w in &c.warnings {
                writeln!(out, "{label}: warning: {}", w.words())?;
            }
        }
    }
    Ok(())
}

pub fn hypothesis(command: HypothesisCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        HypothesisCommand::Add(a) => {
            let mut b = load_for_edit(&a.file)?;
            let h = Hypothesis::new(a.text.trim(), now());
            if h.text.is_empty() {
                return Err(anyhow!(
                    "the hypothesis's text is empty (nothing was changed)"
                ));
            }
            let (id, text) = (h.id, h.text.clone());
            let index = b.hypotheses.len();
            let edit = Edit::AddHypothesis {
                index,
                hypothesis: Box::new(h),
            };
            apply(&mut b, edit)?;
            file::save(&a.file, &b).context("the hypothesis was not saved")?;
            writeln!(
                out,
                "Added {} {id}: “{}”",
                hypothesis_label(index),
                snippet(&text, 60)
            )?;
        }
    }
    Ok(())
}

pub fn rate(a: RateArgs, out: &mut dyn Write) -> Result<()> {
    let mut b = load_for_edit(&a.file)?;
    let claim =
        find_claim_by_name(&b, &a.claim).map_err(|e| anyhow!("{e} (nothing was changed)"))?;
    let index = find_hypothesis(&b, &a.hypothesis)?;
    let edit = Edit::SetRating {
        hypothesis: b.hypotheses[index].id,
        claim,
        value: a.rating.0,
    };
    apply(&mut b, edit)?;
    file::save(&a.file, &b).context("the rating was not saved")?;
    let labels = claim_labels(&b);
    let rating = match a.rating.0 {
        Some(v) => format!("{} ({})", v.code(), v.words()),
        None => "not rated".to_owned(),
    };
    writeln!(
        out,
        "{} against {}: {rating}",
        label(&labels, claim),
        hypothesis_label(index)
    )?;
    Ok(())
}

fn label(labels: &BTreeMap<ClaimId, String>, id: ClaimId) -> &str {
    labels.get(&id).map_or("?", String::as_str)
}

/// A judgment by label ("K2", any case) or a unique start of its id.
fn find_judgment(b: &Briefing, name: &str) -> Result<usize> {
    let ids: Vec<String> = b.judgments.iter().map(|j| j.id.to_string()).collect();
    find_listed(name, 'K', &ids, "key judgment", "judgment add")
}

fn find_hypothesis(b: &Briefing, name: &str) -> Result<usize> {
    let ids: Vec<String> = b.hypotheses.iter().map(|h| h.id.to_string()).collect();
    find_listed(name, 'H', &ids, "hypothesis", "hypothesis add")
}

fn find_listed(name: &str, letter: char, ids: &[String], what: &str, add: &str) -> Result<usize> {
    let name = name.trim();
    if ids.is_empty() {
        return Err(anyhow!(
            "the briefing has no {what} yet; add one with `briefing-notes {add}`"
        ));
    }
    let number = name
        .strip_prefix(letter)
        .or_else(|| name.strip_prefix(letter.to_ascii_lowercase()))
        .and_then(|n| n.parse::<usize>().ok());
    if let Some(n) = number {
        return n.checked_sub(1).filter(|i| *i < ids.len()).ok_or_else(|| {
            anyhow!(
                "there is no {letter}{n}: the briefing has {letter}1 to {letter}{}",
                ids.len()
            )
        });
    }
    let lower = name.to_lowercase();
    let found: Vec<usize> = (0..ids.len())
        .filter(|i| lower.len() >= 4 && ids[*i].starts_with(&lower))
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(anyhow!(
            "no {what} is called “{name}”: name it by its label ({letter}1…) or the start of its id"
        )),
        _ => Err(anyhow!(
            "“{name}” starts more than one {what} id; give more of it"
        )),
    }
}

/// `check`'s list of claims by the labels the other subcommands take.
pub fn list_claims(b: &Briefing, out: &mut dyn Write) -> Result<()> {
    let labels = claim_labels(b);
    for (_, c) in in_label_order(b) {
        let who = c.attribution();
        let who = match (who.is_empty(), c.suggested_from.is_empty()) {
            (true, _) => who,
            (false, true) => format!(" — {who}"),
            // Read from the text by the engine; nobody has checked it yet.
            (false, false) => format!(" — {who} (suggested, not yet reviewed)"),
        };
        let l = label(&labels, c.id);
        writeln!(out, "  {l}  “{}”{who}", snippet(&c.anchor.quote, 60))?;
    }
    Ok(())
}

/// `check`'s account of the key judgments and the hypotheses.
pub fn report(b: &Briefing, out: &mut dyn Write) -> Result<()> {
    let labels = claim_labels(b);
    if !b.judgments.is_empty() {
        writeln!(out, "Key judgments: {}", b.judgments.len())?;
    }
    for (i, j) in b.judgments.iter().enumerate() {
        let mut head = format!("  {}  “{}”", judgment_label(i), snippet(&j.text, 70));
        let grades: Vec<String> = [
            j.likelihood
                .map(|l| format!("{} ({})", l.words(), l.band())),
            j.confidence.map(|c| format!("{} confidence", c.words())),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !grades.is_empty() {
            head.push_str(&format!(" — {}", grades.join(", ")));
        }
        writeln!(out, "{head}")?;
        let c = corroboration(b, j);
        let names = |ids: &[ClaimId]| -> String {
            ids.iter()
                .map(|id| label(&labels, *id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut line = c.line();
        if !c.supporting.is_empty() {
            line.push_str(&format!("; supported by {}", names(&c.supporting)));
        }
        if !c.contradicting.is_empty() {
            line.push_str(&format!("; contradicted by {}", names(&c.contradicting)));
        }
        writeln!(out, "      {line}")?;
        for w in &c.warnings {
            writeln!(out, "      warning: {}", w.words())?;
        }
    }
    if b.hypotheses.is_empty() {
        return Ok(());
    }
    let scores = ach(b);
    writeln!(
        out,
        "Hypotheses: {} (inconsistency: I = 1, II = 2; lowest is most consistent)",
        b.hypotheses.len()
    )?;
    for (i, h) in b.hypotheses.iter().enumerate() {
        writeln!(
            out,
            "  {}  “{}” — inconsistency {}, {} rated",
            hypothesis_label(i),
            snippet(&h.text, 70),
            scores.scores[i],
            h.ratings.len()
        )?;
    }
    if !scores.most_consistent.is_empty() {
        let best: Vec<String> = scores
            .most_consistent
            .iter()
            .map(|&i| hypothesis_label(i))
            .collect();
        writeln!(out, "  Most consistent: {}", best.join(", "))?;
    }
    if !scores.non_diagnostic.is_empty() {
        let rows: Vec<&str> = scores
            .rated
            .iter()
            .filter(|c| scores.non_diagnostic.contains(c))
            .map(|c| label(&labels, *c))
            .collect();
        writeln!(
            out,
            "  Non-diagnostic (rated alike for every hypothesis): {}",
            rows.join(", ")
        )?;
    }
    Ok(())
}
