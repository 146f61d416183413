//! The article importer (HTML, Markdown, text, legacy encodings): any bytes give an article
//! or an error, never a panic. What is stored (the article as `add` makes it) is NFC with LF
//! line ends, normalising it again changes nothing, and its hash is its text's.
#![no_main]

use std::path::Path;

use briefing_notes::import::{ImportOptions, import_bytes};
use briefing_notes::model::{Article, now, sha256_hex};
use briefing_notes::text::normalize_article_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = match selector % 4 {
        0 => "page.html",
        1 => "article.md",
        2 => "article.txt",
        _ => "page.htm",
    };
    let options = ImportOptions {
        whole_page: selector & 0x80 != 0,
    };
    if let Ok(imported) = import_bytes(Path::new(name), bytes, options) {
        let article = Article::new(imported.meta, &imported.text, now());
        assert!(!article.text.contains('\r'));
        assert_eq!(normalize_article_text(&article.text), article.text);
        assert_eq!(article.sha256, sha256_hex(&article.text));
    }
});
