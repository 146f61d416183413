//! No claim lands on the wrong words, whatever happens to the text: generated articles are
//! tagged, changed in every way the perturbation harness knows (edits, typos, rewrites,
//! deleted, reordered and duplicated paragraphs, typography, decoys) and re-anchored.
//! `examples/anchor_eval.rs` runs the same harness over real news pages and counts orphans.

#[path = "support/perturb.rs"]
mod perturb;

use perturb::{Class, Outcome, Rng, trial};
use proptest::prelude::*;

/// Common words recur by chance, as in news prose; numbered ones keep long quotes distinct.
const WORDS: &[&str] = &[
    "the",
    "talks",
    "said",
    "officials",
    "in",
    "a",
    "of",
    "to",
    "and",
    "on",
    "that",
    "would",
    "not",
    "Kremlin",
    "ministry",
    "Tuesday",
    "Geneva",
    "border",
    "deal",
    "according",
    "people",
    "with",
    "knowledge",
    "call",
    "reported",
    "denied",
    "land",
    "swaps",
    "peace",
    "summit",
    "Ушаков",
    "переговоры",
    "会谈",
    "e\u{301}té",
];

/// An article: paragraphs of sentences, with quotes, dashes and — where `repeats` — the odd
/// sentence said twice.
fn article(seed: u64, repeats: bool) -> String {
    let mut rng = Rng::new(seed);
    let mut paragraphs = Vec::new();
    let mut last_sentence = String::new();
    for _ in 0..3 + rng.below(10) {
        let mut sentences = Vec::new();
        for _ in 0..1 + rng.below(5) {
            if repeats && rng.chance(2) && !last_sentence.is_empty() {
                sentences.push(last_sentence.clone());
                continue;
            }
            let words: Vec<String> = (0..4 + rng.below(16))
                .map(|_| {
                    if rng.chance(25) {
                        format!("w{}", rng.below(5000))
                    } else {
                        WORDS[rng.below(WORDS.len())].to_owned()
                    }
                })
                .collect();
            let mut s = words.join(" ");
            if rng.chance(20) {
                s = format!("“{s}”, {} said", WORDS[rng.below(WORDS.len())]);
            }
            if rng.chance(10) {
                s = s.replacen(' ', " — ", 1);
            }
            last_sentence = format!("{s}.");
            sentences.push(last_sentence.clone());
        }
        paragraphs.push(sentences.join(" "));
    }
    paragraphs.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_claim_lands_on_other_words(seed in any::<u64>(), class in 0..Class::ALL.len()) {
        let class = Class::ALL[class];
        // A sentence said twice leaves the claim's words, with most of its context, in the
        // other place: where the words are taken away, or both copies are edited differently,
        // going there is not wrong and the harness could not tell right from wrong. Repeats
        // are kept where whole paragraphs move or are copied.
        let text = article(seed, matches!(class, Class::Reorder | Class::Duplicate));
        for (outcome, what) in trial(&text, class, seed, 12) {
            prop_assert!(outcome != Outcome::Wrong, "{}\ntext: {:?}", what, text);
        }
    }
}

/// Where the words survive unchanged, nearly every claim is found (the rest are orphaned,
/// never moved); measured over many generated articles, not asserted per case.
#[test]
fn claims_whose_words_survive_are_found() {
    let (mut found, mut orphaned) = (0, 0);
    for seed in 0..300u64 {
        for class in Class::ALL.into_iter().filter(|c| c.words_survive()) {
            let text = article(seed, matches!(class, Class::Reorder | Class::Duplicate));
            for (outcome, what) in trial(&text, class, seed, 12) {
                match outcome {
                    Outcome::Correct | Outcome::Copy => found += 1,
                    Outcome::Orphaned => orphaned += 1,
                    Outcome::Wrong => panic!("{what}"),
                }
            }
        }
    }
    let rate = orphaned as f64 / (found + orphaned) as f64;
    assert!(found > 5000, "{found} claims judged");
    // Generated prose repeats a few dozen words, so context agrees by chance more often than
    // in news text (0.23 % there, `examples/anchor_eval.rs`): a bound, not the figure.
    assert!(rate < 0.02, "{orphaned} of {} orphaned", found + orphaned);
}
