//! From characters on a page to lines, blocks and reading order: lines from characters
//! that share a baseline, blocks from lines stacked closely, and the order of blocks by
//! Breuel's rules (above within a column, left column before right, never across a
//! full-width block between them), so two columns are read one after the other.

use super::content::Char;

#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    /// A table row: its cells joined with " | ", as web-page import joins them.
    pub row: bool,
    /// Every character bold.
    pub bold: bool,
}

impl Line {
    fn top(&self) -> f64 {
        self.y + 0.8 * self.size
    }
    fn bottom(&self) -> f64 {
        self.y - 0.2 * self.size
    }
}

#[derive(Debug, Clone)]
pub struct Block {
    pub lines: Vec<Line>,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Block {
    fn new(line: Line) -> Block {
        Block {
            x0: line.x0,
            x1: line.x1,
            top: line.top(),
            bottom: line.bottom(),
            lines: vec![line],
        }
    }
    fn push(&mut self, line: Line) {
        self.x0 = self.x0.min(line.x0);
        self.x1 = self.x1.max(line.x1);
        self.top = self.top.max(line.top());
        self.bottom = self.bottom.min(line.bottom());
        self.lines.push(line);
    }
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

fn vertical_overlap(a: (f64, f64), b: (f64, f64)) -> f64 {
    // (bottom, top) pairs; the share of the smaller one covered.
    let o = a.1.min(b.1) - a.0.max(b.0);
    let smaller = (a.1 - a.0).min(b.1 - b.0).max(1e-6);
    o / smaller
}

/// How far (in ems) text drawn next in the stream may stand from the text before it and
/// still be the same line: a wide justified word space, not a column gutter.
const IN_ORDER: f64 = 1.0;
/// The same for pieces drawn apart on one baseline: tighter, since LaTeX's gutter between
/// two columns is a single em. Wider gaps, up to [`WIDEST_SPACE`], join when the rows around
/// have text across them (a stretched line), not when they are empty there (a gutter).
const OUT_OF_ORDER: f64 = 0.6;
const WIDEST_SPACE: f64 = 3.0;

/// A piece of a line being built.
struct Run {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    last: Option<char>,
    last_x0: f64,
    pending_space: bool,
    bold: bool,
}

impl Run {
    fn new(c: &Char, first: char) -> Run {
        Run {
            text: c.text.clone(),
            x0: c.x0,
            x1: c.x1,
            y: c.y,
            size: c.size,
            last: c.text.chars().last().or(Some(first)),
            last_x0: c.x0,
            pending_space: false,
            bold: c.bold,
        }
    }
    fn band(&self) -> (f64, f64) {
        (self.y - 0.2 * self.size, self.y + 0.8 * self.size)
    }
    fn line(self) -> Line {
        Line {
            text: self.text,
            x0: self.x0,
            x1: self.x1,
            y: self.y,
            size: self.size,
            row: false,
            bold: self.bold,
        }
    }
    /// Whether text starting at `x0` continues this run (within `reach` ems), and with a
    /// space.
    fn joins(&self, x0: f64, band: (f64, f64), size: f64, reach: f64) -> Option<bool> {
        let em = self.size.min(size).max(1.0);
        if vertical_overlap(self.band(), band) < 0.5 {
            return None;
        }
        let gap = x0 - self.x1;
        if gap < -0.6 * em || gap > reach * em {
            return None;
        }
        Some(self.pending_space || gap > 0.15 * em)
    }
    fn append(&mut self, text: &str, x0: f64, x1: f64, size: f64, space: bool, bold: bool) {
        self.bold &= bold;
        let first = text.chars().next();
        let cjk_pair = self.last.is_some_and(is_cjk) && first.is_some_and(is_cjk);
        if space && !cjk_pair && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
        self.text.push_str(text);
        self.x1 = self.x1.max(x1);
        self.size = self.size.max(size);
        self.last = text.chars().last();
        self.last_x0 = x0;
        self.pending_space = false;
    }
}

/// The page's characters as lines, top to bottom and left to right.
pub fn lines(chars: &[Char]) -> Vec<Line> {
    let mut runs: Vec<Run> = Vec::new();
    let mut cur: Option<Run> = None;
    for c in chars {
        let mut c = c.clone();
        // A ligature's letters are in reading order already: turn them so that putting the
        // line in reading order turns them back.
        if c.text.chars().nth(1).is_some() && c.text.chars().any(super::bidi::is_rtl) {
            c.text = c.text.chars().rev().collect();
        }
        let Some(first) = c.text.chars().next() else {
            continue;
        };
        if c.size <= 0.0 {
            continue;
        }
        if c.x1 - c.x0 < 0.01 * c.size {
            c.x1 = c.x0 + if is_cjk(first) { 1.0 } else { 0.5 } * c.size;
        }
        let blank = c.text.chars().all(char::is_whitespace);
        let band = (c.y - 0.2 * c.size, c.y + 0.8 * c.size);
        if let Some(run) = cur.as_mut() {
            // Bold faked by drawing the same text twice, a hair apart.
            if !blank
                && run.last == Some(first)
                && c.text.chars().count() == 1
                && (c.x0 - run.last_x0).abs() < 0.1 * c.size
                && (c.y - run.y).abs() < 0.1 * c.size
            {
                continue;
            }
            if blank {
                // A space drawn over the text before it (some producers draw a zero-width
                // space at a tab or list marker) stands for no gap.
                if run.joins(c.x0, band, c.size, IN_ORDER).is_some() && c.x1 - run.x1 > 0.1 * c.size
                {
                    run.pending_space = true;
                    run.x1 = run.x1.max(c.x1);
                }
                continue;
            }
            if let Some(space) = run.joins(c.x0, band, c.size, IN_ORDER) {
                run.append(&c.text, c.x0, c.x1, c.size, space, c.bold);
                continue;
            }
        }
        if blank {
            continue;
        }
        if let Some(done) = cur.take() {
            runs.push(done);
        }
        cur = Some(Run::new(&c, first));
    }
    if let Some(done) = cur.take() {
        runs.push(done);
    }
    // Runs drawn out of order that belong to one line: join them left to right.
    runs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut rows: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match rows.last_mut() {
            Some(row) if vertical_overlap(row[0].band(), run.band()) >= 0.5 => row.push(run),
            _ => rows.push(vec![run]),
        }
    }
    let left = rows.iter().flatten().map(|r| r.x0).fold(f64::MAX, f64::min);
    let right = rows.iter().flatten().map(|r| r.x1).fold(f64::MIN, f64::max);
    let width = (right - left).max(1.0);
    // Each row's extents, to tell a column gutter (empty in the rows around) from a wide
    // justified word space (the rows around have words there).
    let extents: Vec<(f64, Vec<(f64, f64)>)> = rows
        .iter()
        .map(|row| (row[0].y, row.iter().map(|r| (r.x0, r.x1)).collect()))
        .collect();
    // Anywhere across the gap, most rows around being empty makes it a gutter: a short last
    // line of a paragraph leaves a gap that is text in the rows around, then the gutter.
    let gutter = |row: usize, y: f64, size: f64, from: f64, to: f64| {
        // Rows run top to bottom: look outward from this one until they are too far.
        let near = |i: &usize| (extents[*i].0 - y).abs() <= 10.0 * size;
        let above = (0..row).rev().take_while(near);
        let below = (row + 1..extents.len()).take_while(near);
        let around: Vec<&Vec<(f64, f64)>> = above.chain(below).map(|i| &extents[i].1).collect();
        if around.is_empty() {
            return to - from > IN_ORDER * size;
        }
        let steps = (((to - from) / (0.25 * size)).ceil() as usize).clamp(1, 64);
        (0..=steps).any(|k| {
            let x = from + (to - from) * k as f64 / steps as f64;
            let covered = around
                .iter()
                .filter(|spans| {
                    spans
                        .iter()
                        .any(|&(a, b)| a < x - 0.1 * size && b > x + 0.1 * size)
                })
                .count();
            covered * 2 < around.len()
        })
    };
    let mut bands: Vec<Vec<Line>> = Vec::new();
    for (index, mut row) in rows.into_iter().enumerate() {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut segments = Vec::new();
        let mut merged: Option<Run> = None;
        for run in row {
            if let Some(m) = merged.as_mut()
                && let Some(space) = m.joins(run.x0, run.band(), run.size, WIDEST_SPACE)
                && (run.x0 - m.x1 <= OUT_OF_ORDER * m.size.min(run.size)
                    || !gutter(index, m.y, m.size.min(run.size), m.x1, run.x0))
            {
                let (x0, x1, size, bold) = (run.x0, run.x1, run.size, run.bold);
                m.append(&run.text, x0, x1, size, space, bold);
                continue;
            }
            if let Some(done) = merged.replace(run) {
                segments.push(done.line());
            }
        }
        if let Some(done) = merged {
            segments.push(done.line());
        }
        bands.push(segments);
    }
    join_table_rows(bands, width)
}

/// Bands of several short pieces, two or more in a row, are the rows of a table: each is
/// read across as one line. Columns of running text have long lines and stay apart.
fn join_table_rows(bands: Vec<Vec<Line>>, width: f64) -> Vec<Line> {
    let cells = |b: &Vec<Line>| b.len() >= 2 && b.iter().all(|l| l.x1 - l.x0 < 0.35 * width);
    let candidate: Vec<bool> = bands.iter().map(cells).collect();
    let near = |a: &Vec<Line>, b: &Vec<Line>| {
        let size = a[0].size.max(b[0].size);
        (a[0].y - b[0].y).abs() < 3.0 * size
    };
    let mut out = Vec::new();
    for (i, band) in bands.iter().enumerate() {
        let table = candidate[i]
            && ((i > 0 && candidate[i - 1] && near(&bands[i - 1], band))
                || (i + 1 < bands.len() && candidate[i + 1] && near(band, &bands[i + 1])));
        if !table {
            out.extend(band.iter().cloned());
            continue;
        }
        let text = band
            .iter()
            .map(|l| l.text.trim())
            .collect::<Vec<_>>()
            .join(" | ");
        out.push(Line {
            text,
            x0: band[0].x0,
            x1: band.iter().map(|l| l.x1).fold(f64::MIN, f64::max),
            y: band[0].y,
            size: band.iter().map(|l| l.size).fold(0.0, f64::max),
            row: true,
            bold: band.iter().all(|l| l.bold),
        });
    }
    for line in &mut out {
        // Reading order first: a shaped ligature is one character until it is unshaped.
        if let Some(text) = super::bidi::logical(&line.text) {
            line.text = text;
        }
        if let Some(text) = super::bidi::unshaped(&line.text) {
            line.text = text;
        }
        let trimmed = line.text.trim();
        if trimmed.len() != line.text.len() {
            line.text = trimmed.to_owned();
        }
    }
    out.retain(|l| !l.text.is_empty());
    out
}

/// Lines stacked at a steady spacing, overlapping sideways and of one size, make a block.
pub fn blocks(lines: Vec<Line>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for line in lines {
        let mut best: Option<(usize, f64)> = None;
        for (i, b) in blocks.iter().enumerate() {
            let Some(last) = b.lines.last() else { continue };
            let dy = last.y - line.y;
            let size = last.size.max(line.size);
            let ratio = last.size / line.size.max(1e-6);
            let overlap = last.x1.min(line.x1) - last.x0.max(line.x0);
            if dy <= 0.3 * size
                || dy > 1.6 * size
                || !(0.8..=1.25).contains(&ratio)
                || overlap <= 0.0
            {
                continue;
            }
            // A line belongs under the nearest block above it.
            if best.is_none_or(|(_, d)| dy < d) {
                best = Some((i, dy));
            }
        }
        match best {
            Some((i, _)) => blocks[i].push(line),
            None => blocks.push(Block::new(line)),
        }
    }
    blocks
}

fn x_overlap(a: &Block, b: &Block) -> bool {
    a.x1.min(b.x1) - a.x0.max(b.x0) > 0.0
}

/// Blocks in reading order.
pub fn reading_order(blocks: Vec<Block>) -> Vec<Block> {
    let n = blocks.len();
    if !(2..=250).contains(&n) {
        let mut blocks = blocks;
        blocks.sort_by(|a, b| b.top.total_cmp(&a.top).then(a.x0.total_cmp(&b.x0)));
        return blocks;
    }
    let between = |c: &Block, a: &Block, b: &Block| {
        let (upper, lower) = if a.top >= b.top { (a, b) } else { (b, a) };
        c.top <= upper.bottom + 1.0 && c.bottom >= lower.top - 1.0
    };
    let mut before = vec![vec![false; n]; n];
    let mut indegree = vec![0usize; n];
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let (a, b) = (&blocks[i], &blocks[j]);
            let first = if x_overlap(a, b) {
                a.top > b.top || (a.top == b.top && i < j)
            } else if a.x1 <= b.x0 {
                !(0..n).any(|k| {
                    k != i
                        && k != j
                        && between(&blocks[k], a, b)
                        && x_overlap(&blocks[k], a)
                        && x_overlap(&blocks[k], b)
                })
            } else {
                false
            };
            if first {
                before[i][j] = true;
                indegree[j] += 1;
            }
        }
    }
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        // Of the blocks nothing is still waiting for, the highest, then the leftmost; a
        // cycle (rules can clash on odd layouts) is broken the same way.
        let ready = (0..n).filter(|&i| !done[i] && indegree[i] == 0);
        let pick = ready
            .min_by(|&a, &b| {
                blocks[b]
                    .top
                    .total_cmp(&blocks[a].top)
                    .then(blocks[a].x0.total_cmp(&blocks[b].x0))
            })
            .or_else(|| {
                (0..n).filter(|&i| !done[i]).min_by(|&a, &b| {
                    blocks[b]
                        .top
                        .total_cmp(&blocks[a].top)
                        .then(blocks[a].x0.total_cmp(&blocks[b].x0))
                })
            });
        let Some(i) = pick else { break };
        done[i] = true;
        order.push(i);
        for j in 0..n {
            if before[i][j] && indegree[j] > 0 {
                indegree[j] -= 1;
            }
        }
    }
    let mut slots: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
