//! The Markdown export round trip: whatever the user typed, the export parses back (with
//! pulldown-cmark) to the same structure, with every field's words intact.
#![no_main]

#[path = "../../tests/support/markdown_structure.rs"]
mod structure;

use libfuzzer_sys::fuzz_target;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    nasty: String,
    web_url: bool,
}

fuzz_target!(|input: Input| {
    if input.nasty.trim().is_empty() {
        return;
    }
    let url = if input.web_url {
        "https://example.com/a?b=1&c=2"
    } else {
        "javascript:alert(1)"
    };
    structure::assert_structure_holds(&structure::briefing_with(&input.nasty, url));
});
