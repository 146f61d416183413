//! A conflict in words, for `check` and the app: what it is about, and both values.

use std::collections::BTreeMap;

use serde_json::Value;

use super::object;
use crate::model::{Briefing, ClaimId, Conflict, ConflictOn, Side, value_words};
use crate::text::snippet;

/// A conflict as the analyst reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictView {
    /// "claim C2 “potential land swaps”", "article “Readouts of the call”", "the briefing".
    pub what: String,
    /// The field ("note"), or empty for a deletion.
    pub field: String,
    /// The value kept, in words.
    pub kept: String,
    /// The value not kept, in words (empty for a deletion).
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
                kept_side(self.other_side).words(),
                snippet(&self.kept, 60),
                self.other_side.words(),
                snippet(&self.other, 60)
            )
        }
    }
}

fn kept_side(other: Side) -> Side {
    match other {
        Side::Ours => Side::Theirs,
        Side::Theirs => Side::Ours,
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
    let (kept, other) = if c.is_deletion() {
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
    };
    ConflictView {
        what,
        field: c.field.clone(),
        kept,
        other,
        other_side: c.from,
        deletion: c.is_deletion(),
    }
}

/// The quote an anchor's fields select, with where.
fn anchor_words(v: &Value) -> String {
    let quote = v.get("quote").and_then(Value::as_str).unwrap_or("");
    let span = v.get("span").and_then(Value::as_str).unwrap_or("");
    format!("{quote} ({span})")
}

/// The value the briefing holds now in the conflict's field (for an anchor, its fields).
fn kept_value(b: &Briefing, c: &Conflict) -> Option<Value> {
    let fields = match super::snapshot(b, c.on)? {
        super::Snapshot::Briefing {
            title,
            analyst,
            summary,
        } => {
            return Some(Value::String(match c.field.as_str() {
                "title" => title,
                "analyst" => analyst,
                "summary" => summary,
                _ => return None,
            }));
        }
        super::Snapshot::Article(a) => object(&crate::model::Article {
            claims: Vec::new(),
            ..*a
        }),
        super::Snapshot::Claim(claim) => object(&*claim),
        super::Snapshot::Judgment(j) => object(&*j),
        super::Snapshot::Hypothesis(h) => object(&*h),
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
