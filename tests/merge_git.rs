//! Briefings merging in real git: a repository in a temp folder, two branches, `git merge`
//! with the driver `git-setup` configured.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use briefing_notes::anchor::Anchor;
use briefing_notes::file;
use briefing_notes::model::{Article, ArticleMeta, Briefing, Claim, Status, now};
use briefing_notes::text::TextIndex;
use common::run;

const TEXT: &str = "According to The New York Times, Putin would be open to peace talks in exchange for discussing potential land swaps, according to several people with knowledge of the call.\n\nTrump said on Monday that there had been great progress in the talks.";

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        // The machine's own git settings (signing, hooks, default branch) stay out of it.
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "A")
        .env("GIT_AUTHOR_EMAIL", "a@example.org")
        .env("GIT_COMMITTER_NAME", "A")
        .env("GIT_COMMITTER_EMAIL", "a@example.org")
        .output()
        .expect("git runs")
}

#[track_caller]
fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn tag(b: &mut Briefing, quote: &str, note: &str) {
    let a = &mut b.articles[0];
    let at = a.text.find(quote).unwrap();
    let start = a.text[..at].chars().count();
    let range = start..start + quote.chars().count();
    let mut c = Claim::new(
        Status::Reported,
        Anchor::new(&TextIndex::new(&a.text), range).unwrap(),
        now(),
    );
    c.note = note.to_owned();
    a.insert_claim(c);
}

/// A repository with the driver set up and a briefing of one article with one claim,
/// committed on `main`.
fn repo() -> (tempfile::TempDir, Briefing) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    let setup = run(d, &["git-setup"]).ok();
    assert!(
        setup.stdout.contains("*.ron merge=briefing-notes"),
        "{}",
        setup.stdout
    );
    let attributes = fs::read_to_string(d.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.ron merge=briefing-notes\n");
    // Running it again changes nothing.
    run(d, &["git-setup"]).ok();
    assert_eq!(
        fs::read_to_string(d.join(".gitattributes")).unwrap(),
        attributes
    );
    let mut b = Briefing::new("Calls", "A");
    b.articles.push(Article::new(
        ArticleMeta {
            title: "The call".into(),
            ..Default::default()
        },
        TEXT,
        now(),
    ));
    tag(&mut b, "Putin would be open to peace talks", "");
    file::save(&d.join("b.ron"), &b).unwrap();
    git_ok(d, &["add", "b.ron", ".gitattributes"]);
    git_ok(d, &["commit", "-q", "-m", "base"]);
    (dir, b)
}

/// Commits `change` of the briefing on a new branch `name` made from main.
fn branch(d: &Path, name: &str, change: impl FnOnce(&mut Briefing)) {
    git_ok(d, &["checkout", "-q", "-b", name, "main"]);
    let (mut b, _) = file::load(&d.join("b.ron")).unwrap();
    change(&mut b);
    file::save(&d.join("b.ron"), &b).unwrap();
    git_ok(d, &["commit", "-q", "-am", name]);
}

fn merge(d: &Path) -> (bool, String) {
    git_ok(d, &["checkout", "-q", "one"]);
    let out = git(d, &["merge", "-q", "--no-edit", "two"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

#[test]
fn claims_tagged_on_two_branches_merge_clean() {
    let (dir, _) = repo();
    let d = dir.path();
    branch(d, "one", |b| {
        tag(b, "potential land swaps", "Unnamed sources")
    });
    branch(d, "two", |b| tag(b, "great progress", "Trump's words"));
    let (clean, said) = merge(d);
    assert!(clean, "{said}");
    let text = fs::read_to_string(d.join("b.ron")).unwrap();
    assert!(!text.contains("<<<<<<<"), "{text}");
    let (b, report) = file::load(&d.join("b.ron")).unwrap();
    assert!(!report.changed_anything(), "{report:?}");
    assert_eq!(b.claims().count(), 3);
    assert!(b.conflicts.is_empty());
    // Written exactly as a save writes it.
    assert_eq!(text, file::to_ron_string(&b));
    let check = run(d, &["check", "b.ron"]).ok();
    assert!(
        !check.stdout.contains("Merge conflicts"),
        "{}",
        check.stdout
    );
}

#[test]
fn the_same_note_edited_on_both_branches_is_one_conflict_with_both_texts() {
    let (dir, _) = repo();
    let d = dir.path();
    branch(d, "one", |b| {
        b.articles[0].claims[0].note = "Kremlin readout agrees.".into()
    });
    branch(d, "two", |b| {
        b.articles[0].claims[0].note = "No second source yet.".into()
    });
    let (clean, said) = merge(d);
    assert!(!clean, "a conflict must stop the merge for review: {said}");
    assert!(said.contains("1 conflict left for review"), "{said}");
    let text = fs::read_to_string(d.join("b.ron")).unwrap();
    assert!(!text.contains("<<<<<<<"));
    let (b, _) = file::load(&d.join("b.ron")).unwrap();
    assert_eq!(b.articles[0].claims[0].note, "Kremlin readout agrees.");
    assert_eq!(b.conflicts.len(), 1);
    assert_eq!(b.conflicts[0].other_words(), "No second source yet.");
    let check = run(d, &["check", "b.ron"]).ok();
    assert!(
        check.stdout.contains("Merge conflicts to review: 1"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(
            "note — kept (ours): “Kremlin readout agrees.”; other (theirs): “No second source yet.”"
        ),
        "{}",
        check.stdout
    );
    // The analyst settles it and commits: an ordinary briefing again.
    git_ok(d, &["commit", "-q", "-am", "merged"]);
}

#[test]
fn an_article_deleted_on_one_branch_and_tagged_in_on_the_other_is_kept_and_flagged() {
    let (dir, _) = repo();
    let d = dir.path();
    branch(d, "one", |b| b.articles.clear());
    branch(d, "two", |b| tag(b, "great progress", ""));
    let (clean, said) = merge(d);
    assert!(!clean, "{said}");
    let (b, _) = file::load(&d.join("b.ron")).unwrap();
    assert_eq!(b.articles.len(), 1);
    assert_eq!(b.claims().count(), 2);
    assert_eq!(b.conflicts.len(), 1);
    let check = run(d, &["check", "b.ron"]).ok();
    assert!(
        check
            .stdout
            .contains("article “The call”: deleted on ours side, changed on the other; kept"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_ron_file_that_is_not_a_briefing_merges_as_text() {
    let (dir, _) = repo();
    let d = dir.path();
    fs::write(
        d.join("settings.ron"),
        "(\n    a: 1,\n    b: 2,\n    c: 3,\n)\n",
    )
    .unwrap();
    git_ok(d, &["add", "settings.ron"]);
    git_ok(d, &["commit", "-q", "-m", "settings"]);
    let edit = |name: &str, from: &str, to: &str| {
        git_ok(d, &["checkout", "-q", "-b", name, "main"]);
        let s = fs::read_to_string(d.join("settings.ron")).unwrap();
        fs::write(d.join("settings.ron"), s.replace(from, to)).unwrap();
        git_ok(d, &["commit", "-q", "-am", name]);
    };
    edit("one", "a: 1", "a: 10");
    edit("two", "c: 3", "c: 30");
    let (clean, said) = merge(d);
    assert!(clean, "{said}");
    assert_eq!(
        fs::read_to_string(d.join("settings.ron")).unwrap(),
        "(\n    a: 10,\n    b: 2,\n    c: 30,\n)\n"
    );
}
