//! PDF articles: the text layer in reading order, as paragraphs. The file is read by our
//! own parser (objects, cross-reference, filters with inflation limits, the standard
//! security handler) and content-stream interpreter; nothing in it is executed.

mod bidi;
mod cmap;
mod content;
mod crypt;
mod file;
mod filters;
mod fonts;
mod glyphs;
mod layout;
mod objects;
mod radicals;
mod text;

use content::{Interpreter, Matrix};
use file::PdfFile;
use objects::{Dict, Obj, text_string};

use crate::model::{ArticleMeta, Published};

/// Longer documents are refused: an article is not a book.
pub const MAX_PAGES: usize = 2000;

#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum PdfError {
    #[error("it is not a PDF file")]
    NotPdf,
    #[error(
        "this PDF is encrypted and needs a password; open it in a PDF viewer and save or print it without one"
    )]
    Encrypted,
    #[error("this PDF has no text; it looks like a scan (run it through OCR first)")]
    NoText,
    #[error(
        "this PDF's fonts do not say which letters they draw, so its text cannot be read; copy the text from a PDF viewer, or run the file through OCR"
    )]
    Unmapped,
    #[error("this PDF is damaged: {0}")]
    Damaged(&'static str),
    #[error(
        "a compressed stream in this PDF inflates past the limit (64 MB a stream, 512 MB in all)"
    )]
    Bomb,
    #[error("this PDF has {0} pages; documents over 2,000 pages are refused")]
    TooManyPages(usize),
    #[error("this PDF uses a compression this reader does not know")]
    Unsupported,
}

pub struct PdfArticle {
    pub meta: ArticleMeta,
    pub text: String,
    /// Something about the text to check against the PDF.
    pub warning: Option<String>,
}

/// One page's content and what it needs to be read.
struct PageRef {
    dict: Dict,
    resources: Dict,
    media: [f64; 4],
}

fn collect_pages(
    f: &PdfFile,
    node: &Obj,
    inherited: (&Dict, [f64; 4]),
    out: &mut Vec<PageRef>,
    seen: &mut Vec<u32>,
    depth: usize,
) -> Result<(), PdfError> {
    if depth > 64 {
        return Ok(());
    }
    if let Obj::Ref(n, _) = node {
        if seen.contains(n) {
            return Ok(());
        }
        seen.push(*n);
    }
    let obj = f.resolve(node);
    let Some(dict) = obj.as_dict() else {
        return Ok(());
    };
    let resources = match f.dict_get(dict, b"Resources") {
        Obj::Dict(d) => d,
        _ => inherited.0.clone(),
    };
    let media = f
        .dict_get(dict, b"CropBox")
        .as_array()
        .or(f.dict_get(dict, b"MediaBox").as_array())
        .map(|a| {
            a.iter()
                .filter_map(|o| f.resolve(o).as_f64())
                .collect::<Vec<_>>()
        })
        .and_then(|v| <[f64; 4]>::try_from(v).ok())
        .unwrap_or(inherited.1);
    let kids = f.dict_get(dict, b"Kids");
    let is_tree =
        dict.get(b"Type").and_then(Obj::as_name) == Some(b"Pages") || kids.as_array().is_some();
    if is_tree {
        for kid in kids.as_array().unwrap_or_default() {
            collect_pages(f, kid, (&resources, media), out, seen, depth + 1)?;
            if out.len() > MAX_PAGES {
                return Err(PdfError::TooManyPages(out.len()));
            }
        }
    } else {
        out.push(PageRef {
            dict: dict.clone(),
            resources,
            media,
        });
    }
    Ok(())
}

/// User space moved so the page box starts at the origin. The page's /Rotate is not applied:
/// which way is up comes from the text itself (see [`content::upright`]).
fn base_matrix(media: [f64; 4]) -> Matrix {
    let [x0, y0, x1, y1] = media;
    [1.0, 0.0, 0.0, 1.0, -x0.min(x1), -y0.min(y1)]
}

fn page_content(f: &PdfFile, page: &Dict) -> Vec<u8> {
    let streams = match f.dict_get(page, b"Contents") {
        Obj::Array(a) => a.iter().map(|o| f.resolve(o)).collect(),
        o => vec![o],
    };
    let mut out = Vec::new();
    for s in streams {
        if let Obj::Stream(s) = s
            && let Ok(data) = f.stream_data(&s)
        {
            out.extend_from_slice(&data);
            out.push(b'\n');
        }
    }
    out
}

fn info_string(f: &PdfFile, info: &Dict, key: &[u8]) -> String {
    f.dict_get(info, key)
        .as_str()
        .map(text_string)
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// "D:20240131093000+01'00'" and its shorter forms.
fn pdf_date(s: &str) -> Option<Published> {
    let s = s.trim().trim_start_matches("D:");
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<u32>().ok());
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(4..6)?, num(6..8)?)?;
    if digits.len() < 12 {
        return Some(Published::Date(date));
    }
    let time =
        chrono::NaiveTime::from_hms_opt(num(8..10)?, num(10..12)?, num(12..14).unwrap_or(0))?;
    let rest = &s[digits.len()..];
    let offset = match rest.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let tz: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
            let h: i32 = tz.get(0..2).and_then(|v| v.parse().ok()).unwrap_or(0);
            let m: i32 = tz.get(2..4).and_then(|v| v.parse().ok()).unwrap_or(0);
            let secs = (h * 3600 + m * 60) * if sign == '-' { -1 } else { 1 };
            chrono::FixedOffset::east_opt(secs)?
        }
        _ => chrono::FixedOffset::east_opt(0)?,
    };
    let dt = date.and_time(time).and_local_timezone(offset).single()?;
    Some(Published::DateTime(dt))
}

/// Titles some producers write that name the file, not the document.
fn useful_title(t: &str) -> bool {
    let l = t.to_lowercase();
    !(l.is_empty()
        || l == "untitled"
        || l.starts_with("microsoft word - ")
        || [
            ".doc", ".docx", ".pdf", ".indd", ".rtf", ".odt", ".tex", ".dvi",
        ]
        .iter()
        .any(|e| l.ends_with(e)))
}

/// Reads a PDF's text and metadata.
pub fn read_pdf(bytes: &[u8]) -> Result<PdfArticle, PdfError> {
    let f = PdfFile::open(bytes)?;
    let root = f.resolve(f.trailer.get(b"Root").unwrap_or(&Obj::Null));
    let root = root.as_dict().cloned().unwrap_or_default();
    let mut pages = Vec::new();
    let pages_root = root.get(b"Pages").cloned().unwrap_or(Obj::Null);
    collect_pages(
        &f,
        &pages_root,
        (&Dict::default(), [0.0, 0.0, 612.0, 792.0]),
        &mut pages,
        &mut Vec::new(),
        0,
    )?;
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages(pages.len()));
    }
    if pages.is_empty() {
        return Err(PdfError::Damaged("no pages could be found in it"));
    }
    let mut interp = Interpreter::new(&f);
    let mut page_lines = Vec::with_capacity(pages.len());
    for page in &pages {
        let content = page_content(&f, &page.dict);
        interp.chars.clear();
        interp.run_page(&content, &page.resources, base_matrix(page.media));
        let [x0, y0, x1, y1] = page.media;
        let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
        let height = content::upright(&mut interp.chars, w, h);
        page_lines.push((layout::lines(&interp.chars), height));
    }
    if f.budget.exceeded() {
        return Err(PdfError::Bomb);
    }
    let any_text = page_lines.iter().any(|(l, _)| !l.is_empty());
    if !any_text && interp.unmapped > 0 {
        return Err(PdfError::Unmapped);
    }
    if !any_text {
        return Err(PdfError::NoText);
    }
    // A few unmapped glyphs are ornaments; more mean letters are missing from the text.
    let warning = (interp.unmapped > 20 && interp.unmapped * 50 > interp.glyphs).then(|| {
        format!(
            "{} of the {} characters drawn in this PDF have no text mapping and were left out; check the text against the PDF",
            interp.unmapped, interp.glyphs
        )
    });
    let info = f
        .resolve(f.trailer.get(b"Info").unwrap_or(&Obj::Null))
        .as_dict()
        .cloned()
        .unwrap_or_default();
    let mut meta = ArticleMeta {
        title: info_string(&f, &info, b"Title"),
        author: info_string(&f, &info, b"Author"),
        published: pdf_date(&info_string(&f, &info, b"CreationDate")),
        language: f
            .dict_get(&root, b"Lang")
            .as_str()
            .map(text_string)
            .unwrap_or_default()
            .trim()
            .to_owned(),
        ..ArticleMeta::default()
    };
    let page_one_title = text::largest_text(&page_lines[0].0);
    let body = text::assemble(page_lines);
    if !useful_title(&meta.title) {
        meta.title = page_one_title.unwrap_or_default();
    }
    if body.trim().is_empty() {
        return Err(PdfError::NoText);
    }
    Ok(PdfArticle {
        meta,
        text: body,
        warning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_pdf_form() {
        assert_eq!(
            pdf_date("D:20240131").map(|p| p.to_string()),
            Some("2024-01-31".into())
        );
        assert_eq!(
            pdf_date("D:20240131093000+01'00'").map(|p| p.to_string()),
            Some("2024-01-31T09:30:00+01:00".into())
        );
        assert_eq!(pdf_date("D:2024"), None);
    }
}
