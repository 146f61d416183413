//! How often re-anchoring lands a claim on the right words, on real articles.
//!
//! `cargo run --release --example anchor_eval -- [DIR] [ROUNDS]` imports every page under
//! DIR (default `../shared/testdata/readability`, each `source.html`), tags spans in it,
//! changes the text in each way of the perturbation harness (`tests/support/perturb.rs`),
//! re-anchors, and prints per class how many claims were found correctly, orphaned, or put
//! on the wrong words — with every wrong one listed.

#[path = "../tests/support/perturb.rs"]
mod perturb;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use briefing_notes::import::{ImportOptions, import_file};
use briefing_notes::text::normalize_article_text;
use perturb::{Class, Outcome, trial};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/testdata/readability".into()),
    );
    let rounds: u64 = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no pages at {}", dir.display());
        std::process::exit(2);
    };
    let mut pages: Vec<(String, String)> = Vec::new();
    for e in entries.flatten() {
        let source = e.path().join("source.html");
        if let Ok(imported) = import_file(&source, ImportOptions::default()) {
            let name = e.file_name().to_string_lossy().into_owned();
            pages.push((name, normalize_article_text(&imported.text)));
        }
    }
    pages.sort();
    eprintln!("{} pages, {rounds} rounds per page and class", pages.len());
    let mut totals: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    let started = Instant::now();
    for (name, text) in &pages {
        for class in Class::ALL {
            for round in 0..rounds {
                let seed = round * 1000 + name.len() as u64 * 7 + class as u64;
                for (outcome, what) in trial(text, class, seed, 40) {
                    let row = totals.entry(format!("{class:?}")).or_default();
                    row[outcome as usize] += 1;
                    if outcome == Outcome::Wrong {
                        wrong.push(format!("{name}: {what}"));
                    } else if !what.is_empty() {
                        missed.push(format!("{name}: {what}"));
                    }
                }
            }
        }
    }
    println!("| class | claims | correct | orphaned | wrong | identical copy |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let mut all = [0usize; 4];
    let mut surviving = [0usize; 4];
    for class in Class::ALL {
        let row = totals
            .get(&format!("{class:?}"))
            .copied()
            .unwrap_or_default();
        let n: usize = row.iter().sum();
        println!(
            "| {class:?} | {n} | {} | {} | {} | {} |",
            row[0], row[1], row[2], row[3]
        );
        for k in 0..4 {
            all[k] += row[k];
            if class.words_survive() {
                surviving[k] += row[k];
            }
        }
    }
    let n: usize = all.iter().sum();
    println!(
        "| all | {n} | {} | {} | {} | {} |",
        all[0], all[1], all[2], all[3]
    );
    let s: usize = surviving.iter().sum();
    println!(
        "orphan rate where the words survive: {:.3} % ({} of {s})",
        100.0 * surviving[1] as f64 / s.max(1) as f64,
        surviving[1]
    );
    println!("wrong: {} in {n}", all[2]);
    for w in wrong.iter().take(40) {
        println!("  {w}");
    }
    if std::env::var_os("SHOW_ORPHANS").is_some() {
        println!("orphaned although their words survive:");
        for m in &missed {
            println!("  {m}");
        }
    }
    eprintln!("{:.1} s", started.elapsed().as_secs_f64());
}
