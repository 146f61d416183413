//! Turning an article file into text and metadata: saved web pages (HTML), Markdown and
//! plain text in any common encoding. Reading never touches the network.

pub mod annotations;
mod decode;
pub mod docx;
mod html;
mod html_text;
mod markdown;
pub mod pdf;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use decode::{Decoded, decode_html, decode_text};
pub use html::{HtmlError, MAX_ELEMENTS, MAX_NESTING, Shape, shape};
pub use markdown::markdown_to_text;

use crate::model::ArticleMeta;

/// Larger article files are refused before reading.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;
/// PDF and Word files carry images and fonts beside the text, so they may be larger.
pub const MAX_DOCUMENT_BYTES: u64 = 100 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is {} MB; files over {} MB are refused", size / (1024 * 1024), limit / (1024 * 1024))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path} has no text in it")]
    Empty { path: PathBuf },
    #[error("{path} does not look like text (it holds binary data)")]
    Binary { path: PathBuf },
    #[error(
        "{path}: .{ext} files cannot be imported; use a saved web page (.html), a PDF, a Word document (.docx), .md or .txt"
    )]
    Unsupported { path: PathBuf, ext: String },
    /// Formats named for what to do instead: old Word, OpenDocument, encrypted Word files.
    #[error("{path} cannot be imported: {why}")]
    Refused { path: PathBuf, why: &'static str },
    #[error("{path} cannot be imported: {source}")]
    Page { path: PathBuf, source: HtmlError },
    #[error("{path} cannot be imported: {source}")]
    Pdf {
        path: PathBuf,
        source: pdf::PdfError,
    },
    #[error("{path} cannot be imported: {source}")]
    Docx {
        path: PathBuf,
        source: docx::DocxError,
    },
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
    Pdf,
    Docx,
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
    let limit = if is_document(path) {
        MAX_DOCUMENT_BYTES
    } else {
        MAX_ARTICLE_BYTES
    };
    if size > limit {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    import_bytes(path, &bytes, options)
}

/// As [`import_file`], for bytes already read; `path` names the source and its extension.
pub fn import_bytes(
    path: &Path,
    bytes: &[u8],
    options: ImportOptions,
) -> Result<Imported, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let ext = extension(path);
    let refused = |why| ImportError::Refused {
        path: path.to_owned(),
        why,
    };
    let format = match ext.as_str() {
        _ if is_pdf(bytes) => Format::Pdf,
        _ if is_docx(bytes) => Format::Docx,
        "docx" if bytes.starts_with(&CFB_MAGIC) => return Err(refused(ENCRYPTED_DOCX)),
        "doc" | "dot" => return Err(refused(OLD_WORD)),
        "odt" | "ott" => return Err(refused(ODT)),
        _ if bytes.starts_with(&CFB_MAGIC) => return Err(refused(OLD_WORD)),
        "pdf" => {
            return Err(ImportError::Pdf {
                path: path.to_owned(),
                source: pdf::PdfError::NotPdf,
            });
        }
        "docx" => {
            return Err(ImportError::Docx {
                path: path.to_owned(),
                source: docx::DocxError::NotDocx,
            });
        }
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "rtf" | "epub" | "mht" | "mhtml" | "webarchive" | "pages" => {
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
    match format {
        Format::Pdf | Format::Docx => return import_document(path, bytes, format),
        _ => {}
    }
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
        Format::Text | Format::Pdf | Format::Docx => {
            (ArticleMeta::default(), tidy_plain_text(&decoded.text))
        }
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

/// PDF files may have junk before the header; readers look at the first kilobyte.
fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// The signature of Microsoft's compound files: old .doc files, and .docx files that a
/// password encrypts.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const OLD_WORD: &str = "old Word documents (.doc) cannot be read; open it in Word or LibreOffice and save it as .docx or PDF";
const ODT: &str = "OpenDocument text (.odt) cannot be read yet; open it in LibreOffice and save it as .docx or PDF";
const ENCRYPTED_DOCX: &str = "this Word document is protected by a password; open it in Word, remove the password (File > Info > Protect Document) and save it again";

/// A ZIP whose directory names the main part of a Word document.
fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && bytes.windows(17).any(|w| w == b"word/document.xml")
}

/// A PDF or Word file by its name: larger files are allowed, and reading them takes longer.
pub fn is_document(path: &Path) -> bool {
    matches!(extension(path).as_str(), "pdf" | "docx")
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn import_document(path: &Path, bytes: &[u8], format: Format) -> Result<Imported, ImportError> {
    let (mut meta, text, warning) = if format == Format::Pdf {
        let a = pdf::read_pdf(bytes).map_err(|source| ImportError::Pdf {
            path: path.to_owned(),
            source,
        })?;
        (a.meta, a.text, a.warning)
    } else {
        let a = docx::read_docx(bytes).map_err(|source| ImportError::Docx {
            path: path.to_owned(),
            source,
        })?;
        (a.meta, a.text, None)
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    if meta.title.trim().is_empty() {
        meta.title = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    Ok(Imported {
        meta,
        text,
        format,
        encoding: if format == Format::Pdf {
            "PDF text"
        } else {
            "UTF-8"
        },
        warning,
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
        // A PDF or Word file is told by its content, whatever its name.
        assert!(matches!(
            import_bytes(Path::new("a.txt"), b"%PDF-1.7 cut short", opts),
            Err(ImportError::Pdf { .. })
        ));
        assert!(matches!(
            import_bytes(Path::new("a.pdf"), b"%PDF", opts),
            Err(ImportError::Pdf {
                source: pdf::PdfError::NotPdf,
                ..
            })
        ));
        assert!(matches!(
            import_bytes(Path::new("a.rtf"), b"{\\rtf1}", opts),
            Err(ImportError::Unsupported { .. })
        ));
    }
}
