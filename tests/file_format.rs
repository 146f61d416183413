//! The briefing file: round trips, the version-1 fixture, bad files.

mod common;

use std::fs;
use std::path::Path;

use briefing_notes::export::to_markdown;
use briefing_notes::file::{self, LoadError, from_ron_str, to_ron_string};
use briefing_notes::model::{Article, ArticleMeta, Briefing, now};
use common::{fixture, run};
use proptest::prelude::*;

fn load_fixture() -> Briefing {
    file::load(&fixture("fixtures/v1-briefing.ron")).unwrap().0
}

#[test]
fn save_load_save_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b.ron");
    let b = load_fixture();
    file::save(&p, &b).unwrap();
    let first = fs::read(&p).unwrap();
    let (again, report) = file::load(&p).unwrap();
    assert!(!report.changed_anything(), "{report:?}");
    assert_eq!(again, b);
    file::save(&p, &again).unwrap();
    assert_eq!(fs::read(&p).unwrap(), first);
    assert_eq!(
        fs::read(briefing_notes::atomic::backup_path(&p)).unwrap(),
        first,
        ".bak holds the previous save"
    );
}

#[test]
fn version_1_fixture_loads_and_migrates() {
    // The fixtures are frozen: a format change must migrate them, not edit them.
    let path = fixture("fixtures/v1-briefing.ron");
    let original = fs::read_to_string(&path).unwrap();
    let (b, report) = file::load(&path).unwrap();
    assert_eq!(b.format_version, file::FORMAT_VERSION);
    assert_eq!(report.migrated_from, Some(1));
    assert_eq!(b.articles.len(), 2);
    assert_eq!(b.claims().count(), 9);
    assert!(b.judgments.is_empty() && b.hypotheses.is_empty());
    assert!(report.reanchored.is_empty());
    assert_eq!(report.orphaned.len(), 1);
    assert!(report.orphaned[0].already);
    assert_migrates_to_a_smaller_file(&b, &original);
}

/// An older file, loaded and saved, is the current format: smaller, and it reads back the
/// same.
#[track_caller]
fn assert_migrates_to_a_smaller_file(b: &Briefing, original: &str) {
    let text = to_ron_string(b);
    assert!(text.starts_with(&format!(
        "Briefing(\n format_version: {},\n",
        file::FORMAT_VERSION
    )));
    assert!(
        text.len() < original.len() * 3 / 4,
        "{} → {}",
        original.len(),
        text.len()
    );
    let (again, report) = from_ron_str(&text, Path::new("b.ron")).unwrap();
    assert!(!report.changed_anything(), "{report:?}");
    assert_eq!(report.migrated_from, None);
    assert_eq!(&again, b);
}

#[test]
fn version_2_fixture_loads_unchanged() {
    let path = fixture("fixtures/v2-briefing.ron");
    let original = fs::read_to_string(&path).unwrap();
    let (b, report) = file::load(&path).unwrap();
    assert_eq!(report.migrated_from, Some(2));
    assert!(report.dangling_dropped.is_empty());
    assert_eq!(b.judgments.len(), 2);
    assert_eq!(b.judgments[0].evidence.len(), 4);
    assert_eq!(b.hypotheses.len(), 3);
    assert_eq!(b.hypotheses[0].ratings.len(), 3);
    assert_migrates_to_a_smaller_file(&b, &original);
    let text = to_ron_string(&b);
    assert!(text.contains("\n    \"01a22182-71e3-757c-adc0-15188c6d9d22 contradicts\",\n"));
    // Each link and rating is one line, so that it is one line of a diff.
    assert!(
        original
            .contains("\n                \"01a22182-71e3-757c-adc0-15188c6d9d22 contradicts\",\n")
    );
    assert!(original.contains("\n                \"01a22182-71e3-757c-adc0-1517bbd46271 CC\",\n"));
}

#[test]
fn version_3_fixture_loads_unchanged() {
    let path = fixture("fixtures/v3-briefing.ron");
    let original = fs::read_to_string(&path).unwrap();
    let (b, report) = file::load(&path).unwrap();
    assert_eq!(report.migrated_from, Some(3));
    assert!(!report.changed_anything());
    assert_migrates_to_a_smaller_file(&b, &original);
    let suggested: Vec<_> = b
        .claims()
        .filter(|(_, c)| !c.suggested_from.is_empty())
        .collect();
    assert_eq!(suggested.len(), 1);
    assert_eq!(suggested[0].1.speaker, "Dmitry Peskov");
    assert_eq!(suggested[0].1.via, "Reuters");
    assert_eq!(b.articles[0].dismissed.len(), 2);
    // Each dismissed suggestion is one line, so that it is one line of a diff.
    assert!(original.contains("\n            dismissed: [\n                \""));
    assert!(original.contains("\n                    suggested_from: \"Kremlin spokesman"));
}

#[test]
fn version_4_fixture_loads_unchanged() {
    let path = fixture("fixtures/v4-briefing.ron");
    let original = fs::read_to_string(&path).unwrap();
    let (b, report) = file::load(&path).unwrap();
    assert_eq!(report.migrated_from, None);
    assert!(!report.changed_anything());
    assert_eq!(to_ron_string(&b), original, "v4 is the current format");
    assert_eq!(b.conflicts.len(), 1);
    assert_eq!(b.conflicts[0].field, "note");
    assert_eq!(
        b.conflicts[0].other_words(),
        "Unnamed sources, repeated by Axios."
    );
    // The same briefing as version 3 wrote it, migrated, is this file but for the merge.
    let (v3, _) = file::load(&fixture("fixtures/v3-briefing.ron")).unwrap();
    assert_eq!(v3.articles[0].text, b.articles[0].text);
    // Compact: a claim's anchor is in the claim, empty fields and an unchanged
    // `modified` are left out, one space a level; still one field per line.
    assert!(original.contains("\n    Claim(\n     id: \""));
    assert!(
        original.contains("\n     span: \"192..212\",\n     quote: \"potential land swaps\",\n")
    );
    assert!(!original.contains("note: \"\""));
    assert!(!original.contains("anchor:"));
}

#[test]
fn links_to_missing_claims_are_dropped_with_a_warning() {
    let text = fs::read_to_string(fixture("fixtures/v2-briefing.ron")).unwrap();
    // A claim removed by hand (or by a bad merge): its id no longer names a claim.
    let gone = "01a22182-71e3-757c-adc0-1517bbd46271";
    let edited = text.replacen(
        &format!("            id: \"{gone}\""),
        "            id: \"01a22182-71e3-757c-adc0-000000000001\"",
        1,
    );
    assert_ne!(edited, text);
    let (b, report) = from_ron_str(&edited, Path::new("b.ron")).unwrap();
    assert_eq!(
        report.dangling_dropped.len(),
        4,
        "{:?}",
        report.dangling_dropped
    );
    assert!(report.changed_anything());
    let gone = gone.parse().unwrap();
    assert!(b.judgments.iter().all(|j| j.stance_of(gone).is_none()));
    assert!(b.hypotheses.iter().all(|h| h.rating(gone).is_none()));
    assert_eq!(b.judgments[0].evidence.len(), 3, "the other links stay");
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("b.ron"), &edited).unwrap();
    let out = run(dir.path(), &["check", "b.ron"]).ok();
    assert!(
        out.stdout
            .contains("  key judgment K1: link to missing claim"),
        "{}",
        out.stdout
    );
}

#[test]
fn file_is_diff_friendly() {
    let text = to_ron_string(&load_fixture());
    assert!(text.starts_with("Briefing(\n format_version: 4,\n"));
    // Article text is written as real lines, so editing a paragraph is a one-line diff.
    assert!(text.contains("\n\nPutin would be open to peace talks"));
    // Claims sorted by position within each article.
    let b = load_fixture();
    for a in &b.articles {
        let keys: Vec<_> = a.claims.iter().map(|c| c.sort_key()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }
}

#[test]
fn golden_markdown() {
    for name in ["v1-briefing", "v2-briefing", "v3-briefing", "v4-briefing"] {
        let load = || {
            file::load(&fixture(&format!("fixtures/{name}.ron")))
                .unwrap()
                .0
        };
        let md = to_markdown(&load());
        let golden = fixture(&format!("golden/{name}.md"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            fs::write(&golden, &md).unwrap();
        }
        let expected = fs::read_to_string(&golden).unwrap();
        assert_eq!(
            md, expected,
            "{name}: set UPDATE_GOLDEN=1 to accept a deliberate change"
        );
        assert_eq!(to_markdown(&load()), md, "deterministic");
    }
}

#[test]
fn text_edited_outside_is_reanchored_and_reported() {
    let path = fixture("fixtures/v1-briefing.ron");
    let original = fs::read_to_string(&path).unwrap();
    let edited = original.replacen(
        "Trump and Putin speak for nearly three hours\n\nThe meeting",
        "Trump and Putin speak for nearly three hours\n\nUPDATED with a new opening paragraph.\n\nThe meeting",
        1,
    );
    assert_ne!(edited, original);
    let (b, report) = from_ron_str(&edited, Path::new("edited.ron")).unwrap();
    assert_eq!(report.text_changed.len(), 1);
    assert_eq!(report.reanchored.len(), 5, "{report:#?}");
    assert!(report.reanchored.iter().all(|r| r.fuzzy_distance.is_none()));
    for (a, c) in b.claims() {
        if !c.anchor.orphaned {
            let chars: Vec<char> = a.text.chars().collect();
            let span: String = chars[c.anchor.start..c.anchor.end].iter().collect();
            assert_eq!(span, c.anchor.quote);
        }
    }
}

#[test]
fn future_version_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("future.ron");
    fs::write(
        &p,
        "Briefing(\n    format_version: 5,\n    new_shape: Something(1),\n)",
    )
    .unwrap();
    let err = run(dir.path(), &["check", "future.ron"]).fails();
    assert!(
        err.stderr
            .contains("newer version of briefing-notes (file format 5)"),
        "{}",
        err.stderr
    );
}

/// Every bad file: a clear error naming the file, exit 1, no panic, the file untouched.
fn assert_refused(name: &str, bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    fs::write(&p, bytes).unwrap();
    for cmd in ["check", "export"] {
        let err = run(dir.path(), &[cmd, name]).fails();
        assert!(err.stderr.contains(name), "{cmd}: {}", err.stderr);
        assert!(
            err.stderr.contains(expect),
            "{cmd} {name}: expected “{expect}” in {}",
            err.stderr
        );
    }
    fs::write(dir.path().join("a.txt"), "some words").unwrap();
    run(dir.path(), &["add", name, "a.txt"]).fails();
    run(
        dir.path(),
        &["tag", name, "--quote", "x", "--status", "reported"],
    )
    .fails();
    assert_eq!(
        fs::read(&p).unwrap(),
        bytes,
        "a failed load never modifies the file"
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "nothing written beside it: {names:?}");
}

#[test]
fn truncated_file() {
    let full = fs::read(fixture("fixtures/v1-briefing.ron")).unwrap();
    assert_refused("truncated.ron", &full[..full.len() / 2], "ends too early");
}

#[test]
fn binary_garbage() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_refused("garbage.ron", &bytes, "not valid UTF-8");
}

#[test]
fn invalid_utf8_reports_where() {
    let mut bytes = b"Briefing(\n    format_version: 1,\n    title: \"caf".to_vec();
    bytes.extend_from_slice(&[0xE9, b'"']);
    assert_refused(
        "latin1.ron",
        &bytes,
        "latin1.ron:3:16: the file is not valid UTF-8",
    );
}

#[test]
fn wrong_types() {
    let text = fs::read_to_string(fixture("fixtures/v1-briefing.ron")).unwrap();
    let bad = text.replacen("start: ", "start: -", 1);
    assert_refused("types.ron", bad.as_bytes(), "types.ron:");
    let bad = text.replacen("title: \"Kremlin", "title: [\"Kremlin", 1);
    assert_refused("types2.ron", bad.as_bytes(), "types2.ron:4:");
    let bad = text.replacen("credibility: Some(1)", "credibility: Some(9)", 1);
    assert_refused("cred.ron", bad.as_bytes(), "credibility must be 1 to 6");
    let bad = text.replacen("status: Confirmed", "status: Rumoured", 1);
    assert_refused("status.ron", bad.as_bytes(), "Rumoured");
}

#[test]
fn missing_field() {
    let bad = "Briefing(\n    format_version: 1,\n    title: \"x\",\n)";
    assert_refused("missing.ron", bad.as_bytes(), "missing.ron:");
}

#[test]
fn empty_file() {
    assert_refused("empty.ron", b"", "empty.ron:");
}

#[test]
fn deep_nesting_is_refused_without_descending_into_it() {
    // Unknown fields are refused by name, so serde never skips (and recurses into) their
    // value; a known field's deep value fails on its first bracket. ron's recursion limit
    // stays on behind both.
    let junk = format!(
        "Briefing(format_version: 1, junk: {}1{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_refused("deep.ron", junk.as_bytes(), "Unexpected field named `junk`");
    let title = format!(
        "Briefing(format_version: 1, id: \"01a22182-71e2-7767-ac8d-03a3823ed51a\", title: {}1{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_refused("deep2.ron", title.as_bytes(), "Expected string");
}

#[test]
fn file_over_64_mb_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.ron");
    let f = fs::File::create(&p).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap();
    drop(f);
    let err = run(dir.path(), &["check", "huge.ron"]).fails();
    assert!(
        err.stderr
            .contains("over 67108864 bytes (64 MB) are refused"),
        "{}",
        err.stderr
    );
    assert!(matches!(file::load(&p), Err(LoadError::TooLarge { .. })));
}

#[test]
fn duplicate_ids_are_renewed_and_reported() {
    let text = fs::read_to_string(fixture("fixtures/v1-briefing.ron")).unwrap();
    let b = load_fixture();
    let first = b.articles[0].claims[0].id.to_string();
    let second = b.articles[0].claims[1].id.to_string();
    let dup = text.replacen(&second, &first, 1);
    let (b2, report) = from_ron_str(&dup, Path::new("dup.ron")).unwrap();
    assert_eq!(report.duplicate_ids_renewed.len(), 1);
    let mut ids: Vec<_> = b2.claims().map(|(_, c)| c.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 9);
}

fn arb_text() -> impl Strategy<Value = String> {
    // Everything a user could type, control characters, quotes and hashes included.
    proptest::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            Just("\"#".to_owned()),
            Just("\"##".to_owned()),
            Just("\\".to_owned()),
            Just("\r\n".to_owned()),
            Just("\t".to_owned()),
            Just("r#\"".to_owned()),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_user_text_round_trips_through_the_file(title in arb_text(), summary in arb_text(), body in arb_text()) {
        let mut b = Briefing::new(title, "analyst");
        b.summary = summary;
        if !body.is_empty() {
            b.articles.push(Article::new(ArticleMeta { title: body.clone(), ..Default::default() }, &body, now()));
        }
        let ron = to_ron_string(&b);
        let (back, _) = from_ron_str(&ron, Path::new("p.ron")).unwrap();
        prop_assert_eq!(&back, &b);
        prop_assert_eq!(to_ron_string(&back), ron);
    }
}
