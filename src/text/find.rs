//! Finding words across a whole briefing: every article, each match with the words around
//! it, so a list of results can be read without opening each article.

use std::collections::HashMap;
use std::ops::Range;

use super::TextIndex;
use super::search::Folded;
use crate::model::{ArticleId, Briefing};

/// Words shown on each side of a match, at most.
const CONTEXT_CHARS: usize = 48;

/// One match: where it is, and how it reads in place.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub article: ArticleId,
    pub range: Range<usize>,
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// The articles' texts case-folded once, kept between queries while the texts stay the same
/// (known by their length and SHA-256).
#[derive(Default)]
pub struct BriefingFolds {
    folded: HashMap<ArticleId, ((usize, String), Folded)>,
}

impl BriefingFolds {
    /// Every match of `query` in the briefing (case-insensitive), in article order, at most
    /// `limit`; the second value says whether there were more.
    pub fn find(&mut self, b: &Briefing, query: &str, limit: usize) -> (Vec<Hit>, bool) {
        let mut hits = Vec::new();
        if query.trim().is_empty() {
            return (hits, false);
        }
        self.folded.retain(|id, _| b.article(*id).is_some());
        for a in &b.articles {
            let key = (a.text.len(), a.sha256.clone());
            let entry = self
                .folded
                .entry(a.id)
                .or_insert_with(|| (key.clone(), Folded::new(&a.text)));
            if entry.0 != key {
                *entry = (key, Folded::new(&a.text));
            }
            let found = entry.1.find_all(query);
            if found.is_empty() {
                continue;
            }
            let index = TextIndex::new(&a.text);
            for range in found {
                if hits.len() == limit {
                    return (hits, true);
                }
                hits.push(hit(&index, a.id, range));
            }
        }
        (hits, false)
    }
}

fn hit(index: &TextIndex, article: ArticleId, range: Range<usize>) -> Hit {
    // The context stays in the match's paragraph, on one line.
    let before = index.chars_before(range.start, CONTEXT_CHARS);
    let before = before.rsplit('\n').next().unwrap_or(before);
    let after = index.chars_after(range.end, CONTEXT_CHARS);
    let after = after.split('\n').next().unwrap_or(after);
    Hit {
        article,
        matched: index.slice(range.clone()).unwrap_or_default().to_owned(),
        before: squash(before).trim_start().to_owned(),
        after: squash(after).trim_end().to_owned(),
        range,
    }
}

/// Runs of whitespace as one space.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleMeta, now};

    fn briefing(texts: &[&str]) -> Briefing {
        let mut b = Briefing::new("t", "");
        for t in texts {
            b.articles
                .push(Article::new(ArticleMeta::default(), t, now()));
        }
        b
    }

    #[test]
    fn finds_in_every_article_with_context_from_the_same_paragraph() {
        let b = briefing(&[
            "First line.\nThe Kremlin said the call was long.",
            "Nothing here.",
            "Ушаков: the KREMLIN denied it. The Kremlin again.",
        ]);
        let (hits, more) = BriefingFolds::default().find(&b, "kremlin", 10);
        assert!(!more);
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].article, b.articles[0].id);
        assert_eq!(hits[0].before, "The ");
        assert_eq!(hits[0].matched, "Kremlin");
        assert_eq!(hits[0].after, " said the call was long.");
        assert_eq!(hits[1].matched, "KREMLIN");
        assert_eq!(hits[1].range, 12..19);
        assert_eq!(hits[2].article, b.articles[2].id);
    }

    #[test]
    fn stops_at_the_limit_and_follows_changed_texts() {
        let mut b = briefing(&["a a a a"]);
        let mut folds = BriefingFolds::default();
        let (hits, more) = folds.find(&b, "a", 2);
        assert_eq!((hits.len(), more), (2, true));
        b.articles[0].text = "b a".into();
        let (hits, _) = folds.find(&b, "a", 10);
        let ranges: Vec<_> = hits.iter().map(|h| h.range.clone()).collect();
        assert_eq!(ranges, vec![2..3]);
        assert!(folds.find(&b, "  ", 10).0.is_empty());
    }
}
