//! How well web-page import extracts articles, measured against Mozilla Readability's test
//! pages: `cargo run --release --example import_eval -- ../shared/testdata/readability`.
//!
//! Each page folder holds `source.html`, `expected.html` (the article text Readability
//! extracts) and `expected-metadata.json`. Per page this prints the word-level F1 of our
//! text against the expected text (bag of lower-cased words; each CJK character is a word),
//! whether title and byline equal the expected ones, and the import time; then the means.

use std::path::{Path, PathBuf};
use std::time::Instant;

use briefing_notes::import::{ImportOptions, import_file, shape};
use scoring::f1;

#[path = "support/scoring.rs"]
mod scoring;

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/testdata/readability"));
    let mut pages: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.join("source.html").is_file())
            .collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    pages.sort();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    println!(
        "{:<16} {:>6} {:>6} {:>7} {:>7} {:>8}",
        "page", "F1", "depth", "title", "byline", "ms"
    );
    let (mut f1s, mut titled, mut titles_ok, mut bylined, mut bylines_ok, mut slowest) =
        (Vec::new(), 0, 0, 0, 0, 0.0f64);
    for page in &pages {
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected_html = read(&page.join("expected.html"));
        let expected = dom_query::Document::from(expected_html.as_str())
            .formatted_text()
            .to_string();
        let meta: serde_json::Value =
            serde_json::from_str(&read(&page.join("expected-metadata.json"))).unwrap_or_default();
        let source = page.join("source.html");
        let depth = shape(&read(&source), usize::MAX, usize::MAX).depth;
        let start = Instant::now();
        let result = import_file(&source, ImportOptions::default());
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        slowest = slowest.max(ms);
        let (text, title, author) = match &result {
            Ok(i) => (i.text.clone(), i.meta.title.clone(), i.meta.author.clone()),
            Err(e) => {
                println!("{name:<16} error: {e}");
                (String::new(), String::new(), String::new())
            }
        };
        let score = f1(&text, &expected);
        f1s.push(score);
        let mark = |b: bool| if b { "same" } else { "DIFF" };
        let title_cell = match meta["title"].as_str().filter(|t| !t.trim().is_empty()) {
            Some(t) => {
                titled += 1;
                let ok = collapse(t) == title;
                titles_ok += usize::from(ok);
                mark(ok)
            }
            None => "-",
        };
        let byline_cell = match meta["byline"].as_str().filter(|t| !t.trim().is_empty()) {
            Some(b) => {
                bylined += 1;
                let ok = collapse(b) == author;
                bylines_ok += usize::from(ok);
                mark(ok)
            }
            None => "-",
        };
        println!("{name:<16} {score:>6.3} {depth:>6} {title_cell:>7} {byline_cell:>7} {ms:>8.1}");
    }
    let n = f1s.len().max(1) as f64;
    let mean = f1s.iter().sum::<f64>() / n;
    let min = f1s.iter().copied().fold(f64::INFINITY, f64::min);
    println!();
    println!("pages {}", f1s.len());
    println!("mean_f1 {mean:.4}");
    println!("min_f1 {min:.4}");
    println!("title_exact {titles_ok}/{titled}");
    println!("byline_exact {bylines_ok}/{bylined}");
    println!("slowest_import_ms {slowest:.1}");
}
