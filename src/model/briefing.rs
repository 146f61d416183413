//! A briefing: the analyst's bottom line and the articles it rests on.

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use super::article::Article;
use super::claim::{Claim, Status};
use super::conflict::Conflict;
use super::ids::{ArticleId, BriefingId, ClaimId, HypothesisId, JudgmentId};
use super::judgment::{Hypothesis, Judgment};

/// Field order here is the order in the file; `format_version` must stay first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    pub format_version: u32,
    pub id: BriefingId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub analyst: String,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
    /// The bottom line up front.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Key judgments, in the order the analyst ranks them (K1, K2…). Since format 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub judgments: Vec<Judgment>,
    /// Competing hypotheses (H1, H2…), each holding its ratings of claims. Since format 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hypotheses: Vec<Hypothesis>,
    #[serde(default)]
    pub articles: Vec<Article>,
    /// What a merge left for the analyst to decide. Since format 4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// Timestamps are kept to the second: files stay readable and nothing finer is meaningful.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

/// Claims counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub confirmed: usize,
    pub reported: usize,
    pub disputed: usize,
}

impl StatusCounts {
    pub fn of<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Self {
        let mut counts = Self::default();
        for c in claims {
            *counts.get_mut(c.status) += 1;
        }
        counts
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Confirmed => self.confirmed,
            Status::Reported => self.reported,
            Status::Disputed => self.disputed,
        }
    }

    fn get_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Confirmed => &mut self.confirmed,
            Status::Reported => &mut self.reported,
            Status::Disputed => &mut self.disputed,
        }
    }

    pub fn total(&self) -> usize {
        self.confirmed + self.reported + self.disputed
    }
}

impl Briefing {
    pub fn new(title: impl Into<String>, analyst: impl Into<String>) -> Self {
        let now = now();
        Self {
            format_version: crate::file::FORMAT_VERSION,
            id: BriefingId::new(),
            title: title.into(),
            analyst: analyst.into(),
            created: now,
            modified: now,
            summary: String::new(),
            judgments: Vec::new(),
            hypotheses: Vec::new(),
            articles: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn article_mut(&mut self, id: ArticleId) -> Option<&mut Article> {
        self.articles.iter_mut().find(|a| a.id == id)
    }

    pub fn article_index(&self, id: ArticleId) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// The article holding a claim, and the claim.
    pub fn find_claim(&self, id: ClaimId) -> Option<(&Article, &Claim)> {
        self.articles
            .iter()
            .find_map(|a| a.claim(id).map(|c| (a, c)))
    }

    pub fn claims(&self) -> impl Iterator<Item = (&Article, &Claim)> {
        self.articles
            .iter()
            .flat_map(|a| a.claims.iter().map(move |c| (a, c)))
    }

    pub fn judgment(&self, id: JudgmentId) -> Option<&Judgment> {
        self.judgments.iter().find(|j| j.id == id)
    }

    pub fn judgment_index(&self, id: JudgmentId) -> Option<usize> {
        self.judgments.iter().position(|j| j.id == id)
    }

    pub fn hypothesis(&self, id: HypothesisId) -> Option<&Hypothesis> {
        self.hypotheses.iter().find(|h| h.id == id)
    }

    pub fn hypothesis_index(&self, id: HypothesisId) -> Option<usize> {
        self.hypotheses.iter().position(|h| h.id == id)
    }

    /// The judgments a claim is linked to, with how it bears on each.
    pub fn judgments_of(
        &self,
        claim: ClaimId,
    ) -> impl Iterator<Item = (usize, &Judgment, super::Stance)> {
        self.judgments
            .iter()
            .enumerate()
            .filter_map(move |(i, j)| j.stance_of(claim).map(|s| (i, j, s)))
    }

    pub fn counts(&self) -> StatusCounts {
        StatusCounts::of(self.claims().map(|(_, c)| c))
    }
}
