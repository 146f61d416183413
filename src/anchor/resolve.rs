//! Finding a claim's words again: every place that could be the claim's — the quote found
//! exactly, or close to it — is weighed with all its evidence at once (the quote's likeness,
//! the context on both sides, word boundaries, nearness), and the best place is taken only
//! if its evidence is enough. Nothing here accepts a weak exact hit before a strong close
//! one has been looked at.

use std::ops::Range;

use super::evidence::{
    context_scores, fold, is_whole_paragraph, keeps_word_boundaries, was_whole_paragraph,
};
use super::fuzzy::approximate_matches;
use super::{Anchor, CONTEXT_CHARS, MatchKind, OrphanReason, Resolution};
use crate::text::TextIndex;
use crate::text::search::{find_occurrences, find_occurrences_in};

/// A side of context that scores this much confirms the place on that side.
pub const CONFIRMS: f64 = 0.4;
/// Both sides' scores together must reach this.
const BOTH_SIDES: f64 = 1.5;
/// Fewer chars than this before a paragraph's or the text's edge make a thin side.
const THIN: usize = 4;
/// What the other side must score when one side of the context is only a paragraph's edge.
const STRONG: f64 = 0.75;
/// At its own offsets, with one side holding, the other side needs this much.
const HOLDS_OTHER: f64 = 0.2;
/// A side this strong, at the claim's own offsets, keeps the claim where it is.
const HOLDS_IN_PLACE: f64 = 0.5;
/// A close match may differ from the quote in at most this share of its chars.
const MAX_FUZZY_EDIT_SHARE: f64 = 0.25;
/// Short quotes found in more than one place, whose words recur by chance, need this much
/// context on both sides.
const SHORT_CONFIRMS: f64 = 0.5;
/// How alike a close match must be where the quote itself survives elsewhere.
const NEAR_LIKENESS: f64 = 0.9;
/// Chars either side of an expected position searched for a close match.
const FUZZY_WINDOW_SLACK: usize = 256;
/// Chars either side of the old offsets searched first for the quote.
pub const NEAR_EXACT_WINDOW: usize = 4096;
/// At most this many places where the stored prefix or suffix occurs are tried.
const MAX_CONTEXT_SITES: usize = 8;

/// A place that could be the claim's, with its evidence.
#[derive(Debug, Clone)]
struct Candidate {
    range: Range<usize>,
    /// Char edits between the quote and the words here (0: the quote itself).
    distance: usize,
    left: f64,
    right: f64,
}

/// How many chars a stored side of the context has before the edge of its paragraph or of
/// the text, if it reaches one.
fn before_edge(stored: &str, backwards: bool) -> Option<usize> {
    let outward: Vec<char> = if backwards {
        stored.chars().rev().collect()
    } else {
        stored.chars().collect()
    };
    let within = outward.iter().take_while(|&&c| c != '\n').count();
    (within < outward.len() || outward.len() < CONTEXT_CHARS).then_some(within)
}

/// Whether a stored side is little more than an edge ("." and the end): it says little
/// about where the claim was.
fn thin_side(stored: &str, backwards: bool) -> bool {
    before_edge(stored, backwards).is_some_and(|n| n < THIN)
}

/// Whether a stored side is nothing but an edge.
fn bare_side(stored: &str, backwards: bool) -> bool {
    before_edge(stored, backwards) == Some(0)
}

/// What the stored anchor says about itself, worked out once per resolution rather than once
/// per candidate place.
struct Shape {
    short: bool,
    thin_left: bool,
    thin_right: bool,
    /// Nothing but edges on both sides.
    bare: bool,
}

impl Shape {
    fn of(anchor: &Anchor) -> Self {
        Self {
            short: is_short(&anchor.quote),
            thin_left: thin_side(&anchor.prefix, true),
            thin_right: thin_side(&anchor.suffix, false),
            bare: bare_side(&anchor.prefix, true) && bare_side(&anchor.suffix, false),
        }
    }
}

/// Under about four words or twenty chars: common enough to occur by chance elsewhere.
pub fn is_short(quote: &str) -> bool {
    // Words across a paragraph break do not recur by chance the way a phrase does.
    let spans_paragraphs = quote.trim().contains('\n');
    quote.chars().count() < 20 || (quote.split_whitespace().count() < 4 && !spans_paragraphs)
}

impl Candidate {
    fn new(
        anchor: &Anchor,
        index: &TextIndex,
        range: Range<usize>,
        distance: usize,
        shape: &Shape,
    ) -> Self {
        // A close match must have its context right beside it, or it has taken in a
        // neighbour's words: judged as strictly as a short quote.
        let strict = distance > 0 || shape.short;
        let (left, right) = context_scores(anchor, index, &range, strict);
        Self {
            range,
            distance,
            left,
            right,
        }
    }

    fn score(&self, anchor: &Anchor) -> f64 {
        let m = anchor.quote_len().max(1) as f64;
        let likeness = 1.0 - self.distance as f64 / m;
        let nearness = 1.0 / (1.0 + anchor.start.abs_diff(self.range.start) as f64 / 1024.0);
        0.5 * likeness + 0.25 * (self.left + self.right) + 0.01 * nearness
    }

    /// Whether this place's evidence is enough to move the claim here.
    fn suffices(&self, shape: &Shape, whole_paragraph_once: bool, unique: bool) -> bool {
        if self.distance == 0 && whole_paragraph_once {
            // A heading or one-line paragraph found whole, once, as a paragraph: paragraphs
            // were reordered around it.
            return true;
        }
        // Both sides, always: one side is what a copy of the words planted elsewhere has.
        let need = if shape.short {
            SHORT_CONFIRMS
        } else {
            CONFIRMS
        };
        // A side that is only the paragraph's edge says little ("a new line starts here"):
        // the other side must then be strong.
        if shape.bare {
            // Edges on both sides and nothing else: a short quote has nothing to be known by
            // (a whole paragraph found once moved above); a long one, its words, once.
            // Either way the edges must be there: the same words mid-paragraph elsewhere
            // are a copy, not the paragraph.
            return !shape.short
                && unique
                && self.distance == 0
                && self.left >= 1.0
                && self.right >= 1.0;
        }
        let (left_need, right_need) = match (shape.thin_left, shape.thin_right) {
            (true, false) => (need, STRONG),
            (false, true) => (STRONG, need),
            (true, true) => (STRONG, STRONG),
            (false, false) => (need, need),
        };
        // And one side about whole: two half-agreeing sides are a similar sentence elsewhere
        // (measured: a summary repeating a paragraph's words) as often as an edited context.
        self.left >= left_need && self.right >= right_need && self.left + self.right >= BOTH_SIDES
    }
}

/// Where the anchor's words are in the text now. Pure: the anchor is not changed.
pub fn resolve(anchor: &Anchor, index: &TextIndex) -> Resolution {
    // Loading checks every claim; nearly all stand exactly where they were tagged.
    if !anchor.quote.is_empty() && is_as_tagged(anchor, index) {
        return Resolution::Intact;
    }
    resolve_fully(anchor, index)
}

fn resolve_fully(anchor: &Anchor, index: &TextIndex) -> Resolution {
    if anchor.quote.is_empty() {
        return Resolution::Orphaned(OrphanReason::WordsGone);
    }
    let here = anchor.range();
    let shape = Shape::of(anchor);
    let in_place = holding_in_place(anchor, index, &shape);
    if in_place.is_some_and(|(left, right)| left >= 1.0 && right >= 1.0) {
        return Resolution::Intact;
    }
    let in_place = in_place.is_some();
    // Context that is only edges on both sides (a line break between line breaks) is no
    // evidence of place, except for a whole paragraph (a heading).
    let paragraph = was_whole_paragraph(anchor);
    // Most edits move words a little: a place near the old one with the quote and its whole
    // context cannot be beaten (a farther copy is at best as good and less near).
    let len = index.char_len();
    let m = anchor.quote_len();
    let near = anchor.start.min(len).saturating_sub(NEAR_EXACT_WINDOW)
        ..anchor.start.saturating_add(NEAR_EXACT_WINDOW + m).min(len);
    let near_full = exact_candidates(
        anchor,
        index,
        find_occurrences_in(index, &anchor.quote, near),
        &shape,
    )
    .filter(|c| c.left >= 1.0 && c.right >= 1.0 && (!shape.bare || paragraph || !shape.short))
    .min_by_key(|c| anchor.start.abs_diff(c.range.start));
    if let Some(c) = near_full {
        return moved(anchor, c);
    }
    let exact: Vec<Candidate> = exact_candidates(
        anchor,
        index,
        find_occurrences(index, &anchor.quote),
        &shape,
    )
    .collect();
    let whole_paragraph_once = paragraph
        && exact
            .iter()
            .filter(|c| is_whole_paragraph(index, &c.range))
            .count()
            == 1;
    let places = exact.len();
    let unique = places == 1;
    let accepted = |c: &Candidate| {
        let paragraph = whole_paragraph_once && is_whole_paragraph(index, &c.range);
        // At its own offsets one side may be enough; it still competes with the other
        // places, so a better-placed copy of the words (shifted by an edit) wins.
        let stays = in_place && c.distance == 0 && c.range == here;
        stays || c.suffices(&shape, paragraph, unique)
    };
    let best_of = |found: Vec<Candidate>| {
        found
            .into_iter()
            .filter(|c| accepted(c))
            .max_by(|a, b| a.score(anchor).total_cmp(&b.score(anchor)))
    };
    let exact_at: Vec<Range<usize>> = exact.iter().map(|c| c.range.clone()).collect();
    // Where the quote itself still stands with its context on one side, a close match
    // elsewhere must be very close (a fixed typo), not a sentence that differs by a quarter.
    let survives = exact.iter().any(|c| c.left.max(c.right) >= STRONG);
    // The quote itself, where its context confirms it, before any close match: words
    // differing by a quarter are another sentence more often than an edited one.
    let mut best = best_of(exact);
    // A quote over several paragraphs moves only whole: a close match could take a few
    // chars of a new neighbour.
    let mut close_ones = 0;
    if best.is_none() && !anchor.quote.contains('\n') {
        let m = anchor.quote_len() as f64;
        let close: Vec<Candidate> = fuzzy_candidates(anchor, index, &shape)
            .into_iter()
            .filter(|c| {
                // A close match over the quote itself is the quote and a neighbour's chars.
                let over_exact = exact_at
                    .iter()
                    .any(|e| e.start < c.range.end && c.range.start < e.end);
                !over_exact && (!survives || 1.0 - c.distance as f64 / m >= NEAR_LIKENESS)
            })
            .collect();
        close_ones = close.len();
        best = best_of(close);
    }
    if best.is_none() && places == 0 && close_ones == 0 {
        return Resolution::Orphaned(OrphanReason::WordsGone);
    }
    match best {
        Some(c) => moved(anchor, c),
        None if places > 1 => Resolution::Orphaned(OrphanReason::Ambiguous { places }),
        None => Resolution::Orphaned(OrphanReason::ContextLost),
    }
}

fn moved(anchor: &Anchor, c: Candidate) -> Resolution {
    if c.range == anchor.range() && c.distance == 0 {
        return Resolution::Intact;
    }
    let how = match c.distance {
        0 => MatchKind::Exact,
        distance => MatchKind::Fuzzy { distance },
    };
    Resolution::Moved { to: c.range, how }
}

/// The quote at its own offsets, on its word boundaries, with the context stored on one
/// side at least still beside it: nothing moved, or only the text on the other side was
/// rewritten. (An edge of the text alone is no evidence: another text may start with the
/// same words.)
pub fn holds_in_place(anchor: &Anchor, index: &TextIndex) -> bool {
    is_as_tagged(anchor, index) || holding_in_place(anchor, index, &Shape::of(anchor)).is_some()
}

/// The quote at its offsets with exactly the context a new anchor there would store: the
/// anchor is one [`Anchor::new`] would make, so it holds.
fn is_as_tagged(anchor: &Anchor, index: &TextIndex) -> bool {
    let range = anchor.range();
    index.slice(range.clone()) == Some(anchor.quote.as_str())
        && index.chars_before(range.start, super::CONTEXT_CHARS) == anchor.prefix
        && index.chars_after(range.end, super::CONTEXT_CHARS) == anchor.suffix
        && index.is_grapheme_boundary(range.start)
        && index.is_grapheme_boundary(range.end)
}

/// As [`holds_in_place`], with both sides' scores when it holds.
fn holding_in_place(anchor: &Anchor, index: &TextIndex, shape: &Shape) -> Option<(f64, f64)> {
    let range = anchor.range();
    if index.slice(range.clone()) != Some(anchor.quote.as_str())
        || !index.is_grapheme_boundary(range.start)
        || !index.is_grapheme_boundary(range.end)
        || !keeps_word_boundaries(anchor, index, &range)
    {
        return None;
    }
    let (left, right) = context_scores(anchor, index, &range, shape.short);
    // A side that is only a paragraph's or the text's edge is no evidence here: another
    // paragraph may now stand where this one stood…
    let both_edges = left >= 1.0 && right >= 1.0;
    // …and some of the other side must agree too: a copy of the words planted with one side
    // of their context could stand at the old offsets by chance.
    let left_holds = !shape.thin_left && left >= HOLDS_IN_PLACE && right >= HOLDS_OTHER;
    let right_holds = !shape.thin_right && right >= HOLDS_IN_PLACE && left >= HOLDS_OTHER;
    (both_edges || left_holds || right_holds).then_some((left, right))
}

fn exact_candidates<'a>(
    anchor: &'a Anchor,
    index: &'a TextIndex,
    found: Vec<Range<usize>>,
    shape: &'a Shape,
) -> impl Iterator<Item = Candidate> + 'a {
    found
        .into_iter()
        .filter(|r| keeps_word_boundaries(anchor, index, r))
        .map(move |r| Candidate::new(anchor, index, r, 0, shape))
}

fn fuzzy_candidates(anchor: &Anchor, index: &TextIndex, shape: &Shape) -> Vec<Candidate> {
    // Compared after typographic folding: straightened quotes or dashes inside the quote
    // cost nothing to find, and count as the chars that changed.
    let raw_quote: Vec<char> = anchor.quote.chars().collect();
    let pattern: Vec<char> = raw_quote.iter().map(|&c| fold(c)).collect();
    let m = pattern.len();
    let max_edits = (m as f64 * MAX_FUZZY_EDIT_SHARE).floor() as usize;
    let len = index.char_len();
    let mut found = Vec::new();
    for window in search_windows(anchor, index, m, max_edits) {
        let Some(window_text) = index.slice(window.clone()) else {
            continue;
        };
        let raw: Vec<char> = window_text.chars().collect();
        let hay: Vec<char> = raw.iter().map(|&c| fold(c)).collect();
        for (s, e, distance) in approximate_matches(&pattern, &hay, max_edits) {
            // Its ends differ from the quote's, where a close match would take in a
            // neighbour's chars; or it is the quote itself, found exactly already.
            let ends_differ = hay.get(s) != pattern.first() || hay.get(e - 1) != pattern.last();
            if ends_differ || raw[s..e] == raw_quote[..] {
                continue;
            }
            let distance = if distance == 0 {
                raw[s..e]
                    .iter()
                    .zip(&raw_quote)
                    .filter(|(a, b)| a != b)
                    .count()
            } else {
                distance
            };
            let range = index.snap_to_graphemes(window.start + s..window.start + e);
            if range.is_empty() || range.end > len || !keeps_word_boundaries(anchor, index, &range)
            {
                continue;
            }
            found.push(Candidate::new(anchor, index, range, distance, shape));
        }
    }
    found
}

/// Char ranges to search for a close match: around the old offsets, and where the stored
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The quick check only ever says yes where the full one does: an anchor exactly
        /// as tagged holds in place by the full rules too.
        #[test]
        fn an_anchor_as_tagged_holds_by_the_full_rules(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["a ", "the ", "talks", ", ", ".\n\n", "“", "”", "é", "会谈", "👍🏽", " "][..]),
                1..60,
            ),
            from in 0usize..400,
            len in 1usize..80,
        ) {
            let text = crate::text::normalize_article_text(&pieces.concat());
            let index = TextIndex::new(&text);
            let n = index.char_len();
            prop_assume!(n > 0);
            let start = from % n;
            let range = index.snap_to_graphemes(start..(start + len).min(n));
            if let Ok(anchor) = Anchor::new(&index, range) {
                prop_assert!(is_as_tagged(&anchor, &index));
                prop_assert!(
                    holding_in_place(&anchor, &index, &Shape::of(&anchor)).is_some(),
                    "{anchor:?}"
                );
                prop_assert_eq!(resolve_fully(&anchor, &index), Resolution::Intact);
            }
        }
    }
}
