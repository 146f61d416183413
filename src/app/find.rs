//! Find in the article: case-insensitive, over chars, so matches are char ranges the reader
//! can select directly.

use std::ops::Range;

use crate::model::ArticleId;

#[derive(Default)]
pub struct Find {
    pub open: bool,
    pub query: String,
    /// Ask the find field to take focus on the next frame.
    pub focus: bool,
    pub matches: Vec<Range<usize>>,
    /// Index into `matches` of the match shown, once the user has moved to one.
    pub current: Option<usize>,
    searched: Option<(ArticleId, String)>,
    /// The article's chars, lower-cased one to one, so offsets stay the article's.
    folded: Option<(ArticleId, Vec<char>)>,
}

/// One char for one char: offsets in the folded text are offsets in the article.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl Find {
    /// Recomputes matches when the query or the article changed.
    pub fn update(&mut self, article: ArticleId, text: &str) {
        if self.searched.as_ref() == Some(&(article, self.query.clone())) {
            return;
        }
        if self.folded.as_ref().map(|(id, _)| *id) != Some(article) {
            self.folded = Some((article, text.chars().map(fold).collect()));
        }
        self.searched = Some((article, self.query.clone()));
        self.current = None;
        self.matches.clear();
        let needle: Vec<char> = self.query.chars().map(fold).collect();
        let Some((_, hay)) = &self.folded else {
            return;
        };
        if needle.is_empty() || needle.len() > hay.len() {
            return;
        }
        let first = needle[0];
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            if hay[i] == first && hay[i..i + needle.len()] == needle[..] {
                self.matches.push(i..i + needle.len());
                i += needle.len();
            } else {
                i += 1;
            }
        }
    }

    /// The next match after char offset `from` (wrapping), made current.
    pub fn next(&mut self, from: Option<usize>) -> Option<Range<usize>> {
        if self.matches.is_empty() {
            return None;
        }
        let i = match (self.current, from) {
            (Some(c), _) => (c + 1) % self.matches.len(),
            (None, Some(f)) => self.matches.iter().position(|m| m.start >= f).unwrap_or(0),
            (None, None) => 0,
        };
        self.current = Some(i);
        Some(self.matches[i].clone())
    }

    pub fn previous(&mut self) -> Option<Range<usize>> {
        if self.matches.is_empty() {
            return None;
        }
        let n = self.matches.len();
        let i = match self.current {
            Some(c) => (c + n - 1) % n,
            None => n - 1,
        };
        self.current = Some(i);
        Some(self.matches[i].clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_in_char_offsets() {
        let mut f = Find {
            query: "ушаков".into(),
            ..Default::default()
        };
        let id = ArticleId::new();
        let text = "👍 Ушаков said; then УШАКОВ again";
        f.update(id, text);
        assert_eq!(f.matches, vec![2..8, 20..26]);
        assert_eq!(f.next(None), Some(2..8));
        assert_eq!(f.next(None), Some(20..26));
        assert_eq!(f.next(None), Some(2..8), "wraps");
        assert_eq!(f.previous(), Some(20..26));
    }
}
