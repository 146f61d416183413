//! Time to re-anchor 1,000 claims in a 1 MB article after 100 random edits (the figure
//! `perf_report` prints as `reanchor_ms_1k`), without building the desktop app:
//! `cargo run --release --no-default-features --example reanchor_time`.

#[path = "support/generate.rs"]
mod generate;

use std::time::Instant;

use briefing_notes::text::TextIndex;
use generate::{article_with_claims, edited, prose};

fn main() {
    let article = article_with_claims(&prose(1024 * 1024, 11), 1000, 2);
    let changed = edited(&article.text, 100, 3);
    let mut times = Vec::new();
    let mut lost = 0;
    for _ in 0..9 {
        let mut claims = article.claims.clone();
        let t = Instant::now();
        let index = TextIndex::new(&changed);
        for c in &mut claims {
            c.anchor.reanchor(&index);
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        lost = claims.iter().filter(|c| c.anchor.orphaned).count();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "reanchor_ms_1k {:.1} (median of 9; min {:.1}, max {:.1})",
        times[4], times[0], times[8]
    );
    println!("orphaned by the edits: {lost} of 1000");
}
