//! What the analyst concludes: key judgments resting on claims, and competing hypotheses
//! the claims are weighed against (Heuer's analysis of competing hypotheses).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ClaimId, HypothesisId, JudgmentId};

/// How likely a judgment is, in the words of US analytic standards (ICD 203).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Likelihood {
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    EvenChance,
    Likely,
    VeryLikely,
    AlmostCertain,
}

impl Likelihood {
    pub const ALL: [Likelihood; 7] = [
        Self::AlmostNoChance,
        Self::VeryUnlikely,
        Self::Unlikely,
        Self::EvenChance,
        Self::Likely,
        Self::VeryLikely,
        Self::AlmostCertain,
    ];

    /// The words a reader sees.
    pub fn words(self) -> &'static str {
        match self {
            Self::AlmostNoChance => "almost no chance",
            Self::VeryUnlikely => "very unlikely",
            Self::Unlikely => "unlikely",
            Self::EvenChance => "roughly even chance",
            Self::Likely => "likely",
            Self::VeryLikely => "very likely",
            Self::AlmostCertain => "almost certain",
        }
    }

    /// The probability band ICD 203 gives the words.
    pub fn band(self) -> &'static str {
        match self {
            Self::AlmostNoChance => "1–5 %",
            Self::VeryUnlikely => "5–20 %",
            Self::Unlikely => "20–45 %",
            Self::EvenChance => "45–55 %",
            Self::Likely => "55–80 %",
            Self::VeryLikely => "80–95 %",
            Self::AlmostCertain => "95–99 %",
        }
    }

    /// The command line's word for it.
    pub fn key(self) -> &'static str {
        match self {
            Self::AlmostNoChance => "almost-no-chance",
            Self::VeryUnlikely => "very-unlikely",
            Self::Unlikely => "unlikely",
            Self::EvenChance => "even-chance",
            Self::Likely => "likely",
            Self::VeryLikely => "very-likely",
            Self::AlmostCertain => "almost-certain",
        }
    }
}

impl FromStr for Likelihood {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_lowercase().replace([' ', '_'], "-");
        let s = s.strip_prefix("roughly-").unwrap_or(&s);
        Self::ALL.into_iter().find(|l| l.key() == s).ok_or_else(|| {
            let keys: Vec<&str> = Self::ALL.iter().map(|l| l.key()).collect();
            format!("“{s}” is not a likelihood: use {}", keys.join(", "))
        })
    }
}

/// How sure the analyst is of the evidence and reasoning behind a judgment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Confidence {
    Low,
    Moderate,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Self::Low, Self::Moderate, Self::High];

    pub fn words(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Moderate => "moderate",
            Self::High => "high",
        }
    }
}

impl FromStr for Confidence {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|c| c.words() == s.trim().to_lowercase())
            .ok_or_else(|| format!("“{s}” is not a confidence: use low, moderate or high"))
    }
}

/// Whether a claim bears a judgment out or goes against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stance {
    Supports,
    Contradicts,
}

impl Stance {
    pub fn words(self) -> &'static str {
        match self {
            Self::Supports => "supports",
            Self::Contradicts => "contradicts",
        }
    }
}

/// A claim a judgment rests on (or that goes against it). In the file it is one line,
/// `"<claim id> supports"`, so that each link is one line of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Evidence {
    pub claim: ClaimId,
    pub stance: Stance,
}

impl From<Evidence> for String {
    fn from(e: Evidence) -> String {
        format!("{} {}", e.claim, e.stance.words())
    }
}

impl TryFrom<String> for Evidence {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let (claim, stance) = split_pair(&s)?;
        let stance = match stance {
            "supports" => Stance::Supports,
            "contradicts" => Stance::Contradicts,
            other => return Err(format!("“{other}” is not supports or contradicts")),
        };
        Ok(Self { claim, stance })
    }
}

/// `"<claim id> <word>"`, as links and ratings are written.
fn split_pair(s: &str) -> Result<(ClaimId, &str), String> {
    let (id, word) = s
        .trim()
        .split_once(' ')
        .ok_or_else(|| format!("“{s}” is not “<claim id> <value>”"))?;
    let id = id
        .parse()
        .map_err(|_| format!("“{id}” is not a claim id"))?;
    Ok((id, word.trim()))
}

/// Field order here is the order in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgment {
    pub id: JudgmentId,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Likelihood>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// In the order the analyst linked them; one entry per claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

impl Judgment {
    pub fn new(text: impl Into<String>, now: DateTime<Utc>) -> Self {
        Self {
            id: JudgmentId::new(),
            text: text.into(),
            likelihood: None,
            confidence: None,
            note: String::new(),
            evidence: Vec::new(),
            created: now,
            modified: now,
        }
    }

    pub fn stance_of(&self, claim: ClaimId) -> Option<Stance> {
        self.evidence
            .iter()
            .find(|e| e.claim == claim)
            .map(|e| e.stance)
    }

    /// Links a claim (replacing the stance it had); `None` unlinks it.
    pub fn set_stance(&mut self, claim: ClaimId, stance: Option<Stance>) {
        match (self.evidence.iter_mut().find(|e| e.claim == claim), stance) {
            (Some(e), Some(s)) => e.stance = s,
            (None, Some(stance)) => self.evidence.push(Evidence { claim, stance }),
            (_, None) => self.evidence.retain(|e| e.claim != claim),
        }
    }

    pub fn claims_with(&self, stance: Stance) -> impl Iterator<Item = ClaimId> + '_ {
        self.evidence
            .iter()
            .filter(move |e| e.stance == stance)
            .map(|e| e.claim)
    }
}

/// How consistent a claim is with a hypothesis (the ACH matrix's cells).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Consistency {
    VeryConsistent,
    Consistent,
    Neutral,
    Inconsistent,
    VeryInconsistent,
}

impl Consistency {
    pub const ALL: [Consistency; 5] = [
        Self::VeryConsistent,
        Self::Consistent,
        Self::Neutral,
        Self::Inconsistent,
        Self::VeryInconsistent,
    ];

    /// Heuer's abbreviation: CC, C, N, I, II.
    pub fn code(self) -> &'static str {
        match self {
            Self::VeryConsistent => "CC",
            Self::Consistent => "C",
            Self::Neutral => "N",
            Self::Inconsistent => "I",
            Self::VeryInconsistent => "II",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Self::VeryConsistent => "very consistent",
            Self::Consistent => "consistent",
            Self::Neutral => "neutral",
            Self::Inconsistent => "inconsistent",
            Self::VeryInconsistent => "very inconsistent",
        }
    }

    /// What the rating adds to a hypothesis's inconsistency score: only evidence against a
    /// hypothesis counts, as Heuer's method refutes rather than confirms.
    pub fn weight(self) -> u32 {
        match self {
            Self::Inconsistent => 1,
            Self::VeryInconsistent => 2,
            _ => 0,
        }
    }
}

impl fmt::Display for Consistency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Consistency {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(s) || c.words().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("“{s}” is not a rating: use cc, c, n, i or ii"))
    }
}

/// One cell of the matrix: how a claim bears on the hypothesis holding it. In the file it
/// is one line, `"<claim id> CC"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Rating {
    pub claim: ClaimId,
    pub value: Consistency,
}

impl From<Rating> for String {
    fn from(r: Rating) -> String {
        format!("{} {}", r.claim, r.value.code())
    }
}

impl TryFrom<String> for Rating {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let (claim, code) = split_pair(&s)?;
        let value = Consistency::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or_else(|| format!("“{code}” is not a rating: CC, C, N, I or II"))?;
        Ok(Self { claim, value })
    }
}

/// Field order here is the order in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hypothesis {
    pub id: HypothesisId,
    pub text: String,
    /// Sorted by claim id, so a file's ratings do not move when claims do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    pub created: DateTime<Utc>,
}

impl Hypothesis {
    pub fn new(text: impl Into<String>, now: DateTime<Utc>) -> Self {
        Self {
            id: HypothesisId::new(),
            text: text.into(),
            ratings: Vec::new(),
            created: now,
        }
    }

    pub fn rating(&self, claim: ClaimId) -> Option<Consistency> {
        self.ratings
            .binary_search_by_key(&claim, |r| r.claim)
            .ok()
            .map(|i| self.ratings[i].value)
    }

    /// Sets or clears a rating; returns what it was.
    pub fn set_rating(
        &mut self,
        claim: ClaimId,
        value: Option<Consistency>,
    ) -> Option<Consistency> {
        match (
            self.ratings.binary_search_by_key(&claim, |r| r.claim),
            value,
        ) {
            (Ok(i), Some(v)) => Some(std::mem::replace(&mut self.ratings[i].value, v)),
            (Ok(i), None) => Some(self.ratings.remove(i).value),
            (Err(i), Some(value)) => {
                self.ratings.insert(i, Rating { claim, value });
                None
            }
            (Err(_), None) => None,
        }
    }
}
