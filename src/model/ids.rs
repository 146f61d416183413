//! Identifiers. UUID v7: unique without coordination (two analysts' claims never collide)
//! and time-ordered, so new ids sort after old ones.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// Identifies a briefing across copies and renames.
    BriefingId
);
id_type!(
    /// Identifies an article within and across briefings.
    ArticleId
);
id_type!(
    /// Identifies a claim; stable across save and load.
    ClaimId
);
id_type!(
    /// Identifies a key judgment; its label (K1, K2…) is its place in the list.
    JudgmentId
);
id_type!(
    /// Identifies a competing hypothesis; its label (H1, H2…) is its place in the list.
    HypothesisId
);
