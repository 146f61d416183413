//! How a claim is written in the file. Since format 4 its anchor's fields sit in the claim
//! itself (`span`, `quote`, `prefix`, `suffix`), and `modified` is left out while it equals
//! `created`: a claim is a few lines and ron has a third fewer tokens to read. Formats 1 to
//! 3 nested them in `anchor: Anchor(…)`; both read.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::claim::{Claim, Status};
use super::grades::Credibility;
use super::ids::ClaimId;
use super::span::Span;
use crate::anchor::Anchor;

fn is_false(b: &bool) -> bool {
    !*b
}

/// An optional field written as its bare value (`x`, not `Some(x)`): absent means `None`.
fn bare<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

fn write_bare<S: serde::Serializer, T: Serialize>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => v.serialize(s),
        None => s.serialize_none(),
    }
}

#[derive(Serialize)]
#[serde(rename = "Claim")]
struct ClaimOut<'a> {
    id: ClaimId,
    status: Status,
    span: Span,
    quote: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    prefix: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    suffix: &'a str,
    #[serde(skip_serializing_if = "is_false")]
    orphaned: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    speaker: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    via: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    suggested_from: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    credibility: Option<Credibility>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    tags: &'a BTreeSet<String>,
    created: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "write_bare")]
    modified: Option<DateTime<Utc>>,
}

impl Serialize for Claim {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = &self.anchor;
        ClaimOut {
            id: self.id,
            status: self.status,
            span: Span::from(a.range()),
            quote: &a.quote,
            prefix: &a.prefix,
            suffix: &a.suffix,
            orphaned: a.orphaned,
            speaker: &self.speaker,
            via: &self.via,
            suggested_from: &self.suggested_from,
            credibility: self.credibility,
            note: &self.note,
            tags: &self.tags,
            created: self.created,
            modified: (self.modified != self.created).then_some(self.modified),
        }
        .serialize(s)
    }
}

/// Either shape: `anchor` (formats 1–3) or `span` and `quote` (format 4).
#[derive(Deserialize)]
#[serde(rename = "Claim", deny_unknown_fields)]
struct ClaimIn {
    id: ClaimId,
    status: Status,
    #[serde(default, deserialize_with = "bare")]
    anchor: Option<Anchor>,
    #[serde(default, deserialize_with = "bare")]
    span: Option<Span>,
    #[serde(default, deserialize_with = "bare")]
    quote: Option<String>,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default)]
    orphaned: bool,
    #[serde(default)]
    speaker: String,
    #[serde(default)]
    via: String,
    #[serde(default)]
    suggested_from: String,
    #[serde(default)]
    credibility: Option<Credibility>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    tags: BTreeSet<String>,
    created: DateTime<Utc>,
    #[serde(default, deserialize_with = "bare")]
    modified: Option<DateTime<Utc>>,
}

impl<'de> Deserialize<'de> for Claim {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let c = ClaimIn::deserialize(d)?;
        let anchor = match (c.anchor, c.span, c.quote) {
            (Some(anchor), None, None) => anchor,
            (None, Some(span), Some(quote)) => Anchor {
                start: span.start,
                end: span.end,
                quote,
                prefix: c.prefix,
                suffix: c.suffix,
                orphaned: c.orphaned,
            },
            _ => {
                return Err(serde::de::Error::custom(format!(
                    "claim {} needs its span and quote (or an anchor), once",
                    c.id
                )));
            }
        };
        Ok(Claim {
            id: c.id,
            status: c.status,
            anchor,
            speaker: c.speaker,
            via: c.via,
            suggested_from: c.suggested_from,
            credibility: c.credibility,
            note: c.note,
            tags: c.tags,
            created: c.created,
            modified: c.modified.unwrap_or(c.created),
        })
    }
}
