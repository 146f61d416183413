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

    let tag = |quote: &str| {
        Command::new(BIN)
            .args(["tag", f, "--status", "reported", "--quote", quote])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // Every version the file has had, by content: `.bak` must always be one of them.
    let mut versions: HashSet<Vec<u8>> = HashSet::from([std::fs::read(&file).unwrap()]);
    let mut quotes: Vec<String> = Vec::new();
    // How long a whole tag takes here (the longest seen: the machine may be busy), so the
    // kills spread over the whole of it.
    let mut full = Duration::ZERO;
    let unkilled = |n: usize, quotes: &mut Vec<String>, versions: &mut HashSet<Vec<u8>>| {
        let quote = format!("Paragraph {n} says");
        let started = Instant::now();
        assert!(tag(&quote).wait().unwrap().success());
        quotes.push(quote);
        versions.insert(std::fs::read(&file).unwrap());
        started.elapsed()
    };
    for n in 0..3 {
        full = full.max(unkilled(n, &mut quotes, &mut versions));
    }
    assert_eq!(quotes_of(&file).len(), 3);

    let mut current = std::fs::read(&file).unwrap();
    let mut seed = u64::from(std::process::id()) | 1;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let temp_prefix = ".b.ron.tmp-";
    let (mut old, mut new) = (0, 0);
    for i in 1..=KILLS {
        let n = 1000 + i;
        let quote = format!("Paragraph {n} says");
        if i % 25 == 0 {
            full = full.max(unkilled(n + 10_000, &mut quotes, &mut versions));
            current = std::fs::read(&file).unwrap();
        }
        let window = full.as_micros() as u64;
        let mut child = tag(&quote);
        if i % 2 == 0 {
            // Anywhere from at once to just past the end of a whole run.
            std::thread::sleep(Duration::from_micros(rand() % (window * 3 / 2).max(1)));
        } else {
            // In the write itself: once the temp file appears, within the next 40 ms
            // (write, fsync, backup link, rename, fsync of the folder).
            let deadline = Instant::now() + Duration::from_secs(60);
            while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
                let writing = std::fs::read_dir(dir.path())
                    .unwrap()
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().starts_with(temp_prefix));
                if writing {
                    std::thread::sleep(Duration::from_micros(rand() % 40_000));
                    break;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
        }
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();

        let after = std::fs::read(&file).unwrap();
        if after == current {
            old += 1;
        } else {
            let mut now = quotes_of(&file);
            let mut expected = quotes.clone();
            expected.push(quote);
            now.sort();
            expected.sort();
            assert_eq!(
                now, expected,
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
        "{KILLS} kills of a tag on a 5 MB article (a whole tag: up to {:.0} ms here): {old} left the old version, {new} the new; every file and .bak loaded",
        full.as_secs_f64() * 1000.0
    );
    assert!(
        old > 0 && new > 0,
        "the kills should land both before and after the swap"
    );
}
