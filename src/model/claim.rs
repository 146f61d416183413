//! A claim: a span of article text the analyst has tagged with a status.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::grades::Credibility;
use super::ids::ClaimId;
use crate::anchor::Anchor;

/// How far the analyst trusts a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Established by the analyst's own checks or independent sources.
    Confirmed,
    /// Attributed to someone, not independently checked.
    Reported,
    /// Contested or contradicted.
    Disputed,
}

impl Status {
    /// The order claims are grouped in everywhere (export, counts, menus).
    pub const ALL: [Status; 3] = [Self::Confirmed, Self::Reported, Self::Disputed];

    pub fn label(self) -> &'static str {
        match self {
            Self::Confirmed => "Confirmed",
            Self::Reported => "Reported",
            Self::Disputed => "Disputed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("“{0}” is not a status: use confirmed, reported or disputed")]
pub struct StatusParseError(String);

impl FromStr for Status {
    type Err = StatusParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "confirmed" => Ok(Self::Confirmed),
            "reported" => Ok(Self::Reported),
            "disputed" => Ok(Self::Disputed),
            _ => Err(StatusParseError(s.to_owned())),
        }
    }
}

/// A speaker and via as every view writes them: "Yuri Ushakov, via Interfax", "via
/// Interfax", "Yuri Ushakov", or empty.
pub fn attribution_words(speaker: &str, via: &str) -> String {
    match (speaker.trim(), via.trim()) {
        ("", "") => String::new(),
        (s, "") => s.to_owned(),
        ("", v) => format!("via {v}"),
        (s, v) => format!("{s}, via {v}"),
    }
}

/// In the file as [`super::claim_file`] writes it; field order here is the order there.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: ClaimId,
    pub status: Status,
    pub anchor: Anchor,
    /// Who makes the claim (e.g. "Yuri Ushakov").
    pub speaker: String,
    /// Who relays it (e.g. "Interfax").
    pub via: String,
    /// While the speaker and via are the attribution engine's suggestion, which the analyst
    /// has neither accepted nor edited: the words they were read from ("according to
    /// several people with knowledge of the call").
    pub suggested_from: String,
    pub credibility: Option<Credibility>,
    pub note: String,
    pub tags: BTreeSet<String>,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

impl Claim {
    pub fn new(status: Status, anchor: Anchor, now: DateTime<Utc>) -> Self {
        Self {
            id: ClaimId::new(),
            status,
            anchor,
            speaker: String::new(),
            via: String::new(),
            suggested_from: String::new(),
            credibility: None,
            note: String::new(),
            tags: BTreeSet::new(),
            created: now,
            modified: now,
        }
    }

    /// Who says it and who relays it, as every view writes it: "Yuri Ushakov, via Interfax",
    /// "via Interfax", "Yuri Ushakov", or empty.
    pub fn attribution(&self) -> String {
        attribution_words(&self.speaker, &self.via)
    }

    /// Position order used in files and lists; ties broken by id so the order is total.
    pub fn sort_key(&self) -> (usize, usize, ClaimId) {
        (self.anchor.start, self.anchor.end, self.id)
    }
}

/// A claim's tags from what the user typed: trimmed, empty ones dropped, each once.
pub fn clean_tags<'a>(typed: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    typed
        .into_iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}
