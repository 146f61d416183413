//! Turning an article file into text and metadata. Plain text and Markdown here; HTML has
//! its own issue.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::ArticleMeta;

/// Larger article files are refused before reading.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is {size} bytes; articles over 20 MB are refused")]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{path} has no text in it")]
    Empty { path: PathBuf },
    #[error("{path} does not look like text (it holds binary data)")]
    Binary { path: PathBuf },
    #[error("{path} is not UTF-8 text (byte {offset}); save it as UTF-8 and add it again")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error(
        "{path}: .{ext} files cannot be imported yet; use a .txt or .md file (web pages: save as text)"
    )]
    Unsupported { path: PathBuf, ext: String },
}

/// An article read from a file, before it joins a briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub meta: ArticleMeta,
    pub text: String,
}

/// Reads an article file, choosing the reader by extension (unknown or none: plain text).
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(
        ext.as_str(),
        "html" | "htm" | "xhtml" | "pdf" | "docx" | "doc" | "odt"
    ) {
        return Err(ImportError::Unsupported {
            path: path.to_owned(),
            ext,
        });
    }
    let raw = decode_text(&bytes, path)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (title, text) = if matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd") {
        let (title, text) = markdown_to_text(&raw);
        (title.unwrap_or(stem), text)
    } else {
        (stem, tidy_plain_text(&raw))
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(Imported {
        meta: ArticleMeta {
            title,
            ..ArticleMeta::default()
        },
        text,
    })
}

/// UTF-8 (with or without BOM) or UTF-16 with BOM.
fn decode_text(bytes: &[u8], path: &Path) -> Result<String, ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, path, 3);
    }
    let utf16 = |rest: &[u8], be: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| {
                if be {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| ImportError::Binary {
            path: path.to_owned(),
        })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true);
    }
    utf8(bytes, path, 0)
}

fn utf8(bytes: &[u8], path: &Path, skipped: usize) -> Result<String, ImportError> {
    if bytes.contains(&0) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
        });
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| ImportError::NotUtf8 {
        path: path.to_owned(),
        offset: skipped + e.utf8_error().valid_up_to(),
    })
}

/// Trailing spaces off each line, at most one blank line between paragraphs.
fn tidy_plain_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0;
    for line in raw.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Markdown as readable plain text: headings and paragraphs as paragraphs, list items with
/// bullets or numbers, markup and HTML removed. Returns the first heading as a title.
pub fn markdown_to_text(md: &str) -> (Option<String>, String) {
    let mut out = String::new();
    let mut title: Option<(HeadingLevel, String)> = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut cell = 0usize;
    let break_block = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                break_block(&mut out);
                heading = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, h)) = heading.take() {
                    // The first level-1 heading, else the first heading of any level.
                    let have_h1 = title.as_ref().is_some_and(|(l, _)| *l == HeadingLevel::H1);
                    if title.is_none() || (level == HeadingLevel::H1 && !have_h1) {
                        title = Some((level, h.trim().to_owned()));
                    }
                }
                break_block(&mut out);
            }
            // Inside a list, blocks stay on the item's line.
            Event::Start(
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_),
            )
            | Event::End(
                TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::BlockQuote(_) | TagEnd::Table,
            ) if lists.is_empty() => break_block(&mut out),
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    break_block(&mut out);
                }
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    break_block(&mut out);
                }
            }
            Event::Start(Tag::Item) => {
                let trimmed = out.trim_end_matches(' ').len();
                out.truncate(trimmed);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("• "),
                }
            }
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                cell = 0;
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            Event::Start(Tag::TableCell) => {
                if cell > 0 {
                    out.push_str(" | ");
                }
                cell += 1;
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                out.push_str(&t);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => break_block(&mut out),
            _ => {}
        }
    }
    let text = out.trim().to_owned();
    (title.map(|(_, t)| t).filter(|t| !t.is_empty()), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_structure_as_plain_text() {
        let md = "# Kremlin call\n\nThe *call* lasted [an hour](http://x).\nBoth sides said so.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted <b>words</b>\n\n## Later\n\nEnd.";
        let (title, text) = markdown_to_text(md);
        assert_eq!(title.as_deref(), Some("Kremlin call"));
        assert_eq!(
            text,
            "Kremlin call\n\nThe call lasted an hour. Both sides said so.\n\n• one\n• two\n\n1. first\n2. second\n\nquoted words\n\nLater\n\nEnd."
        );
    }

    #[test]
    fn plain_text_is_tidied() {
        assert_eq!(tidy_plain_text("a  \n\n\n\nb\nc\n"), "a\n\nb\nc");
    }

    #[test]
    fn utf16_and_bom_are_decoded() {
        let p = Path::new("x.txt");
        assert_eq!(decode_text(b"\xEF\xBB\xBFhi", p).unwrap(), "hi");
        assert_eq!(decode_text(b"\xFF\xFEh\0i\0", p).unwrap(), "hi");
        assert!(matches!(
            decode_text(b"a\0b", p),
            Err(ImportError::Binary { .. })
        ));
        assert!(matches!(
            decode_text(b"caf\xE9", p),
            Err(ImportError::NotUtf8 { offset: 3, .. })
        ));
    }
}
