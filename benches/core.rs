//! Criterion benches for the core operations, so a regression shows up as a change:
//! `cargo bench`. Inputs are generated (see `examples/support/generate.rs`).

use std::hint::black_box;
use std::path::Path;

use briefing_notes::anchor::find_occurrences;
use briefing_notes::export::to_markdown;
use briefing_notes::file::{from_ron_str, to_ron_string};
use briefing_notes::import::{ImportOptions, import_bytes};
use briefing_notes::model::Briefing;
use briefing_notes::text::{TextIndex, normalize_article_text};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../examples/support/generate.rs"]
mod generate;
use generate::{article_with_claims, prose};

fn briefing(articles: usize, bytes: usize, claims: usize) -> Briefing {
    let mut b = Briefing::new("Bench", "criterion");
    b.articles = (0..articles as u64)
        .map(|i| article_with_claims(&prose(bytes, 100 + i), claims, 200 + i))
        .collect();
    b
}

fn text(c: &mut Criterion) {
    let text = prose(1024 * 1024, 11);
    let accented = text.replace('e', "é");
    c.bench_function("text_index_1mb_ascii", |b| {
        b.iter(|| TextIndex::new(black_box(&text)))
    });
    c.bench_function("text_index_1mb_accented", |b| {
        b.iter(|| TextIndex::new(black_box(&accented)))
    });
    c.bench_function("normalize_1mb", |b| {
        b.iter(|| normalize_article_text(black_box(&accented)))
    });
    let index = TextIndex::new(&text);
    c.bench_function("find_occurrences_1mb", |b| {
        b.iter(|| find_occurrences(&index, black_box("no such words here")))
    });
}

fn anchors(c: &mut Criterion) {
    let article = article_with_claims(&prose(1024 * 1024, 11), 1000, 2);
    // Text inserted at the start moves every claim: each is found again by its words.
    let moved = format!("A new first paragraph.\n\n{}", article.text);
    c.bench_function("reanchor_1k_claims_after_insert", |b| {
        b.iter(|| {
            let index = TextIndex::new(&moved);
            let mut claims = article.claims.clone();
            for claim in &mut claims {
                claim.anchor.reanchor(&index);
            }
            claims
        })
    });
    let index = TextIndex::new(&article.text);
    c.bench_function("verify_1k_intact_claims", |b| {
        b.iter(|| {
            article
                .claims
                .iter()
                .filter(|c| c.anchor.is_intact(&index))
                .count()
        })
    });
}

fn files(c: &mut Criterion) {
    let b1k = briefing(10, 20 * 1024, 100);
    let ron = to_ron_string(&b1k);
    c.bench_function("to_ron_1k_claims", |b| {
        b.iter(|| to_ron_string(black_box(&b1k)))
    });
    c.bench_function("from_ron_1k_claims", |b| {
        b.iter(|| from_ron_str(black_box(&ron), Path::new("bench.ron")))
    });
    c.bench_function("export_markdown_1k_claims", |b| {
        b.iter(|| to_markdown(black_box(&b1k)))
    });
}

fn import(c: &mut Criterion) {
    let paragraphs: String = prose(200 * 1024, 5)
        .split("\n\n")
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    let page = format!(
        "<!DOCTYPE html><html lang=en><head><title>Bench page | Site</title></head><body>\
         <nav><a href=/>Home</a> <a href=/a>World</a></nav><article><h1>Bench page</h1>{paragraphs}\
         </article><footer>Contact</footer></body></html>"
    );
    c.bench_function("import_html_200kb", |b| {
        b.iter(|| {
            import_bytes(
                Path::new("page.html"),
                page.as_bytes(),
                ImportOptions::default(),
            )
        })
    });
}

criterion_group!(benches, text, anchors, files, import);
criterion_main!(benches);
