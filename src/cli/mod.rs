//! The command line: every subcommand loads through the core, changes the briefing through
//! [`crate::edit`], and saves atomically. What the command line accepts is defined in
//! [`args`]; this module runs it.

mod analysis;
mod args;
mod attribution;
mod merge;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};

use crate::anchor::Anchor;
use crate::edit::{Edit, apply};
use crate::file::{self, LoadReport};
use crate::import::{Format, ImportError, ImportOptions, Imported, import_file};
use crate::model::{Article, Briefing, Claim, clean_tags, now};
use crate::text::search::{find_occurrences, prefer_whole_words};
use crate::text::{TextIndex, line_col, normalize_article_text, normalize_query, snippet};

pub use args::{
    AddArgs, AttributeArgs, CheckArgs, Cli, CliCommand, ExportArgs, ExtractArgs, GitSetupArgs,
    HypothesisCommand, ImportAnnotationsArgs, JudgmentCommand, MergeArgs, NewArgs, RateArgs,
    SuggestArgs, TagArgs,
};
pub use merge::Unsettled;

/// Runs a subcommand. Output goes to `out`; warnings to standard error.
pub fn run(command: CliCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        CliCommand::New(a) => new(a, out),
        CliCommand::Add(a) => add(a, out),
        CliCommand::Extract(a) => extract(a, out),
        CliCommand::Tag(a) => tag(a, out),
        CliCommand::Export(a) => export(a, out),
        CliCommand::ImportAnnotations(a) => import_annotations(a, out),
        CliCommand::Check(a) => check(a, out),
        CliCommand::Judgment(c) => analysis::judgment(c, out),
        CliCommand::Hypothesis(c) => analysis::hypothesis(c, out),
        CliCommand::Rate(a) => analysis::rate(a, out),
        CliCommand::Attribute(a) => attribution::attribute(a, out),
        CliCommand::Suggest(a) => attribution::suggest(a, out),
        CliCommand::Merge(a) => merge::merge(a, out),
        CliCommand::GitSetup(a) => merge::git_setup(a, out),
    }
}

fn new(a: NewArgs, out: &mut dyn Write) -> Result<()> {
    if a.file.exists() {
        bail!(
            "{} already exists; choose another name (nothing was changed)",
            a.file.display()
        );
    }
    let briefing = Briefing::new(a.title, a.analyst);
    file::save(&a.file, &briefing)?;
    writeln!(out, "Created {} ({})", a.file.display(), briefing.id)?;
    Ok(())
}

/// Loads a briefing to change it, telling the user what loading repaired.
fn load_for_edit(path: &Path) -> Result<Briefing> {
    let (briefing, report) = file::load(path)?;
    warn_about(&report, path);
    Ok(briefing)
}

fn warn_about(report: &LoadReport, path: &Path) {
    for r in &report.reanchored {
        eprintln!(
            "warning: {}: claim {} moved from {}–{} to {}–{} ({})",
            path.display(),
            r.claim,
            r.from.start,
            r.from.end,
            r.to.start,
            r.to.end,
            match r.fuzzy_distance {
                None => "same words".to_owned(),
                Some(d) => format!(
                    "words changed: “{}” → “{}”, {d} edits",
                    r.old_quote, r.new_quote
                ),
            }
        );
    }
    for o in &report.orphaned {
        eprintln!(
            "warning: {}: claim {} is orphaned ({}): its quote “{}” is no longer found in the article text (kept as it was)",
            path.display(),
            o.claim,
            o.reason,
            snippet(&o.quote, 60)
        );
    }
    for id in &report.text_changed {
        eprintln!(
            "warning: {}: the text of article {id} was changed outside briefing-notes (SHA-256 updated)",
            path.display()
        );
    }
    for d in &report.duplicate_ids_renewed {
        eprintln!("warning: {}: duplicate id renewed: {d}", path.display());
    }
    for d in &report.dangling_dropped {
        eprintln!("warning: {}: dropped {d}", path.display());
    }
}

fn add(a: AddArgs, out: &mut dyn Write) -> Result<()> {
    let mut briefing = load_for_edit(&a.file)?;
    let imported = import_article(&a.article, a.whole_page)?;
    let mut meta = imported.meta;
    if let Some(t) = a.title {
        meta.title = t;
    }
    if let Some(o) = a.outlet {
        meta.outlet = o;
    }
    if let Some(au) = a.author {
        meta.author = au;
    }
    if let Some(u) = a.url {
        meta.url = u;
    }
    if a.published.is_some() {
        meta.published = a.published;
    }
    if let Some(l) = a.language {
        meta.language = l;
    }
    if a.reliability.is_some() {
        meta.reliability = a.reliability;
    }
    let article = Article::new(meta, &imported.text, now());
    let (id, title, chars) = (
        article.id,
        article.title.clone(),
        article.text.chars().count(),
    );
    let index = briefing.articles.len();
    apply(
        &mut briefing,
        Edit::AddArticle {
            index,
            article: Box::new(article),
        },
    )?;
    file::save(&a.file, &briefing)?;
    writeln!(
        out,
        "Added article {} {id} “{title}” ({chars} characters)",
        index + 1
    )?;
    Ok(())
}

/// Imports with the CLI's advice when a page has no article in it.
pub(crate) fn import_article(path: &Path, whole_page: bool) -> Result<Imported> {
    let imported = import_file(path, ImportOptions { whole_page }).map_err(|e| match e {
        ImportError::NoArticle { .. } => anyhow!(
            "{e}; add --whole-page to import all of the page's visible text (nothing was changed)"
        ),
        e => anyhow!("{e} (nothing was changed)"),
    })?;
    if let Some(w) = &imported.warning {
        eprintln!("warning: {}: {w}", path.display());
    }
    Ok(imported)
}

fn extract(a: ExtractArgs, out: &mut dyn Write) -> Result<()> {
    let imported = import_article(&a.file, a.whole_page)?;
    if !a.text {
        let m = &imported.meta;
        let published = m.published.map(|p| p.to_string()).unwrap_or_default();
        let format = match imported.format {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        };
        for (key, value) in [
            ("title", m.title.as_str()),
            ("author", &m.author),
            ("outlet", &m.outlet),
            ("published", &published),
            ("url", &m.url),
            ("language", &m.language),
            ("format", format),
            ("encoding", imported.encoding),
        ] {
            // One line per key whatever the page held: newlines would break the format.
            let value = crate::text::one_line(value);
            if value.is_empty() {
                writeln!(out, "{key}:")?;
            } else {
                writeln!(out, "{key}: {value}")?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", normalize_article_text(&imported.text))?;
    Ok(())
}

/// The article a `--article` value names: a number from 1, an id, or a unique id prefix.
fn pick_article<'a>(b: &'a Briefing, which: Option<&str>) -> Result<&'a Article> {
    let list = || {
        b.articles
            .iter()
            .enumerate()
            .map(|(i, a)| format!("  {}  {}  {}", i + 1, a.id, a.title))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let Some(which) = which else {
        return match b.articles.as_slice() {
            [] => Err(anyhow!(
                "the briefing has no articles yet; add one with `briefing-notes add`"
            )),
            [only] => Ok(only),
            _ => Err(anyhow!(
                "the briefing has {} articles; say which with --article:\n{}",
                b.articles.len(),
                list()
            )),
        };
    };
    let which = which.trim();
    if let Ok(n) = which.parse::<usize>() {
        return n
            .checked_sub(1)
            .and_then(|i| b.articles.get(i))
            .ok_or_else(|| anyhow!("there is no article {n}; the articles are:\n{}", list()));
    }
    let matches: Vec<&Article> = b
        .articles
        .iter()
        .filter(|a| a.id.to_string().starts_with(&which.to_lowercase()))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(anyhow!(
            "no article has id “{which}”; the articles are:\n{}",
            list()
        )),
        _ => Err(anyhow!(
            "“{which}” starts more than one article id; give more of it"
        )),
    }
}

fn tag(a: TagArgs, out: &mut dyn Write) -> Result<()> {
    let mut briefing = load_for_edit(&a.file)?;
    let article = pick_article(&briefing, a.article.as_deref())?;
    let quote = normalize_query(&a.quote);
    if quote.trim().is_empty() {
        bail!("the quote is empty");
    }
    let index = TextIndex::new(&article.text);
    let range = pick_occurrence(&index, &quote, a.occurrence, &article.title)?;
    let anchor = Anchor::new(&index, range)?;
    let mut claim = Claim::new(a.status, anchor, now());
    claim.note = a.note;
    claim.speaker = a.speaker;
    claim.via = a.via;
    if a.suggest_attribution {
        attribution::fill(&mut claim, article);
    }
    claim.credibility = a.credibility;
    claim.tags = clean_tags(a.tags.iter().map(String::as_str));
    let (article_id, claim_id) = (article.id, claim.id);
    apply(
        &mut briefing,
        Edit::AddClaim {
            article: article_id,
            claim: Box::new(claim),
        },
    )?;
    file::save(&a.file, &briefing).context("the claim was not saved")?;
    let label = crate::analysis::claim_labels(&briefing)
        .remove(&claim_id)
        .unwrap_or_default();
    writeln!(
        out,
        "Tagged {} {label} {claim_id}: “{}”",
        a.status,
        snippet(&quote, 60)
    )?;
    Ok(())
}

/// The `occurrence`-th (from 1) place `quote` occurs in the text, whole words first; an
/// error that lists the places when there are several and none was chosen.
pub(crate) fn pick_occurrence(
    index: &TextIndex,
    quote: &str,
    occurrence: Option<usize>,
    title: &str,
) -> Result<std::ops::Range<usize>> {
    let found = prefer_whole_words(index, quote, find_occurrences(index, quote));
    Ok(match (found.len(), occurrence) {
        (0, _) => {
            let hint = if index.text().to_lowercase().contains(&quote.to_lowercase()) {
                " (it does occur with different capitals: quote the words exactly as written)"
            } else {
                ""
            };
            bail!(
                "the quote “{}” is not in article “{}”{hint}; nothing was changed",
                snippet(quote, 80),
                title
            );
        }
        (1, None | Some(1)) => found[0].clone(),
        (n, None) => bail!(
            "the quote occurs {n} times in “{}”; choose one with --occurrence:\n{}",
            title,
            list_occurrences(index, &found)
        ),
        (n, Some(k)) => match k.checked_sub(1).and_then(|i| found.get(i)) {
            Some(r) => r.clone(),
            None => bail!(
                "--occurrence {k} is out of range: the quote occurs {n} time{} in “{}”",
                if n == 1 { "" } else { "s" },
                title
            ),
        },
    })
}

fn list_occurrences(index: &TextIndex, found: &[std::ops::Range<usize>]) -> String {
    found
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (line, col) = line_col(index, r.start);
            let before = index.chars_before(r.start, 25).replace('\n', " ");
            let after = index.chars_after(r.end, 25).replace('\n', " ");
            let quote = index.slice(r.clone()).unwrap_or("");
            format!(
                "  {}  line {line}, column {col}: …{before}[{quote}]{after}…",
                i + 1
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn export(a: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let (briefing, report) = file::load(&a.file)?;
    warn_about(&report, &a.file);
    if !briefing.conflicts.is_empty() {
        eprintln!(
            "warning: {}: {} merge conflict(s) not yet reviewed; `check` lists them",
            a.file.display(),
            briefing.conflicts.len()
        );
    }
    let md = crate::export::ExportFormat::from(a.format).export(&briefing);
    match a.output {
        Some(path) => {
            crate::atomic::write_atomic(&path, md.as_bytes(), false)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("Exported to {}", path.display());
        }
        None => out.write_all(md.as_bytes())?,
    }
    Ok(())
}

fn import_annotations(a: ImportAnnotationsArgs, out: &mut dyn Write) -> Result<()> {
    use crate::import::annotations::{place, read_annotations_file};
    let mut briefing = load_for_edit(&a.file)?;
    let article = match a.article {
        None => None,
        Some(n) => Some(
            briefing
                .articles
                .get(n.wrapping_sub(1))
                .map(|x| x.id)
                .ok_or_else(|| {
                    anyhow!(
                        "there is no article {n}: the briefing has {} (see `check`)",
                        briefing.articles.len()
                    )
                })?,
        ),
    };
    let incoming = read_annotations_file(&a.annotations)
        .with_context(|| format!("cannot import {}", a.annotations.display()))?;
    let total = incoming.len();
    let placed = place(&briefing, incoming, article);
    if let Some(edit) = placed.edit() {
        apply(&mut briefing, edit)?;
        file::save(&a.file, &briefing)?;
    }
    writeln!(out, "{}", placed.summary(total))?;
    for line in placed.not_anchored_lines() {
        writeln!(out, "  {line}")?;
    }
    if placed.without_article() > 0 && a.article.is_none() {
        writeln!(
            out,
            "(--article N puts annotations in article N, whatever their source)"
        )?;
    }
    Ok(())
}

fn check(a: CheckArgs, out: &mut dyn Write) -> Result<()> {
    let (b, report) = file::load(&a.file)?;
    writeln!(out, "{}: “{}”", a.file.display(), b.title)?;
    if !b.analyst.is_empty() {
        writeln!(out, "Analyst: {}", b.analyst)?;
    }
    writeln!(out, "Articles: {}", b.articles.len())?;
    for (i, art) in b.articles.iter().enumerate() {
        let c = crate::model::StatusCounts::of(&art.claims);
        writeln!(
            out,
            "  {}  {}  “{}” — {} characters, {} claims ({} confirmed, {} reported, {} disputed)",
            i + 1,
            art.id,
            art.title,
            art.text.chars().count(),
            c.total(),
            c.confirmed,
            c.reported,
            c.disputed
        )?;
    }
    let c = b.counts();
    writeln!(
        out,
        "Claims: {} ({} confirmed, {} reported, {} disputed)",
        c.total(),
        c.confirmed,
        c.reported,
        c.disputed
    )?;
    analysis::list_claims(&b, out)?;
    writeln!(out, "Re-anchored: {}", report.reanchored.len())?;
    for r in &report.reanchored {
        writeln!(
            out,
            "  claim {}: {}–{} → {}–{} “{}”",
            r.claim,
            r.from.start,
            r.from.end,
            r.to.start,
            r.to.end,
            snippet(&r.new_quote, 60)
        )?;
    }
    writeln!(out, "Orphaned: {}", report.orphaned.len())?;
    for o in &report.orphaned {
        writeln!(
            out,
            "  claim {}: “{}” ({})",
            o.claim,
            snippet(&o.quote, 60),
            o.reason
        )?;
    }
    if !report.text_changed.is_empty() {
        writeln!(
            out,
            "Article text changed outside briefing-notes: {}",
            report.text_changed.len()
        )?;
    }
    if !report.duplicate_ids_renewed.is_empty() {
        writeln!(
            out,
            "Duplicate ids renewed: {}",
            report.duplicate_ids_renewed.len()
        )?;
    }
    if !report.dangling_dropped.is_empty() {
        writeln!(
            out,
            "Links and ratings of missing claims, dropped: {}",
            report.dangling_dropped.len()
        )?;
        for d in &report.dangling_dropped {
            writeln!(out, "  {d}")?;
        }
    }
    analysis::report(&b, out)?;
    if !b.conflicts.is_empty() {
        let labels = crate::analysis::claim_labels(&b);
        writeln!(out, "Merge conflicts to review: {}", b.conflicts.len())?;
        for (i, c) in b.conflicts.iter().enumerate() {
            writeln!(
                out,
                "  {}. {}",
                i + 1,
                crate::merge::view(&b, c, &labels).line()
            )?;
        }
    }
    Ok(())
}
