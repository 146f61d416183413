//! Pages of lines to an article's text: running headers, footers and page numbers dropped,
//! columns read in order, lines joined into paragraphs with the space the line break stood
//! for, and words broken at a line-end hyphen joined unless the document shows a compound.

use std::collections::{HashMap, HashSet};

use super::layout::{Block, Line, blocks, is_cjk, reading_order};

/// Header and footer bands: this share of the page at the top and at the bottom.
const MARGIN: f64 = 0.12;

fn key(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim().to_owned()
}

fn is_page_number(k: &str) -> bool {
    let k = k.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let k = k.strip_prefix("page").map(str::trim).unwrap_or(k);
    k == "#" || k == "# of #" || k == "# / #" || k == "#/#"
}

/// Lines in the top and bottom bands that repeat (digits aside) on many pages, and page
/// numbers there, are running heads and feet.
fn drop_running_lines(pages: &mut [(Vec<Line>, f64)]) {
    let n = pages.len();
    if n < 2 {
        return;
    }
    // A page's only line is its text, whatever repeats.
    let in_band = |l: &Line, lines: &[Line], height: f64| {
        if lines.len() < 2 {
            return false;
        }
        // Lines come top to bottom.
        let (top, bottom) = (lines[0].y, lines[lines.len() - 1].y);
        let near_edge = l.y > height * (1.0 - MARGIN) || l.y < height * MARGIN;
        let outermost = (l.y - top).abs() < 1.0 || (l.y - bottom).abs() < 1.0;
        near_edge || outermost
    };
    let bands: Vec<Vec<bool>> = pages
        .iter()
        .map(|(lines, height)| lines.iter().map(|l| in_band(l, lines, *height)).collect())
        .collect();
    let mut counts: HashMap<String, HashSet<usize>> = HashMap::new();
    for (p, ((lines, _), band)) in pages.iter().zip(&bands).enumerate() {
        for (l, _) in lines.iter().zip(band).filter(|(_, b)| **b) {
            counts.entry(key(&l.text)).or_default().insert(p);
        }
    }
    let needed = if n == 2 {
        2
    } else {
        ((n as f64) * 0.4).ceil().max(2.0) as usize
    };
    for ((lines, _), band) in pages.iter_mut().zip(&bands) {
        let mut band = band.iter();
        lines.retain(|l| {
            if !band.next().copied().unwrap_or(false) {
                return true;
            }
            let k = key(&l.text);
            let repeated = counts.get(&k).is_some_and(|p| p.len() >= needed);
            !(repeated || is_page_number(&k))
        });
    }
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\u{2010}')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// What the document itself says about hyphens: the words it uses whole and with hyphens.
struct Vocabulary {
    words: HashSet<String>,
    /// Whether the document was hyphenated to fit its lines: a line-end hyphen splits a
    /// word it also uses whole, or its text is justified. Then a split the document cannot
    /// settle is joined; in ragged text (what browsers print) a line-end hyphen is real.
    hyphenates: bool,
}

impl Vocabulary {
    fn new(lines: &[&Line], justified: bool) -> Vocabulary {
        let mut words = HashSet::new();
        let mut after_break = false;
        for l in lines {
            // The pieces of a word broken at a line end are not words of the document.
            let broken = split_tail(&l.text).is_some() || l.text.ends_with('\u{AD}');
            let mut body = l.text.as_str();
            if broken {
                body = body.trim_end_matches(|c: char| {
                    c.is_alphabetic() || matches!(c, '-' | '\u{2010}' | '\u{AD}')
                });
            }
            if after_break {
                body = body.trim_start_matches(char::is_alphabetic);
            }
            after_break = broken;
            for w in words_of(body) {
                for part in w.split(['-', '\u{2010}']) {
                    if !part.is_empty() {
                        words.insert(part.to_owned());
                    }
                }
                words.insert(w);
            }
        }
        let mut v = Vocabulary {
            words,
            hyphenates: false,
        };
        v.hyphenates = justified
            || lines.windows(2).any(|pair| {
                let (Some(a), Some(b)) = (split_tail(&pair[0].text), first_word(&pair[1].text))
                else {
                    return false;
                };
                v.words.contains(&format!("{a}{b}"))
            });
        v
    }

    /// Whether `head-` at a line end and `tail` on the next line is one hyphenated word.
    fn keeps_hyphen(&self, head: &str, tail: &str) -> bool {
        if self.words.contains(&format!("{head}{tail}")) {
            return false;
        }
        if self.words.contains(&format!("{head}-{tail}")) {
            return true;
        }
        let (h, t) = (self.words.contains(head), self.words.contains(tail));
        (h && t) || !self.hyphenates
    }
}

/// The word before a line-end hyphen, lower-cased: "recog" in "of recog-".
fn split_tail(line: &str) -> Option<String> {
    let body = line
        .strip_suffix('-')
        .or_else(|| line.strip_suffix('\u{2010}'))?;
    let word: String = body
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    (!word.is_empty()).then(|| word.chars().rev().flat_map(char::to_lowercase).collect())
}

fn first_word(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if !first.is_lowercase() {
        return None;
    }
    Some(
        line.chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Conjunctions after which a line-end hyphen is a suspended one ("pre- and post-war").
const SUSPENDED_BEFORE: &[&str] = &[
    "and", "or", "nor", "to", "und", "oder", "bis", "et", "ou", "y", "o", "e", "i", "a", "ja",
    "och", "en", "of",
];

/// Whether most lines that do not end a block reach its right edge: justified text.
fn justified(blocks: &[&Block]) -> bool {
    let (mut full, mut total) = (0, 0);
    for b in blocks.iter().filter(|b| b.lines.len() >= 3) {
        for l in &b.lines[..b.lines.len() - 1] {
            total += 1;
            if l.x1 >= b.x1 - 0.01 * (b.x1 - b.x0) - 0.5 {
                full += 1;
            }
        }
    }
    total >= 6 && full * 10 >= total * 7
}

/// Appends `next` to a paragraph that ends with `prev`, as the line break between them reads.
fn join_line(out: &mut String, next: &str, vocab: &Vocabulary) {
    if out.is_empty() {
        out.push_str(next);
        return;
    }
    if out.ends_with('\u{AD}') {
        out.pop();
        out.push_str(next);
        return;
    }
    if let (Some(head), Some(tail)) = (split_tail(out), first_word(next)) {
        // "pro- and anti-Islamist": a hyphen left hanging before a conjunction.
        let spaced = next
            .chars()
            .nth(tail.chars().count())
            .is_some_and(char::is_whitespace);
        if SUSPENDED_BEFORE.contains(&tail.as_str()) && spaced {
            out.push(' ');
            out.push_str(next);
            return;
        }
        if !vocab.keeps_hyphen(&head, &tail) {
            out.pop();
        }
        out.push_str(next);
        return;
    }
    // "50-" / "inches", "Time-" / "Based", "production—" / "although": the line broke
    // after a hyphen or dash inside a word group, so no space stood there.
    let mut tail = out.chars().rev();
    let (last, before) = (tail.next(), tail.next());
    let attached = before.is_some_and(char::is_alphanumeric);
    let next_word = next.chars().next().is_some_and(char::is_alphanumeric);
    if attached && next_word && matches!(last, Some('-' | '\u{2010}' | '\u{2014}' | '/')) {
        out.push_str(next);
        return;
    }
    // The same break before a dash: "selection" / "—previously".
    let mut head = next.chars();
    let dash_first =
        head.next() == Some('\u{2014}') && head.next().is_some_and(char::is_alphanumeric);
    if dash_first && last.is_some_and(char::is_alphanumeric) {
        out.push_str(next);
        return;
    }
    let cjk = out.chars().last().is_some_and(is_cjk) && next.chars().next().is_some_and(is_cjk);
    if !cjk {
        out.push(' ');
    }
    out.push_str(next);
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    t.ends_with(['.', '!', '?', ':', '…', '。', '！', '？', '：'])
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Break {
    /// The line continues the paragraph.
    Wrap,
    /// A line break the writer made (an address, a byline over a date): kept as one.
    Line,
    Paragraph,
}

/// How each of a block's lines follows the one before. A paragraph starts at a first line
/// indented from the block's usual left edge (after a full line at that edge, or a short
/// one), at one outdented from it (a hanging list item), at a bullet, after a short line
/// that ends a sentence, and between a bold line and plain ones (a heading over its text).
/// A short line whose next line's first word would have fitted on it was broken by hand.
/// Centred lines (a title over two lines) part only at a sentence.
fn line_breaks(b: &Block, column_right: f64) -> Vec<Break> {
    // Right-to-left text is aligned and indented from the right: read it in a mirror.
    if b.lines
        .iter()
        .filter(|l| super::bidi::mostly_rtl(&l.text))
        .count()
        * 2
        > b.lines.len()
    {
        let flip = |l: &Line| Line {
            x0: -l.x1,
            x1: -l.x0,
            ..l.clone()
        };
        let mirror = Block {
            lines: b.lines.iter().map(flip).collect(),
            x0: -b.x1,
            x1: -b.x0,
            ..b.clone()
        };
        return line_breaks_ltr(&mirror, -b.x0);
    }
    line_breaks_ltr(b, column_right)
}

fn line_breaks_ltr(b: &Block, column_right: f64) -> Vec<Break> {
    let mut breaks = vec![Break::Paragraph; b.lines.len()];
    let mut lefts: Vec<i64> = b.lines.iter().map(|l| l.x0.round() as i64).collect();
    lefts.sort_unstable();
    let left = mode(&lefts).map_or(b.x0, |l| l as f64);
    let centres: Vec<f64> = b.lines.iter().map(|l| (l.x0 + l.x1) / 2.0).collect();
    let centred = b.lines.len() > 1
        && centres.iter().all(|c| (c - centres[0]).abs() < 2.0)
        && b.lines.iter().any(|l| (l.x0 - b.x0).abs() > 2.0);
    let right = column_right.max(b.x1);
    for (i, pair) in b.lines.windows(2).enumerate() {
        let (prev, line) = (&pair[0], &pair[1]);
        let em = line.size.max(1.0);
        let short = prev.x1 < b.x1 - (3.0 * em).max(0.15 * (b.x1 - b.x0));
        let indented = line.x0 > left + 0.8 * em && (prev.x0 <= left + 0.3 * em || short);
        let outdented = line.x0 < left - 0.8 * em;
        // A dash starts a list item only after a line that stopped short: mid-sentence
        // dashes wrap to a line's start too.
        let bullet = line.text.starts_with(['•', '◦', '▪', '●', '·'])
            || (line.text.starts_with("– ") && short);
        let shape = !centred && (indented || outdented);
        let heading = prev.bold != line.bold && (prev.bold || short);
        let sentence = short && ends_sentence(&prev.text);
        breaks[i + 1] = if shape || sentence || bullet || heading {
            Break::Paragraph
        } else if !centred && prev.x1 + first_word_width(line) + 1.5 * em < right {
            Break::Line
        } else {
            Break::Wrap
        };
    }
    breaks
}

/// The width of a line's first word, from the line's average character width.
fn first_word_width(line: &Line) -> f64 {
    let chars = line.text.chars().count().max(1) as f64;
    let word = line.text.split(char::is_whitespace).next().unwrap_or("");
    (line.x1 - line.x0) / chars * word.chars().count() as f64
}

/// Where the column a block stands in ends: the furthest right any block starting where it
/// starts reaches, so a short paragraph knows the width it could have filled.
fn column_rights(blocks: &[Block]) -> Vec<f64> {
    blocks
        .iter()
        .map(|b| {
            let em = b.lines.first().map_or(10.0, |l| l.size);
            // Lines of blocks starting near this one (a list sits a few ems in) and beside
            // it; the 90th percentile of where they end, so a full-width title over two
            // columns does not widen either.
            let mut ends: Vec<f64> = blocks
                .iter()
                .filter(|c| c.x0 > b.x0 - 3.0 * em && c.x0 < b.x0 + 1.5 * em && c.x1 > b.x0)
                .flat_map(|c| c.lines.iter().map(|l| l.x1))
                .collect();
            ends.sort_by(f64::total_cmp);
            let at = (ends.len() * 9 / 10).min(ends.len().saturating_sub(1));
            ends.get(at).copied().unwrap_or(b.x1).max(b.x1)
        })
        .collect()
}

/// The most frequent value of a sorted list.
fn mode(sorted: &[i64]) -> Option<i64> {
    let mut best: Option<(i64, usize)> = None;
    for run in sorted.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    best.map(|(v, _)| v)
}

/// The largest text on the page, as a title: its lines in one block, joined.
pub fn largest_text(lines: &[Line]) -> Option<String> {
    let max = lines.iter().map(|l| l.size).fold(0.0, f64::max);
    let body = {
        let mut sizes: Vec<f64> = lines.iter().map(|l| l.size).collect();
        sizes.sort_by(f64::total_cmp);
        sizes.get(sizes.len() / 2).copied().unwrap_or(max)
    };
    if max <= body * 1.15 {
        return None;
    }
    let mut title = String::new();
    let mut last_y = None;
    for l in lines.iter().filter(|l| (l.size - max).abs() < 0.5) {
        if last_y.is_some_and(|y: f64| y - l.y > 2.0 * max) {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(&l.text);
        last_y = Some(l.y);
    }
    let title = title.trim().to_owned();
    (!title.is_empty() && title.chars().count() < 300).then_some(title)
}

/// The article's text from each page's lines and height.
pub fn assemble(mut pages: Vec<(Vec<Line>, f64)>) -> String {
    drop_running_lines(&mut pages);
    let ordered: Vec<Vec<Block>> = pages
        .into_iter()
        .map(|(lines, _)| reading_order(blocks(lines)))
        .collect();
    let all: Vec<&Line> = ordered
        .iter()
        .flatten()
        .flat_map(|b| b.lines.iter())
        .collect();
    let all_blocks: Vec<&Block> = ordered.iter().flatten().collect();
    let vocab = Vocabulary::new(&all, justified(&all_blocks));
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    // The previous block's bottom, page, and whether its last line filled its column.
    let mut last_block: Option<(f64, usize, bool)> = None;
    for (page, blocks) in ordered.iter().enumerate() {
        let rights = column_rights(blocks);
        for (b, right) in blocks.iter().zip(rights) {
            let breaks = line_breaks(b, right);
            for (i, line) in b.lines.iter().enumerate() {
                let brk = if i == 0 {
                    // A paragraph runs on into the next column or page when it stops
                    // mid-sentence and either its last line was full or the next block
                    // picks up in lower case or with a comma, dash or the like.
                    let (flows, full) = match last_block {
                        Some((bottom, p, full)) => (p != page || b.top > bottom, full),
                        None => (false, false),
                    };
                    let first = line.text.chars().next();
                    let continues = flows
                        && !ends_sentence(&current)
                        && (first.is_some_and(char::is_lowercase)
                            || first.is_some_and(|c| matches!(c, ',' | ';' | ':' | ')' | '–'))
                            || current.ends_with('-')
                            || full);
                    if continues {
                        Break::Wrap
                    } else {
                        Break::Paragraph
                    }
                } else {
                    breaks[i]
                };
                let prev_row = i > 0 && b.lines[i - 1].row;
                let row_after_row = line.row && prev_row;
                if (brk == Break::Paragraph || line.row != prev_row)
                    && !row_after_row
                    && !current.is_empty()
                {
                    paragraphs.push(std::mem::take(&mut current));
                }
                if row_after_row || (brk == Break::Line && !current.is_empty()) {
                    current.push('\n');
                    current.push_str(&line.text);
                } else {
                    join_line(&mut current, &line.text, &vocab);
                }
            }
            let full = b.lines.len() > 1
                && b.lines
                    .last()
                    .is_some_and(|l| l.x1 >= right - 1.5 * l.size.max(1.0));
            last_block = Some((b.bottom, page, full));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}
