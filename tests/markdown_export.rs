//! The Markdown export is valid CommonMark whose structure no user text can change.

#[path = "support/markdown_structure.rs"]
mod structure;

use briefing_notes::export::to_markdown;
use briefing_notes::model::Status;
use proptest::prelude::*;
use structure::{assert_structure_holds, briefing_with, parse};

/// User text that would change a naive document's structure.
const HOSTILE: &[&str] = &[
    "*x*",
    "**bold**",
    "_u_",
    "# heading",
    "## h2",
    "> quote",
    "1. item",
    "2) item",
    "- dash",
    "+ plus",
    "* star",
    "    four spaces",
    "\tTab",
    "`code`",
    "```",
    "~~~",
    "~~strike~~",
    "| a | b |",
    "|---|",
    "[a](javascript:alert(1))",
    "![img](http://x/i.png)",
    "[ref]: http://x",
    "<script>alert(1)</script>",
    "<div>",
    "&amp;",
    "&#38;",
    "&lt;b&gt;",
    "===",
    "---",
    "***",
    "___",
    "\\",
    "\\*",
    "$x$",
    "[^1]",
    "<http://evil.example>",
    "a  ",
    "trailing\\",
    "AT&T",
    "C#",
    "x<y",
    "2024.",
    "“curly”",
    "—",
    // Bare addresses that GFM renderers turn into links.
    "https://evil.example/x",
    "see http://evil.example/a\\",
    "ftp://evil.example",
    "www.evil.example",
    "(www.evil.example)",
    "_www.evil.example_",
    "write to a.b@evil.example",
    "mailto:a@evil.example",
    "xmpp:a@evil.example",
    "WWW.EVIL.EXAMPLE",
    // Found by the property test: an address with an odd host.
    "x https://evil.example/p@.D",
    // Found by fuzzing: a control char before a line-start marker.
    "\u{1}+",
    "\u{7}- item",
    "\u{1b}1. item",
    "\u{85}# heading",
    "\u{4} \u{4}\n\n\n1",
];

#[test]
fn every_hostile_string_is_inert() {
    for nasty in HOSTILE {
        assert_structure_holds(&briefing_with(nasty, "https://example.com/a?b=1&c=2"));
    }
    let all = HOSTILE.join("\n");
    assert_structure_holds(&briefing_with(&all, "javascript:alert(1)"));
}

#[test]
fn only_web_urls_are_links() {
    for (url, linked) in [
        ("https://example.com/x", true),
        ("http://example.com/x", true),
        ("javascript:alert(1)", false),
        ("https://example.com/<script>", false),
        ("data:text/html,<b>x</b>", false),
    ] {
        let md = to_markdown(&briefing_with("x", url));
        let is_link = parse(&md).links.iter().any(|l| l == url);
        assert_eq!(is_link, linked, "{url}: {md}");
    }
}

#[test]
fn groups_come_in_status_order_with_counts() {
    let md = to_markdown(&briefing_with("plain", "https://example.com"));
    let p = parse(&md);
    let order: Vec<&str> = p
        .headings
        .iter()
        .map(String::as_str)
        .filter(|h| Status::ALL.iter().any(|s| s.label() == *h))
        .collect();
    assert_eq!(order, ["Confirmed", "Reported", "Disputed"]);
    assert!(
        md.contains("| Confirmed | 1 |\n| Reported | 1 |\n| Disputed | 1 |\n| **Total** | **3** |")
    );
}

fn hostile_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
            1 => "[ -~]{1,6}",
            1 => Just("\n".to_owned()),
            1 => Just("\n\n".to_owned()),
            1 => Just("  ".to_owned()),
            1 => Just("https://evil.example/p".to_owned()),
            1 => Just("x@evil.example".to_owned()),
        ],
        1..12,
    )
    .prop_map(|v| v.concat())
    .prop_filter("some visible text", |s| !s.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_hostile_text_never_changes_structure(nasty in hostile_text()) {
        assert_structure_holds(&briefing_with(&nasty, "https://example.com/p"));
    }
}
