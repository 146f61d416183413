//! The text of a Word document's body or notes: paragraphs, list items with their markers,
//! table rows with cells joined by " | ", note references as "[1]"; hidden text, field
//! codes, deleted text and the fallback copies of compatibility content left out.

use std::collections::HashMap;

use super::DocxError;
use super::styles::{Numbering, Styles};
use super::xml::{Ev, attr, walk};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Paragraph,
    ListItem,
    Table,
}

pub struct Block {
    pub text: String,
    pub kind: Kind,
    /// 0 for a title, 1–9 for headings.
    pub heading: Option<u8>,
}

#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    num: Option<(String, u8)>,
}

#[derive(Default)]
struct Table {
    rows: Vec<String>,
    cells: Vec<String>,
    cell: Option<String>,
}

/// Notes in the order the text refers to them, numbered from 1.
#[derive(Default)]
pub struct Notes {
    pub order: Vec<(String, String)>,
}

impl Notes {
    fn number(&mut self, kind: &str, id: &str) -> usize {
        let key = (kind.to_owned(), id.to_owned());
        match self.order.iter().position(|k| *k == key) {
            Some(i) => i + 1,
            None => {
                self.order.push(key);
                self.order.len()
            }
        }
    }
}

pub struct Reader<'s> {
    styles: &'s Styles,
    numbering: &'s mut Numbering,
    pub notes: &'s mut Notes,
    pub blocks: Vec<Block>,
    paras: Vec<Para>,
    tables: Vec<Table>,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    hidden: bool,
    /// One entry per open field: true while in its instruction part.
    fields: Vec<bool>,
    /// Depth inside content that is not read (fallback copies, moved-from text).
    skip: usize,
    /// For a notes part: the id of the note being read and its paragraphs.
    pub note: Option<(String, String)>,
    pub note_texts: HashMap<(String, String), String>,
}

impl<'s> Reader<'s> {
    pub fn new(styles: &'s Styles, numbering: &'s mut Numbering, notes: &'s mut Notes) -> Self {
        Reader {
            styles,
            numbering,
            notes,
            blocks: Vec::new(),
            paras: Vec::new(),
            tables: Vec::new(),
            in_ppr: false,
            in_rpr: false,
            in_text: false,
            hidden: false,
            fields: Vec::new(),
            skip: 0,
            note: None,
            note_texts: HashMap::new(),
        }
    }

    pub fn read(&mut self, xml: &[u8]) -> Result<(), DocxError> {
        walk(xml, |ev| self.event(ev))
    }

    fn push_text(&mut self, s: &str) {
        if self.skip > 0 || self.hidden || self.fields.iter().any(|&instr| instr) {
            return;
        }
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    fn event(&mut self, ev: Ev) {
        match ev {
            Ev::Start("Fallback" | "moveFrom" | "del", _) => self.skip += 1,
            Ev::End("Fallback" | "moveFrom" | "del") => self.skip = self.skip.saturating_sub(1),
            _ if self.skip > 0 => {}
            Ev::Start(name, a) => self.start(name, a),
            Ev::End(name) => self.end(name),
            Ev::Text(t) if self.in_text => {
                let t = t.to_owned();
                self.push_text(&t);
            }
            Ev::Text(_) => {}
        }
    }

    fn start(&mut self, name: &str, a: &[(String, String)]) {
        let val = attr(a, "val");
        match name {
            "p" => self.paras.push(Para::default()),
            "pPr" => self.in_ppr = true,
            "rPr" => self.in_rpr = true,
            "r" => self.hidden = false,
            "pStyle" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = val.map(str::to_owned);
                }
            }
            "numId" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    let level = p.num.as_ref().map_or(0, |n| n.1);
                    p.num = val.map(|v| (v.to_owned(), level));
                }
            }
            "ilvl" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    let level = val.and_then(|v| v.parse().ok()).unwrap_or(0);
                    let id = p.num.take().map(|n| n.0).unwrap_or_default();
                    p.num = Some((id, level));
                }
            }
            "vanish" if self.in_rpr && !self.in_ppr => {
                self.hidden = !matches!(val, Some("0" | "false" | "off"));
            }
            "t" => self.in_text = true,
            "tab" if !self.in_ppr => self.push_text(" "),
            "br" => {
                let page = matches!(attr(a, "type"), Some("page" | "column"));
                self.push_text(if page { " " } else { "\n" });
            }
            "cr" => self.push_text("\n"),
            "noBreakHyphen" => self.push_text("-"),
            "sym" => {
                let c = attr(a, "char")
                    .and_then(|c| u32::from_str_radix(c, 16).ok())
                    .and_then(|c| match c {
                        0xF0B7 | 0xF0A7 | 0xF076 => Some('•'),
                        0xF000..=0xF0FF => None,
                        c => char::from_u32(c),
                    });
                if let Some(c) = c {
                    self.push_text(&c.to_string());
                }
            }
            "fldChar" => match attr(a, "fldCharType") {
                Some("begin") => self.fields.push(true),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        *f = false;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            "footnoteReference" | "endnoteReference" => {
                if let Some(id) = attr(a, "id") {
                    let n = self.notes.number(name, id);
                    self.push_text(&format!("[{n}]"));
                }
            }
            "footnote" | "endnote" => {
                let separator = matches!(attr(a, "type"), Some(t) if t != "normal");
                self.note = (!separator)
                    .then(|| attr(a, "id").map(|id| (format!("{name}Reference"), id.to_owned())))
                    .flatten();
            }
            "tbl" => self.tables.push(Table::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cells.clear();
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(String::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "pPr" => self.in_ppr = false,
            "rPr" => self.in_rpr = false,
            "t" => self.in_text = false,
            "p" => self.end_paragraph(),
            "tc" => {
                if let Some(t) = self.tables.last_mut()
                    && let Some(cell) = t.cell.take()
                {
                    let cell = cell.trim().to_owned();
                    if !cell.is_empty() {
                        t.cells.push(cell);
                    }
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = t.cells.join(" | ");
                    if !row.is_empty() {
                        t.rows.push(row);
                    }
                }
            }
            "tbl" => {
                let Some(t) = self.tables.pop() else { return };
                if t.rows.is_empty() {
                    return;
                }
                // A table inside a cell reads as part of that cell.
                if let Some(outer) = self.tables.last_mut()
                    && let Some(cell) = outer.cell.as_mut()
                {
                    if !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(&t.rows.join("; "));
                    return;
                }
                self.emit(t.rows.join("\n"), Kind::Table, None);
            }
            "footnote" | "endnote" => {
                self.note = None;
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paras.pop() else { return };
        let text = p.text.trim().to_owned();
        if text.is_empty() {
            return;
        }
        if let Some(t) = self.tables.last_mut()
            && let Some(cell) = t.cell.as_mut()
        {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text);
            return;
        }
        let style = p.style.as_deref();
        let heading = style.and_then(|s| self.styles.heading_level(s));
        let num = p
            .num
            .or_else(|| style.and_then(|s| self.styles.numbering(s)))
            .filter(|(id, _)| !id.is_empty() && id != "0");
        match num {
            Some((id, level)) if heading.is_none() => {
                let marker = self.numbering.marker(&id, level);
                let indent = "  ".repeat(usize::from(level));
                self.emit(format!("{indent}{marker}{text}"), Kind::ListItem, None);
            }
            _ => self.emit(text, Kind::Paragraph, heading),
        }
    }

    fn emit(&mut self, text: String, kind: Kind, heading: Option<u8>) {
        if let Some(key) = &self.note {
            let entry = self.note_texts.entry(key.clone()).or_default();
            if !entry.is_empty() {
                entry.push(' ');
            }
            entry.push_str(&text);
            return;
        }
        self.blocks.push(Block {
            text,
            kind,
            heading,
        });
    }
}
