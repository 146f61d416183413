//! `briefing-notes tag` on a briefing with a 5 MB article, killed with SIGKILL at random
//! moments, 200 times: the file always loads and is either the version before or the
//! version after that tag; the `.bak` always loads; no temp files pile up.

#![cfg(unix)]

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use briefing_notes::atomic::backup_path;

const BIN: &str = env!("CARGO_BIN_EXE_briefing-notes");
const KILLS: usize = 200;

fn run(args: &[&str]) {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// About 5 MB of text in numbered paragraphs, so each tag has its own exact quote.
fn article(dir: &Path) -> std::path::PathBuf {
    let words = [
        "the",
        "port",
        "strike",
        "council",
        "union",
        "harbour",
        "talks",
        "officials",
        "said",
        "week",
        "ministers",
        "dock",
        "workers",
        "pay",
        "offer",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut text = String::with_capacity(5_100_000);
    let mut n = 0;
    while text.len() < 5_000_000 {
        if n > 0 {
            text.push_str("\n\n");
        }
        text.push_str(&format!("Paragraph {n} says"));
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(' ');
            text.push_str(words[(seed % words.len() as u64) as usize]);
        }
        text.push('.');
        n += 1;
    }
    let path = dir.join("article.txt");
    std::fs::write(&path, text).unwrap();
    path
}

fn quotes_of(path: &Path) -> Vec<String> {
    let (b, report) = briefing_notes::file::load(path)
        .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()));
    assert!(report.orphaned.is_empty() && report.reanchored.is_empty());
    b.claims().map(|(_, c)| c.anchor.quote.clone()).collect()
}

#[test]
fn tag_killed_at_random_moments_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.ron");
    let f = file.to_str().unwrap();
    run(&["new", f, "--title", "Kill test"]);
    run(&[
        "add",
        f,
        article(dir.path()).to_str().unwrap(),
        "--title",
        "Long article",
    ]);
    assert!(std::fs::metadata(&file).unwrap().len() > 5_000_000);

    // How long one tag takes here, so the kills spread over the whole of it.
    let tag = |i: usize| {
        Command::new(BIN)
            .args(["tag", f, "--status", "reported", "--quote"])
            .arg(format!("Paragraph {i} says"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let before_first = std::fs::read(&file).unwrap();
    let started = Instant::now();
    assert!(tag(0).wait().unwrap().success());
    let full = started.elapsed();
    let mut quotes = quotes_of(&file);
    assert_eq!(quotes, ["Paragraph 0 says"]);

    // Every version the file has had, by content: `.bak` must always be one of them.
    let mut versions: HashSet<Vec<u8>> = HashSet::from([before_first]);
    let mut current = std::fs::read(&file).unwrap();
    versions.insert(current.clone());
    let mut seed = u64::from(std::process::id()) | 1;
    let (mut old, mut new) = (0, 0);
    for i in 1..=KILLS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Anywhere from at once to just past the end of a whole run.
        let wait = Duration::from_micros(seed % (full.as_micros() as u64 * 11 / 10).max(1));
        let mut child = tag(i);
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();

        let after = std::fs::read(&file).unwrap();
        if after == current {
            old += 1;
        } else {
            let now = quotes_of(&file);
            let mut expected = quotes.clone();
            expected.push(format!("Paragraph {i} says"));
            let mut sorted = now.clone();
            sorted.sort();
            expected.sort();
            assert_eq!(
                sorted, expected,
                "kill {i}: neither the old nor the new version"
            );
            quotes = now;
            current = after;
            versions.insert(current.clone());
            new += 1;
        }
        let bak = std::fs::read(backup_path(&file)).unwrap();
        assert!(
            versions.contains(&bak),
            "kill {i}: .bak is not a version the file had"
        );
    }
    quotes_of(&backup_path(&file));
    // A later save clears the temp files of killed writers.
    run(&[
        "tag",
        f,
        "--status",
        "confirmed",
        "--quote",
        "Paragraph 9999 says",
    ]);
    let litter: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(litter.is_empty(), "temp files left: {litter:?}");
    println!(
        "{KILLS} kills over a {:.0} ms tag of a 5 MB article: {old} left the old version, {new} the new; all loaded",
        full.as_secs_f64() * 1000.0
    );
    assert!(
        old > 0 && new > 0,
        "the kills should land both before and after the swap"
    );
}
