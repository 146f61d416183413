//! Word documents (.docx): the body's paragraphs, headings, lists, tables and notes, and
//! the title, author and dates of the document properties. Read from the ZIP with our own
//! reader, so a part that inflates past its limit is an error, not an out-of-memory.

mod body;
mod styles;
mod xml;
mod zip;

use body::{Kind, Notes, Reader};
use styles::{Numbering, Styles};
use xml::{Ev, walk};

use crate::model::{ArticleMeta, Published};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DocxError {
    #[error("it is not a Word document (.docx)")]
    NotDocx,
    #[error("this Word document is damaged: {0}")]
    Damaged(&'static str),
    #[error("a part of this Word document inflates past the limit (64 MB)")]
    Bomb,
}

pub struct DocxArticle {
    pub meta: ArticleMeta,
    pub text: String,
}

fn date(s: &str) -> Option<Published> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(Published::DateTime(dt));
    }
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d")
        .ok()
        .map(Published::Date)
}

/// dc:title, dc:creator, dc:language, dcterms:created and modified.
fn properties(xml: &[u8]) -> Result<(ArticleMeta, Option<Published>), DocxError> {
    let mut meta = ArticleMeta::default();
    let (mut created, mut modified) = (None, None);
    let mut field: Option<String> = None;
    let mut text = String::new();
    walk(xml, |ev| match ev {
        Ev::Start(name, _) => {
            field = Some(name.to_owned());
            text.clear();
        }
        Ev::Text(t) => text.push_str(t),
        Ev::End(name) => {
            if field.as_deref() == Some(name) {
                let value = text.trim().to_owned();
                match name {
                    "title" => meta.title = value,
                    "creator" => meta.author = value,
                    "language" => meta.language = value,
                    "created" => created = date(&value),
                    "modified" => modified = date(&value),
                    _ => {}
                }
            }
            field = None;
        }
    })?;
    Ok((meta, created.or(modified)))
}

/// Reads a .docx file's text and properties.
pub fn read_docx(bytes: &[u8]) -> Result<DocxArticle, DocxError> {
    if !bytes.starts_with(b"PK") {
        return Err(DocxError::NotDocx);
    }
    let zip = zip::Zip::open(bytes)?;
    let document = zip.read("word/document.xml")?.ok_or(DocxError::NotDocx)?;
    let styles = match zip.read("word/styles.xml")? {
        Some(x) => Styles::parse(&x).unwrap_or_default(),
        None => Styles::default(),
    };
    let mut numbering = match zip.read("word/numbering.xml")? {
        Some(x) => Numbering::parse(&x).unwrap_or_default(),
        None => Numbering::default(),
    };
    let mut notes = Notes::default();
    let mut reader = Reader::new(&styles, &mut numbering, &mut notes);
    reader.read(&document)?;
    let blocks = std::mem::take(&mut reader.blocks);
    let mut note_texts = std::mem::take(&mut reader.note_texts);
    drop(reader);
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(x) = zip.read(part)? {
            let mut scratch = Notes::default();
            let mut r = Reader::new(&styles, &mut numbering, &mut scratch);
            r.read(&x)?;
            note_texts.extend(r.note_texts);
        }
    }
    let mut text = String::new();
    let mut prev: Option<Kind> = None;
    for b in &blocks {
        if !text.is_empty() {
            let tight = prev == Some(Kind::ListItem) && b.kind == Kind::ListItem;
            text.push_str(if tight { "\n" } else { "\n\n" });
        }
        text.push_str(&b.text);
        prev = Some(b.kind);
    }
    for (i, key) in notes.order.iter().enumerate() {
        if let Some(note) = note_texts.get(key) {
            let note = note.trim_start_matches(|c: char| c.is_whitespace());
            text.push_str(&format!("\n\n[{}] {}", i + 1, note));
        }
    }
    let (mut meta, published) = match zip.read("docProps/core.xml")? {
        Some(x) => properties(&x).unwrap_or_default(),
        None => Default::default(),
    };
    meta.published = published;
    if meta.title.is_empty() {
        let styled = |level: u8| blocks.iter().find(|b| b.heading == Some(level));
        if let Some(b) = styled(0).or_else(|| styled(1)) {
            meta.title = crate::text::one_line(&b.text);
        }
    }
    Ok(DocxArticle {
        meta,
        text: text.trim().to_owned(),
    })
}
