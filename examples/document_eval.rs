//! How well PDF and DOCX import recovers articles, scored as
//! `../shared/testdata/documents/README.md` describes:
//! `cargo run --release --example document_eval -- ../shared/testdata/documents`.
//!
//! Each folder holds `article.pdf`, `article.docx` and `expected.txt`. Per file this prints
//! word-level F1 (bag of lower-cased `\w+` words, each CJK character a word), the share of
//! expected sentences of six words or more found verbatim (after NFKC, straight quotes and
//! collapsed whitespace), whether the title is the expected text's first line, and the import
//! time in process; then the means per format.

use std::path::PathBuf;
use std::time::Instant;

use briefing_notes::import::{ImportOptions, import_file};
use scoring::{f1, is_cjk, words};
use unicode_normalization::UnicodeNormalization;

#[path = "support/scoring.rs"]
mod scoring;

fn normalize(s: &str) -> String {
    let s: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !(out.chars().last().is_some_and(is_cjk) && is_cjk(c)) {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Sentences of `expected.txt`: each line split after `.`, `!`, `?` (or their CJK forms)
/// followed by a space or the line's end.
fn sentences(expected: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in expected.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut start = 0;
        for i in 0..chars.len() {
            let end = matches!(chars[i], '.' | '!' | '?' | '。' | '！' | '？')
                && chars
                    .get(i + 1)
                    .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\''));
            if end || i + 1 == chars.len() {
                let s: String = chars[start..=i].iter().collect();
                let s = s.trim().to_owned();
                if !s.is_empty() {
                    out.push(s);
                }
                start = i + 1;
            }
        }
    }
    out.into_iter()
        .filter(|s| words(s).values().sum::<usize>() >= 6)
        .collect()
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/testdata/documents"));
    let only = std::env::args().nth(2);
    let mut docs: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.join("expected.txt").is_file())
            .collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    docs.sort();
    for kind in ["pdf", "docx"] {
        if only.as_deref().is_some_and(|o| o != kind) {
            continue;
        }
        println!(
            "{:<16} {:>6} {:>9} {:>6} {:>8}",
            kind, "F1", "sentences", "title", "ms"
        );
        let (mut f1s, mut sents, mut times) = (Vec::new(), Vec::new(), Vec::new());
        let mut titles = 0;
        for doc in &docs {
            let name = doc
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let expected = std::fs::read_to_string(doc.join("expected.txt")).unwrap_or_default();
            let path = doc.join(format!("article.{kind}"));
            let start = Instant::now();
            let result = import_file(&path, ImportOptions::default());
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            // The expected text starts with the article's title.
            let wanted = expected.lines().next().unwrap_or_default().trim();
            let title_ok = result.as_ref().is_ok_and(|i| i.meta.title == wanted);
            titles += usize::from(title_ok);
            let text = match result {
                Ok(i) => i.text,
                Err(e) => {
                    println!("{name:<16} error: {e}");
                    String::new()
                }
            };
            if std::env::var_os("SHOW").is_some() {
                let _ = std::fs::write(format!("/tmp/doc-{name}.{kind}.txt"), &text);
            }
            let score = f1(&text, &expected);
            let got = normalize(&text);
            let expected_sentences = sentences(&expected);
            let found = expected_sentences
                .iter()
                .filter(|s| {
                    let hit = got.contains(&normalize(s));
                    if !hit && std::env::var_os("MISSES").is_some() {
                        eprintln!("  miss {name}: {s}");
                    }
                    hit
                })
                .count();
            let share = if expected_sentences.is_empty() {
                1.0
            } else {
                found as f64 / expected_sentences.len() as f64
            };
            let title = if title_ok { "same" } else { "DIFF" };
            println!("{name:<16} {score:>6.4} {share:>9.4} {title:>6} {ms:>8.1}");
            f1s.push(score);
            sents.push(share);
            times.push(ms);
        }
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        let mut sorted = times.clone();
        sorted.sort_by(f64::total_cmp);
        println!();
        println!("{kind}_files {}", f1s.len());
        println!("{kind}_mean_f1 {:.4}", mean(&f1s));
        println!(
            "{kind}_min_f1 {:.4}",
            f1s.iter().copied().fold(f64::INFINITY, f64::min)
        );
        println!("{kind}_mean_sentences {:.4}", mean(&sents));
        println!("{kind}_title_exact {titles}/{}", f1s.len());
        println!("{kind}_mean_ms {:.1}", mean(&times));
        println!(
            "{kind}_median_ms {:.1}",
            sorted.get(sorted.len() / 2).copied().unwrap_or(0.0)
        );
        println!(
            "{kind}_slowest_ms {:.1}",
            sorted.last().copied().unwrap_or(0.0)
        );
        println!();
    }
}
