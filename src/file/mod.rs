//! The briefing file: RON, pretty, stable, versioned.
//!
//! What makes a briefing diff and merge cleanly in git: fields always in the same order
//! (declaration order), claims sorted by position, no hash maps, multi-line strings written
//! as real lines (an edited paragraph is a one-line diff), and `format_version` first so a
//! newer file is recognised before anything else is parsed.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

mod repair;
use repair::{renew_duplicate_ids, tidy_analysis, verify};

use crate::anchor::OrphanReason;
use crate::atomic::{OsStorage, Storage, write_atomic_with};
use crate::disk::DiskStamp;
use crate::model::{ArticleId, Briefing, ClaimId};

/// The format this build writes. Every older version must keep loading (see `migrate`).
pub const FORMAT_VERSION: u32 = 4;
/// Larger files are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} is {size} bytes; briefing files over {max} bytes (64 MB) are refused",
        max = MAX_FILE_BYTES
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{path}:{line}:{column}: the file is not valid UTF-8 text (is it a briefing file?)")]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Not a damaged briefing but another kind of file altogether.
    #[error(
        "{path}:{line}:{column}: {message} (this is not a briefing file: it looks like {looks_like})"
    )]
    NotABriefing {
        path: PathBuf,
        looks_like: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path} was written by a newer version of briefing-notes (file format {found}); this version reads formats up to {FORMAT_VERSION}. Update briefing-notes to open it."
    )]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{path}: format_version {found} is not a briefing-notes file format")]
    BadVersion { path: PathBuf, found: u32 },
}

impl LoadError {
    /// The error in plain words for the window, and the parser's report apart, for those
    /// who want it.
    pub fn plain(&self) -> (String, Option<String>) {
        let name = |p: &Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        match self {
            LoadError::NotABriefing {
                path, looks_like, ..
            } => (
                format!(
                    "{} is not a briefing file (it looks like {looks_like}).",
                    name(path)
                ),
                Some(self.to_string()),
            ),
            LoadError::NotUtf8 { path, line, column } => (
                format!(
                    "{} cannot be opened: briefing files are UTF-8 text and this one is not \
                     (from line {line}, column {column}).",
                    name(path)
                ),
                Some(self.to_string()),
            ),
            LoadError::Parse {
                path, line, column, ..
            } => (
                format!(
                    "{} is a briefing file that is damaged at line {line}, column {column}; it \
                     was not changed.",
                    name(path)
                ),
                Some(self.to_string()),
            ),
            _ => (self.to_string(), None),
        }
    }
}

/// What a file that failed to parse as a briefing looks like instead, or `None` when it
/// does look like a briefing (then it is a damaged one).
fn looks_like(text: &str) -> Option<&'static str> {
    let start = text.trim_start();
    if text.contains("format_version") || start.starts_with("Briefing(") || start.starts_with('(') {
        return None;
    }
    let lower: String = start.chars().take(200).collect::<String>().to_lowercase();
    Some(
        if lower.starts_with("<!doctype html") || lower.contains("<html") {
            "a web page"
        } else if lower.starts_with('<') {
            "XML or HTML"
        } else if lower.starts_with('{') || lower.starts_with('[') {
            "JSON"
        } else if lower.starts_with('#') || lower.starts_with("---") {
            "Markdown text"
        } else if start.is_empty() {
            "an empty file"
        } else {
            "text"
        },
    )
}

#[derive(Debug, thiserror::Error)]
#[error("cannot save {path}: {source}")]
pub struct SaveError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// A claim whose offsets no longer selected its quote and was moved to where its words are.
#[derive(Debug, Clone, PartialEq)]
pub struct Reanchored {
    pub article: ArticleId,
    pub claim: ClaimId,
    pub from: std::ops::Range<usize>,
    pub to: std::ops::Range<usize>,
    /// `None` when the quote was found unchanged; else how many chars differ.
    pub fuzzy_distance: Option<usize>,
    pub old_quote: String,
    pub new_quote: String,
}

/// A claim whose words could not be found: kept with its quote, flagged `orphaned`.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphaned {
    pub article: ArticleId,
    pub claim: ClaimId,
    pub quote: String,
    /// Why its words were not found.
    pub reason: OrphanReason,
    /// It was already orphaned in the file (so loading changed nothing about it).
    pub already: bool,
}

/// What loading found and repaired. Empty for a file as this program wrote it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    pub reanchored: Vec<Reanchored>,
    pub orphaned: Vec<Orphaned>,
    /// Articles whose text no longer matched their SHA-256 (edited outside the app); the
    /// hash now describes the text as it is.
    pub text_changed: Vec<ArticleId>,
    /// Ids that were used twice (a bad merge) and were given fresh ids.
    pub duplicate_ids_renewed: Vec<String>,
    /// Loaded from an older format version and migrated in memory.
    pub migrated_from: Option<u32>,
    /// Links and ratings naming a claim that is not in the briefing, dropped.
    pub dangling_dropped: Vec<String>,
}

impl LoadReport {
    /// Whether loading changed anything the user would want to keep, so the briefing is
    /// unsaved. A migration alone is not such a change: an older file holds nothing the new
    /// format adds, and it is written in the new format at the next save.
    pub fn changed_anything(&self) -> bool {
        !self.reanchored.is_empty()
            || !self.text_changed.is_empty()
            || !self.duplicate_ids_renewed.is_empty()
            || !self.dangling_dropped.is_empty()
            || self.orphaned.iter().any(|o| !o.already)
    }
}

/// Reads and verifies a briefing file. Never writes to it.
pub fn load(path: &Path) -> Result<(Briefing, LoadReport), LoadError> {
    load_stamped(path).map(|(b, r, _)| (b, r))
}

/// [`load`], with a stamp of the bytes read to tell later whether the file has changed.
pub fn load_stamped(path: &Path) -> Result<(Briefing, LoadReport, DiskStamp), LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while we read it.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    let stamp = DiskStamp::of(path, &bytes);
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or("");
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(LoadError::NotUtf8 {
                path: path.to_owned(),
                line,
                column,
            });
        }
    };
    let (briefing, report) = from_ron_str(&text, path)?;
    Ok((briefing, report, stamp))
}

/// Parses briefing RON (`path` is only for messages), migrates it and verifies anchors.
pub fn from_ron_str(text: &str, path: &Path) -> Result<(Briefing, LoadReport), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A checkout with `core.autocrlf` turns every line end into CRLF, inside the article
    // texts too. This program writes LF after the opening `Briefing(`, so a CRLF there means
    // the whole file was converted: undo it. (A CR the user typed in a field stays as is.)
    let lf;
    let first_line_crlf = text.find('\n').is_some_and(|i| text[..i].ends_with('\r'));
    let text = if first_line_crlf {
        lf = text.replace("\r\n", "\n");
        lf.as_str()
    } else {
        text
    };
    let mut report = LoadReport::default();
    let version = peek_format_version(text).unwrap_or(FORMAT_VERSION);
    if version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: version,
        });
    }
    let mut briefing = migrate(version, text, path)?;
    if version < FORMAT_VERSION {
        report.migrated_from = Some(version);
    }
    briefing.format_version = FORMAT_VERSION;
    renew_duplicate_ids(&mut briefing, &mut report);
    verify(&mut briefing, &mut report);
    tidy_analysis(&mut briefing, &mut report);
    Ok((briefing, report))
}

/// Checks a briefing that did not come from a file (a recovery journal) as loading does:
/// fresh ids for duplicates, every claim against its text.
pub fn check_briefing(briefing: &mut Briefing, path: &Path) -> Result<LoadReport, LoadError> {
    if briefing.format_version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: briefing.format_version,
        });
    }
    let mut report = LoadReport::default();
    briefing.format_version = FORMAT_VERSION;
    renew_duplicate_ids(briefing, &mut report);
    verify(briefing, &mut report);
    tidy_analysis(briefing, &mut report);
    Ok(report)
}

/// One step per past format: parse the old shape, convert forward.
fn migrate(version: u32, text: &str, path: &Path) -> Result<Briefing, LoadError> {
    match version {
        // Each version only added fields (judgments and hypotheses in 2, suggestions in 3,
        // merge conflicts in 4) and version 4 leaves out fields that are empty: every
        // field missing from a file reads as empty, so one parse reads them all. A claim's
        // anchor, nested in 1–3 and inline in 4, is read in either shape (`model::claim_file`).
        1..=4 => parse::<Briefing>(text, path),
        found => Err(LoadError::BadVersion {
            path: path.to_owned(),
            found,
        }),
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, LoadError> {
    // ron's default recursion limit stays on: deeply nested input is an error, not a crash.
    ron::Options::default().from_str(text).map_err(|e| {
        let (path, line, column) = (path.to_owned(), e.span.start.line, e.span.start.col);
        let message = plain_message(&e.code);
        match looks_like(text) {
            Some(looks_like) => LoadError::NotABriefing {
                path,
                looks_like,
                line,
                column,
                message,
            },
            None => LoadError::Parse {
                path,
                line,
                column,
                message,
            },
        }
    })
}

/// ron's own words where they suit a user; plainer ones where they are meant for developers.
fn plain_message(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (was it cut short?)".to_owned(),
        ron::Error::ExceededRecursionLimit => {
            "values are nested too deeply (over 128 levels): this is not a briefing file, or it is damaged".to_owned()
        }
        other => other.to_string(),
    }
}

/// Reads `format_version: N` at the head of the file without parsing the rest, so a file
/// from a newer version is refused with a clear message even if its shape is unknown here.
fn peek_format_version(text: &str) -> Option<u32> {
    let mut rest = skip_trivia(text);
    while rest.starts_with("#![") {
        rest = skip_trivia(&rest[rest.find(']')? + 1..]);
    }
    if let Some(r) = rest.strip_prefix("Briefing") {
        rest = skip_trivia(r);
    }
    rest = skip_trivia(rest.strip_prefix('(')?);
    rest = skip_trivia(rest.strip_prefix("format_version")?);
    rest = skip_trivia(rest.strip_prefix(':')?);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn skip_trivia(mut s: &str) -> &str {
    loop {
        let t = s.trim_start();
        if let Some(r) = t.strip_prefix("//") {
            s = r.find('\n').map_or("", |i| &r[i..]);
        } else if let Some(r) = t.strip_prefix("/*") {
            s = r.find("*/").map_or("", |i| &r[i + 2..]);
        } else {
            return t;
        }
    }
}

/// The file's text: what [`save`] writes.
pub fn to_ron_string(briefing: &Briefing) -> String {
    let mut b = briefing.clone();
    b.format_version = FORMAT_VERSION;
    for a in &mut b.articles {
        a.sort_claims();
    }
    let config = PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
        // One space a level: deep indentation was 40 % of a big file, and ron scans every
        // byte of it when loading.
        .indentor(" ".to_owned())
        .new_line("\n".to_owned());
    // Serialising plain structs of strings, numbers and options cannot fail.
    let mut out = ron::ser::to_string_pretty(&b, config).unwrap_or_default();
    out.push('\n');
    out
}

/// Saves atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(path: &Path, briefing: &Briefing) -> Result<DiskStamp, SaveError> {
    save_with(&OsStorage, path, briefing)
}

/// [`save`] through the given storage; returns the stamp of what was written.
pub fn save_with(
    storage: &dyn Storage,
    path: &Path,
    briefing: &Briefing,
) -> Result<DiskStamp, SaveError> {
    let text = to_ron_string(briefing);
    if text.len() as u64 > MAX_FILE_BYTES {
        // Written, it could not be opened again: refuse, and the work stays in memory (and
        // in the recovery journal).
        return Err(SaveError {
            path: path.to_owned(),
            source: std::io::Error::other(format!(
                "the briefing would be {} MB, and files over 64 MB cannot be opened again; remove articles or split the briefing",
                text.len() / (1024 * 1024)
            )),
        });
    }
    write_atomic_with(storage, path, text.as_bytes(), true).map_err(|source| SaveError {
        path: path.to_owned(),
        source,
    })?;
    Ok(DiskStamp::of(path, text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_read_from_the_head_only() {
        assert_eq!(
            peek_format_version("Briefing(format_version: 7, x"),
            Some(7)
        );
        assert_eq!(
            peek_format_version(
                "// c\n#![enable(implicit_some)]\n/* x */ (\n  format_version : 2,"
            ),
            Some(2)
        );
        assert_eq!(peek_format_version("Briefing(title: \"x\")"), None);
    }

    #[test]
    fn newer_version_is_refused_before_parsing() {
        let err = from_ron_str(
            "Briefing(format_version: 99, whatever: [1,2",
            Path::new("x.ron"),
        )
        .unwrap_err();
        assert!(matches!(err, LoadError::NewerVersion { found: 99, .. }));
        assert!(err.to_string().contains("newer version"));
    }

    #[test]
    fn a_briefing_too_big_to_reopen_is_not_saved() {
        use crate::model::{Article, ArticleMeta, now};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let mut b = Briefing::new("Big", "");
        let text = "Twenty megabytes of text. ".repeat(17 * 1024 * 1024 / 26);
        for _ in 0..4 {
            b.articles
                .push(Article::new(ArticleMeta::default(), &text, now()));
        }
        let err = save(&path, &b).unwrap_err();
        assert!(err.to_string().contains("cannot be opened again"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn parse_errors_carry_line_and_column() {
        let err = from_ron_str(
            "Briefing(\n  format_version: 1,\n  title: 5,\n)",
            Path::new("b.ron"),
        )
        .unwrap_err();
        let LoadError::Parse { line, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(*line, 3);
        assert!(err.to_string().starts_with("b.ron:3:"), "{err}");
    }
}
