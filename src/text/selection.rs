//! A selection in an article: where it started (the anchor, which stays put while the
//! selection is extended) and where it ends (the head, which moves), in char offsets, as in
//! helix. A caret is a selection whose anchor and head are equal.

use std::ops::Range;

use super::TextIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started (stays put while extending).
    pub anchor: usize,
    /// The moving end.
    pub head: usize,
}

impl Selection {
    /// A selection running forward over `range`.
    pub fn over(range: Range<usize>) -> Self {
        Self {
            anchor: range.start,
            head: range.end,
        }
    }

    /// An empty selection at `c`.
    pub fn caret(c: usize) -> Self {
        Self { anchor: c, head: c }
    }

    /// The selected chars, whichever way the selection runs.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }

    /// The same anchor, with the head moved to `head`.
    pub fn extended_to(self, head: usize) -> Self {
        Self { head, ..self }
    }

    /// Widened to whole grapheme clusters, keeping its direction.
    pub fn snapped(self, index: &TextIndex) -> Self {
        let r = index.snap_to_graphemes(self.range());
        if self.head >= self.anchor {
            Self::over(r)
        } else {
            Self {
                anchor: r.end,
                head: r.start,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapping_widens_to_graphemes_and_keeps_direction() {
        let idx = TextIndex::new("a👩‍👩‍👧b");
        let backward = Selection { anchor: 3, head: 0 }.snapped(&idx);
        assert_eq!((backward.anchor, backward.head), (6, 0));
        assert_eq!(
            Selection::caret(2).extended_to(4).snapped(&idx).range(),
            1..6
        );
    }
}
