//! Anchoring: how a claim stays attached to the right words.
//!
//! An anchor stores the span twice, as the W3C Web Annotation model does: as char offsets
//! (TextPositionSelector) and as the exact quote with up to [`CONTEXT_CHARS`] chars of context
//! either side (TextQuoteSelector). Offsets are fast; the quote is the truth. When the two
//! disagree (the text changed under the claim), [`resolve`] looks for the quote again, and
//! when it cannot find it with confidence the claim is *orphaned*: kept, shown, never moved
//! onto other words.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::TextIndex;
pub use crate::text::search::find_occurrences;
use crate::text::search::find_occurrences_in;

/// Chars of context kept either side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Context agreement (0–1) an exact match of the quote needs to be accepted.
const MIN_EXACT_CONTEXT: f64 = 0.5;
/// A fuzzy match may differ from the quote in at most this share of its chars.
const MAX_FUZZY_EDIT_SHARE: f64 = 0.25;
/// Minimum of 0.6 × quote similarity + 0.4 × context agreement for a fuzzy match.
const MIN_FUZZY_SCORE: f64 = 0.75;
/// Fuzzy matches need context on at least one side to confirm the place.
const MIN_FUZZY_CONTEXT: f64 = 0.5;
/// Chars either side of an expected position searched for a fuzzy match.
const FUZZY_WINDOW_SLACK: usize = 256;
/// Chars either side of the old offsets searched first for the quote.
const NEAR_EXACT_WINDOW: usize = 4096;
/// At most this many places where the stored prefix or suffix occurs are tried.
const MAX_CONTEXT_SITES: usize = 8;

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// First char of the span (inclusive), in Unicode scalar values.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// The exact text of the span.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] chars before the span.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after the span.
    #[serde(default)]
    pub suffix: String,
    /// The quote could not be found in the text with confidence; offsets are stale.
    #[serde(default, skip_serializing_if = "is_false")]
    pub orphaned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    #[error("the selection is empty")]
    Empty,
    #[error("the selection {start}–{end} is outside the text ({len} characters)")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error(
        "the selection {start}–{end} would split a character (an accented letter or an emoji); it must start and end between whole characters"
    )]
    SplitsGrapheme { start: usize, end: usize },
}

/// How a match was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MatchKind {
    /// The quote, unchanged, at another place.
    Exact,
    /// Words close to the quote, `distance` char edits away.
    Fuzzy { distance: usize },
}

/// Where an anchor's words are in a text now.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// The offsets still select the quote.
    Intact,
    /// The words were found at `to`.
    Moved { to: Range<usize>, how: MatchKind },
    /// Not found with confidence.
    Orphaned,
}

impl Anchor {
    /// An anchor on `range` (char offsets) of the indexed text.
    pub fn new(index: &TextIndex, range: Range<usize>) -> Result<Self, AnchorError> {
        let Range { start, end } = range;
        if start >= end {
            return Err(AnchorError::Empty);
        }
        let Some(quote) = index.slice(start..end) else {
            return Err(AnchorError::OutOfRange {
                start,
                end,
                len: index.char_len(),
            });
        };
        if !index.is_grapheme_boundary(start) || !index.is_grapheme_boundary(end) {
            return Err(AnchorError::SplitsGrapheme { start, end });
        }
        Ok(Self {
            start,
            end,
            quote: quote.to_owned(),
            prefix: index.chars_before(start, CONTEXT_CHARS).to_owned(),
            suffix: index.chars_after(end, CONTEXT_CHARS).to_owned(),
            orphaned: false,
        })
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Chars in the quote.
    pub fn quote_len(&self) -> usize {
        self.quote.chars().count()
    }

    /// Whether the offsets select exactly the quote, on whole characters, with its context
    /// beside it (the same short words elsewhere, at the old offsets, are not the claim).
    pub fn is_intact(&self, index: &TextIndex) -> bool {
        self.selects_quote(index)
            && context_agreement(self, index, &self.range()) >= MIN_EXACT_CONTEXT
    }

    /// Whether the offsets select exactly the quote, on whole characters.
    fn selects_quote(&self, index: &TextIndex) -> bool {
        !self.quote.is_empty()
            && index.slice(self.range()) == Some(self.quote.as_str())
            && index.is_grapheme_boundary(self.start)
            && index.is_grapheme_boundary(self.end)
    }

    /// Checks the anchor against `index` and repairs it: moved to where its words are now,
    /// or marked orphaned (quote and context kept, so nothing the analyst wrote is lost).
    pub fn reanchor(&mut self, index: &TextIndex) -> Resolution {
        let resolution = resolve(self, index);
        match &resolution {
            Resolution::Intact => self.orphaned = false,
            Resolution::Moved { to, .. } => {
                if let Ok(moved) = Anchor::new(index, to.clone()) {
                    *self = moved;
                } else {
                    self.orphaned = true;
                    return Resolution::Orphaned;
                }
            }
            Resolution::Orphaned => self.orphaned = true,
        }
        resolution
    }
}

/// Where the anchor's words are in the text now. Pure: the anchor is not changed.
pub fn resolve(anchor: &Anchor, index: &TextIndex) -> Resolution {
    if anchor.is_intact(index) {
        return Resolution::Intact;
    }
    if anchor.quote.is_empty() {
        return Resolution::Orphaned;
    }
    if let Some(to) = best_exact(anchor, index) {
        return Resolution::Moved {
            to,
            how: MatchKind::Exact,
        };
    }
    if let Some((to, distance)) = best_fuzzy(anchor, index) {
        return Resolution::Moved {
            to,
            how: MatchKind::Fuzzy { distance },
        };
    }
    Resolution::Orphaned
}

fn best_exact(anchor: &Anchor, index: &TextIndex) -> Option<Range<usize>> {
    // Edits usually move words a little: look near the old place first. A match there whose
    // context agrees in full cannot be beaten by one farther away (its context can be no
    // better and it is less near), so the whole text need not be searched.
    let len = index.char_len();
    let m = anchor.quote.chars().count();
    let near = anchor.start.min(len).saturating_sub(NEAR_EXACT_WINDOW)
        ..anchor.start.saturating_add(NEAR_EXACT_WINDOW + m).min(len);
    if let Some((range, context)) = best_exact_among(
        anchor,
        index,
        find_occurrences_in(index, &anchor.quote, near),
    ) && context >= 1.0
    {
        return Some(range);
    }
    let (range, context) = best_exact_among(anchor, index, find_occurrences(index, &anchor.quote))?;
    (context >= MIN_EXACT_CONTEXT).then_some(range)
}

/// The candidate whose context agrees best (the nearer on a tie), with its context score.
fn best_exact_among(
    anchor: &Anchor,
    index: &TextIndex,
    candidates: Vec<Range<usize>>,
) -> Option<(Range<usize>, f64)> {
    // Context is required even for a long quote found once: the same words elsewhere (a
    // repeated paragraph) are another place, and a claim must not jump there.
    candidates
        .into_iter()
        .map(|r| {
            let ctx = context_agreement(anchor, index, &r);
            (r, ctx)
        })
        .max_by(|(ra, ca), (rb, cb)| {
            let score_a = ca + nearness(anchor.start, ra.start) * 0.05;
            let score_b = cb + nearness(anchor.start, rb.start) * 0.05;
            score_a.total_cmp(&score_b)
        })
}

fn best_fuzzy(anchor: &Anchor, index: &TextIndex) -> Option<(Range<usize>, usize)> {
    let pattern: Vec<char> = anchor.quote.chars().collect();
    let m = pattern.len();
    let max_edits = (m as f64 * MAX_FUZZY_EDIT_SHARE).floor() as usize;
    if max_edits == 0 {
        return None;
    }
    let len = index.char_len();
    let mut best: Option<(f64, Range<usize>, usize)> = None;
    for window in search_windows(anchor, index, m, max_edits) {
        let Some(window_text) = index.slice(window.clone()) else {
            continue;
        };
        let hay: Vec<char> = window_text.chars().collect();
        for (s, e, distance) in approximate_matches(&pattern, &hay, max_edits) {
            let raw = window.start + s..window.start + e;
            let range = index.snap_to_graphemes(raw);
            if range.is_empty() || range.end > len {
                continue;
            }
            let quote_sim = 1.0 - distance as f64 / m as f64;
            let context = context_agreement(anchor, index, &range);
            let score = 0.6 * quote_sim + 0.4 * context;
            if context < MIN_FUZZY_CONTEXT || score < MIN_FUZZY_SCORE {
                continue;
            }
            let score = score + nearness(anchor.start, range.start) * 0.01;
            if best.as_ref().is_none_or(|(b, ..)| score > *b) {
                best = Some((score, range, distance));
            }
        }
    }
    best.map(|(_, range, distance)| (range, distance))
}

/// Char ranges to search for a fuzzy match: around the old offsets, and where the stored
/// context occurs now (the text may have grown or shrunk before the span).
fn search_windows(anchor: &Anchor, index: &TextIndex, m: usize, k: usize) -> Vec<Range<usize>> {
    let len = index.char_len();
    let slack = FUZZY_WINDOW_SLACK + k;
    let mut expected = vec![anchor.start.min(len)];
    if anchor.prefix.chars().count() >= 8 {
        expected.extend(
            find_occurrences(index, &anchor.prefix)
                .into_iter()
                .take(MAX_CONTEXT_SITES)
                .map(|r| r.end),
        );
    }
    if anchor.suffix.chars().count() >= 8 {
        expected.extend(
            find_occurrences(index, &anchor.suffix)
                .into_iter()
                .take(MAX_CONTEXT_SITES)
                .map(|r| r.start.saturating_sub(m)),
        );
    }
    let mut windows: Vec<Range<usize>> = expected
        .into_iter()
        .map(|e| e.saturating_sub(slack)..(e + m + slack).min(len))
        .collect();
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
}

/// 1 at the old position, falling off with distance.
fn nearness(old: usize, new: usize) -> f64 {
    1.0 / (1.0 + old.abs_diff(new) as f64 / 1024.0)
}

/// How well the stored context stands right beside `range` (0–1).
///
/// Each side counts the stored chars that match *adjacent* to the span, so the same words one
/// character along earn nothing. A side stored shorter than [`CONTEXT_CHARS`] ended at the
/// edge of the text; if it matches whole and the edge is there too, the side counts in full.
/// The score is the matched share of both sides, and 0 unless there are at least two pieces of
/// evidence (matching chars, or a matching edge): a lone edge of the text proves nothing.
fn context_agreement(anchor: &Anchor, index: &TextIndex, range: &Range<usize>) -> f64 {
    // (score, width, evidence) of one side.
    let side = |stored: &str, actual: &str, backwards: bool| -> (usize, usize, usize) {
        let ordered = |s: &str| -> Vec<char> {
            if backwards {
                s.chars().rev().collect()
            } else {
                s.chars().collect()
            }
        };
        let (stored, actual) = (ordered(stored), ordered(actual));
        let width = CONTEXT_CHARS.max(stored.len());
        let real = stored
            .iter()
            .zip(&actual)
            .take_while(|(a, b)| a == b)
            .count();
        let at_same_edge =
            stored.len() < width && real == stored.len() && actual.len() == stored.len();
        if at_same_edge {
            (width, width, real + 1)
        } else {
            (real, width, real)
        }
    };
    let reach = |s: &str| CONTEXT_CHARS.max(s.chars().count()) + 1;
    let before = index.chars_before(range.start, reach(&anchor.prefix));
    let after = index.chars_after(range.end, reach(&anchor.suffix));
    let (left, left_width, left_evidence) = side(&anchor.prefix, before, true);
    let (right, right_width, right_evidence) = side(&anchor.suffix, after, false);
    if left_evidence + right_evidence < 2 {
        return 0.0;
    }
    (left + right) as f64 / (left_width + right_width) as f64
}

/// Substrings of `text` within `k` edits of `pattern` (Sellers' algorithm), as
/// `(start, end, distance)`, one per end position. All are kept, not just the closest: the
/// alignment that puts the stored context right beside the span may cost an edit more.
fn approximate_matches(pattern: &[char], text: &[char], k: usize) -> Vec<(usize, usize, usize)> {
    let m = pattern.len();
    // Column of edit distances for pattern prefixes, and where each alignment starts.
    let mut dist: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut next_dist = vec![0; m + 1];
    let mut next_start = vec![0; m + 1];
    let mut found = Vec::new();
    for (j, &t) in text.iter().enumerate() {
        next_dist[0] = 0;
        next_start[0] = j + 1;
        for i in 1..=m {
            let diag = dist[i - 1] + usize::from(pattern[i - 1] != t);
            let skip_text = dist[i] + 1;
            let skip_pattern = next_dist[i - 1] + 1;
            let (d, s) = if diag <= skip_text && diag <= skip_pattern {
                (diag, start[i - 1])
            } else if skip_pattern <= skip_text {
                (skip_pattern, next_start[i - 1])
            } else {
                (skip_text, start[i])
            };
            next_dist[i] = d;
            next_start[i] = s;
        }
        std::mem::swap(&mut dist, &mut next_dist);
        std::mem::swap(&mut start, &mut next_start);
        if dist[m] <= k {
            found.push((start[m], j + 1, dist[m]));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor_on(text: &str, quote: &str) -> Anchor {
        let index = TextIndex::new(text);
        let r = find_occurrences(&index, quote)[0].clone();
        Anchor::new(&index, r).unwrap()
    }

    #[test]
    fn new_anchor_captures_quote_and_context() {
        let text = "Ushakov said the talks were “useful” — and nothing more.";
        let a = anchor_on(text, "“useful”");
        assert_eq!(a.quote, "“useful”");
        assert_eq!(a.prefix, "Ushakov said the talks were ");
        assert_eq!(a.suffix, " — and nothing more.");
        assert!(a.is_intact(&TextIndex::new(text)));
    }

    #[test]
    fn a_far_match_with_full_context_beats_a_near_one_without() {
        // The quote's own paragraph moves far away; a copy of the quote with other context
        // stays near the old offsets. The claim follows its context, not the nearness.
        let quote = "the ceasefire would hold";
        let own = format!("Officials in Varsk said {quote} until Friday at least.");
        let decoy = format!("Nobody believes {quote}, one diplomat joked.");
        let before = format!(
            "{own}\n\n{}",
            "Filler sentence about the weather. ".repeat(10)
        );
        let a = anchor_on(&before, quote);
        let after = format!(
            "{decoy}\n\n{}\n\n{own}",
            "Filler sentence about the weather. ".repeat(400)
        );
        let index = TextIndex::new(&after);
        let Resolution::Moved { to, .. } = resolve(&a, &index) else {
            panic!("expected a move");
        };
        let expected = find_occurrences(&index, quote)[1].clone();
        assert!(
            expected.start > NEAR_EXACT_WINDOW + a.start,
            "the test needs a far move"
        );
        assert_eq!(to, expected);
    }

    #[test]
    fn new_anchor_rejects_bad_spans() {
        let index = TextIndex::new("ab👩‍👩‍👧");
        assert_eq!(Anchor::new(&index, 1..1), Err(AnchorError::Empty));
        assert!(matches!(
            Anchor::new(&index, 1..99),
            Err(AnchorError::OutOfRange { .. })
        ));
        assert!(matches!(
            Anchor::new(&index, 2..3),
            Err(AnchorError::SplitsGrapheme { .. })
        ));
    }

    #[test]
    fn moved_text_is_found_exactly() {
        let old = "The meeting lasted nearly three hours. Both sides said so.";
        let a = anchor_on(old, "nearly three hours");
        let new = format!("UPDATE: new paragraph at the top.\n\n{old}");
        let idx = TextIndex::new(&new);
        match resolve(&a, &idx) {
            Resolution::Moved { to, how } => {
                assert_eq!(how, MatchKind::Exact);
                assert_eq!(idx.slice(to), Some("nearly three hours"));
            }
            other => panic!("expected a move, got {other:?}"),
        }
    }

    #[test]
    fn repeated_quote_goes_to_the_occurrence_with_matching_context() {
        let old = "Peskov said progress. Ushakov said progress. Lavrov said nothing.";
        let idx = TextIndex::new(old);
        let second = find_occurrences(&idx, "progress")[1].clone();
        let a = Anchor::new(&idx, second).unwrap();
        let new = format!("Intro. {old}");
        let nidx = TextIndex::new(&new);
        let Resolution::Moved { to, .. } = resolve(&a, &nidx) else {
            panic!("expected a move")
        };
        assert_eq!(nidx.chars_before(to.start, 13), "Ushakov said ");
    }

    #[test]
    fn short_quote_whose_context_is_gone_is_orphaned() {
        let a = anchor_on("He called it great progress, then hedged.", "progress");
        let new = "Entirely different article mentioning progress once.";
        assert_eq!(resolve(&a, &TextIndex::new(new)), Resolution::Orphaned);
    }

    #[test]
    fn edited_quote_is_found_fuzzily_in_place() {
        let old = "Officials said the convoy of 40 trucks crossed the border at dawn on Tuesday.";
        let a = anchor_on(old, "the convoy of 40 trucks crossed the border");
        let new = old.replace("40 trucks", "41 trucks");
        let idx = TextIndex::new(&new);
        match resolve(&a, &idx) {
            Resolution::Moved { to, how } => {
                assert_eq!(how, MatchKind::Fuzzy { distance: 1 });
                assert_eq!(
                    idx.slice(to),
                    Some("the convoy of 41 trucks crossed the border")
                );
            }
            other => panic!("expected a fuzzy move, got {other:?}"),
        }
    }

    #[test]
    fn rewritten_quote_is_orphaned_not_moved() {
        let old = "Officials said the convoy of 40 trucks crossed the border at dawn on Tuesday.";
        let mut a = anchor_on(old, "the convoy of 40 trucks crossed the border");
        let new =
            "Officials said nothing whatsoever happened near any frontier at dawn on Tuesday.";
        assert_eq!(a.reanchor(&TextIndex::new(new)), Resolution::Orphaned);
        assert!(a.orphaned);
        assert_eq!(a.quote, "the convoy of 40 trucks crossed the border");
    }

    #[test]
    fn orphan_comes_back_when_its_words_return() {
        let text = "alpha beta gamma delta";
        let mut a = anchor_on(text, "gamma");
        a.orphaned = true;
        assert_eq!(a.reanchor(&TextIndex::new(text)), Resolution::Intact);
        assert!(!a.orphaned);
    }

    #[test]
    fn overlapping_occurrences_are_all_found() {
        let idx = TextIndex::new("aaaa");
        assert_eq!(find_occurrences(&idx, "aa"), vec![0..2, 1..3, 2..4]);
    }

    #[test]
    fn occurrences_inside_a_grapheme_are_not_matches() {
        // "e" + combining acute cannot be composed away here because of the following mark
        // order; the plain "e" must not match inside the cluster.
        let text = "cafe\u{301}\u{302} cafe";
        let idx = TextIndex::new(text);
        let found = find_occurrences(&idx, "cafe");
        assert_eq!(found, vec![7..11]);
    }

    #[test]
    fn sellers_finds_the_edited_span() {
        let p: Vec<char> = "kremlin".chars().collect();
        let t: Vec<char> = "at the kremlim on".chars().collect();
        let m = approximate_matches(&p, &t, 1);
        assert!(m.contains(&(7, 14, 1)), "{m:?}");
        assert!(m.iter().all(|&(_, _, d)| d <= 1));
    }
}
