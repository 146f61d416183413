//! The briefing as a Markdown document a reader can use as is.
//!
//! Deterministic: the output depends only on the briefing (no clock, no hash-map order), so
//! the same briefing always exports byte-identical Markdown.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::escape::{inline, paragraphs, url};
use super::judgments;
use crate::analysis::claim_labels;
use crate::model::{Article, ArticleId, Briefing, Claim, ClaimId, Status};
use crate::text::TextIndex;
use crate::text::sentence::sentence_around;

/// How much of the SHA-256 is shown: enough to tell texts apart at a glance.
const SHORT_HASH: usize = 12;

pub fn to_markdown(b: &Briefing) -> String {
    let mut out = String::new();
    let title = if b.title.trim().is_empty() {
        "Untitled briefing".to_owned()
    } else {
        inline(&b.title)
    };
    line(&mut out, &format!("# {title}"));
    blank(&mut out);
    let date = b.modified.format("%Y-%m-%d %H:%M UTC");
    if b.analyst.trim().is_empty() {
        line(&mut out, &format!("*{date}*"));
    } else {
        line(&mut out, &format!("*{} · {date}*", inline(&b.analyst)));
    }

    if !b.summary.trim().is_empty() {
        blank(&mut out);
        line(&mut out, "## Bottom line");
        blank(&mut out);
        for l in paragraphs(&b.summary) {
            line(&mut out, &l);
        }
    }

    let labels = claim_labels(b);
    judgments::key_judgments(&mut out, b, &labels);
    counts_table(&mut out, b);
    let numbers = source_numbers(b);
    for status in Status::ALL {
        claims_of(&mut out, b, status, &numbers);
    }
    judgments::competing_hypotheses(&mut out, b, &labels);
    sources(&mut out, b, &numbers);
    out
}

pub(super) fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

pub(super) fn blank(out: &mut String) {
    out.push('\n');
}

/// A link to a claim's heading: "[R2](#r2)" (renderers give "### R2" the id "r2").
pub(super) fn claim_link(labels: &BTreeMap<ClaimId, String>, id: ClaimId) -> Option<String> {
    labels
        .get(&id)
        .map(|l| format!("[{l}](#{})", l.to_lowercase()))
}

/// Sources are numbered [1], [2]… in briefing order, counting only articles with claims.
fn source_numbers(b: &Briefing) -> BTreeMap<ArticleId, usize> {
    b.articles
        .iter()
        .filter(|a| !a.claims.is_empty())
        .enumerate()
        .map(|(n, a)| (a.id, n + 1))
        .collect()
}

fn counts_table(out: &mut String, b: &Briefing) {
    let counts = b.counts();
    blank(out);
    line(out, "## Claims by status");
    blank(out);
    line(out, "| Status | Claims |");
    line(out, "| :--- | ---: |");
    for status in Status::ALL {
        line(out, &format!("| {status} | {} |", counts.get(status)));
    }
    line(out, &format!("| **Total** | **{}** |", counts.total()));
}

fn claims_of(out: &mut String, b: &Briefing, status: Status, numbers: &BTreeMap<ArticleId, usize>) {
    let claims: Vec<(&Article, &Claim)> = b.claims().filter(|(_, c)| c.status == status).collect();
    if claims.is_empty() {
        return;
    }
    let letter = &status.label()[..1];
    blank(out);
    line(out, &format!("## {status}"));
    // Claims come article by article: one index per article, not one per claim.
    let mut index: Option<(ArticleId, TextIndex)> = None;
    for (n, (article, claim)) in claims.into_iter().enumerate() {
        blank(out);
        line(out, &format!("### {letter}{}", n + 1));
        blank(out);
        if index.as_ref().is_none_or(|(id, _)| *id != article.id) {
            index = Some((article.id, TextIndex::new(&article.text)));
        }
        let Some((_, text)) = &index else {
            continue;
        };
        for l in quote_in_context(text, claim) {
            line(
                out,
                if l.is_empty() {
                    ">".to_owned()
                } else {
                    format!("> {l}")
                }
                .as_str(),
            );
        }
        blank(out);
        line(out, &attribution(article, claim, numbers));
        if claim.anchor.orphaned {
            blank(out);
            line(
                out,
                "*This quote is no longer found in the article's text; it is kept as it was tagged.*",
            );
        }
        if !claim.note.trim().is_empty() {
            blank(out);
            for l in paragraphs(&claim.note) {
                line(out, &l);
            }
        }
        if !claim.tags.is_empty() {
            let tags: Vec<String> = claim.tags.iter().map(|t| inline(t)).collect();
            blank(out);
            line(out, &format!("Tags: {}", tags.join(", ")));
        }
    }
}

/// The quote, bold, in the sentence around it; the quote alone when it is a whole sentence
/// or its words are no longer in the article.
fn quote_in_context(index: &TextIndex, claim: &Claim) -> Vec<String> {
    // A live claim's offsets select its quote (loading and every edit see to it); checking
    // that the words are there is enough, and cheap.
    let range = claim.anchor.range();
    if claim.anchor.orphaned || index.slice(range.clone()) != Some(claim.anchor.quote.as_str()) {
        return paragraphs(&claim.anchor.quote);
    }
    let c = sentence_around(index, range);
    if c.before.trim().is_empty() && c.after.trim().is_empty() {
        return paragraphs(&claim.anchor.quote);
    }
    let before = if c.cut_before {
        format!("…{}", c.before)
    } else {
        c.before
    };
    let after = if c.cut_after {
        format!("{}…", c.after)
    } else {
        c.after
    };
    super::escape::marked(&before, &claim.anchor.quote, &after)
}

/// "— Speaker, via Relay · [1] Outlet · source B (usually reliable) · …"
fn attribution(article: &Article, claim: &Claim, numbers: &BTreeMap<ArticleId, usize>) -> String {
    let mut parts = Vec::new();
    let who = claim.attribution();
    if !who.is_empty() {
        parts.push(inline(&who));
    }
    let mut source = numbers
        .get(&article.id)
        .map_or_else(String::new, |n| format!("[{n}]"));
    if article.outlet.trim().is_empty() {
        let _ = write!(source, " *{}*", article_title(article));
    } else {
        let _ = write!(source, " {}", inline(&article.outlet));
    }
    parts.push(source.trim_start().to_owned());
    if let Some(r) = article.reliability {
        parts.push(format!("source {r} ({})", r.meaning()));
    }
    if let Some(c) = claim.credibility {
        parts.push(format!("information {c} ({})", c.meaning()));
    }
    format!("— {}", parts.join(" · "))
}

fn article_title(a: &Article) -> String {
    if a.title.trim().is_empty() {
        "Untitled article".to_owned()
    } else {
        inline(&a.title)
    }
}

/// The articles claims were taken from, numbered as the claims cite them; then, on one
/// line, the others the analyst read.
fn sources(out: &mut String, b: &Briefing, numbers: &BTreeMap<ArticleId, usize>) {
    if b.articles.is_empty() {
        return;
    }
    blank(out);
    line(out, "## Sources");
    for a in &b.articles {
        let Some(n) = numbers.get(&a.id) else {
            continue;
        };
        blank(out);
        line(out, &format!("### {n}. {}", article_title(a)));
        blank(out);
        let mut field = |name: &str, value: String| line(out, &format!("- {name}: {value}"));
        if !a.outlet.trim().is_empty() {
            field("Outlet", inline(&a.outlet));
        }
        if !a.author.trim().is_empty() {
            field("Author", inline(&a.author));
        }
        if !a.url.trim().is_empty() {
            field("URL", url(&a.url));
        }
        if let Some(p) = a.published {
            field("Published", p.human());
        }
        if !a.language.trim().is_empty() {
            field("Language", inline(&a.language));
        }
        field("Added", a.added.format("%Y-%m-%d %H:%M UTC").to_string());
        if let Some(r) = a.reliability {
            field("Source reliability", format!("{r} ({})", r.meaning()));
        }
        let short: String = a.sha256.chars().take(SHORT_HASH).collect();
        field("SHA-256", format!("`{short}`"));
    }
    let others: Vec<String> = b
        .articles
        .iter()
        .filter(|a| !numbers.contains_key(&a.id))
        .map(|a| {
            let mut s = format!("*{}*", article_title(a));
            if !a.outlet.trim().is_empty() {
                let _ = write!(s, " ({})", inline(&a.outlet));
            }
            s
        })
        .collect();
    if !others.is_empty() {
        blank(out);
        line(out, &format!("Also read: {}.", others.join("; ")));
    }
}
