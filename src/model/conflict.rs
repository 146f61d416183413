//! What a merge of two analysts' briefings could not decide alone: a field both changed
//! differently, or an item one deleted while the other changed it. The merged file keeps one
//! value and records the other here, so that it loads like any briefing and nothing either
//! analyst wrote is lost until someone picks.

use serde::{Deserialize, Serialize};

use super::ids::{ArticleId, ClaimId, HypothesisId, JudgmentId};

/// The item a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConflictOn {
    Briefing,
    Article(ArticleId),
    Claim(ClaimId),
    Judgment(JudgmentId),
    Hypothesis(HypothesisId),
}

impl ConflictOn {
    /// "claim", "article"… as a sentence names it.
    pub fn kind(self) -> &'static str {
        match self {
            Self::Briefing => "briefing",
            Self::Article(_) => "article",
            Self::Claim(_) => "claim",
            Self::Judgment(_) => "key judgment",
            Self::Hypothesis(_) => "hypothesis",
        }
    }
}

/// The branch a value came from: ours is the one merged into (git's current branch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Ours,
    Theirs,
}

impl Side {
    pub fn words(self) -> &'static str {
        match self {
            Self::Ours => "ours",
            Self::Theirs => "theirs",
        }
    }

    /// The other branch.
    pub fn other(self) -> Side {
        match self {
            Self::Ours => Self::Theirs,
            Self::Theirs => Self::Ours,
        }
    }
}

/// Field order here is the order in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub on: ConflictOn,
    /// The field both sides changed ("note", "text", "anchor"…); empty when the conflict is
    /// a deletion.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// The value the merge did not keep, as JSON (`"their note"`); empty for a deletion.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other: String,
    /// Where the value not kept (or the deletion) came from.
    pub from: Side,
}

impl Conflict {
    /// One side deleted the item, which the other side changed (and which was kept).
    pub fn is_deletion(&self) -> bool {
        self.field.is_empty()
    }

    /// The value not kept, as a reader would want to see it: text as text, anything else
    /// as its JSON.
    pub fn other_words(&self) -> String {
        value_words(&self.other)
    }
}

/// A JSON value in plain words: a string without its quotes, a list of strings joined by
/// commas, `null` as "(none)", else the JSON itself.
pub fn value_words(json: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) => "(none)".to_owned(),
        Ok(serde_json::Value::Array(items)) if items.iter().all(|v| v.is_string()) => {
            if items.is_empty() {
                "(none)".to_owned()
            } else {
                items
                    .iter()
                    .filter_map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
        Ok(v) => v.to_string(),
        Err(_) => json.to_owned(),
    }
}
