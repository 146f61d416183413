//! An article: the full text an analyst read (embedded, so a briefing outlives the web page)
//! with where it came from, and the claims tagged in it.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::claim::Claim;
use super::grades::Reliability;
use super::ids::{ArticleId, ClaimId};
use super::published::Published;
use super::span::Span;
use crate::text::normalize_article_text;

/// Where an article came from: every field the analyst can correct after import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub title: String,
    /// Site or publisher.
    pub outlet: String,
    /// Author or byline.
    pub author: String,
    pub url: String,
    pub published: Option<Published>,
    /// BCP 47 tag as the page gave it ("en-GB"); empty if unknown.
    pub language: String,
    pub reliability: Option<Reliability>,
}

/// Field order here is the order in the file; `text` comes last because it is long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    pub added: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// SHA-256 of `text` (UTF-8), lower-case hex: proves which text the claims were made on.
    pub sha256: String,
    /// Suggested claims the analyst dismissed, so that they are not offered again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub dismissed: BTreeSet<Span>,
    /// Sorted by position (see [`Claim::sort_key`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// NFC-normalised once, when added; never changed after, except by settling a merge
    /// conflict over it (the other side's text, its claims checked against it).
    pub text: String,
}

pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Article {
    /// A new article; `raw_text` is normalised here, the one time it ever is.
    pub fn new(meta: ArticleMeta, raw_text: &str, now: DateTime<Utc>) -> Self {
        let text = normalize_article_text(raw_text);
        Self {
            id: ArticleId::new(),
            title: meta.title,
            outlet: meta.outlet,
            author: meta.author,
            url: meta.url,
            published: meta.published,
            language: meta.language,
            added: now,
            reliability: meta.reliability,
            sha256: sha256_hex(&text),
            dismissed: BTreeSet::new(),
            claims: Vec::new(),
            text,
        }
    }

    pub fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            author: self.author.clone(),
            url: self.url.clone(),
            published: self.published,
            language: self.language.clone(),
            reliability: self.reliability,
        }
    }

    pub fn set_meta(&mut self, meta: ArticleMeta) {
        self.title = meta.title;
        self.outlet = meta.outlet;
        self.author = meta.author;
        self.url = meta.url;
        self.published = meta.published;
        self.language = meta.language;
        self.reliability = meta.reliability;
    }

    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn claim_position(&self, id: ClaimId) -> Option<usize> {
        self.claims.iter().position(|c| c.id == id)
    }

    /// Inserts keeping position order; returns the index it went to.
    pub fn insert_claim(&mut self, claim: Claim) -> usize {
        let key = claim.sort_key();
        let at = self.claims.partition_point(|c| c.sort_key() < key);
        self.claims.insert(at, claim);
        at
    }

    pub fn sort_claims(&mut self) {
        self.claims.sort_by_key(Claim::sort_key);
    }
}
