//! The evidence that a place in the new text is the claim's place: how much of the stored
//! context stands on each side, whether the words start and end where whole words did, and
//! whether a whole-paragraph quote is still a whole paragraph.
//!
//! Context is compared after typographic folding (curly and straight quotes, dashes, kinds
//! of space), so a claim is not lost because an editor straightened the quotes around it.

use std::ops::Range;

use super::{Anchor, CONTEXT_CHARS};
use crate::text::TextIndex;

/// Chars of the stored context compared as one piece beyond the first difference.
const CHUNK: usize = 6;
/// The last, shorter piece counts from this many chars.
const MIN_TAIL: usize = 3;
/// Fewer matching chars than this, short of the whole stored side, are no evidence.
const MIN_EVIDENCE: usize = 12;
/// For a short quote, whose words recur by chance, chars that must match right beside the
/// span before pieces further out count: the same context one char along (a copy of the
/// words shifted by an edit) earns nothing. A long quote's words do not recur one char
/// along, so a word inserted right beside it leaves the rest of its context counting.
const MIN_RUN_SHORT: usize = 8;
/// How far past the stored context's width its pieces may have been pushed by an insertion.
const SLACK: usize = 48;
/// The most chars an edit near the span may have inserted, or deleted, for the context
/// further out to still count.
const MAX_INSERTED: usize = 40;
const MAX_DELETED: usize = 12;

/// One char for one char, so that typography does not count as a change of context.
pub fn fold(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        // A line break is a paragraph's edge, not a kind of space.
        '\n' => '\n',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// How well one stored side of the context stands beside a place (0–1).
///
/// The stored chars are read outward from the span, up to and including the paragraph's
/// edge: what lies beyond it belongs to another paragraph, which may have been moved away
/// without the claim's own words changing. The run that matches right beside the span
/// counts, and (for a short quote only after a run of [`MIN_RUN_SHORT`] chars) so do pieces
/// of [`CHUNK`] chars further out that line up at one shift: an edit near the span breaks
/// the run, not the rest of the context. A side
/// stored shorter than [`CONTEXT_CHARS`] ended at the edge of the text: it counts in full
/// only where the new place is at an edge too.
pub fn side_score(stored: &str, actual_text: &str, backwards: bool, short: bool) -> f64 {
    let outward = |s: &str, n: usize| -> Vec<char> {
        if backwards {
            s.chars().rev().take(n).map(fold).collect()
        } else {
            s.chars().take(n).map(fold).collect()
        }
    };
    let mut stored = outward(stored, usize::MAX);
    // Most places agree in full or not at all: the chars beyond the stored side's width
    // are read only when pieces further out are looked for.
    let mut actual = outward(actual_text, stored.len() + 1);
    let text_edge = stored.len() < CONTEXT_CHARS;
    if let Some(k) = stored.iter().position(|&c| c == '\n') {
        stored.truncate(k + 1);
    }
    if stored.is_empty() {
        // The claim ran to the edge of the text: a paragraph's edge now is as good.
        return if actual.first().is_none_or(|&c| c == '\n') {
            1.0
        } else {
            0.0
        };
    }
    let run = stored
        .iter()
        .zip(&actual)
        .take_while(|(a, b)| a == b)
        .count();
    let paragraph_edge = stored.last() == Some(&'\n');
    if run == stored.len() {
        // Whole. A side that ended at the edge of the text needs an edge there now (of the
        // text or a paragraph); text running on says this is another place.
        let edge_now = actual.get(run).is_none_or(|&c| c == '\n');
        return if paragraph_edge || !text_edge || edge_now {
            1.0
        } else {
            0.0
        };
    }
    if paragraph_edge && run + 1 == stored.len() {
        // Everything up to the paragraph's edge, and then the text's edge (the paragraph is
        // now the first or last) — or no edge at all: the same words at another point of
        // another paragraph, which is not where the claim was.
        return if actual.len() == run { 1.0 } else { 0.0 };
    }
    let min_run = if short { MIN_RUN_SHORT } else { 0 };
    if run < min_run {
        return 0.0;
    }
    actual = outward(actual_text, usize::MAX);
    // Past the first difference, one edit (an insertion or a deletion) shifts the rest of
    // the context by the same amount: the pieces must line up at one shift. A lone piece
    // found somewhere is a common word, not context.
    let pieces: Vec<(usize, &[char])> = (run + 1..)
        .step_by(CHUNK)
        .take_while(|&pos| pos + MIN_TAIL <= stored.len())
        .map(|pos| (pos, &stored[pos..(pos + CHUNK).min(stored.len())]))
        .collect();
    let found_at = |piece: &[char], at: isize| {
        at >= 0 && actual.get(at as usize..at as usize + piece.len()) == Some(piece)
    };
    // The shifts at which any piece stands (an edit may have taken the first ones).
    let mut shifts: Vec<isize> = Vec::new();
    for &(pos, piece) in &pieces {
        for shift in -(MAX_DELETED as isize)..=(MAX_INSERTED as isize) {
            if found_at(piece, pos as isize + shift) && !shifts.contains(&shift) {
                shifts.push(shift);
            }
        }
    }
    let mut best = 0;
    for shift in shifts {
        let lined_up: Vec<usize> = pieces
            .iter()
            .filter(|(pos, piece)| found_at(piece, *pos as isize + shift))
            .map(|(_, piece)| piece.len())
            .collect();
        if lined_up.len() >= 2 {
            best = best.max(lined_up.iter().sum());
        }
    }
    let matched = run + best;
    if matched < MIN_EVIDENCE {
        // A word or so in common, as any two places in a text may have.
        return 0.0;
    }
    matched as f64 / stored.len() as f64
}

/// Both sides' scores for the place `range` of the indexed text, judged as for a short quote
/// when `short` (see [`side_score`]).
pub fn context_scores(
    anchor: &Anchor,
    index: &TextIndex,
    range: &Range<usize>,
    short: bool,
) -> (f64, f64) {
    let reach = |s: &str| s.chars().count() + SLACK;
    let before = index.chars_before(range.start, reach(&anchor.prefix));
    let after = index.chars_after(range.end, reach(&anchor.suffix));
    (
        side_score(&anchor.prefix, before, true, short),
        side_score(&anchor.suffix, after, false, short),
    )
}

fn wordy(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether a place keeps the word boundaries the stored quote had: a quote that began at the
/// start of a word must begin at the start of one now, and likewise at its end ("a" is never
/// re-anchored inside "Ukraine").
pub fn keeps_word_boundaries(anchor: &Anchor, index: &TextIndex, range: &Range<usize>) -> bool {
    let first = anchor.quote.chars().next();
    let last = anchor.quote.chars().last();
    let started_word = wordy(first) && !wordy(anchor.prefix.chars().last());
    let ended_word = wordy(last) && !wordy(anchor.suffix.chars().next());
    let before = index.chars_before(range.start, 1).chars().next();
    let after = index.chars_after(range.end, 1).chars().next();
    let slice = index.slice(range.clone()).unwrap_or("");
    let starts = wordy(slice.chars().next()) && !wordy(before);
    let ends = wordy(slice.chars().last()) && !wordy(after);
    (!started_word || starts) && (!ended_word || ends)
}

/// Whether the stored quote was a whole paragraph (a heading, a one-line paragraph), with or
/// without its line breaks.
pub fn was_whole_paragraph(anchor: &Anchor) -> bool {
    let q = &anchor.quote;
    let core = q.trim_matches('\n');
    !core.is_empty()
        && !core.contains('\n')
        && (q.starts_with('\n') || anchor.prefix.is_empty() || anchor.prefix.ends_with('\n'))
        && (q.ends_with('\n') || anchor.suffix.is_empty() || anchor.suffix.starts_with('\n'))
}

/// Whether `range` is a whole paragraph of the indexed text (its line breaks may be in it).
pub fn is_whole_paragraph(index: &TextIndex, range: &Range<usize>) -> bool {
    let text = index.slice(range.clone()).unwrap_or("");
    let before = index.chars_before(range.start, 1);
    let after = index.chars_after(range.end, 1);
    (text.starts_with('\n') || before.is_empty() || before == "\n")
        && (text.ends_with('\n') || after.is_empty() || after == "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_survives_an_edit_near_the_span() {
        let stored = "the foreign ministry said late on Monday that ";
        let stored = &stored[stored.len() - 32..];
        assert_eq!(side_score(stored, stored, true, false), 1.0);
        // Two words inserted three chars from the span: the rest still stands.
        let edited = stored.replace("on Monday", "on Monday evening, in Geneva,");
        assert!(side_score(stored, &edited, true, false) >= 0.5);
        // Random words beside a planted copy of the quote are no context at all.
        let other = "Shipping companies in the region, which";
        assert!(side_score(stored, other, true, false) < 0.2);
        // For a short quote a longer unbroken run must come first.
        assert!(side_score(stored, &edited, true, true) < 0.2);
    }

    #[test]
    fn context_stops_at_the_paragraph_edge() {
        // The claim opens its paragraph; the paragraph before it was moved away.
        assert_eq!(
            side_score("end of the one before.\n", "other words.\n", true, true),
            1.0
        );
        assert_eq!(side_score("end of the one before.\n", "", true, true), 1.0);
        assert!(side_score("end of the one before.\n", "other words. ", true, true) < 0.1);
        // The same words mid-paragraph elsewhere are not at the paragraph's start.
        assert_eq!(
            side_score("\nw2682 border ", ". w2682 border ", true, false),
            0.0
        );
    }

    #[test]
    fn typography_is_not_a_change_of_context() {
        assert_eq!(
            side_score("“a deal” – he said", "\"a deal\" - he said", false, false),
            1.0
        );
    }

    #[test]
    fn an_edge_counts_only_at_an_edge() {
        assert_eq!(side_score("", "", true, false), 1.0);
        assert_eq!(side_score("", "x", true, false), 0.0);
        assert_eq!(side_score("", "the paragraph before\n", true, false), 1.0);
        assert_eq!(side_score("Intro. ", "Intro. ", true, false), 1.0);
        assert_eq!(side_score("Intro. ", "New lead. Intro. ", true, false), 0.0);
        assert_eq!(side_score("Intro. ", "\nIntro. ", true, false), 1.0);
    }

    #[test]
    fn word_boundaries_are_kept() {
        let idx = TextIndex::new("a cat sat");
        let a = Anchor::new(&idx, 0..1).unwrap();
        let moved = TextIndex::new("Ukraine, a cat");
        assert!(
            !keeps_word_boundaries(&a, &moved, &(5..6)),
            "inside Ukraine"
        );
        assert!(keeps_word_boundaries(&a, &moved, &(9..10)));
    }
}
