//! The PDF and Word readers: any bytes give an article or an error, never a panic, a hang
//! or an allocation past the limits.
#![no_main]

use std::path::Path;

use briefing_notes::import::{ImportOptions, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = if selector & 1 == 0 { "a.pdf" } else { "a.docx" };
    if let Ok(imported) = import_bytes(Path::new(name), bytes, ImportOptions::default()) {
        assert!(!imported.text.trim().is_empty());
    }
});
