//! The briefing data model: plain serde data, no behaviour beyond lookups.

/// Serialises a type as the one-line string its `Display` writes and reads it back through
/// `FromStr`, so that it is one short line of the file.
macro_rules! serde_as_string {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

mod article;
mod briefing;
mod claim;
mod claim_file;
mod conflict;
mod grades;
mod ids;
mod judgment;
mod published;
mod span;

pub use article::{Article, ArticleMeta, hex, sha256_hex};
pub use briefing::{Briefing, StatusCounts, now};
pub use claim::{Claim, Status, StatusParseError, attribution_words, clean_tags};
pub use conflict::{Conflict, ConflictOn, Side, value_words};
pub use grades::{Credibility, Reliability};
pub use ids::{ArticleId, BriefingId, ClaimId, HypothesisId, JudgmentId};
pub use judgment::{
    Confidence, Consistency, Evidence, Hypothesis, Judgment, Likelihood, Rating, Stance,
};
pub use published::{Published, PublishedParseError};
pub use span::Span;
