//! The one search policy: how a quote or a query is found in an article's text.
//!
//! - Exact search ([`find_occurrences`]) is what anchoring and the command line's `tag` use:
//!   the words as written, overlapping matches included, never starting or ending inside a
//!   grapheme cluster.
//! - Case-folded search ([`Folded`]) is what the find bar uses: one char folds to one char, so
//!   offsets in the folded text are offsets in the article and a match is a range the reader
//!   can select directly.
//! - Whole words are preferred ([`prefer_whole_words`]): "rain" is not found in "Ukraine"
//!   unless every match is inside a word, so tagging part of a word stays possible.

use std::ops::Range;

use super::TextIndex;

/// Every place `needle` occurs in the text, as char ranges, overlapping ones included.
pub fn find_occurrences(index: &TextIndex, needle: &str) -> Vec<Range<usize>> {
    find_occurrences_in(index, needle, 0..index.char_len())
}

/// As [`find_occurrences`], for matches lying wholly inside the char range `within`.
pub fn find_occurrences_in(
    index: &TextIndex,
    needle: &str,
    within: Range<usize>,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let (Some(lo), Some(hi)) = (index.byte_of(within.start), index.byte_of(within.end)) else {
        return found;
    };
    if needle.is_empty() {
        return found;
    }
    let text = &index.text()[..hi];
    let needle_chars = needle.chars().count();
    let mut from = lo;
    while let Some(at) = text[from..].find(needle) {
        let b = from + at;
        if let Some(c) = index.char_of(b) {
            let range = c..c + needle_chars;
            if index.is_grapheme_boundary(range.start) && index.is_grapheme_boundary(range.end) {
                found.push(range);
            }
        }
        // Step one char, not the whole needle, so overlapping matches are found too.
        from = b + text[b..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Keeps the matches that do not start or end inside a word ("rain" is not in "Ukraine"),
/// unless every match does, so that tagging part of a word stays possible.
pub fn prefer_whole_words(
    index: &TextIndex,
    needle: &str,
    found: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let wordy = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (first, last) = (needle.chars().next(), needle.chars().last());
    let whole: Vec<_> = found
        .iter()
        .filter(|r| {
            let before = index.chars_before(r.start, 1).chars().next();
            let after = index.chars_after(r.end, 1).chars().next();
            let cuts_word = (wordy(first) && wordy(before)) || (wordy(last) && wordy(after));
            !cuts_word
        })
        .cloned()
        .collect();
    if whole.is_empty() { found } else { whole }
}

/// One char for one char: offsets in the folded text are offsets in the original.
pub fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A text's chars, case-folded one to one, for repeated case-insensitive searches in it.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    chars: Vec<char>,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        Self {
            chars: text.chars().map(fold).collect(),
        }
    }

    /// Where `query` occurs, ignoring case, as non-overlapping char ranges in text order.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let needle: Vec<char> = query.chars().map(fold).collect();
        let hay = &self.chars;
        let mut found = Vec::new();
        if needle.is_empty() || needle.len() > hay.len() {
            return found;
        }
        let first = needle[0];
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            if hay[i] == first && hay[i..i + needle.len()] == needle[..] {
                found.push(i..i + needle.len());
                i += needle.len();
            } else {
                i += 1;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_search_is_case_insensitive_in_char_offsets() {
        let folded = Folded::new("👍 Ушаков said; then УШАКОВ again");
        assert_eq!(folded.find_all("ушаков"), vec![2..8, 20..26]);
        assert!(folded.find_all("").is_empty());
    }

    #[test]
    fn exact_search_finds_overlaps_and_prefers_whole_words() {
        let idx = TextIndex::new("Ukraine: rain, rain");
        let found = find_occurrences(&idx, "rain");
        assert_eq!(found, vec![2..6, 9..13, 15..19]);
        assert_eq!(prefer_whole_words(&idx, "rain", found), vec![9..13, 15..19]);
        let idx = TextIndex::new("aaa");
        assert_eq!(find_occurrences(&idx, "aa"), vec![0..2, 1..3]);
        let inside = find_occurrences(&idx, "a");
        assert_eq!(prefer_whole_words(&idx, "a", inside.clone()), inside);
    }
}
