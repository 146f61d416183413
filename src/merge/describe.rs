//! A conflict in words, for `check` and the app: what it is about, and both values.

use std::collections::BTreeMap;

use serde_json::Value;

use super::object;
use crate::model::{Briefing, ClaimId, Conflict, ConflictOn, Side, value_words};
use crate::text::snippet;

/// How much of a value a view keeps: enough to tell two values apart, never a whole
/// article's text.
const SHOWN: usize = 400;

/// A conflict as the analyst reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictView {
    pub on: ConflictOn,
    /// "claim C2 “potential land swaps”", "article “Readouts of the call”", "the briefing".
    pub what: String,
    /// The field ("note"), or empty for a deletion.
    pub field: String,
    /// The value kept, in words (its first few hundred characters).
    pub kept: String,
    /// The value not kept, likewise (empty for a deletion).
    pub other: String,
    /// Where the other value, or the deletion, came from.
    pub other_side: Side,
    pub deletion: bool,
}

impl ConflictView {
    /// One line: "claim C2 “…”: note — kept (ours) “x”, other (theirs) “y”".
    pub fn line(&self) -> String {
        if self.deletion {
            format!(
                "{}: deleted on {} side, changed on the other; kept",
                self.what,
                self.other_side.words()
            )
        } else {
            format!(
                "{}: {} — kept ({}): “{}”; other ({}): “{}”",
                self.what,
                self.field,
                self.other_side.other().words(),
                snippet(&self.kept, 60),
                self.other_side.words(),
                snippet(&self.other, 60)
            )
        }
    }
}

/// The conflict's item named as the views name it, and its kept and other values.
pub fn view(b: &Briefing, c: &Conflict, labels: &BTreeMap<ClaimId, String>) -> ConflictView {
    let what = match c.on {
        ConflictOn::Briefing => "the briefing".to_owned(),
        ConflictOn::Article(id) => match b.article(id) {
            Some(a) => format!("article “{}”", snippet(&a.title, 50)),
            None => format!("article {id} (gone)"),
        },
        ConflictOn::Claim(id) => match b.find_claim(id) {
            Some((_, claim)) => format!(
                "claim {} “{}”",
                labels.get(&id).map_or("?", String::as_str),
                snippet(&claim.anchor.quote, 50)
            ),
            None => format!("claim {id} (gone)"),
        },
        ConflictOn::Judgment(id) => match b.judgment_index(id) {
            Some(i) => format!("key judgment K{}", i + 1),
            None => format!("key judgment {id} (gone)"),
        },
        ConflictOn::Hypothesis(id) => match b.hypothesis_index(id) {
            Some(i) => format!("hypothesis H{}", i + 1),
            None => format!("hypothesis {id} (gone)"),
        },
    };
    let (kept, other) = values(b, c);
    let (kept, other) = from_difference(&kept, &other);
    ConflictView {
        on: c.on,
        what,
        field: c.field.clone(),
        kept,
        other,
        other_side: c.from,
        deletion: c.is_deletion(),
    }
}

/// Two long values cut to where they start to differ: two versions of an article's text
/// share most of their start, and the same first lines twice tell the analyst nothing.
/// Each from the start of the sentence or line where they part (or a little before), at
/// most [`SHOWN`] characters.
fn from_difference(kept: &str, other: &str) -> (String, String) {
    let same = kept
        .chars()
        .zip(other.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let head: Vec<char> = kept.chars().take(same).collect();
    let back = head
        .iter()
        .rposition(|&c| c == '\n' || c == '.')
        .map_or(0, |i| i + 1)
        .max(same.saturating_sub(SHOWN / 4));
    let cut = |s: &str| {
        let rest: String = s.chars().skip(back).collect();
        let shown = snippet(&rest, SHOWN);
        if back > 0 && !shown.is_empty() {
            format!("…{}", shown.trim_start())
        } else {
            shown
        }
    };
    (cut(kept), cut(other))
}

/// The conflict's item as the views name it, and both values in words, whole.
fn values(b: &Briefing, c: &Conflict) -> (String, String) {
    if c.is_deletion() {
        (String::new(), String::new())
    } else if c.field == "anchor" {
        (
            kept_value(b, c).map_or_else(String::new, |v| anchor_words(&v)),
            serde_json::from_str(&c.other).map_or_else(|_| c.other.clone(), |v| anchor_words(&v)),
        )
    } else {
        (
            kept_value(b, c).map_or_else(|| "(none)".to_owned(), |v| value_words(&v.to_string())),
            c.other_words(),
        )
    }
}

/// Every conflict of the briefing in words, in the briefing's order.
pub fn views(b: &Briefing, labels: &BTreeMap<ClaimId, String>) -> Vec<ConflictView> {
    b.conflicts.iter().map(|c| view(b, c, labels)).collect()
}

/// The quote an anchor's fields select, with where.
fn anchor_words(v: &Value) -> String {
    let quote = v.get("quote").and_then(Value::as_str).unwrap_or("");
    let span = v.get("span").and_then(Value::as_str).unwrap_or("");
    format!("{quote} ({span})")
}

/// The value the briefing holds now in the conflict's field (for an anchor, its fields).
fn kept_value(b: &Briefing, c: &Conflict) -> Option<Value> {
    let fields = match c.on {
        ConflictOn::Briefing => {
            return Some(Value::String(match c.field.as_str() {
                "title" => b.title.clone(),
                "analyst" => b.analyst.clone(),
                "summary" => b.summary.clone(),
                _ => return None,
            }));
        }
        // Its fields without its claims, which are items of their own.
        ConflictOn::Article(id) => b.article(id).map(|a| {
            object(&crate::model::Article {
                claims: Vec::new(),
                ..a.clone()
            })
        })?,
        ConflictOn::Claim(id) => object(b.find_claim(id)?.1),
        ConflictOn::Judgment(id) => object(b.judgment(id)?),
        ConflictOn::Hypothesis(id) => object(b.hypothesis(id)?),
    }
    .ok()?;
    if c.field == "anchor" {
        return Some(Value::Object(
            super::ANCHOR_FIELDS
                .iter()
                .filter_map(|&k| fields.get(k).map(|v| (k.to_owned(), v.clone())))
                .collect(),
        ));
    }
    Some(fields.get(&c.field).cloned().unwrap_or(Value::Null))
}
