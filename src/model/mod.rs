//! The briefing data model: plain serde data, no behaviour beyond lookups.

mod article;
mod briefing;
mod claim;
mod grades;
mod ids;
mod published;

pub use article::{Article, ArticleMeta, hex, sha256_hex};
pub use briefing::{Briefing, StatusCounts, now};
pub use claim::{Claim, Status, StatusParseError, clean_tags};
pub use grades::{Credibility, Reliability};
pub use ids::{ArticleId, BriefingId, ClaimId};
pub use published::{Published, PublishedParseError};
