//! Claims that travel: W3C Web Annotation and CSV exports, and annotations from other
//! tools (W3C, Hypothesis) imported through the same anchoring as every claim.

mod common;

use std::fs;
use std::path::Path;

use briefing_notes::file;
use common::{fixture, run};
use serde_json::Value;

const ARTICLE: &str = "Putin would be open to peace talks in exchange for discussing potential land swaps, according to several people with knowledge of the call.\n\nTrump said on Monday that there had been great progress, “a lot of progress,” in the talks.\n\nThe Kremlin said the talks lasted two hours.";
const URL: &str = "https://news.example.org/2025/08/call";

/// A briefing with one article (with a URL) and three claims, one with a note that a
/// spreadsheet would run as a formula.
fn briefing(dir: &Path) -> String {
    let f = dir.join("b.ron");
    let f = f.to_str().unwrap().to_owned();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    run(
        dir,
        &["new", &f, "--title", "Calls", "--analyst", "A. Analyst"],
    )
    .ok();
    run(
        dir,
        &[
            "add",
            &f,
            "a.txt",
            "--title",
            "The call, in full",
            "--url",
            URL,
            "--outlet",
            "Example News",
            "--reliability",
            "B",
        ],
    )
    .ok();
    run(
        dir,
        &[
            "tag",
            &f,
            "--quote",
            "potential land swaps",
            "--status",
            "reported",
            "--note",
            "Unnamed sources, \"several\".",
            "--speaker",
            "several people with knowledge of the call",
            "--credibility",
            "3",
        ],
    )
    .ok();
    run(
        dir,
        &[
            "tag",
            &f,
            "--quote",
            "great progress",
            "--status",
            "disputed",
            "--note",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
        ],
    )
    .ok();
    run(
        dir,
        &[
            "tag",
            &f,
            "--quote",
            "lasted two hours",
            "--status",
            "confirmed",
        ],
    )
    .ok();
    f
}

fn items(json: &Value) -> &Vec<Value> {
    json["first"]["items"].as_array().unwrap()
}

#[test]
fn w3c_export_has_one_annotation_per_claim_with_both_selectors() {
    let dir = tempfile::tempdir().unwrap();
    let f = briefing(dir.path());
    let out = run(dir.path(), &["export", &f, "--format", "w3c"]).ok();
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["total"], 3);
    let (b, _) = file::load(Path::new(&f)).unwrap();
    let all = items(&json);
    assert_eq!(all.len(), 3);
    for item in all {
        assert_eq!(item["type"], "Annotation");
        let id: briefing_notes::model::ClaimId = item["id"]
            .as_str()
            .unwrap()
            .strip_prefix("urn:uuid:")
            .unwrap()
            .parse()
            .unwrap();
        let (article, claim) = b.find_claim(id).unwrap();
        assert_eq!(item["target"]["source"], URL);
        let selectors = item["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        assert_eq!(quote["exact"], claim.anchor.quote.as_str());
        assert_eq!(quote["prefix"], claim.anchor.prefix.as_str());
        let pos = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        // Code points of the article's text, as the model specifies.
        let (s, e) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        let exact: String = article.text.chars().skip(s).take(e - s).collect();
        assert_eq!(exact, claim.anchor.quote);
        let bodies = item["body"].as_array().unwrap();
        assert!(
            bodies
                .iter()
                .any(|b| b["purpose"] == "tagging" && b["value"] == claim.status.label())
        );
        if !claim.note.is_empty() {
            assert!(
                bodies
                    .iter()
                    .any(|b| b["purpose"] == "commenting" && b["value"] == claim.note.as_str())
            );
        }
        assert_eq!(item["bn:status"], claim.status.label());
        assert_eq!(item["bn:sourceReliability"], "B");
    }
    let swaps = all
        .iter()
        .find(|i| i["target"]["selector"][0]["exact"] == "potential land swaps")
        .unwrap();
    assert_eq!(
        swaps["bn:speaker"],
        "several people with knowledge of the call"
    );
    assert_eq!(swaps["bn:credibility"], 3);
}

#[test]
fn w3c_export_imports_back_as_the_same_claims() {
    let dir = tempfile::tempdir().unwrap();
    let f = briefing(dir.path());
    let json = dir.path().join("claims.json");
    run(
        dir.path(),
        &[
            "export",
            &f,
            "--format",
            "w3c",
            "-o",
            json.to_str().unwrap(),
        ],
    )
    .ok();
    let (before, _) = file::load(Path::new(&f)).unwrap();
    // The same article in a briefing without the claims.
    let mut empty = before.clone();
    empty.articles[0].claims.clear();
    let g = dir.path().join("g.ron");
    file::save(&g, &empty).unwrap();
    let import = || {
        run(
            dir.path(),
            &[
                "import-annotations",
                g.to_str().unwrap(),
                json.to_str().unwrap(),
            ],
        )
        .ok()
    };
    let out = import();
    assert!(
        out.stdout
            .starts_with("Read 3 annotation(s): 3 added as claims"),
        "{}",
        out.stdout
    );
    let (after, _) = file::load(&g).unwrap();
    for (_, c) in before.claims() {
        let (_, back) = after.find_claim(c.id).expect("the claim keeps its id");
        assert_eq!(back.anchor, c.anchor);
        assert_eq!(
            (back.status, &back.note, &back.speaker, back.credibility),
            (c.status, &c.note, &c.speaker, c.credibility)
        );
        assert_eq!(back.tags, c.tags, "the status is not made a tag");
    }
    // Importing again adds nothing.
    let again = import();
    assert!(
        again
            .stdout
            .contains("0 added as claims, 3 already in the briefing"),
        "{}",
        again.stdout
    );
}

#[test]
fn hypothesis_annotations_anchor_by_quote_and_the_rest_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let f = briefing(dir.path());
    // As Hypothesis's API returns them: positions count the web page's text, not ours.
    let hypothesis = serde_json::json!({
        "total": 4,
        "rows": [
            {
                "id": "Hx1", "uri": format!("{URL}#annotations"),
                "text": "Check against the Kremlin readout.", "tags": ["readout", "kremlin"],
                "target": [{
                    "source": URL,
                    "selector": [
                        {"type": "RangeSelector", "startContainer": "/div[1]/p[3]", "startOffset": 12, "endContainer": "/div[1]/p[3]", "endOffset": 28},
                        {"type": "TextPositionSelector", "start": 1412, "end": 1428},
                        {"type": "TextQuoteSelector", "exact": "the talks lasted", "prefix": "The Kremlin said ", "suffix": " two hours."}
                    ]
                }]
            },
            {
                "id": "Hx2", "uri": URL, "text": "Not in this article.", "tags": [],
                "target": [{"source": URL, "selector": [{"type": "TextQuoteSelector", "exact": "a ceasefire from Friday", "prefix": "", "suffix": ""}]}]
            },
            {
                // Context taken from the page's DOM: a space where our text breaks the
                // paragraph, and far more than our 32 characters.
                "id": "Hx4", "uri": URL, "text": "Trump's own words.", "tags": [],
                "target": [{"source": URL, "selector": [{"type": "TextQuoteSelector", "exact": "Trump said on Monday",
                    "prefix": "in exchange for discussing potential land swaps, according to several people with knowledge of the call. ",
                    "suffix": " that there had"}]}]
            },
            {
                "id": "Hx3", "uri": "https://elsewhere.example/page", "text": "", "tags": [],
                "target": [{"source": "https://elsewhere.example/page", "selector": [{"type": "TextQuoteSelector", "exact": "peace talks"}]}]
            }
        ]
    });
    let json = dir.path().join("h.json");
    fs::write(&json, hypothesis.to_string()).unwrap();
    let out = run(
        dir.path(),
        &["import-annotations", &f, json.to_str().unwrap()],
    )
    .ok();
    assert!(
        out.stdout.starts_with(
            "Read 4 annotation(s): 2 added as claims, 0 already in the briefing, 2 not anchored"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("not anchored: “a ceasefire from Friday” — its words are not in"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("not anchored: “peace talks” — no article in the briefing has its source"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("--article N puts annotations in article N"),
        "the command line says how to place them: {}",
        out.stdout
    );
    let (b, _) = file::load(Path::new(&f)).unwrap();
    let (_, c) = b
        .claims()
        .find(|(_, c)| c.anchor.quote == "the talks lasted")
        .unwrap();
    assert_eq!(c.status, briefing_notes::model::Status::Reported);
    assert_eq!(c.note, "Check against the Kremlin readout.");
    assert_eq!(
        c.tags.iter().map(String::as_str).collect::<Vec<_>>(),
        ["kremlin", "readout"]
    );
    assert!(
        b.claims().any(
            |(_, c)| c.anchor.quote == "Trump said on Monday" && c.note == "Trump's own words."
        ),
        "placed by its context, whitespace aside"
    );
    // --article places the one from another page in the article named.
    let out = run(
        dir.path(),
        &[
            "import-annotations",
            &f,
            json.to_str().unwrap(),
            "--article",
            "1",
        ],
    )
    .ok();
    assert!(
        out.stdout
            .contains("1 added as claims, 2 already in the briefing, 1 not anchored"),
        "{}",
        out.stdout
    );
    // Not JSON, or JSON without annotations: refused plainly.
    fs::write(dir.path().join("x.json"), "{\"hello\": 1}").unwrap();
    let err = run(dir.path(), &["import-annotations", &f, "x.json"]).fails();
    assert!(
        err.stderr.contains("no annotations found"),
        "{}",
        err.stderr
    );
}

/// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut cell, mut quoted, mut chars) =
        (vec![], String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_export_is_one_row_per_claim_and_never_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let f = briefing(dir.path());
    let out = run(dir.path(), &["export", &f, "--format", "csv"]).ok();
    assert!(
        out.stdout.starts_with('\u{feff}'),
        "UTF-8 with a byte-order mark"
    );
    assert!(out.stdout.contains("\r\n") && !out.stdout.replace("\r\n", "").contains('\n'));
    let rows = parse_csv(out.stdout.trim_start_matches('\u{feff}'));
    assert_eq!(rows[0][..4], ["label", "status", "quote", "sentence"]);
    assert_eq!(rows[0].len(), 15);
    assert_eq!(rows.len(), 4, "a header and three claims");
    assert!(rows.iter().all(|r| r.len() == 15));
    let swaps = rows
        .iter()
        .find(|r| r[2] == "potential land swaps")
        .unwrap();
    assert_eq!(swaps[0], "R1");
    assert_eq!(
        swaps[3],
        "Putin would be open to peace talks in exchange for discussing potential land swaps, according to several people with knowledge of the call."
    );
    assert_eq!(swaps[4], "several people with knowledge of the call");
    assert_eq!((swaps[6].as_str(), swaps[7].as_str()), ("3", "B"));
    assert_eq!(
        (swaps[8].as_str(), swaps[10].as_str()),
        ("The call, in full", URL)
    );
    assert_eq!(swaps[12], "Unnamed sources, \"several\".");
    let progress = rows.iter().find(|r| r[2] == "great progress").unwrap();
    assert_eq!(
        progress[12], "'=HYPERLINK(\"http://evil.example\",\"x\")",
        "defused"
    );
    assert!(
        rows.iter()
            .skip(1)
            .all(|r| r.iter().all(|c| !c.starts_with(['=', '+', '-', '@'])))
    );
}

#[test]
fn the_fixture_exports_the_same_every_time() {
    let path = fixture("fixtures/v4-briefing.ron");
    let (b, _) = file::load(&path).unwrap();
    let w3c = briefing_notes::export::to_w3c(&b);
    assert_eq!(
        w3c,
        briefing_notes::export::to_w3c(&file::load(&path).unwrap().0)
    );
    let json: Value = serde_json::from_str(&w3c).unwrap();
    // No URL: the target names the text by its hash.
    assert_eq!(
        items(&json)[0]["target"]["source"],
        format!("urn:sha256:{}", b.articles[0].sha256)
    );
}
