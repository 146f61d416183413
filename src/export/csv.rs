//! The claims as a spreadsheet: CSV (RFC 4180: comma-separated, quoted where needed, CRLF
//! line ends), UTF-8 with a byte-order mark so that spreadsheet programs read it as UTF-8.
//! A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) is
//! written with a `'` before it: an article's text must never become a formula.

use crate::analysis::{claim_labels, in_label_order, judgment_label};
use crate::model::{Briefing, Claim};
use crate::text::sentence::sentence_around;
use crate::text::{TextIndex, one_line};

pub const HEADER: [&str; 15] = [
    "label",
    "status",
    "quote",
    "sentence",
    "speaker",
    "via",
    "credibility",
    "source reliability",
    "article",
    "outlet",
    "url",
    "published",
    "note",
    "tags",
    "judgments",
];

pub fn to_csv(b: &Briefing) -> String {
    let labels = claim_labels(b);
    let mut out = String::from("\u{feff}");
    row(&mut out, HEADER.iter().map(|h| h.to_string()));
    let mut index: Option<(crate::model::ArticleId, TextIndex)> = None;
    for (a, c) in in_label_order(b) {
        if index.as_ref().is_none_or(|(id, _)| *id != a.id) {
            index = Some((a.id, TextIndex::new(&a.text)));
        }
        let sentence = index
            .as_ref()
            .map(|(_, i)| sentence_of(i, c))
            .unwrap_or_default();
        let judgments: Vec<String> = b
            .judgments_of(c.id)
            .map(|(i, _, stance)| format!("{} {}", judgment_label(i), stance.words()))
            .collect();
        row(
            &mut out,
            [
                labels.get(&c.id).cloned().unwrap_or_default(),
                c.status.label().to_owned(),
                c.anchor.quote.clone(),
                sentence,
                c.speaker.clone(),
                c.via.clone(),
                c.credibility.map(|g| g.to_string()).unwrap_or_default(),
                a.reliability.map(|r| r.to_string()).unwrap_or_default(),
                a.title.clone(),
                a.outlet.clone(),
                a.url.clone(),
                a.published.map(|p| p.to_string()).unwrap_or_default(),
                c.note.clone(),
                c.tags.iter().cloned().collect::<Vec<_>>().join(", "),
                judgments.join("; "),
            ]
            .into_iter(),
        );
    }
    out
}

/// The sentence the quote stands in, on one line (the quote alone when orphaned).
fn sentence_of(index: &TextIndex, c: &Claim) -> String {
    if c.anchor.orphaned {
        return one_line(&c.anchor.quote);
    }
    let around = sentence_around(index, c.anchor.range());
    one_line(&format!(
        "{}{}{}",
        around.before, c.anchor.quote, around.after
    ))
}

fn row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(&cell));
    }
    out.push_str("\r\n");
}

/// One cell: defused if a spreadsheet would run it, quoted if it holds a comma, a quote or
/// a line break.
pub fn cell_text(cell: &str) -> String {
    let defused;
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        defused = format!("'{cell}");
        defused.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}
