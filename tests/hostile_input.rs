//! Broken and hostile input, run through `check`, `export`, `add` and the app's open path.
//! Each file gives a clear error or a documented repair, never a panic, and nothing on disk
//! changes but what the command is for. The corpus is in `tests/corpus/` (see its README).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/app_harness.rs"]
mod app_harness;

use app_harness::{launch, window};
use briefing_notes::app::dialogs::ScriptedDialogs;
use briefing_notes::app::{BriefingApp, Command as AppCommand, Startup};
use briefing_notes::file::{self, LoadReport};
use egui_kittest::Harness;

const BIN: &str = env!("CARGO_BIN_EXE_briefing-notes");

/// What loading a corpus briefing must give.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Refused; the message contains this.
    Error(&'static str),
    /// Loads, with these repairs: (re-anchored, newly orphaned, ids renewed, texts changed).
    Repaired(usize, usize, usize, usize),
}
use Expect::*;

const BRIEFINGS: &[(&str, Expect)] = &[
    ("valid.ron", Repaired(0, 0, 0, 0)),
    ("bom-crlf.ron", Repaired(0, 0, 0, 0)),
    ("nul-bytes.ron", Repaired(0, 0, 0, 0)),
    ("empty.ron", Error("empty.ron:1:1: Expected opening `(`")),
    (
        "truncated.ron",
        Error("the file ends too early (was it cut short?)"),
    ),
    (
        "truncated-in-string.ron",
        Error(":27:32: Expected end of string"),
    ),
    (
        "binary-garbage.ron",
        Error("is not valid UTF-8 text (is it a briefing file?)"),
    ),
    (
        "utf16.ron",
        Error("utf16.ron:1:1: the file is not valid UTF-8 text"),
    ),
    (
        "invalid-utf8.ron",
        Error("invalid-utf8.ron:38:29: the file is not valid UTF-8"),
    ),
    (
        "not-ron.ron",
        Error("Expected opening `(` for struct `Briefing`"),
    ),
    (
        "json.ron",
        Error("Expected opening `(` for struct `Briefing`"),
    ),
    (
        "wrong-type.ron",
        Error("wrong-type.ron:4:11: Expected string"),
    ),
    (
        "wrong-type-status.ron",
        Error("Unexpected variant named `Maybe` in enum `Status`"),
    ),
    (
        "negative-offset.ron",
        Error(":25:33: Integer is out of bounds"),
    ),
    (
        "offset-overflow.ron",
        Error(":25:32: Integer is out of bounds"),
    ),
    ("bad-id.ron", Error(":22:26: UUID parsing failed")),
    ("bad-date.ron", Error("bad-date.ron:6:15:")),
    (
        "credibility-out-of-range.ron",
        Error("credibility must be 1 to 6, not 9"),
    ),
    (
        "unknown-field.ron",
        Error("Unexpected field named `notes` in `Claim`"),
    ),
    (
        "missing-field.ron",
        Error("missing field named `title` in `Briefing`"),
    ),
    (
        "missing-text.ron",
        Error("missing field named `text` in `Article`"),
    ),
    (
        "future-version.ron",
        Error("written by a newer version of briefing-notes (file format 99)"),
    ),
    (
        "version-zero.ron",
        Error("format_version 0 is not a briefing-notes file format"),
    ),
    (
        "deep-nesting.ron",
        Error("deep-nesting.ron:1:35: Expected string"),
    ),
    ("offsets-past-end.ron", Repaired(1, 0, 0, 0)),
    ("offsets-reversed.ron", Repaired(1, 0, 0, 0)),
    ("offsets-inside-grapheme.ron", Repaired(1, 0, 0, 0)),
    ("offsets-huge.ron", Repaired(1, 0, 0, 0)),
    ("duplicate-claim-ids.ron", Repaired(0, 0, 1, 0)),
    ("duplicate-article-ids.ron", Repaired(0, 0, 3, 0)),
    ("quote-not-in-text.ron", Repaired(0, 1, 0, 0)),
    ("text-edited.ron", Repaired(1, 0, 0, 1)),
];

/// What adding a corpus article must give: `None` imports, `Some(words)` is refused.
const ARTICLES: &[(&str, Option<&str>)] = &[
    ("binary.pdf", Some("this PDF is damaged")),
    (
        "zip-named.html",
        Some("does not look like text (it holds binary data)"),
    ),
    (
        "nul.txt",
        Some("does not look like text (it holds binary data)"),
    ),
    ("empty.txt", Some("has no text in it")),
    ("whitespace.md", Some("has no text in it")),
    ("script-only.html", Some("no article was found")),
    (
        "svg-bomb.html",
        Some("nested 513 levels deep (more than 512)"),
    ),
    ("legacy-cp1252.txt", None),
    ("utf16-bom.txt", None),
    ("unclosed-tags.html", None),
];

fn corpus(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(kind)
}

/// Every file in a folder, by name, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn cli(args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

fn repairs(r: &LoadReport) -> (usize, usize, usize, usize) {
    (
        r.reanchored.len(),
        r.orphaned.iter().filter(|o| !o.already).count(),
        r.duplicate_ids_renewed.len(),
        r.text_changed.len(),
    )
}

fn app_opening(path: &Path) -> Harness<'static, BriefingApp> {
    let startup = Startup {
        files: vec![path.to_owned()],
        fresh: true,
        ..Default::default()
    };
    // The corpus has emoji this test machine's fonts lack; the app draws a box for them.
    let window = window().with_max_steps(20).allow_missing_glyphs();
    launch(window, startup, ScriptedDialogs::default())
}

#[test]
fn every_corpus_file_has_an_expectation() {
    for (kind, listed) in [
        (
            "briefings",
            BRIEFINGS.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        ),
        ("articles", ARTICLES.iter().map(|(n, _)| *n).collect()),
    ] {
        let mut on_disk: Vec<String> = snapshot(&corpus(kind)).into_keys().collect();
        let mut listed: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
        on_disk.sort();
        listed.sort();
        assert_eq!(
            on_disk, listed,
            "tests/corpus/{kind} and this test's list differ"
        );
    }
}

#[test]
fn bad_briefings_through_check_export_add_and_the_app() {
    let article = tempfile::tempdir().unwrap();
    let article = article.path().join("extra.md");
    std::fs::write(&article, "# Extra\n\nA short extra article to add.").unwrap();
    for (name, expect) in BRIEFINGS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::copy(corpus("briefings").join(name), &path).unwrap();
        let before = snapshot(dir.path());
        let p = path.as_os_str();

        // The library, as every command loads.
        let loaded = file::load(&path);
        match (expect, &loaded) {
            (Error(words), Err(e)) => {
                assert!(e.to_string().contains(words), "{name}: {e}");
            }
            (Repaired(a, b, c, d), Ok((_, report))) => {
                assert_eq!(repairs(report), (*a, *b, *c, *d), "{name}");
            }
            _ => panic!("{name}: expected {expect:?}, got {loaded:?}"),
        }

        // check
        let (ok, stdout, stderr) = cli(&["check".as_ref(), p]);
        match expect {
            Error(words) => {
                assert!(!ok, "{name}");
                assert!(
                    stderr.starts_with("error: ") && stderr.contains(words),
                    "{name}: {stderr}"
                );
            }
            Repaired(a, b, ..) => {
                assert!(ok, "{name}: {stderr}");
                assert!(
                    stdout.contains(&format!("Re-anchored: {a}")),
                    "{name}: {stdout}"
                );
                assert!(
                    stdout.contains(&format!("Orphaned: {b}")),
                    "{name}: {stdout}"
                );
            }
        }
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{name}: check changed the folder"
        );

        // export
        let md = dir.path().join("out.md");
        let (ok, _, stderr) = cli(&["export".as_ref(), p, "-o".as_ref(), md.as_os_str()]);
        match expect {
            Error(words) => {
                assert!(!ok && stderr.contains(words), "{name}: {stderr}");
                assert_eq!(
                    snapshot(dir.path()),
                    before,
                    "{name}: a failed export wrote"
                );
            }
            Repaired(..) => {
                assert!(ok, "{name}: {stderr}");
                assert!(std::fs::read_to_string(&md).unwrap().starts_with("# "));
                std::fs::remove_file(&md).unwrap();
                assert_eq!(
                    snapshot(dir.path()),
                    before,
                    "{name}: export changed the briefing"
                );
            }
        }

        // The app's open path: an error in the window, or the briefing with its repairs
        // unsaved; the file is not written either way.
        let h = app_opening(&path);
        let app = h.state();
        match expect {
            Error(words) => {
                // Plain words in the line, the parser's report under its Details.
                let msg = app
                    .messages()
                    .iter()
                    .map(|m| (m.text.as_str(), m.details.as_deref().unwrap_or("")))
                    .collect::<Vec<_>>();
                assert!(
                    msg.iter().any(|(text, details)| {
                        text.contains("Could not open the briefing")
                            && (text.contains(words) || details.contains(words))
                    }),
                    "{name}: {msg:?}"
                );
                assert_eq!(app.doc().path, None, "{name}");
            }
            Repaired(a, b, c, d) => {
                assert_eq!(app.doc().path.as_deref(), Some(path.as_path()), "{name}");
                assert_eq!(repairs(&app.doc().load_report), (*a, *b, *c, *d), "{name}");
                let repaired = *a + *b + *c + *d > 0;
                assert_eq!(
                    app.doc().is_dirty(),
                    repaired,
                    "{name}: repairs are unsaved changes"
                );
            }
        }
        drop(h);
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{name}: the app wrote on open"
        );

        // add: refused on a bad briefing; on a repaired one it saves the repairs with the
        // article (keeping the old file as .bak).
        let (ok, _, stderr) = cli(&["add".as_ref(), p, article.as_os_str()]);
        match expect {
            Error(words) => {
                assert!(!ok && stderr.contains(words), "{name}: {stderr}");
                assert_eq!(snapshot(dir.path()), before, "{name}: a failed add wrote");
            }
            Repaired(..) => {
                assert!(ok, "{name}: {stderr}");
                let (b, report) = file::load(&path).unwrap();
                assert_eq!(repairs(&report), (0, 0, 0, 0), "{name}: repairs were saved");
                assert_eq!(b.articles.last().unwrap().title, "Extra");
                let bak = briefing_notes::atomic::backup_path(&path);
                assert_eq!(std::fs::read(bak).unwrap(), before[*name], "{name}: .bak");
            }
        }
    }
}

#[test]
fn bad_articles_through_add_and_the_app() {
    for (name, refusal) in ARTICLES {
        let dir = tempfile::tempdir().unwrap();
        let briefing = dir.path().join("b.ron");
        let (ok, _, stderr) = cli(&[
            "new".as_ref(),
            briefing.as_os_str(),
            "--title".as_ref(),
            "T".as_ref(),
        ]);
        assert!(ok, "{stderr}");
        let source = corpus("articles").join(name);
        let before = snapshot(dir.path());
        let (ok, _, stderr) = cli(&["add".as_ref(), briefing.as_os_str(), source.as_os_str()]);
        match refusal {
            Some(words) => {
                assert!(!ok && stderr.contains(words), "{name}: {stderr}");
                assert!(stderr.contains("nothing was changed"), "{name}: {stderr}");
                assert_eq!(snapshot(dir.path()), before, "{name}");
            }
            None => {
                assert!(ok, "{name}: {stderr}");
                let (b, _) = file::load(&briefing).unwrap();
                assert_eq!(b.articles.len(), 1);
                assert!(!b.articles[0].text.trim().is_empty());
                assert!(!b.articles[0].text.contains('\u{fffd}'), "{name}: decoded");
            }
        }

        // The app: an error line, or the article added (unsaved).
        let mut h = app_opening(&briefing);
        let had = h.state().doc().briefing.articles.len();
        h.state_mut()
            .push(AppCommand::AddArticlePaths(vec![source.clone()]));
        h.run();
        let app = h.state();
        match refusal {
            Some(words) if words.contains("no article was found") => {
                assert!(
                    matches!(app.modal(), Some(briefing_notes::app::Modal::NoArticle(_))),
                    "{name}"
                );
            }
            Some(words) => {
                let words = words.split(" (").next().unwrap();
                assert!(
                    app.messages()
                        .iter()
                        .any(|m| m.is_error() && m.text.contains(words)),
                    "{name}: {:?}",
                    app.messages()
                );
                assert_eq!(app.doc().briefing.articles.len(), had, "{name}");
            }
            None => assert_eq!(app.doc().briefing.articles.len(), had + 1, "{name}"),
        }
    }
}

/// Generated rather than stored: the bombs are large, the pattern is what matters.
#[test]
fn generated_bombs_and_oversized_files_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let briefing = dir.path().join("b.ron");
    assert!(
        cli(&[
            "new".as_ref(),
            briefing.as_os_str(),
            "--title".as_ref(),
            "T".as_ref()
        ])
        .0
    );
    let before = snapshot(dir.path());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "deep.html",
            format!("<html><body>{}x", "<div>".repeat(100_000)).into_bytes(),
            "nested",
        ),
        (
            "wide.html",
            format!("<html><body>{}", "<i>a</i>".repeat(400_000)).into_bytes(),
            "elements",
        ),
        (
            "unclosed.html",
            format!("<html><body>{}", "<b>".repeat(200_000)).into_bytes(),
            "nested",
        ),
    ];
    for (name, bytes, words) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (ok, _, stderr) = cli(&["add".as_ref(), briefing.as_os_str(), path.as_os_str()]);
        assert!(!ok && stderr.contains(words), "{name}: {stderr}");
        std::fs::remove_file(&path).unwrap();
        assert_eq!(snapshot(dir.path()), before, "{name}");
    }
    // Sizes are checked before a byte is read: sparse files cost nothing here.
    let huge_article = dir.path().join("huge.txt");
    std::fs::File::create(&huge_article)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let (ok, _, stderr) = cli(&[
        "add".as_ref(),
        briefing.as_os_str(),
        huge_article.as_os_str(),
    ]);
    assert!(!ok && stderr.contains("MB"), "{stderr}");
    std::fs::remove_file(&huge_article).unwrap();
    let huge_briefing = dir.path().join("huge.ron");
    std::fs::File::create(&huge_briefing)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    for cmd in ["check", "export"] {
        let (ok, _, stderr) = cli(&[cmd.as_ref(), huge_briefing.as_os_str()]);
        assert!(
            !ok && stderr.contains("over 67108864 bytes (64 MB) are refused"),
            "{stderr}"
        );
    }
    let h = app_opening(&huge_briefing);
    assert!(
        h.state()
            .messages()
            .iter()
            .any(|m| m.text.contains("64 MB"))
    );
}

/// 100,000 claims on one article, written compactly (as a script might): it loads, every
/// claim checked, within the size limit.
#[test]
fn a_hundred_thousand_claims_load() {
    use briefing_notes::anchor::Anchor;
    use briefing_notes::model::{Article, ArticleMeta, Briefing, Claim, Status, now};
    use briefing_notes::text::TextIndex;
    let words = [
        "port", "strike", "union", "talks", "harbour", "council", "said", "week",
    ];
    let text: String = (0..100_000)
        .map(|i| format!("{} {i}.", words[i % words.len()]))
        .collect::<Vec<_>>()
        .join(" ");
    let mut article = Article::new(ArticleMeta::default(), &text, now());
    let idx = TextIndex::new(&article.text);
    let starts: Vec<usize> = article
        .text
        .char_indices()
        .filter(|(i, c)| *c != ' ' && (*i == 0 || article.text.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| idx.char_of(i).unwrap())
        .collect();
    for pair in starts.chunks(2).take(100_000) {
        let range = pair[0]..pair[0] + 4;
        let a = Anchor::new(&idx, range).unwrap();
        article.claims.push(Claim::new(Status::Reported, a, now()));
    }
    assert_eq!(article.claims.len(), 100_000);
    let mut b = Briefing::new("Many claims", "");
    b.articles.push(article);
    let compact = ron::Options::default().to_string(&b).unwrap();
    assert!(compact.len() < 64 * 1024 * 1024, "{} bytes", compact.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ron");
    std::fs::write(&path, &compact).unwrap();
    let (ok, stdout, stderr) = cli(&["check".as_ref(), path.as_os_str()]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("Claims: 100000 (0 confirmed, 100000 reported"),
        "{stdout}"
    );
}
