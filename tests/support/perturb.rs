//! A perturbation harness for anchoring: tag spans in a text, change the text in one of the
//! ways articles change (edits, typos, rewrites, deleted, reordered and duplicated
//! paragraphs, typography, decoys), re-anchor every claim and judge each outcome as correct,
//! orphaned or wrong. Every char of the changed text remembers which char of the original it
//! came from, so where a claim's words went is known, not guessed.
//!
//! Shared by the property test (`tests/anchor_perturbation.rs`, generated text) and the
//! evaluation over real pages (`examples/anchor_eval.rs`).
#![allow(dead_code)]

use std::ops::Range;

use briefing_notes::anchor::{Anchor, CONTEXT_CHARS, Resolution, resolve};
use briefing_notes::text::TextIndex;

/// A small deterministic generator (xorshift), so a failing case is reproduced by its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Words inserted, deleted or replaced away from every claim.
    EditsOutside,
    /// One char of the claim's words changed.
    TypoInside,
    /// The claim's paragraph replaced by other text.
    Rewrite,
    /// The claim's paragraph deleted.
    DeleteParagraph,
    /// Paragraphs shuffled.
    Reorder,
    /// A paragraph duplicated (sometimes the claim's).
    Duplicate,
    /// Quotes, dashes and spaces changed outside the claims.
    Typography,
    /// The claim's words deleted and planted elsewhere with one side of their context.
    Decoy,
}

impl Class {
    pub const ALL: [Class; 8] = [
        Class::EditsOutside,
        Class::TypoInside,
        Class::Rewrite,
        Class::DeleteParagraph,
        Class::Reorder,
        Class::Duplicate,
        Class::Typography,
        Class::Decoy,
    ];

    /// Whether the claim's words survive unchanged somewhere (an orphan is then a miss).
    pub fn words_survive(self) -> bool {
        matches!(
            self,
            Class::EditsOutside | Class::Reorder | Class::Duplicate | Class::Typography
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Correct,
    Orphaned,
    Wrong,
    /// Another copy of the same words, whose context agrees with the stored one at least as
    /// well as the original place's (after the change): nothing in the text tells them
    /// apart. Counted apart from both right and wrong.
    Copy,
}

/// A text whose chars remember where they came from.
#[derive(Clone)]
struct Traced {
    chars: Vec<(char, Option<usize>)>,
}

impl Traced {
    fn new(text: &str) -> Self {
        Self {
            chars: text
                .chars()
                .enumerate()
                .map(|(i, c)| (c, Some(i)))
                .collect(),
        }
    }
    fn text(&self) -> String {
        self.chars.iter().map(|(c, _)| c).collect()
    }
    fn splice(&mut self, at: Range<usize>, with: &str) {
        let new: Vec<(char, Option<usize>)> = with.chars().map(|c| (c, None)).collect();
        self.chars.splice(at, new);
    }
    /// Paragraphs as ranges of `chars`, without their line breaks.
    fn paragraphs(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, (c, _)) in self.chars.iter().enumerate() {
            if *c == '\n' {
                out.push(start..i);
                start = i + 1;
            }
        }
        out.push(start..self.chars.len());
        out
    }
    /// Whether position `i` holds an original char inside any of `spans`.
    fn touches(&self, i: usize, spans: &[Range<usize>], margin: usize) -> bool {
        let Some((_, Some(o))) = self.chars.get(i) else {
            return false;
        };
        spans
            .iter()
            .any(|s| *o + margin >= s.start && *o < s.end + margin)
    }
}

/// Word-aligned spans to tag: single words, a few words, clauses and whole paragraphs.
pub fn pick_spans(text: &str, rng: &mut Rng, n: usize) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            let s = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            words.push(s..i);
        } else {
            i += 1;
        }
    }
    let paragraphs: Vec<Range<usize>> = {
        let t = Traced::new(text);
        t.paragraphs()
            .into_iter()
            .filter(|p| p.len() > 3 && p.len() < 200)
            .collect()
    };
    let mut spans = Vec::new();
    for _ in 0..n {
        if words.is_empty() {
            break;
        }
        if rng.chance(8) && !paragraphs.is_empty() {
            spans.push(paragraphs[rng.below(paragraphs.len())].clone());
            continue;
        }
        let len = match rng.below(10) {
            0..=2 => 1,
            3..=4 => 2 + rng.below(2),
            5..=7 => 4 + rng.below(6),
            _ => 10 + rng.below(20),
        };
        let first = rng.below(words.len());
        let last = (first + len - 1).min(words.len() - 1);
        let span = words[first].start..words[last].end;
        // Within one paragraph, as analysts select.
        if chars[span.clone()].contains(&'\n') {
            continue;
        }
        spans.push(span);
    }
    spans
}

/// Replacement words for edits and rewrites.
const FILLER: &[&str] = &[
    "officials",
    "the",
    "ministry",
    "said",
    "on",
    "Tuesday",
    "talks",
    "in",
    "Geneva",
    "a",
    "spokesperson",
    "declined",
    "to",
    "comment",
    "according",
    "people",
    "familiar",
    "with",
    "matter",
    "added",
    "that",
    "would",
    "not",
    "be",
    "reported",
    "earlier",
    "week",
    "and",
];

fn filler(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| FILLER[rng.below(FILLER.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Changes `text` by `class` around `spans` (original char offsets); `focus` is the span the
/// change is aimed at where it aims at one.
fn perturb(
    text: &str,
    spans: &[Range<usize>],
    focus: usize,
    class: Class,
    rng: &mut Rng,
) -> Traced {
    let mut t = Traced::new(text);
    let target = spans[focus].clone();
    match class {
        Class::EditsOutside => {
            for _ in 0..20 {
                let n = t.chars.len();
                let at = rng.below(n + 1);
                let end = (at + rng.below(12)).min(n);
                // Away from every claim and its stored context's first chars.
                if (at..end.max(at + 1)).any(|i| t.touches(i, spans, 8))
                    || t.touches(at.saturating_sub(1), spans, 8)
                {
                    continue;
                }
                let with = if rng.chance(50) {
                    let words = 1 + rng.below(4);
                    format!(" {} ", filler(rng, words))
                } else {
                    String::new()
                };
                t.splice(at..end, &with);
            }
        }
        Class::TypoInside => {
            let pos = t.chars.iter().position(|(_, o)| *o == Some(target.start));
            if let Some(p) = pos {
                let at = p + rng.below(target.len());
                let c = t.chars[at].0;
                let with = if c == 'e' { "a" } else { "e" };
                t.splice(at..at + 1, with);
            }
        }
        Class::Rewrite | Class::DeleteParagraph | Class::Decoy => {
            let p = t.paragraphs().into_iter().find(|p| {
                t.chars[p.clone()]
                    .iter()
                    .any(|(_, o)| *o == Some(target.start))
            });
            if let Some(p) = p {
                let old: String = t.chars[p.clone()].iter().map(|(c, _)| c).collect();
                match class {
                    Class::Rewrite => {
                        let words = old.split_whitespace().count().max(3);
                        t.splice(p, &filler(rng, words));
                    }
                    Class::DeleteParagraph => {
                        let end = (p.end + 1).min(t.chars.len());
                        t.splice(p.start..end, "");
                    }
                    _ => {
                        // The words go; a copy with one side of their context is planted in
                        // the next paragraph (or the one before).
                        let chars: Vec<char> = text.chars().collect();
                        let quote: String = chars[target.clone()].iter().collect();
                        let side: String = if rng.chance(50) {
                            let s = target.start.saturating_sub(CONTEXT_CHARS);
                            let before: String = chars[s..target.start].iter().collect();
                            format!("{before}{quote} {}", filler(rng, 3))
                        } else {
                            let e = (target.end + CONTEXT_CHARS).min(chars.len());
                            let after: String = chars[target.end..e].iter().collect();
                            format!("{} {quote}{after}", filler(rng, 3))
                        };
                        let side = side.replace('\n', " ");
                        let q_start = t
                            .chars
                            .iter()
                            .position(|(_, o)| *o == Some(target.start))
                            .unwrap_or(p.start);
                        // Other words in its place (never the quote again by chance).
                        let mut instead = filler(rng, 2);
                        while instead.contains(quote.as_str()) {
                            instead = filler(rng, 2);
                        }
                        t.splice(q_start..q_start + target.len(), &instead);
                        let paras = t.paragraphs();
                        let here = paras.iter().position(|q| q.contains(&q_start)).unwrap_or(0);
                        let other = if here + 1 < paras.len() {
                            here + 1
                        } else {
                            here.saturating_sub(1)
                        };
                        let at = paras[other].end;
                        t.splice(at..at, &format!(" {side}"));
                    }
                }
            }
        }
        Class::Reorder => {
            let paras = t.paragraphs();
            let mut order: Vec<usize> = (0..paras.len()).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let mut chars = Vec::new();
            for (k, &i) in order.iter().enumerate() {
                if k > 0 {
                    chars.push(('\n', None));
                }
                chars.extend_from_slice(&t.chars[paras[i].clone()]);
            }
            t.chars = chars;
        }
        Class::Duplicate => {
            let paras = t.paragraphs();
            let from = if rng.chance(50) {
                paras
                    .iter()
                    .position(|p| {
                        t.chars[p.clone()]
                            .iter()
                            .any(|(_, o)| *o == Some(target.start))
                    })
                    .unwrap_or(0)
            } else {
                rng.below(paras.len())
            };
            let copy: Vec<(char, Option<usize>)> = t.chars[paras[from].clone()].to_vec();
            let to = paras[rng.below(paras.len())].start;
            let mut ins = copy;
            ins.push(('\n', None));
            t.chars.splice(to..to, ins);
        }
        Class::Typography => {
            for i in 0..t.chars.len() {
                if t.touches(i, spans, 0) {
                    continue;
                }
                let c = t.chars[i].0;
                let new = match c {
                    '"' => '“',
                    '“' | '”' => '"',
                    '\'' => '’',
                    '’' | '‘' => '\'',
                    '-' => '–',
                    '–' | '—' => '-',
                    ' ' if rng.chance(3) => '\u{a0}',
                    _ => continue,
                };
                t.chars[i].0 = new;
            }
        }
    }
    t
}

/// Where the original span's chars are now, if they survive whole and in order (every copy).
fn survivors(t: &Traced, span: &Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (i, (_, o)) in t.chars.iter().enumerate() {
        if *o != Some(span.start) {
            continue;
        }
        let end = i + span.len();
        let whole = end <= t.chars.len()
            && (0..span.len()).all(|k| t.chars[i + k].1 == Some(span.start + k));
        if whole {
            found.push(i..end);
        }
    }
    found
}

/// Judges where one claim went.
fn judge(
    anchor: &Anchor,
    span: &Range<usize>,
    t: &Traced,
    new_text: &str,
    resolution: &Resolution,
    class: Class,
) -> Outcome {
    let landed = match resolution {
        Resolution::Intact => anchor.range(),
        Resolution::Moved { to, .. } => to.clone(),
        Resolution::Orphaned(_) => return Outcome::Orphaned,
    };
    let places = survivors(t, span);
    if places.contains(&landed) {
        return Outcome::Correct;
    }
    if class == Class::TypoInside {
        // The words were changed in place: the changed words are right, nothing else is.
        let mut region = t
            .chars
            .iter()
            .enumerate()
            .filter(|(_, (_, o))| o.is_some_and(|o| span.contains(&o)))
            .map(|(i, _)| i);
        let lo = region.next();
        if let (Some(lo), Some(hi)) = (lo, region.next_back().or(lo)) {
            let overlap = landed.end.min(hi + 1).saturating_sub(landed.start.max(lo));
            if 2 * overlap >= landed.len().max(1) && landed.start + 3 >= lo && landed.end <= hi + 4
            {
                return Outcome::Correct;
            }
        }
    }
    // The same words, with context agreeing with the stored one at least as well as at the
    // original place (if it survives), cannot be told apart from it.
    let idx = TextIndex::new(new_text);
    if idx.slice(landed.clone()) != Some(anchor.quote.as_str()) {
        return Outcome::Wrong;
    }
    let agreement = |r: &Range<usize>| -> usize {
        let before: Vec<char> = idx
            .chars_before(r.start, CONTEXT_CHARS)
            .chars()
            .rev()
            .collect();
        let after: Vec<char> = idx.chars_after(r.end, CONTEXT_CHARS).chars().collect();
        let run = |stored: Vec<char>, actual: &[char]| {
            let n = stored
                .iter()
                .zip(actual)
                .take_while(|(a, b)| a == b)
                .count();
            // A paragraph's or the text's edge on both sides is as far as context goes.
            let edge = |v: &[char], k: usize| v.get(k).is_none_or(|&c| c == '\n');
            let through_edge = stored[..n].contains(&'\n');
            // A side stored short ended at the text's edge.
            let stored_edge = n == stored.len() && stored.len() < CONTEXT_CHARS;
            if through_edge || ((stored_edge || edge(&stored, n)) && edge(actual, n)) {
                CONTEXT_CHARS
            } else {
                n
            }
        };
        run(anchor.prefix.chars().rev().collect(), &before)
            + run(anchor.suffix.chars().collect(), &after)
    };
    let here = agreement(&landed);
    let best_original = places.iter().map(&agreement).max();
    // Where the words are gone, a copy counts only if every stored char of context agrees.
    let stored = anchor.prefix.chars().count() + anchor.suffix.chars().count();
    match best_original {
        Some(original) if here >= original => Outcome::Copy,
        None if here >= stored.min(2 * CONTEXT_CHARS) => Outcome::Copy,
        _ => Outcome::Wrong,
    }
}

/// One trial: tags `claims` spans in `text`, perturbs it by `class`, re-anchors them all.
/// Returns each claim's outcome with a description for wrong ones.
pub fn trial(text: &str, class: Class, seed: u64, claims: usize) -> Vec<(Outcome, String)> {
    let mut rng = Rng::new(seed);
    let spans = pick_spans(text, &mut rng, claims);
    if spans.is_empty() {
        return Vec::new();
    }
    let idx = TextIndex::new(text);
    let anchors: Vec<Anchor> = spans
        .iter()
        .filter_map(|s| Anchor::new(&idx, s.clone()).ok())
        .collect();
    if anchors.len() != spans.len() {
        return Vec::new();
    }
    let focus = rng.below(spans.len());
    let t = perturb(text, &spans, focus, class, &mut rng);
    let new_text = t.text();
    let nidx = TextIndex::new(&new_text);
    // Classes aimed at one claim judge that claim; the others judge all.
    let judged: Vec<usize> = match class {
        Class::TypoInside | Class::Rewrite | Class::DeleteParagraph | Class::Decoy => vec![focus],
        _ => (0..spans.len()).collect(),
    };
    judged
        .into_iter()
        .map(|i| {
            let r = resolve(&anchors[i], &nidx);
            let outcome = judge(&anchors[i], &spans[i], &t, &new_text, &r, class);
            let missed = outcome == Outcome::Orphaned && class.words_survive();
            let what = if outcome == Outcome::Wrong || missed {
                let around = match &r {
                    Resolution::Moved { to, .. } => format!(
                        "{:?}[{}]{:?}",
                        nidx.chars_before(to.start, 24),
                        nidx.slice(to.clone()).unwrap_or(""),
                        nidx.chars_after(to.end, 24)
                    ),
                    _ => String::new(),
                };
                let now = survivors(&t, &spans[i])
                    .first()
                    .map(|p| {
                        format!(
                            " (its words at {:?}[…]{:?})",
                            nidx.chars_before(p.start, 32),
                            nidx.chars_after(p.end, 32)
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{class:?} seed {seed}: {:?}[{}]{:?} → {r:?} {around}{now}",
                    anchors[i].prefix, anchors[i].quote, anchors[i].suffix
                )
            } else {
                String::new()
            };
            (outcome, what)
        })
        .collect()
}
