//! Generated inputs for the performance report and the benches: seeded, so every run
//! measures the same text.

use briefing_notes::anchor::Anchor;
use briefing_notes::model::{Article, ArticleMeta, Claim, Status, now};
use briefing_notes::text::TextIndex;

/// xorshift64*: deterministic, good enough to make prose that never repeats.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// About `bytes` of prose: paragraphs of two to four sentences of made-up words.
pub fn prose(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    const SYLLABLES: &[&str] = &[
        "ka", "ro", "mi", "ten", "sa", "vor", "li", "an", "del", "ust", "pe", "ra", "no", "gri",
        "bel", "tho", "cen", "mar", "is", "ol",
    ];
    let vocabulary: Vec<String> = (0..3000)
        .map(|_| {
            (0..1 + rng.below(3))
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect();
    let mut text = String::with_capacity(bytes + 512);
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for s in 0..2 + rng.below(3) {
            if s > 0 {
                text.push(' ');
            }
            let words = 8 + rng.below(14);
            for w in 0..words {
                let word = &vocabulary[rng.below(vocabulary.len())];
                if w == 0 {
                    let mut c = word.chars();
                    if let Some(f) = c.next() {
                        text.extend(f.to_uppercase());
                        text.push_str(c.as_str());
                    }
                } else {
                    text.push(' ');
                    text.push_str(word);
                }
                if w + 1 < words && rng.below(9) == 0 {
                    text.push(',');
                }
            }
            text.push('.');
        }
    }
    text
}

/// An article with `claims` claims spread evenly through it, each a few words long.
pub fn article_with_claims(text: &str, claims: usize, seed: u64) -> Article {
    let mut rng = Rng(seed);
    let mut a = Article::new(
        ArticleMeta {
            title: format!("Generated report ({} bytes)", text.len()),
            ..ArticleMeta::default()
        },
        text,
        now(),
    );
    let body = a.text.clone();
    let idx = TextIndex::new(&body);
    let n = idx.char_len();
    for i in 0..claims {
        let start = (n * i / claims.max(1)).min(n.saturating_sub(200));
        let len = 30 + rng.below(90);
        let range = idx.snap_to_graphemes(start..(start + len).min(n));
        if let Ok(anchor) = Anchor::new(&idx, range) {
            a.insert_claim(Claim::new(Status::ALL[i % 3], anchor, now()));
        }
    }
    a
}

/// `edits` random word-sized insertions and deletions, away from nothing in particular.
#[allow(dead_code)] // the benches measure unedited text
pub fn edited(text: &str, edits: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..edits {
        let at = rng.below(chars.len().max(1));
        if rng.below(2) == 0 {
            chars.splice(at..at, " inserted words ".chars());
        } else {
            let end = (at + 1 + rng.below(12)).min(chars.len());
            chars.drain(at..end);
        }
    }
    chars.into_iter().collect()
}

/// About `bytes` of news prose with attributions in it: quotations, "said", "according
/// to", pronouns and relaying outlets, with names drawn at random — for timing the
/// attribution engine on a long article.
#[allow(dead_code)]
pub fn news(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    const FIRST: &[&str] = &[
        "Anna", "Tom", "Maria", "Omar", "Lena", "Paulo", "Karin", "Jon",
    ];
    const LAST: &[&str] = &[
        "Keller", "Brandt", "Oliveira", "Haddad", "Fischer", "Santos",
    ];
    const OUTLETS: &[&str] = &["Reuters", "the BBC", "The New York Times", "CNN"];
    const TEMPLATES: &[&str] = &[
        "“We will not accept these terms,” said Foreign Minister {F} {L}. She added that talks would resume on Monday.",
        "According to {O}, the deal would cut tariffs by half, according to two officials familiar with the plan.",
        "{F} {L}, a spokesman for the ministry, told {O} that the border had been closed overnight.",
        "The markets rose after the announcement. Analysts said the gains were unlikely to last.",
        "Mr. {L} denied that any payment had been made. He said the accounts were open to inspection.",
        "The committee met on Tuesday and adjourned without a vote, the third delay this month.",
        "The company confirmed that 40 jobs would go. It said the cuts were needed to stay in business.",
        "{F} {L} was reportedly unhappy with the outcome, and the talks were postponed.",
    ];
    let mut text = String::with_capacity(bytes + 512);
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let t = TEMPLATES[rng.below(TEMPLATES.len())];
        text.push_str(
            &t.replace("{F}", FIRST[rng.below(FIRST.len())])
                .replace("{L}", LAST[rng.below(LAST.len())])
                .replace("{O}", OUTLETS[rng.below(OUTLETS.len())]),
        );
    }
    text
}
