//! Fast char ↔ byte offset conversion and grapheme boundaries.
//!
//! Anchors count Unicode scalar values (chars); Rust strings are indexed by bytes. Every
//! conversion between the two goes through [`TextIndex`], so no caller walks `chars().nth()`
//! per offset (O(n) each) on a long article.

use std::ops::Range;

use unicode_segmentation::GraphemeCursor;

/// Chars between two checkpoints of [`TextIndex`]: a lookup walks at most this many chars.
const STRIDE: usize = 64;

/// Char ↔ byte offset map over one text, built in one pass.
#[derive(Debug, Clone)]
pub struct TextIndex<'a> {
    text: &'a str,
    /// Byte offset of every `STRIDE`-th char; empty when the text is ASCII (offsets coincide).
    checkpoints: Vec<usize>,
    char_len: usize,
}

impl<'a> TextIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Self {
                text,
                checkpoints: Vec::new(),
                char_len: text.len(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        Self {
            text,
            checkpoints,
            char_len,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn char_len(&self) -> usize {
        self.char_len
    }

    fn is_ascii(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Byte offset of char offset `c`; `None` past the end (`c == char_len` is the end).
    pub fn byte_of(&self, c: usize) -> Option<usize> {
        if c > self.char_len {
            return None;
        }
        if self.is_ascii() {
            return Some(c);
        }
        if c == self.char_len {
            return Some(self.text.len());
        }
        let start = self.checkpoints[c / STRIDE];
        let skip = c % STRIDE;
        self.text[start..]
            .char_indices()
            .nth(skip)
            .map(|(b, _)| start + b)
    }

    /// Char offset of byte offset `b`; `None` if `b` is past the end or inside a char.
    pub fn char_of(&self, b: usize) -> Option<usize> {
        if b > self.text.len() || !self.text.is_char_boundary(b) {
            return None;
        }
        if self.is_ascii() {
            return Some(b);
        }
        let block = self.checkpoints.partition_point(|&cp| cp <= b) - 1;
        let start = self.checkpoints[block];
        Some(block * STRIDE + self.text[start..b].chars().count())
    }

    /// Byte range of a char range; `None` if it is reversed or runs past the end.
    pub fn byte_range(&self, chars: Range<usize>) -> Option<Range<usize>> {
        if chars.start > chars.end {
            return None;
        }
        Some(self.byte_of(chars.start)?..self.byte_of(chars.end)?)
    }

    /// The text of a char range; `None` if the range is not inside the text.
    pub fn slice(&self, chars: Range<usize>) -> Option<&'a str> {
        self.byte_range(chars).map(|r| &self.text[r])
    }

    /// Up to `n` chars ending at char offset `end`.
    pub fn chars_before(&self, end: usize, n: usize) -> &'a str {
        let end = end.min(self.char_len);
        self.slice(end.saturating_sub(n)..end).unwrap_or("")
    }

    /// Up to `n` chars starting at char offset `start`.
    pub fn chars_after(&self, start: usize, n: usize) -> &'a str {
        let start = start.min(self.char_len);
        self.slice(start..(start + n).min(self.char_len))
            .unwrap_or("")
    }

    /// Whether char offset `c` falls between two grapheme clusters (the ends of the text count).
    pub fn is_grapheme_boundary(&self, c: usize) -> bool {
        match self.byte_of(c) {
            Some(b) => is_grapheme_boundary_at_byte(self.text, b),
            None => false,
        }
    }

    /// The smallest range of whole grapheme clusters that contains `chars` (clamped to the text).
    pub fn snap_to_graphemes(&self, chars: Range<usize>) -> Range<usize> {
        let start = chars.start.min(self.char_len);
        let end = chars.end.clamp(start, self.char_len);
        let (Some(bs), Some(be)) = (self.byte_of(start), self.byte_of(end)) else {
            return start..end;
        };
        let bs = prev_grapheme_boundary(self.text, bs);
        let be = next_grapheme_boundary(self.text, be);
        // Both are char boundaries by construction.
        let s = self.char_of(bs).unwrap_or(start);
        let e = self.char_of(be).unwrap_or(end);
        s..e
    }
}

pub fn is_grapheme_boundary_at_byte(text: &str, b: usize) -> bool {
    if b == 0 || b == text.len() {
        return true;
    }
    if !text.is_char_boundary(b) {
        return false;
    }
    let mut cursor = GraphemeCursor::new(b, text.len(), true);
    // The whole text is the one chunk, so the cursor never asks for more context.
    cursor.is_boundary(text, 0).unwrap_or(true)
}

/// The nearest grapheme boundary at or before byte `b`.
fn prev_grapheme_boundary(text: &str, b: usize) -> usize {
    if is_grapheme_boundary_at_byte(text, b) {
        return b;
    }
    let mut cursor = GraphemeCursor::new(b, text.len(), true);
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

/// The nearest grapheme boundary at or after byte `b`.
fn next_grapheme_boundary(text: &str, b: usize) -> usize {
    if is_grapheme_boundary_at_byte(text, b) {
        return b;
    }
    let mut cursor = GraphemeCursor::new(b, text.len(), true);
    cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_round_trip_on_mixed_scripts() {
        let text = "Привет — “мир” 你好 👩‍👩‍👧 e\u{301}".repeat(20);
        let idx = TextIndex::new(&text);
        assert_eq!(idx.char_len(), text.chars().count());
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.byte_of(c), Some(b));
            assert_eq!(idx.char_of(b), Some(c));
        }
        assert_eq!(idx.byte_of(idx.char_len()), Some(text.len()));
        assert_eq!(idx.byte_of(idx.char_len() + 1), None);
        assert_eq!(idx.char_of(1), None, "inside a Cyrillic letter");
    }

    #[test]
    fn ascii_fast_path_matches_general_path() {
        let idx = TextIndex::new("plain words");
        assert_eq!(idx.slice(6..11), Some("words"));
        assert_eq!(idx.slice(6..12), None);
        assert_eq!(idx.char_of(11), Some(11));
    }

    #[test]
    fn grapheme_snapping_never_splits_a_cluster() {
        let text = "a👩‍👩‍👧b";
        let idx = TextIndex::new(text);
        assert!(idx.is_grapheme_boundary(1));
        assert!(!idx.is_grapheme_boundary(2), "inside the ZWJ family");
        assert_eq!(idx.snap_to_graphemes(2..3), 1..6);
        let combining = "xe\u{301}y";
        let idx = TextIndex::new(combining);
        assert!(!idx.is_grapheme_boundary(2));
        assert_eq!(idx.snap_to_graphemes(1..2), 1..3);
    }
}
