//! The briefing loader and anchor verification: any bytes give a briefing or an error, never
//! a panic; a briefing that loads has every live claim on its quote, and saves and reloads
//! to the same briefing with nothing left to repair.
#![no_main]

use std::path::Path;

use briefing_notes::file::{from_ron_str, to_ron_string};
use briefing_notes::text::TextIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((briefing, _)) = from_ron_str(text, Path::new("fuzz.ron")) else {
        return;
    };
    for article in &briefing.articles {
        let index = TextIndex::new(&article.text);
        for claim in &article.claims {
            if !claim.anchor.orphaned {
                assert_eq!(
                    index.slice(claim.anchor.range()),
                    Some(claim.anchor.quote.as_str()),
                    "a live claim must select its quote"
                );
            }
        }
    }
    let saved = to_ron_string(&briefing);
    let (again, report) = from_ron_str(&saved, Path::new("fuzz.ron")).expect("a saved file loads");
    assert!(!report.changed_anything(), "a saved file needs no repair: {report:?}");
    assert_eq!(again, briefing, "save → load is the identity");
});
