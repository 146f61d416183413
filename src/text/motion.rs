//! Where a caret goes, in char offsets: by grapheme cluster (never into the middle of an
//! emoji or an accented letter) and by Unicode word. The reader's keyboard and double-click
//! use these; they know nothing of layout (moving by visual row needs the galleys, and stays
//! in the reader).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::TextIndex;

/// How far a word jump looks: words are short, and the article may be megabytes long.
const WORD_SEARCH_BYTES: usize = 4096;

/// The start of the next grapheme cluster after `c` (the end of the text at most).
pub fn next_grapheme(index: &TextIndex, c: usize) -> usize {
    let len = index.char_len();
    let mut n = (c + 1).min(len);
    while n < len && !index.is_grapheme_boundary(n) {
        n += 1;
    }
    n
}

/// The start of the grapheme cluster before `c` (0 at most).
pub fn prev_grapheme(index: &TextIndex, c: usize) -> usize {
    let mut n = c.saturating_sub(1);
    while n > 0 && !index.is_grapheme_boundary(n) {
        n -= 1;
    }
    n
}

/// The word (by Unicode word boundaries) around char offset `c`.
pub fn word_at(index: &TextIndex, c: usize) -> Range<usize> {
    let text = index.text();
    let Some(b) = index.byte_of(c) else {
        return c..c;
    };
    // The line holding `b` bounds the search: words never cross a line break.
    let lo = text[..b].rfind('\n').map_or(0, |i| i + 1);
    let hi = text[b..].find('\n').map_or(text.len(), |i| b + i);
    for (start, word) in text[lo..hi].split_word_bound_indices() {
        let (start, end) = (lo + start, lo + start + word.len());
        if b >= start && b < end {
            let s = index.char_of(start).unwrap_or(c);
            let e = index.char_of(end).unwrap_or(c);
            return s..e;
        }
    }
    c..c
}

/// The end of the next word (letters or digits) after `c`.
pub fn next_word_end(index: &TextIndex, c: usize) -> usize {
    let text = index.text();
    let b = index.byte_of(c).unwrap_or(text.len());
    let hi = ceil_char_boundary(text, b + WORD_SEARCH_BYTES);
    text[b..hi]
        .split_word_bound_indices()
        .find(|(_, w)| w.chars().any(char::is_alphanumeric))
        .and_then(|(s, w)| index.char_of(b + s + w.len()))
        .unwrap_or(index.char_len())
}

/// The start of the word (letters or digits) before `c`.
pub fn prev_word_start(index: &TextIndex, c: usize) -> usize {
    let text = index.text();
    let b = index.byte_of(c).unwrap_or(text.len());
    let lo = floor_char_boundary(text, b.saturating_sub(WORD_SEARCH_BYTES));
    text[lo..b]
        .split_word_bound_indices()
        .rev()
        .find(|(_, w)| w.chars().any(char::is_alphanumeric))
        .and_then(|(s, _)| index.char_of(lo + s))
        .unwrap_or(0)
}

fn floor_char_boundary(text: &str, mut b: usize) -> usize {
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn ceil_char_boundary(text: &str, b: usize) -> usize {
    let mut b = b.min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_selection_uses_unicode_words() {
        let text = "Ушаков said “great progress”.";
        let idx = TextIndex::new(text);
        assert_eq!(idx.slice(word_at(&idx, 2)), Some("Ушаков"));
        assert_eq!(idx.slice(word_at(&idx, 15)), Some("great"));
        assert_eq!(next_word_end(&idx, 6), 11);
        assert_eq!(prev_word_start(&idx, 11), 7);
    }

    #[test]
    fn grapheme_steps_skip_whole_clusters() {
        let idx = TextIndex::new("a👩‍👩‍👧b");
        assert_eq!(next_grapheme(&idx, 1), 6);
        assert_eq!(prev_grapheme(&idx, 6), 1);
    }
}
