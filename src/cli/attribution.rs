//! `attribute`, `suggest` and `tag --suggest-attribution`: the attribution engine on the
//! command line, reading an article as `add` would import it.

use std::io::Write;

use anyhow::{Result, bail};

use super::{import_article, pick_occurrence};
use crate::attribution::Engine;
use crate::cli::args::{AttributeArgs, SuggestArgs};
use crate::model::{Article, Claim};
use crate::text::{TextIndex, normalize_article_text, normalize_query, one_line};

/// An imported article's stored text, language and outlet.
struct Read {
    text: String,
    language: String,
    outlet: String,
}

fn read(path: &std::path::Path, whole_page: bool) -> Result<Read> {
    let imported = import_article(path, whole_page)?;
    Ok(Read {
        text: normalize_article_text(&imported.text),
        language: imported.meta.language,
        outlet: imported.meta.outlet,
    })
}

fn engine<'t>(r: &'t Read) -> Result<Engine<'t>> {
    match Engine::new(&r.text, &r.language, &r.outlet) {
        Some(e) => Ok(e),
        None => bail!(
            "attribution reads English only, and this article is in {}",
            if r.language.is_empty() {
                "another language"
            } else {
                &r.language
            }
        ),
    }
}

pub fn attribute(a: AttributeArgs, out: &mut dyn Write) -> Result<()> {
    let r = read(&a.article, a.whole_page)?;
    let quote = normalize_query(&a.quote);
    if quote.trim().is_empty() {
        bail!("the quote is empty");
    }
    let index = TextIndex::new(&r.text);
    let title = a.article.display().to_string();
    let range = pick_occurrence(&index, &quote, a.occurrence, &title)?;
    let found = engine(&r)?.attribute(range);
    writeln!(out, "speaker: {}", found.speaker)?;
    writeln!(out, "via: {}", found.via)?;
    if !found.speaker_alts.is_empty() {
        writeln!(out, "also: {}", found.speaker_alts.join("; "))?;
    }
    writeln!(out, "from: {}", one_line(&found.cue))?;
    Ok(())
}

pub fn suggest(a: SuggestArgs, out: &mut dyn Write) -> Result<()> {
    let r = read(&a.article, a.whole_page)?;
    let engine = engine(&r)?;
    let index = TextIndex::new(&r.text);
    for s in engine.suggestions() {
        let quote = index.slice(s.span.range()).unwrap_or_default();
        if a.json {
            let line = serde_json::json!({
                "start": s.span.start,
                "end": s.span.end,
                "quote": quote,
                "status": s.status.label(),
                "speaker": s.attribution.speaker,
                "via": s.attribution.via,
                "from": s.attribution.cue,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                s.status.label(),
                s.attribution.speaker,
                s.attribution.via,
                one_line(quote)
            )?;
        }
    }
    Ok(())
}

/// Fills the claim's speaker and via from the article where the analyst gave none.
pub fn fill(claim: &mut Claim, article: &Article) {
    if crate::attribution::suggest_attribution(claim, article).is_none() {
        eprintln!("warning: no attribution suggested: the article is not in English");
    }
}
