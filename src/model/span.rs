//! A stretch of an article's text by char offsets, written in the file as one short string
//! ("120..245") so that each is one line of a diff.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl FromStr for Span {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("“{s}” is not a span of text (start..end)");
        let (a, b) = s.trim().split_once("..").ok_or_else(bad)?;
        let start = a.trim().parse().map_err(|_| bad())?;
        let end = b.trim().parse().map_err(|_| bad())?;
        if start > end {
            return Err(bad());
        }
        Ok(Span { start, end })
    }
}

serde_as_string!(Span);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_read_as_start_dot_dot_end() {
        let s = Span { start: 12, end: 40 };
        assert_eq!(s.to_string(), "12..40");
        assert_eq!("12..40".parse::<Span>(), Ok(s));
        assert!("40..12".parse::<Span>().is_err());
        assert!("12-40".parse::<Span>().is_err());
    }
}
