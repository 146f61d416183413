//! The briefing as a Markdown document a reader can use as is.
//!
//! Deterministic: the output depends only on the briefing (no clock, no hash-map order), so
//! the same briefing always exports byte-identical Markdown.

use std::fmt::Write;

use super::escape::{inline, paragraphs, url};
use crate::model::{Article, Briefing, Claim, Status};

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

    counts_table(&mut out, b);
    for status in Status::ALL {
        claims_of(&mut out, b, status);
    }
    sources(&mut out, b);
    out
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

fn blank(out: &mut String) {
    out.push('\n');
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

fn claims_of(out: &mut String, b: &Briefing, status: Status) {
    let claims: Vec<(&Article, &Claim)> = b.claims().filter(|(_, c)| c.status == status).collect();
    if claims.is_empty() {
        return;
    }
    let letter = &status.label()[..1];
    blank(out);
    line(out, &format!("## {status}"));
    for (n, (article, claim)) in claims.into_iter().enumerate() {
        blank(out);
        line(out, &format!("### {letter}{}", n + 1));
        blank(out);
        for l in paragraphs(&claim.anchor.quote) {
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
        line(out, &attribution(article, claim));
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

/// "— Speaker, via Relay · *Article*, Outlet · source B (usually reliable) · …"
fn attribution(article: &Article, claim: &Claim) -> String {
    let mut parts = Vec::new();
    let who = match (claim.speaker.trim(), claim.via.trim()) {
        ("", "") => None,
        (s, "") => Some(inline(s)),
        ("", v) => Some(format!("via {}", inline(v))),
        (s, v) => Some(format!("{}, via {}", inline(s), inline(v))),
    };
    parts.extend(who);
    let mut source = format!("*{}*", article_title(article));
    if !article.outlet.trim().is_empty() {
        let _ = write!(source, ", {}", inline(&article.outlet));
    }
    parts.push(source);
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

fn sources(out: &mut String, b: &Briefing) {
    if b.articles.is_empty() {
        return;
    }
    blank(out);
    line(out, "## Sources");
    for (n, a) in b.articles.iter().enumerate() {
        blank(out);
        line(out, &format!("### {}. {}", n + 1, article_title(a)));
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
}
