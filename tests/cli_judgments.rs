//! Key judgments, corroboration and competing hypotheses from the command line: the
//! land-swap story, where three claims rest on one independent source.

mod common;

use std::fs;
use std::path::Path;

use common::run;

const ARTICLES: [(&str, &str, &str); 3] = [
    (
        "guardian.txt",
        "The Guardian",
        "Land swaps on the table\n\nAccording to The New York Times, Putin would be open to \
         peace talks in exchange for discussing potential land swaps, according to several \
         people with knowledge of the call.",
    ),
    (
        "cnn.txt",
        "CNN",
        "Putin open to land swaps, report says\n\nThe Russian leader is open to discussing \
         land swaps as part of peace talks, people familiar with the call told the New York \
         Times.",
    ),
    (
        "tass.txt",
        "TASS",
        "Kremlin denies report\n\nThe Kremlin said reports of land swaps were false. \
         Ushakov said a summit could take place within two weeks.",
    ),
];

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run(d, &["new", "b.ron", "--title", "Land swaps"]).ok();
    for (name, outlet, text) in ARTICLES {
        fs::write(d.join(name), text).unwrap();
        run(d, &["add", "b.ron", name, "--outlet", outlet]).ok();
    }
    dir
}

fn tag(d: &Path, article: &str, quote: &str, status: &str, speaker: &str, via: &str) -> String {
    let out = run(
        d,
        &[
            "tag",
            "b.ron",
            "--article",
            article,
            "--quote",
            quote,
            "--status",
            status,
            "--speaker",
            speaker,
            "--via",
            via,
        ],
    )
    .ok();
    out.stdout
}

#[test]
fn circular_reporting_counts_once_and_is_flagged() {
    let dir = setup();
    let d = dir.path();
    let first = tag(
        d,
        "1",
        "Putin would be open to peace talks in exchange for discussing potential land swaps",
        "reported",
        "several people with knowledge of the call",
        "The New York Times",
    );
    assert!(first.starts_with("Tagged Reported R1 "), "{first}");
    let second = tag(
        d,
        "2",
        "open to discussing land swaps as part of peace talks",
        "reported",
        "people familiar with the call",
        "NYT",
    );
    assert!(second.starts_with("Tagged Reported R2 "), "{second}");
    let denial = tag(
        d,
        "3",
        "reports of land swaps were false",
        "disputed",
        "the Kremlin",
        "",
    );
    assert!(denial.starts_with("Tagged Disputed D1 "), "{denial}");
    let summit = tag(
        d,
        "3",
        "a summit could take place within two weeks",
        "reported",
        "Ushakov",
        "",
    );
    assert!(summit.starts_with("Tagged Reported R3 "), "{summit}");

    let added = run(
        d,
        &[
            "judgment",
            "add",
            "b.ron",
            "--text",
            "We assess that Russia is likely to offer talks on land swaps",
            "--likelihood",
            "likely",
            "--confidence",
            "high",
        ],
    )
    .ok();
    assert!(added.stdout.starts_with("Added K1 "), "{}", added.stdout);
    let linked = run(d, &["judgment", "link", "b.ron", "K1", "R1", "r2"]).ok();
    assert!(
        linked.stdout.contains("K1: 1 source (The New York Times)"),
        "two outlets relaying the NYT are one source:\n{}",
        linked.stdout
    );
    assert!(
        linked.stdout.contains("warning: single-sourced"),
        "{}",
        linked.stdout
    );
    run(
        d,
        &["judgment", "link", "b.ron", "k1", "D1", "--contradicts"],
    )
    .ok();

    run(
        d,
        &[
            "judgment",
            "add",
            "b.ron",
            "--text",
            "A summit within two weeks",
        ],
    )
    .ok();
    let two = run(d, &["judgment", "link", "b.ron", "K2", "R3", "R1"]).ok();
    assert!(
        two.stdout.contains(
            "K2: 2 independent sources (Ushakov; several people with knowledge of the call)"
        ),
        "{}",
        two.stdout
    );

    let check = run(d, &["check", "b.ron"]).ok().stdout;
    for expected in [
        "  R1  “Putin would be open to peace talks in exchange for discussi…” — several people \
         with knowledge of the call, via The New York Times",
        "  D1  “reports of land swaps were false” — the Kremlin",
        "Key judgments: 2",
        "  K1  “We assess that Russia is likely to offer talks on land swaps” — likely \
         (55–80 %), high confidence",
        "      1 source (The New York Times); supported by R1, R2; contradicted by D1",
        "      warning: single-sourced: every supporting claim traces back to one source",
        "      warning: contradicted by 1 linked claim",
        "      warning: high confidence, but the evidence is thin or contested",
        "  K2  “A summit within two weeks”",
    ] {
        assert!(
            check.contains(expected),
            "missing {expected:?} in:\n{check}"
        );
    }

    let md = run(d, &["export", "b.ron"]).ok().stdout;
    let key = md
        .find("## Key judgments")
        .expect("a key judgments section");
    assert!(key < md.find("## Claims by status").unwrap());
    assert!(md.contains("### K1. We assess that Russia is likely to offer talks on land swaps\n"));
    assert!(md.contains("*Likely (55–80 %) · high confidence*"));
    assert!(md.contains("- Sources: 1 source (The New York Times)\n"));
    assert!(md.contains("- Supported by: [R1](#r1), [R2](#r2)\n"));
    assert!(md.contains("- Contradicted by: [D1](#d1)\n"));
    assert!(md.contains("- **Warning:** single-sourced"));
    assert!(
        md.contains(
            "> According to The New York Times, **Putin would be open to peace talks in \
             exchange for discussing potential land swaps**, according to several people with \
             knowledge of the call.\n"
        ),
        "{md}"
    );
    assert!(md.contains("— the Kremlin · [3] TASS\n"), "{md}");
}

#[test]
fn hypotheses_are_rated_and_scored() {
    let dir = setup();
    let d = dir.path();
    tag(
        d,
        "1",
        "potential land swaps",
        "reported",
        "",
        "The New York Times",
    );
    tag(
        d,
        "3",
        "reports of land swaps were false",
        "disputed",
        "the Kremlin",
        "",
    );
    let h1 = run(
        d,
        &[
            "hypothesis",
            "add",
            "b.ron",
            "--text",
            "Russia wants a deal",
        ],
    )
    .ok();
    assert!(h1.stdout.starts_with("Added H1 "), "{}", h1.stdout);
    run(
        d,
        &["hypothesis", "add", "b.ron", "--text", "Russia is stalling"],
    )
    .ok();
    for (claim, h, rating, said) in [
        ("R1", "H1", "cc", "R1 against H1: CC (very consistent)"),
        ("R1", "H2", "ii", "R1 against H2: II (very inconsistent)"),
        ("D1", "H1", "i", "D1 against H1: I (inconsistent)"),
        ("D1", "h2", "I", "D1 against H2: I (inconsistent)"),
    ] {
        let out = run(d, &["rate", "b.ron", claim, h, rating]).ok();
        assert_eq!(out.stdout.trim(), said);
    }
    let check = run(d, &["check", "b.ron"]).ok().stdout;
    assert!(
        check.contains("  H1  “Russia wants a deal” — inconsistency 1, 2 rated"),
        "{check}"
    );
    assert!(
        check.contains("  H2  “Russia is stalling” — inconsistency 3, 2 rated"),
        "{check}"
    );
    assert!(check.contains("  Most consistent: H1\n"), "{check}");
    assert!(
        check.contains("Non-diagnostic (rated alike for every hypothesis): D1"),
        "{check}"
    );
    let md = run(d, &["export", "b.ron"]).ok().stdout;
    assert!(
        md.contains("| Claim | H1 | H2 |\n| :--- | :---: | :---: |\n"),
        "{md}"
    );
    assert!(md.contains("| [R1](#r1) | CC | II |\n"), "{md}");
    assert!(
        md.contains("| [D1](#d1) *(non-diagnostic)* | I | I |\n"),
        "{md}"
    );
    assert!(
        md.contains("| **Inconsistency** | **1** | **3** |\n"),
        "{md}"
    );
    assert!(
        md.contains("Most consistent: **H1** (Russia wants a deal)"),
        "{md}"
    );
    assert!(md.contains("Also read: *cnn* (CNN)."), "{md}");

    // Clearing a rating, and deleting nothing by mistake.
    run(d, &["rate", "b.ron", "D1", "H2", "none"]).ok();
    let check = run(d, &["check", "b.ron"]).ok().stdout;
    assert!(
        check.contains("“Russia is stalling” — inconsistency 2, 1 rated"),
        "{check}"
    );
}

#[test]
fn wrong_names_are_refused_and_change_nothing() {
    let dir = setup();
    let d = dir.path();
    let before = fs::read(d.join("b.ron")).unwrap();
    let err = run(d, &["judgment", "link", "b.ron", "K1", "R1"]).fails();
    assert!(err.stderr.contains("no key judgment yet"), "{}", err.stderr);
    let err = run(d, &["rate", "b.ron", "R1", "H1", "cc"]).fails();
    assert!(
        err.stderr.contains("no claim is called “R1”"),
        "{}",
        err.stderr
    );
    tag(d, "1", "potential land swaps", "reported", "", "");
    run(d, &["judgment", "add", "b.ron", "--text", "Talks"]).ok();
    let err = run(d, &["judgment", "link", "b.ron", "K2", "R1"]).fails();
    assert!(err.stderr.contains("there is no K2"), "{}", err.stderr);
    let err = run(d, &["judgment", "link", "b.ron", "K1", "R1", "C9"]).fails();
    assert!(
        err.stderr.contains("no claim is called “C9”"),
        "{}",
        err.stderr
    );
    let check = run(d, &["check", "b.ron"]).ok().stdout;
    assert!(
        check.contains("no supporting claims"),
        "nothing linked:\n{check}"
    );
    let err = run(
        d,
        &[
            "judgment",
            "add",
            "b.ron",
            "--text",
            "x",
            "--likelihood",
            "maybe",
        ],
    );
    assert_eq!(err.code, 2, "a usage error");
    assert!(err.stderr.contains("almost-no-chance"), "{}", err.stderr);
    let err = run(d, &["judgment", "add", "b.ron", "--text", "  "]).fails();
    assert!(err.stderr.contains("empty"), "{}", err.stderr);
    assert_ne!(
        fs::read(d.join("b.ron")).unwrap(),
        before,
        "the tag and judgment were saved"
    );
}
