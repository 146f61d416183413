//! The briefing file as format versions 1 to 3 wrote it (four-space indentation, every field
//! written out even when empty), kept here so that `perf_report` can compare today's file
//! with it on the same briefing.

use briefing_notes::anchor::Anchor;
use briefing_notes::model::{Article, Briefing, Claim};
use ron::ser::PrettyConfig;
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename = "Briefing")]
struct OldBriefing<'a> {
    format_version: u32,
    id: &'a briefing_notes::model::BriefingId,
    title: &'a str,
    analyst: &'a str,
    created: &'a chrono::DateTime<chrono::Utc>,
    modified: &'a chrono::DateTime<chrono::Utc>,
    summary: &'a str,
    articles: Vec<OldArticle<'a>>,
}

#[derive(Serialize)]
#[serde(rename = "Article")]
struct OldArticle<'a> {
    id: &'a briefing_notes::model::ArticleId,
    title: &'a str,
    outlet: &'a str,
    author: &'a str,
    url: &'a str,
    published: &'a Option<briefing_notes::model::Published>,
    added: &'a chrono::DateTime<chrono::Utc>,
    reliability: &'a Option<briefing_notes::model::Reliability>,
    sha256: &'a str,
    claims: Vec<OldClaim<'a>>,
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename = "Claim")]
struct OldClaim<'a> {
    id: &'a briefing_notes::model::ClaimId,
    status: briefing_notes::model::Status,
    anchor: OldAnchor<'a>,
    speaker: &'a str,
    via: &'a str,
    credibility: &'a Option<briefing_notes::model::Credibility>,
    note: &'a str,
    tags: &'a std::collections::BTreeSet<String>,
    created: &'a chrono::DateTime<chrono::Utc>,
    modified: &'a chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize)]
#[serde(rename = "Anchor")]
struct OldAnchor<'a> {
    start: usize,
    end: usize,
    quote: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

fn claim(c: &Claim) -> OldClaim<'_> {
    let Anchor {
        start,
        end,
        quote,
        prefix,
        suffix,
        ..
    } = &c.anchor;
    OldClaim {
        id: &c.id,
        status: c.status,
        anchor: OldAnchor {
            start: *start,
            end: *end,
            quote,
            prefix,
            suffix,
        },
        speaker: &c.speaker,
        via: &c.via,
        credibility: &c.credibility,
        note: &c.note,
        tags: &c.tags,
        created: &c.created,
        modified: &c.modified,
    }
}

fn article(a: &Article) -> OldArticle<'_> {
    OldArticle {
        id: &a.id,
        title: &a.title,
        outlet: &a.outlet,
        author: &a.author,
        url: &a.url,
        published: &a.published,
        added: &a.added,
        reliability: &a.reliability,
        sha256: &a.sha256,
        claims: a.claims.iter().map(claim).collect(),
        text: &a.text,
    }
}

/// The version 1 file of a briefing without judgments, hypotheses or suggestions.
pub fn to_v1_string(b: &Briefing) -> String {
    let old = OldBriefing {
        format_version: 1,
        id: &b.id,
        title: &b.title,
        analyst: &b.analyst,
        created: &b.created,
        modified: &b.modified,
        summary: &b.summary,
        articles: b.articles.iter().map(article).collect(),
    };
    let config = PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
        .indentor("    ".to_owned())
        .new_line("\n".to_owned());
    let mut out = ron::ser::to_string_pretty(&old, config).expect("plain data serialises");
    out.push('\n');
    out
}
