//! Importing saved web pages: our own small fixtures (tests never read ../shared).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefing_notes::import::{
    Format, HtmlError, ImportError, ImportOptions, Imported, import_bytes, import_file,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

fn import(name: &str) -> Imported {
    import_file(&fixture(name), ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_article_is_kept_and_the_page_furniture_dropped() {
    let got = import("boilerplate.html");
    assert_eq!(got.format, Format::Html);
    let text = &got.text;
    for kept in [
        "Norland recalled its ambassador to Estavia on Tuesday",
        "would return “for consultations” and gave no date",
        "\n\nWhat the two sides disagree on\n\n",
        "were:\n\n• control of the customs posts at the northern crossing;\n• fishing rights in the river delta;\n• the timetable for withdrawing border troops.\n\nTrade",
        "“Both capitals need a deal before the harvest,” said one",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in:\n{text}");
    }
    for dropped in [
        "Subscribe",
        "ADVERTISEMENT",
        "Share on",
        "World",
        "Related",
        "Quiz",
        "COMMENT TEXT",
        "SCRIPT TEXT",
        "STYLE TEXT",
        "HIDDEN TEXT",
        "All rights reserved",
        "written",
    ] {
        assert!(!text.contains(dropped), "kept {dropped:?} in:\n{text}");
    }
    assert_eq!(
        got.meta.title,
        "Border talks stall as Norland recalls envoy"
    );
    assert_eq!(
        got.meta.outlet, "The Meridian Post",
        "from the <title> suffix"
    );
    assert_eq!(got.meta.language, "en-GB");
}

#[test]
fn json_ld_metadata_is_read() {
    let got = import("jsonld.html");
    let m = &got.meta;
    assert_eq!(m.title, "Harbour strike enters second week");
    assert_eq!(m.author, "Amara Okafor");
    assert_eq!(m.outlet, "Coastline Daily");
    assert_eq!(
        m.published.map(|p| p.to_string()).as_deref(),
        Some("2025-03-04T08:15:00+01:00")
    );
    assert_eq!(m.url, "https://coastline.example.org/news/harbour-strike");
    assert!(got.text.starts_with("Dock workers at the port of Halden"));
    assert!(
        got.text.contains("fruit growers' association"),
        "entity decoded"
    );
}

#[test]
fn open_graph_and_meta_tags_are_read_with_entities_decoded() {
    let got = import("opengraph.html");
    let m = &got.meta;
    assert_eq!(m.title, "L’inflation ralentit & les taux baissent");
    assert_eq!(m.outlet, "Le Quotidien & Co");
    assert_eq!(m.author, "Claire Dubois");
    assert_eq!(m.language, "fr");
    assert_eq!(
        m.url, "https://quotidien.example.fr/eco/inflation-ralentit",
        "rel=canonical wins over og:url"
    );
    assert_eq!(
        m.published.map(|p| p.to_string()).as_deref(),
        Some("2024-11-20T06:30:00+00:00")
    );
    assert!(got.text.contains("troisième mois consécutif"));
    assert!(got.text.contains("de 1,8 % sur un an"), "{}", got.text);
}

#[test]
fn broken_markup_still_gives_the_article() {
    let got = import("broken.html");
    assert_eq!(got.meta.title, "Broken & unclosed");
    for kept in [
        "Rescue teams reached the flooded village of Orm",
        "Volunteers brought blankets and hot food from neighbouring towns",
        "The river peaked at more than four metres",
        "lost to the water",
    ] {
        assert!(
            got.text.contains(kept),
            "missing {kept:?} in:\n{}",
            got.text
        );
    }
}

#[test]
fn a_page_with_no_article_says_so_and_the_whole_page_can_be_imported() {
    let path = fixture("front-page.html");
    match import_file(&path, ImportOptions::default()) {
        Err(e @ ImportError::NoArticle { .. }) => {
            assert!(e.to_string().contains("no article was found"), "{e}")
        }
        other => panic!("expected NoArticle, got {other:?}"),
    }
    let whole = import_file(&path, ImportOptions { whole_page: true }).unwrap();
    assert_eq!(whole.meta.title, "Coastline Daily - Home");
    assert!(whole.text.contains("Council approves new bridge"));
    assert!(whole.text.contains("Contact us"));
    assert!(!whole.text.contains("SCRIPT TEXT") && !whole.text.contains("HIDDEN TEXT"));
}

fn legacy_page() -> Vec<u8> {
    let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\xE9 society</title></head><body><article>".to_vec();
    for _ in 0..4 {
        page.extend_from_slice(b"<p>The caf\xE9 owners\x92 association said on Friday that trade had fallen \x96 by a fifth \x96 since the square was closed to traffic, and called the council\x92s plan \x93a na\xEFve experiment\x94 that would empty the old town.</p>");
    }
    page.extend_from_slice(b"</article></body></html>");
    page
}

#[test]
fn a_legacy_charset_page_is_decoded_as_it_declares() {
    let got = import_bytes(
        Path::new("legacy.html"),
        &legacy_page(),
        ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(got.encoding, "windows-1252");
    assert_eq!(got.meta.title, "Café society");
    assert!(
        got.text
            .contains("The café owners’ association said on Friday that trade had fallen – by a fifth – since the square was closed to traffic, and called the council’s plan “a naïve experiment”"),
        "{}",
        got.text
    );
}

#[test]
fn legacy_text_files_are_guessed_not_mangled() {
    let got = import_bytes(
        Path::new("note.txt"),
        b"Le caf\xE9 \xE9tait ferm\xE9 \x96 \x93d\xE9j\xE0\x94, a d\xE9clar\xE9 le ma\xEEtre.",
        ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        got.text,
        "Le café était fermé – “déjà”, a déclaré le maître."
    );
    assert_eq!(got.encoding, "windows-1252");
}

#[test]
fn bad_input_gives_a_clear_error_quickly() {
    let opts = ImportOptions::default();
    let dir = tempfile::tempdir().unwrap();

    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        import_file(&empty, opts),
        Err(ImportError::Empty { .. })
    ));
    let blank = dir.path().join("blank.html");
    std::fs::write(&blank, b"<html><body>  </body></html>").unwrap();
    let e = import_file(&blank, ImportOptions { whole_page: true }).unwrap_err();
    assert!(matches!(e, ImportError::Empty { .. }), "{e}");

    let binary = dir.path().join("photo.html");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let e = import_file(&binary, opts).unwrap_err();
    assert!(e.to_string().contains("binary data"), "{e}");

    // A 50 MB page is refused from its size alone, before it is read.
    let huge = dir.path().join("huge.html");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let e = import_file(&huge, opts).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{} is 50 MB; files over 20 MB are refused", huge.display())
    );

    let started = Instant::now();
    let deep = format!(
        "<html><body>{}deep{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let e = import_bytes(Path::new("deep.html"), deep.as_bytes(), opts).unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::Page {
                source: HtmlError::TooDeep { .. },
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("nested"), "{e}");
    let unclosed = "<b>".repeat(200_000);
    let e = import_bytes(Path::new("b.html"), unclosed.as_bytes(), opts).unwrap_err();
    assert!(matches!(
        e,
        ImportError::Page {
            source: HtmlError::TooDeep { .. },
            ..
        }
    ));
    let self_closed = "<div/>".repeat(200_000);
    let e = import_bytes(Path::new("d.html"), self_closed.as_bytes(), opts).unwrap_err();
    assert!(matches!(
        e,
        ImportError::Page {
            source: HtmlError::TooDeep { .. },
            ..
        }
    ));
    let bomb = format!(
        "<html><body><p>{}</p></body></html>",
        "<i>x</i>".repeat(2_000_000)
    );
    let e = import_bytes(Path::new("bomb.html"), bomb.as_bytes(), opts).unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::Page {
                source: HtmlError::TooManyElements,
                ..
            }
        ),
        "{e}"
    );
    // Each was refused by a scan of the tags, not by parsing.
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_page_nested_just_under_the_limit_still_imports() {
    let depth = briefing_notes::import::MAX_NESTING - 20;
    let para = "<p>Officials in the capital said the new rules would take effect next month, after a short consultation with business groups and unions.</p>";
    let page = format!(
        "<html><head><title>Deep</title></head><body>{}{}{}</body></html>",
        "<div>".repeat(depth),
        para.repeat(6),
        "</div>".repeat(depth)
    );
    // The parse recurses in places; the app imports on its main thread, whose stack is
    // larger than a test thread's default, so this runs with the same 8 MB.
    let got = std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(move || {
            import_bytes(
                Path::new("deep.html"),
                page.as_bytes(),
                ImportOptions::default(),
            )
        })
        .unwrap()
        .join()
        .unwrap()
        .unwrap();
    assert!(got.text.starts_with("Officials in the capital"));
}

#[test]
fn a_utf8_page_that_declares_gb2312_is_read_as_utf8_and_says_so() {
    let body =
        "<p>克里姆林宫表示，通话持续了近三个小时，双方讨论了乌克兰问题和领土交换的可能性。</p>\
        <p>白宫发言人表示，会谈取得了进展，但尚未达成任何协议，双方同意继续保持接触。</p>"
            .repeat(12);
    let page = format!(
        "<html><head><meta charset=\"gb2312\"><title>普京与特朗普通话</title></head>\
         <body><article><h1>普京与特朗普通话</h1>{body}</article></body></html>"
    );
    let got = import_bytes(
        Path::new("cn.html"),
        page.as_bytes(),
        ImportOptions::default(),
    )
    .unwrap();
    assert!(
        got.text.contains("克里姆林宫表示，通话持续了近三个小时"),
        "{}",
        got.text
    );
    assert_eq!(got.meta.title, "普京与特朗普通话");
    assert_eq!(got.encoding, "UTF-8");
    assert!(got.warning.unwrap().contains("UTF-8"));
}
