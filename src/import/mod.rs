//! Turning an article file into text and metadata: saved web pages (HTML), Markdown and
//! plain text in any common encoding. Reading never touches the network.

pub mod annotations;
mod decode;
mod html;
mod html_text;
mod markdown;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use decode::{Decoded, decode_html, decode_text};
pub use html::{HtmlError, MAX_ELEMENTS, MAX_NESTING, Shape, shape};
pub use markdown::markdown_to_text;

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
    #[error("{path} is {} MB; files over 20 MB are refused", size / (1024 * 1024))]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{path} has no text in it")]
    Empty { path: PathBuf },
    #[error("{path} does not look like text (it holds binary data)")]
    Binary { path: PathBuf },
    #[error("{path}: .{ext} files cannot be imported; use a saved web page (.html), .md or .txt")]
    Unsupported { path: PathBuf, ext: String },
    #[error("{path} cannot be imported: {source}")]
    Page { path: PathBuf, source: HtmlError },
    /// The app offers the whole page instead; the CLI names the flag that does.
    #[error("no article was found in {path}: it may be a front page or a list of links")]
    NoArticle { path: PathBuf },
}

/// The kinds of file an article can come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// For a web page: all of its visible text rather than the article found in it.
    pub whole_page: bool,
}

/// An article read from a file, before it joins a briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub meta: ArticleMeta,
    pub text: String,
    pub format: Format,
    /// The character encoding the file was read as ("UTF-8", "windows-1252"…).
    pub encoding: &'static str,
    /// Something about the text the user should check (see [`Decoded::warning`]).
    pub warning: Option<String>,
}

/// Reads an article file: the format from the extension, or for an unknown one from the
/// content (a page saved without `.html` is still a page).
pub fn import_file(path: &Path, options: ImportOptions) -> Result<Imported, ImportError> {
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
    import_bytes(path, &bytes, options)
}

/// As [`import_file`], for bytes already read; `path` names the source and its extension.
pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    options: ImportOptions,
) -> Result<Imported, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "pdf" | "docx" | "doc" | "odt" | "rtf" | "epub" | "mht" | "mhtml" | "webarchive" => {
            return Err(ImportError::Unsupported {
                path: path.to_owned(),
                ext,
            });
        }
        _ if looks_like_html(bytes) => Format::Html,
        _ => Format::Text,
    };
    let binary = || ImportError::Binary {
        path: path.to_owned(),
    };
    let decoded = match format {
        Format::Html => decode_html(bytes),
        _ => decode_text(bytes),
    }
    .ok_or_else(binary)?;
    if decoded.text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (mut meta, text) = match format {
        Format::Html => match html::extract(&decoded.text, options.whole_page) {
            Ok(page) => (page.meta, page.text),
            Err(HtmlError::NoArticle) => {
                return Err(ImportError::NoArticle {
                    path: path.to_owned(),
                });
            }
            Err(source) => {
                return Err(ImportError::Page {
                    path: path.to_owned(),
                    source,
                });
            }
        },
        Format::Markdown => {
            let (title, text) = markdown_to_text(&decoded.text);
            let meta = ArticleMeta {
                title: title.unwrap_or_default(),
                ..ArticleMeta::default()
            };
            (meta, text)
        }
        Format::Text => (ArticleMeta::default(), tidy_plain_text(&decoded.text)),
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    if meta.title.trim().is_empty() {
        meta.title = stem;
    }
    Ok(Imported {
        meta,
        text,
        format,
        encoding: decoded.encoding,
        warning: decoded.warning,
    })
}

/// A page saved under another name: markup at the very start.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b >= 0x80)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_tidied() {
        assert_eq!(tidy_plain_text("a  \n\n\n\nb\nc\n"), "a\n\nb\nc");
    }

    #[test]
    fn format_comes_from_the_extension_or_the_content() {
        let page = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>";
        let opts = ImportOptions { whole_page: true };
        let got = import_bytes(Path::new("saved"), page, opts).unwrap();
        assert_eq!(
            (got.format, got.text.as_str(), got.meta.title.as_str()),
            (Format::Html, "Hello there.", "T")
        );
        let got = import_bytes(Path::new("notes.txt"), b"<b>not markup</b>", opts).unwrap();
        assert_eq!(
            (got.format, got.text.as_str()),
            (Format::Text, "<b>not markup</b>")
        );
        assert!(matches!(
            import_bytes(Path::new("a.pdf"), b"%PDF", opts),
            Err(ImportError::Unsupported { .. })
        ));
    }
}
