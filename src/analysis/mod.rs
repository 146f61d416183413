//! What a briefing's claims add up to, computed and never stored: the labels readers know
//! claims by, how many independent sources stand behind each judgment, the competing
//! hypotheses' scores, and which claims say the same thing in different articles.

mod ach;
mod corroboration;
pub mod names;
mod similar;

use std::collections::BTreeMap;

pub use ach::{Ach, ach};
pub use corroboration::{Corroboration, Source, Warning, corroboration};
pub use names::same_name;
pub use similar::similar_claims;

use crate::model::{Article, Briefing, Claim, ClaimId, Status};

/// Claims by the labels the export and the command line show: C1, C2… for Confirmed, R1…
/// for Reported, D1… for Disputed, numbered in briefing order (article, then position).
pub fn claim_labels(b: &Briefing) -> BTreeMap<ClaimId, String> {
    let mut numbers = [0usize; 3];
    in_label_order(b)
        .map(|(_, c)| {
            let at = Status::ALL.iter().position(|s| *s == c.status).unwrap_or(0);
            numbers[at] += 1;
            (c.id, format!("{}{}", &c.status.label()[..1], numbers[at]))
        })
        .collect()
}

/// The claims in the order of their labels: C1, C2…, R1…, D1….
pub fn in_label_order(b: &Briefing) -> impl Iterator<Item = (&Article, &Claim)> {
    Status::ALL
        .into_iter()
        .flat_map(move |s| b.claims().filter(move |(_, c)| c.status == s))
}

/// "K1" for the first judgment.
pub fn judgment_label(index: usize) -> String {
    format!("K{}", index + 1)
}

/// "H1" for the first hypothesis.
pub fn hypothesis_label(index: usize) -> String {
    format!("H{}", index + 1)
}

/// The claim a user names: its label (any case) or a unique start of its id.
pub fn find_claim_by_name(b: &Briefing, name: &str) -> Result<ClaimId, String> {
    let name = name.trim();
    let labels = claim_labels(b);
    if let Some((id, _)) = labels.iter().find(|(_, l)| l.eq_ignore_ascii_case(name)) {
        return Ok(*id);
    }
    let lower = name.to_lowercase();
    let found: Vec<ClaimId> = if lower.len() >= 4 {
        labels
            .keys()
            .filter(|id| id.to_string().starts_with(&lower))
            .copied()
            .collect()
    } else {
        Vec::new()
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "no claim is called “{name}”: name a claim by its label (C1, R2, D1… as `check` \
             lists them) or the start of its id"
        )),
        _ => Err(format!(
            "“{name}” starts more than one claim id; give more of it"
        )),
    }
}

/// Words for a count: "1 claim", "2 claims".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
