//! The text core: what the reader, the find bar, anchoring and the command line share about
//! article text, with no GUI in it. Offsets are chars (Unicode scalar values) throughout;
//! [`TextIndex`] converts to bytes where a `&str` must be sliced.
//!
//! - [`index`]: char ↔ byte offsets and grapheme boundaries.
//! - [`motion`]: where the caret goes by grapheme and by word.
//! - [`selection`]: a selection as anchor and head, snapped to whole graphemes.
//! - [`search`]: the one search policy (exact or case-folded, whole words preferred).

pub mod find;
pub mod index;
pub mod motion;
pub mod search;
pub mod selection;
pub mod sentence;

use unicode_normalization::UnicodeNormalization;

pub use index::{TextIndex, is_grapheme_boundary_at_byte};
pub use selection::Selection;

/// Prepares text for storage, once, when an article is added: line endings become `\n`
/// and the text is NFC-normalised, so that the same words always have the same chars.
pub fn normalize_article_text(raw: &str) -> String {
    let unix = raw.replace("\r\n", "\n").replace('\r', "\n");
    // Most text is already NFC; the quick check skips the rewrite (ten times slower).
    if unicode_normalization::is_nfc_quick(unix.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return unix;
    }
    unix.nfc().collect()
}

/// `s` with its first letter a capital ("likely" → "Likely"), as a sentence starts.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// NFC form of a user-typed string (a quote to look for), matching [`normalize_article_text`].
pub fn normalize_query(raw: &str) -> String {
    raw.replace("\r\n", "\n").nfc().collect()
}

/// 1-based line and column (in chars) of a char offset, for messages.
pub fn line_col(index: &TextIndex, c: usize) -> (usize, usize) {
    let before = index.slice(0..c.min(index.char_len())).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

/// `s` on one line: every run of whitespace, line breaks included, one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` chars of `s` on one line, with an ellipsis when cut: for lists and messages.
pub fn snippet(s: &str, max: usize) -> String {
    let line = one_line(s);
    if line.chars().count() <= max {
        line
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_composes_and_unifies_line_endings() {
        assert_eq!(normalize_article_text("e\u{301}\r\nx\ry"), "é\nx\ny");
    }

    #[test]
    fn line_and_column_count_chars() {
        let text = "ab\nвгд\nz";
        let idx = TextIndex::new(text);
        assert_eq!(line_col(&idx, 0), (1, 1));
        assert_eq!(line_col(&idx, 5), (2, 3));
        assert_eq!(line_col(&idx, 7), (3, 1));
    }
}
