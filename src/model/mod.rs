//! The briefing data model: plain serde data, no behaviour beyond lookups.

mod article;
mod briefing;
mod claim;
mod grades;
mod ids;
mod judgment;
mod published;

pub use article::{Article, ArticleMeta, hex, sha256_hex};
pub use briefing::{Briefing, StatusCounts, now};
pub use claim::{Claim, Status, StatusParseError, clean_tags};
pub use grades::{Credibility, Reliability};
pub use ids::{ArticleId, BriefingId, ClaimId, HypothesisId, JudgmentId};
pub use judgment::{
    Confidence, Consistency, Evidence, Hypothesis, Judgment, Likelihood, Rating, Stance,
};
pub use published::{Published, PublishedParseError};
