//! "The same claim elsewhere?": claims in other articles worded like this one, so that an
//! analyst links corroboration across outlets in one step.

use std::collections::BTreeSet;

use crate::model::{Briefing, ClaimId};

/// Words too common to say two quotes are about the same thing.
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "that", "with", "was", "were", "are", "his", "her", "its", "has", "had",
    "have", "not", "but", "from", "this", "they", "their", "them", "said", "says", "would", "will",
    "been", "which", "who", "what", "when", "about", "into", "after", "than", "also", "there",
    "our", "out", "all", "any", "can", "could", "should", "may",
];

/// How many of the shorter quote's words must be in the other, and how many at least.
const MIN_OVERLAP: f32 = 0.6;
const MIN_SHARED: usize = 2;
const MAX_OFFERED: usize = 5;

/// The words of a quote that carry its meaning, cut to a stem so that "negotiations" and
/// "negotiating" meet.
fn stems(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

/// Claims in the other articles whose quotes share most of their words with `claim`'s,
/// best first, with the share (0–1).
pub fn similar_claims(b: &Briefing, claim: ClaimId) -> Vec<(ClaimId, f32)> {
    let Some((home, this)) = b.find_claim(claim) else {
        return Vec::new();
    };
    let mine = stems(&this.anchor.quote);
    let mut found: Vec<(ClaimId, f32)> = b
        .claims()
        .filter(|(a, _)| a.id != home.id)
        .filter_map(|(_, c)| {
            let theirs = stems(&c.anchor.quote);
            let shared = mine.intersection(&theirs).count();
            let smaller = mine.len().min(theirs.len());
            let enough = shared >= MIN_SHARED.min(smaller) && smaller > 0;
            let share = shared as f32 / smaller.max(1) as f32;
            (enough && share >= MIN_OVERLAP).then_some((c.id, share))
        })
        .collect();
    found.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    found.truncate(MAX_OFFERED);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Anchor;
    use crate::model::{Article, ArticleMeta, Claim, Status, now};
    use crate::text::TextIndex;

    fn article_with(text: &str, quote: &str) -> (Article, ClaimId) {
        let mut a = Article::new(ArticleMeta::default(), text, now());
        let index = TextIndex::new(&a.text);
        let start = a.text.find(quote).unwrap();
        let range = index.char_of(start).unwrap()..index.char_of(start + quote.len()).unwrap();
        let c = Claim::new(Status::Reported, Anchor::new(&index, range).unwrap(), now());
        let id = c.id;
        a.claims.push(c);
        (a, id)
    }

    #[test]
    fn the_same_report_in_other_words_is_offered_and_other_claims_are_not() {
        let (a, mine) = article_with(
            "Putin would be open to peace talks in exchange for discussing potential land swaps.",
            "open to peace talks in exchange for discussing potential land swaps",
        );
        let (b2, same) = article_with(
            "The Russian leader is open to discussing land swaps as part of peace talks, it said.",
            "open to discussing land swaps as part of peace talks",
        );
        let (c3, other) = article_with(
            "The call lasted nearly three hours, the Kremlin said.",
            "The call lasted nearly three hours",
        );
        let mut b = Briefing::new("T", "");
        b.articles = vec![a, b2, c3];
        let found = similar_claims(&b, mine);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, same);
        assert!(similar_claims(&b, other).is_empty());
        assert!(similar_claims(&b, ClaimId::new()).is_empty());
    }
}
