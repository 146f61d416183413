//! Property tests: a claim never points at the wrong words, whatever the script.

use briefing_notes::anchor::{
    Anchor, CONTEXT_CHARS, MatchKind, Resolution, find_occurrences, resolve,
};
use briefing_notes::text::{TextIndex, normalize_article_text};
use proptest::prelude::*;

/// Pieces of real-world text that break naive offset code.
const PIECES: &[&str] = &[
    "the ",
    "Kremlin ",
    "talks ",
    "said ",
    "“",
    "”",
    "‘",
    "’",
    " — ",
    "–",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "Ушаков ",
    "переговоры ",
    "«полезными» ",
    "会谈",
    "持续了",
    "近三个小时",
    "。",
    "👩‍👩‍👧",
    "👍🏽",
    "🇺🇦",
    "🇷🇺",
    "e\u{301}",
    "a\u{308}\u{323}",
    "\u{915}\u{94d}\u{937}",
    "ﬁ",
    "Ǆ",
    "\t",
    " ",
];

fn arb_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
            // Numbered words keep most long quotes unique, as in real articles.
            1 => (0u32..10_000).prop_map(|n| format!("w{n} ")),
        ],
        1..120,
    )
    .prop_map(|v| normalize_article_text(&v.concat()))
}

fn arb_insert() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..6).prop_map(|v| v.concat())
}

/// A text and a non-empty, grapheme-aligned span in it.
fn text_and_span() -> impl Strategy<Value = (String, std::ops::Range<usize>)> {
    arb_text()
        .prop_flat_map(|t| {
            let n = t.chars().count();
            (Just(t), 0..n, 1..=n.clamp(1, 60))
        })
        .prop_filter_map("empty span", |(t, s, len)| {
            let idx = TextIndex::new(&t);
            let r = idx.snap_to_graphemes(s..(s + len).min(idx.char_len()));
            (!r.is_empty()).then_some((t, r))
        })
}

fn replace_chars(text: &str, range: std::ops::Range<usize>, with: &str) -> String {
    let idx = TextIndex::new(text);
    let b = idx.byte_range(range).unwrap();
    format!("{}{}{}", &text[..b.start], with, &text[b.end..])
}

fn assert_sound(anchor: &Anchor, idx: &TextIndex, r: &Resolution) {
    if let Resolution::Moved { to, how } = r {
        assert!(to.end <= idx.char_len());
        assert!(idx.is_grapheme_boundary(to.start) && idx.is_grapheme_boundary(to.end));
        if *how == MatchKind::Exact {
            assert_eq!(idx.slice(to.clone()), Some(anchor.quote.as_str()));
        }
    }
}

/// Whether `to` holds the anchor's quote with the stored context on both sides, as far as
/// the paragraph's (or the text's) edge.
fn same_words_and_paragraph_context(
    a: &Anchor,
    idx: &TextIndex,
    to: &std::ops::Range<usize>,
) -> bool {
    let upto_edge = |s: &str, backwards: bool| -> String {
        let mut chars: Vec<char> = s.chars().collect();
        if backwards {
            chars.reverse();
        }
        let n = chars
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |k| k + 1);
        chars.truncate(n);
        chars.into_iter().collect()
    };
    let side = |stored: &str, actual: &str, backwards: bool| {
        let (s, a) = (upto_edge(stored, backwards), upto_edge(actual, backwards));
        s == a
            || s.trim_end_matches('\n') == a.trim_end_matches('\n')
                && (s.len() < 32 || a.len() < 32)
    };
    idx.slice(to.clone()) == Some(a.quote.as_str())
        && side(&a.prefix, idx.chars_before(to.start, 32), true)
        && side(&a.suffix, idx.chars_after(to.end, 32), false)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn offsets_and_quote_round_trip((text, span) in text_and_span()) {
        let idx = TextIndex::new(&text);
        let a = Anchor::new(&idx, span.clone()).unwrap();
        prop_assert_eq!(a.range(), span.clone());
        let chars: Vec<char> = text.chars().collect();
        let expected: String = chars[span.clone()].iter().collect();
        prop_assert_eq!(&a.quote, &expected);
        let before: String = chars[span.start.saturating_sub(32)..span.start].iter().collect();
        let after: String = chars[span.end..(span.end + 32).min(chars.len())].iter().collect();
        prop_assert_eq!(&a.prefix, &before);
        prop_assert_eq!(&a.suffix, &after);
        prop_assert!(a.is_intact(&idx));
        prop_assert_eq!(resolve(&a, &idx), Resolution::Intact);
    }

    #[test]
    fn edits_outside_the_span_keep_it_exact(
        (text, span) in text_and_span(),
        before in any::<bool>(),
        at in any::<prop::sample::Index>(),
        cut in 0usize..8,
        insert in arb_insert(),
    ) {
        let idx = TextIndex::new(&text);
        let a = Anchor::new(&idx, span.clone()).unwrap();
        let n = idx.char_len();
        // Outside means not touching: an edit right at the span's edge changes its words'
        // boundaries ("w0" becomes part of "w0the").
        let (edit, shift): (std::ops::Range<usize>, isize) = if before {
            if span.start < 2 { return Ok(()); }
            let e = at.index(span.start - 1);
            let s = e.saturating_sub(cut);
            (s..e, insert.chars().count() as isize - (e - s) as isize)
        } else {
            if span.end + 1 >= n { return Ok(()); }
            let s = span.end + 1 + at.index(n - span.end - 1);
            let e = (s + cut).min(n);
            (s..e, 0)
        };
        // Edits touch only whole graphemes outside the span.
        prop_assume!(idx.is_grapheme_boundary(edit.start) && idx.is_grapheme_boundary(edit.end));
        let new_text = replace_chars(&text, edit.clone(), &insert);
        let nidx = TextIndex::new(&new_text);
        // An edit that writes another copy of the quoted words makes the claim ambiguous by
        // content; that case is covered by the inside-edit property (never a wrong place).
        prop_assume!(find_occurrences(&nidx, &a.quote).len() <= find_occurrences(&idx, &a.quote).len());
        let expected = (span.start as isize + shift) as usize..(span.end as isize + shift) as usize;
        let r = resolve(&a, &nidx);
        assert_sound(&a, &nidx, &r);
        // Unless the edit glued onto the span's edge graphemes (a combining mark, a ZWJ, a
        // regional indicator), the words are where they were, shifted.
        let still_whole = nidx.slice(expected.clone()) == Some(a.quote.as_str())
            && nidx.is_grapheme_boundary(expected.start)
            && nidx.is_grapheme_boundary(expected.end);
        if still_whole {
            // An edit inside the stored context takes away evidence the claim needs to move
            // (both sides, for a decoy carries one): it may orphan the claim, never move it
            // elsewhere. An edit beyond the context must find the words.
            let in_context = if before {
                edit.end + CONTEXT_CHARS >= span.start
            } else {
                edit.start <= span.end + CONTEXT_CHARS
            };
            // Line breaks and spaces alone have nothing to be known by but their place.
            let blank = a.quote.trim().is_empty();
            let found = match &r {
                Resolution::Intact => a.range(),
                Resolution::Moved { to, .. } => to.clone(),
                Resolution::Orphaned(_) if in_context || blank => return Ok(()),
                Resolution::Orphaned(_) => panic!("orphaned although the words are intact at {expected:?}"),
            };
            // A copy of the words with the same context up to the paragraph's edges (a
            // repeated short paragraph) cannot be told from the claim's own place.
            if found != expected && same_words_and_paragraph_context(&a, &nidx, &found) {
                return Ok(());
            }
            prop_assert_eq!(found, expected.clone(), "edit {:?} → {:?}; new text {:?}; anchor {:?}", edit, insert, new_text, a);
        }
    }

    #[test]
    fn edits_inside_the_span_reanchor_there_or_orphan(
        (text, span) in text_and_span(),
        from in any::<prop::sample::Index>(),
        cut in 0usize..6,
        insert in arb_insert(),
    ) {
        let idx = TextIndex::new(&text);
        let a = Anchor::new(&idx, span.clone()).unwrap();
        let s = span.start + from.index(span.len());
        let e = (s + cut).min(span.end);
        prop_assume!(s < e || !insert.is_empty());
        // A quote deleted whole has no "edited words" to go to; see the unit tests.
        prop_assume!(!(s == span.start && e == span.end && insert.is_empty()));
        let new_text = replace_chars(&text, s..e, &insert);
        prop_assume!(new_text != text);
        let nidx = TextIndex::new(&new_text);
        let edited_end = span.end + insert.chars().count() - (e - s);
        let r = resolve(&a, &nidx);
        assert_sound(&a, &nidx, &r);
        match r {
            Resolution::Orphaned(_) => {}
            Resolution::Intact => {
                // Only possible when the edit left the same words at the same offsets.
                prop_assert_eq!(nidx.slice(a.range()), Some(a.quote.as_str()));
            }
            Resolution::Moved { to, .. } if same_words_and_paragraph_context(&a, &nidx, &to) => {
                // Another copy of the words, with the same context up to the paragraph's
                // edges: nothing in the text tells it from the claim's own place.
            }
            Resolution::Moved { to, how } => {
                // The edited words, give or take the edits a fuzzy match allows at its ends, and
                // the deleted chars' width (deleting one of "88" is the same edit either way):
                // never another place.
                let _ = how;
                let slack = a.quote_len() / 4 + (e - s);
                let edited = span.start..edited_end.max(span.start + 1);
                // Whole graphemes: an edit can glue the words onto a neighbouring cluster.
                let region = nidx.snap_to_graphemes(edited.start.saturating_sub(slack)..edited.end + slack);
                prop_assert!(to.start >= region.start && to.end <= region.end,
                    "moved to {:?}, outside {:?}", to, region);
                let overlap = to.end.min(edited.end).saturating_sub(to.start.max(edited.start));
                prop_assert!(2 * overlap >= to.len().min(edited.len()),
                    "moved to {:?}, edited words at {:?}", to, edited);
            }
        }
    }
}
