//! PDF and Word articles, from small documents made here: two columns, hyphenated line
//! ends, running heads and feet, CJK text, scans, encryption, damage and bombs; a .docx
//! with a table, a list, a footnote, hidden text and field codes. Through the library, the
//! command line and the app.

#[path = "support/app_harness.rs"]
mod app_harness;
mod common;
#[path = "support/documents.rs"]
mod documents;

use std::path::Path;

use briefing_notes::import::docx::DocxError;
use briefing_notes::import::pdf::PdfError;
use briefing_notes::import::{Format, ImportError, ImportOptions, Imported, import_bytes};
use documents::{Pdf, Text, docx, p, t};

fn import(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_bytes(Path::new(name), bytes, ImportOptions::default())
}

/// What the PDF reader said, from an import error.
fn pdf_error(err: &ImportError) -> PdfError {
    match err {
        ImportError::Pdf { source, .. } => source.clone(),
        other => panic!("not a PDF error: {other}"),
    }
}

fn pdf_text(pdf: &Pdf) -> String {
    match import("a.pdf", &pdf.build()) {
        Ok(i) => {
            assert_eq!(i.format, Format::Pdf);
            i.text
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn two_columns_are_read_one_after_the_other_even_when_drawn_across() {
    let left = [
        "The delegations met in Vienna on Monday",
        "for the first time since the ceasefire",
        "collapsed in March. Officials said the",
        "talks would focus on prisoner exchanges.",
    ];
    let right = [
        "Observers from three countries attended",
        "the opening session. A second round is",
        "planned for April, according to people",
        "briefed on the schedule.",
    ];
    let mut lines = vec![Text {
        font: "F1",
        size: 20.0,
        x: 72.0,
        y: 720.0,
        text: "Border talks resume",
        word_space: 0.0,
    }];
    // Drawn row by row across both columns, as some producers do.
    for (i, (l, r)) in left.iter().zip(&right).enumerate() {
        let y = 680.0 - 14.0 * i as f64;
        lines.push(t(72.0, y, l));
        lines.push(t(320.0, y, r));
    }
    let text = pdf_text(&Pdf::default().page(&lines));
    assert_eq!(
        text,
        format!(
            "Border talks resume\n\n{}\n\n{}",
            left.join(" "),
            right.join(" ")
        )
    );
}

#[test]
fn hyphenated_words_join_compounds_keep_their_hyphen_and_lines_keep_their_space() {
    // Justified, as text hyphenated to fit its lines is.
    let lines = [
        "Analysts noted that the recog-",
        "nition of the new government was put off",
        "by a dispute over the border. The vice-",
        "president spoke to the committee, pro-",
        "and anti-government, on the machine.",
        "There's no date yet, the vice-president said on 14-",
        "March, and the talks resumed.",
    ];
    let page: Vec<Text> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut line = t(72.0, 700.0 - 14.0 * i as f64, l);
            if i + 1 < lines.len() {
                line.word_space = documents::justify(l, 11.0, 260.0);
            }
            line
        })
        .collect();
    let text = pdf_text(&Pdf::default().page(&page));
    assert_eq!(
        text,
        "Analysts noted that the recognition of the new government was put off by a dispute \
         over the border. The vice-president spoke to the committee, pro- and anti-government, \
         on the machine. There's no date yet, the vice-president said on 14-March, and the talks \
         resumed."
    );
    // Ragged lines, as browsers print them: a line-end hyphen is a real one.
    let ragged: Vec<Text> = ["A sharply worded and wishy-", "washy statement followed."]
        .iter()
        .enumerate()
        .map(|(i, l)| t(72.0, 700.0 - 14.0 * i as f64, l))
        .collect();
    assert_eq!(
        pdf_text(&Pdf::default().page(&ragged)),
        "A sharply worded and wishy-washy statement followed."
    );
}

#[test]
fn running_heads_feet_and_page_numbers_are_dropped_and_paragraphs_run_across_pages() {
    let body = [
        [
            "The committee reviewed the new export rules",
            "and agreed that the committee will meet again",
        ],
        [
            "after the holidays, officials said. Members",
            "asked for figures on the grain shipments.",
        ],
        [
            "A vote is expected at the next session.",
            "Ministry of Trade, press office.",
        ],
    ];
    let mut pdf = Pdf {
        compress: true,
        ..Pdf::default()
    };
    for (n, lines) in body.iter().enumerate() {
        let number = format!("Page {} of 3", n + 1);
        let mut page = vec![
            Text {
                font: "F1",
                size: 9.0,
                x: 72.0,
                y: 760.0,
                text: "Ministry of Trade - Weekly Digest",
                word_space: 0.0,
            },
            Text {
                font: "F1",
                size: 9.0,
                x: 280.0,
                y: 30.0,
                text: &number,
                word_space: 0.0,
            },
        ];
        for (i, l) in lines.iter().enumerate() {
            page.push(t(72.0, 700.0 - 14.0 * i as f64, l));
        }
        pdf = pdf.page(&page);
    }
    let text = pdf_text(&pdf);
    assert_eq!(
        text,
        "The committee reviewed the new export rules and agreed that the committee will meet \
         again after the holidays, officials said. Members asked for figures on the grain \
         shipments.\n\nA vote is expected at the next session. Ministry of Trade, press office."
    );
}

/// A line set 380 points wide.
fn justified(x: f64, y: f64, text: &str) -> Text<'_> {
    Text {
        word_space: documents::justify(text, 11.0, 380.0),
        ..t(x, y, text)
    }
}

#[test]
fn headings_hand_made_line_breaks_and_paragraphs_over_a_page_break() {
    let first = [
        Text {
            font: "F5",
            size: 11.0,
            ..t(72.0, 700.0, "What was agreed")
        },
        t(72.0, 686.0, "By Jane Roe"),
        t(72.0, 672.0, "March 25, 2015"),
        justified(
            72.0,
            644.0,
            "The ministers agreed on a timetable for the inspections of the ships",
        ),
        justified(
            72.0,
            630.0,
            "that carry grain from the three ports on the coast, according to the",
        ),
    ];
    let second = [
        t(
            72.0,
            700.0,
            "European Commission, which will publish the details next week.",
        ),
        t(72.0, 686.0, "Nothing else was agreed."),
    ];
    let text = pdf_text(&Pdf::default().page(&first).page(&second));
    assert_eq!(
        text,
        "What was agreed\n\nBy Jane Roe\nMarch 25, 2015\n\nThe ministers agreed on a timetable \
         for the inspections of the ships that carry grain from the three ports on the coast, \
         according to the European Commission, which will publish the details next week. \
         Nothing else was agreed."
    );
}

#[test]
fn a_page_whose_text_runs_up_the_page_is_read_turned() {
    // A landscape page drawn on a portrait one, as scanners and some printers do; a stray
    // upright label in the margin is not part of the text.
    let lines = [
        "Ministers met on Monday to agree the terms",
        "of the ceasefire, which begins at noon on",
        "Friday, according to the joint statement.",
    ];
    let mut content: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| format!("BT /F2 11 Tf 0 1 -1 0 {} 72 Tm ({l}) Tj ET\n", 100 + 14 * i))
        .collect();
    content.push_str("BT /F1 8 Tf 500 30 Td (Scan 7) Tj ET\n");
    let pdf = Pdf {
        pages: vec![content],
        ..Pdf::default()
    };
    assert_eq!(pdf_text(&pdf), lines.join(" "));
}

#[test]
fn vertical_writing_is_read_down_each_column_from_the_right() {
    // Upright glyphs one under another, columns from right to left, as browsers print
    // `writing-mode: vertical-rl`.
    let columns = ["中国政府今日", "発表中国政"];
    let mut glyphs = Vec::new();
    for (col, text) in columns.iter().enumerate() {
        for (row, c) in text.chars().enumerate() {
            glyphs.push((
                500.0 - 16.0 * col as f64,
                700.0 - 12.0 * row as f64,
                c.to_string(),
            ));
        }
    }
    let page: Vec<Text> = glyphs
        .iter()
        .map(|(x, y, c)| Text {
            font: "F3",
            size: 12.0,
            x: *x,
            y: *y,
            text: c,
            word_space: 0.0,
        })
        .collect();
    assert_eq!(pdf_text(&Pdf::default().page(&page)), columns.concat());
}

#[test]
fn right_to_left_lines_are_put_in_reading_order() {
    // Drawn as a browser draws Arabic: left to right on the page, so the last letter first;
    // "لا" as the shaped ligature it is drawn with, and a number inside.
    let visual = |logical: &str| -> String {
        logical
            .chars()
            .rev()
            .collect::<String>()
            .replace("ال", "\u{FEFB}")
            .replace("21", "12")
    };
    let lines = [
        "قال وزير الخارجية إن الوفد سيضم 12 عضوا",
        "وذكرت مصادر أن المحادثات ستركز على الثلاثاء",
    ];
    let drawn: Vec<String> = lines.iter().map(|l| visual(l)).collect();
    let page: Vec<Text> = drawn
        .iter()
        .enumerate()
        .map(|(i, l)| Text {
            font: "F3",
            size: 12.0,
            // Right-aligned, as right-to-left paragraphs are: the shorter line starts further in.
            x: 540.0 - 12.0 * l.chars().count() as f64,
            y: 700.0 - 16.0 * i as f64,
            text: l,
            word_space: 0.0,
        })
        .collect();
    let text = pdf_text(&Pdf::default().page(&page));
    assert_eq!(text, lines.join(" "));
}

#[test]
fn cjk_text_is_kept_whole_without_spaces_between_characters() {
    // One string, then one character at a time (as browsers place Type 3 glyphs).
    let mut lines = vec![Text {
        font: "F3",
        size: 12.0,
        x: 72.0,
        y: 700.0,
        text: "中国政府今日発表",
        word_space: 0.0,
    }];
    for (i, c) in ["中", "国", "政", "府"].iter().enumerate() {
        lines.push(Text {
            font: "F3",
            size: 12.0,
            x: 72.0 + 12.0 * i as f64,
            y: 684.0,
            text: c,
            word_space: 0.0,
        });
    }
    // A Type 3 font whose words are placed apart: the gap is a space.
    lines.push(Text {
        font: "F4",
        size: 11.0,
        x: 72.0,
        y: 640.0,
        text: "briefing",
        word_space: 0.0,
    });
    lines.push(Text {
        font: "F4",
        size: 11.0,
        x: 120.0,
        y: 640.0,
        text: "notes",
        word_space: 0.0,
    });
    let text = pdf_text(&Pdf::default().page(&lines));
    assert_eq!(text, "中国政府今日発表中国政府\n\nbriefing notes");
}

#[test]
fn metadata_comes_from_the_document_properties_or_the_largest_text() {
    let page = [
        Text {
            font: "F1",
            size: 22.0,
            x: 72.0,
            y: 720.0,
            text: "Harbour reopens",
            word_space: 0.0,
        },
        t(
            72.0,
            690.0,
            "The harbour reopened on Wednesday after the storm.",
        ),
        t(72.0, 676.0, "Ferries will run on the winter timetable."),
    ];
    let pdf = Pdf {
        info_title: Some("Harbour reopens after storm".into()),
        ..Pdf::default()
    }
    .page(&page);
    let got = import("a.pdf", &pdf.build()).unwrap();
    assert_eq!(got.meta.title, "Harbour reopens after storm");
    assert_eq!(got.meta.author, "Desk Reporter");
    assert_eq!(got.meta.language, "en-GB");
    assert_eq!(
        got.meta.published.unwrap().to_string(),
        "2026-03-14T09:15:00+01:00"
    );
    let untitled = Pdf::default().page(&page);
    let got = import("a.pdf", &untitled.build()).unwrap();
    assert_eq!(got.meta.title, "Harbour reopens");
}

#[test]
fn a_scan_without_text_is_refused_as_a_scan() {
    let pdf = Pdf {
        image: true,
        ..Pdf::default()
    }
    .page(&[]);
    let err = import("scan.pdf", &pdf.build()).unwrap_err();
    assert_eq!(pdf_error(&err), PdfError::NoText);
    assert!(err.to_string().contains("it looks like a scan"), "{err}");
}

#[test]
fn encrypted_pdfs_open_without_a_password_and_are_refused_with_one() {
    let page = [t(72.0, 700.0, "Restricted (printing only) but readable.")];
    let open = Pdf {
        user_password: Some(String::new()),
        compress: true,
        info_title: Some("Readable report".into()),
        ..Pdf::default()
    }
    .page(&page);
    let got = import("open.pdf", &open.build()).unwrap();
    assert_eq!(got.text, "Restricted (printing only) but readable.");
    assert_eq!(got.meta.title, "Readable report");
    let locked = Pdf {
        user_password: Some("secret".into()),
        ..Pdf::default()
    }
    .page(&page);
    let err = import("locked.pdf", &locked.build()).unwrap_err();
    assert_eq!(pdf_error(&err), PdfError::Encrypted, "{err}");
    assert!(err.to_string().contains("needs a password"), "{err}");
}

#[test]
fn aes_and_rc4_encrypted_files_from_another_writer_open_without_a_password() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/documents");
    for name in [
        "aes128.pdf",
        "aes256.pdf",
        "rc4-40.pdf",
        "rc4-128-objstm.pdf",
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let got = import(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            got.text, "Owner restrictions only: this report reads without a password.",
            "{name}"
        );
        assert_eq!(got.meta.title, "Encrypted report", "{name}");
    }
    let locked = std::fs::read(dir.join("aes256-locked.pdf")).unwrap();
    let err = import("aes256-locked.pdf", &locked).unwrap_err();
    assert_eq!(pdf_error(&err), PdfError::Encrypted, "{err}");
}

#[test]
fn too_many_pages_and_empty_files_are_refused() {
    let kids: String = (0..2001).map(|_| "3 0 R ").collect();
    let mut file = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n".to_vec();
    file.extend_from_slice(
        format!("2 0 obj << /Type /Pages /Kids [{kids}] /Count 2001 >> endobj\n").as_bytes(),
    );
    // Pages are told apart by their objects, so give each its own.
    let mut body = String::new();
    let mut list = String::new();
    for i in 0..2001 {
        let n = 10 + i;
        list.push_str(&format!("{n} 0 R "));
        body.push_str(&format!(
            "{n} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
        ));
    }
    let file = String::from_utf8(file).unwrap().replace(&kids, &list)
        + &body
        + "trailer << /Root 1 0 R >>\n%%EOF\n";
    let err = import("long.pdf", file.as_bytes()).unwrap_err();
    assert!(
        matches!(pdf_error(&err), PdfError::TooManyPages(_)),
        "{err}"
    );
    for name in ["empty.pdf", "empty.docx"] {
        let err = import(name, b"").unwrap_err();
        assert!(matches!(err, ImportError::Empty { .. }), "{name}: {err}");
    }
}

#[test]
fn truncated_and_damaged_pdfs_give_what_survives_or_a_plain_error() {
    let mut pdf = Pdf {
        compress: true,
        ..Pdf::default()
    };
    for n in 0..4 {
        let first = format!("Page {n} opens with a sentence about the harbour.");
        pdf = pdf.page(&[t(72.0, 700.0, &first)]);
    }
    let whole = pdf.build();
    // Without its cross-reference table (the end of the file), the pages are still found.
    let cut = &whole[..whole.len() * 9 / 10];
    let got = import("cut.pdf", cut).unwrap();
    assert!(
        got.text.contains("Page 0 opens with a sentence"),
        "{}",
        got.text
    );
    for len in (0..whole.len()).step_by(37) {
        match import("cut.pdf", &whole[..len]) {
            Ok(i) => assert!(!i.text.is_empty()),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    let mut garbled = whole.clone();
    for i in (100..garbled.len()).step_by(53) {
        garbled[i] ^= 0x5A;
    }
    let _ = import("garbled.pdf", &garbled);
}

/// A one-page PDF with no cross-reference table (read by scanning), font F1 as given.
fn raw_pdf(font: &str, content: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
         2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
         3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >> endobj\n\
         4 0 obj << /Length {} >>\nstream\n{content}\nendstream endobj\n\
         5 0 obj {font} endobj\n\
         6 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n\
         trailer << /Root 1 0 R >>\n%%EOF\n",
        content.len()
    )
    .into_bytes()
}

#[test]
fn glyphs_without_a_text_mapping_are_refused_or_flagged() {
    // A Type 3 font with made-up glyph names and no ToUnicode map: nothing says what it draws.
    let font = "<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] \
        /FontBBox [0 0 1000 1000] /CharProcs << >> /Encoding << /Differences [1 /g1 /g2 /g3] >> \
        /FirstChar 1 /LastChar 3 /Widths [500 500 500] >>";
    let unreadable = raw_pdf(font, "BT /F1 12 Tf 72 700 Td <010203010203> Tj ET");
    let err = import("unmapped.pdf", &unreadable).unwrap_err();
    assert_eq!(pdf_error(&err), PdfError::Unmapped, "{err}");
    let mixed = raw_pdf(
        font,
        &format!(
            "BT /F2 12 Tf 72 700 Td (Readable words stand beside glyphs that say nothing.) Tj ET \
             BT /F1 12 Tf 72 680 Td <{}> Tj ET",
            "01".repeat(30)
        ),
    );
    let got = import("mixed.pdf", &mixed).unwrap();
    assert_eq!(
        got.text,
        "Readable words stand beside glyphs that say nothing."
    );
    let warning = got.warning.expect("a warning");
    assert!(warning.contains("30 of the 82 characters"), "{warning}");
}

#[test]
fn a_stream_that_inflates_past_the_limit_is_refused() {
    use std::io::Write;
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..70 {
        enc.write_all(&chunk).unwrap();
    }
    let bomb = enc.finish().unwrap();
    let mut file = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
        .to_vec();
    file.extend_from_slice(
        format!(
            "4 0 obj << /Filter /FlateDecode /Length {} >>\nstream\n",
            bomb.len()
        )
        .as_bytes(),
    );
    file.extend_from_slice(&bomb);
    file.extend_from_slice(b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    let err = import("bomb.pdf", &file).unwrap_err();
    assert_eq!(pdf_error(&err), PdfError::Bomb, "{err}");
}

/// One page with a title in its properties.
fn harbour_pdf() -> Pdf {
    let page = [t(
        72.0,
        700.0,
        "The harbour reopened on Wednesday after the storm.",
    )];
    Pdf {
        info_title: Some("Harbour reopens".into()),
        ..Pdf::default()
    }
    .page(&page)
}

fn sample_docx() -> Vec<u8> {
    let body = [
        "<w:p><w:pPr><w:pStyle w:val=\"Titel\"/></w:pPr><w:r><w:t>Grain corridor talks</w:t></w:r></w:p>".to_owned(),
        p("Officials met in Ankara on Monday."),
        // Hidden text, a hyperlink field's code, deleted text and a fallback copy are not read.
        "<w:p><w:r><w:t xml:space=\"preserve\">Shipments rose </w:t></w:r>\
         <w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET DRAFT NOTE</w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"https://example.org\" </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>sharply</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:del><w:r><w:delText>slightly</w:delText></w:r></w:del>\
         <w:r><w:t xml:space=\"preserve\"> in May</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>.</w:t></w:r>\
         <mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:Choice Requires=\"wps\"/><mc:Fallback><w:r><w:t>FALLBACK COPY</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>".to_owned(),
        "<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/></w:pPr><w:r><w:t>What was agreed</w:t></w:r></w:p>".to_owned(),
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>inspections in Istanbul</w:t></w:r></w:p>".to_owned(),
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>a joint centre</w:t></w:r></w:p>".to_owned(),
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>first step</w:t></w:r></w:p>".to_owned(),
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>second step</w:t></w:r></w:p>".to_owned(),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Port</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ships</w:t></w:r></w:p></w:tc></w:tr>\
         <w:tr><w:tc><w:p><w:r><w:t>Odesa</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".to_owned(),
        p("Talks resume &amp; continue on Friday."),
    ]
    .concat();
    let notes = "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Figures from the port authority.</w:t></w:r></w:p></w:footnote>";
    let numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{F0B7}\"/></w:lvl></w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
    docx(&body, notes, numbering, "")
}

#[test]
fn a_word_document_gives_paragraphs_lists_tables_and_notes() {
    let got = import("report.docx", &sample_docx()).unwrap();
    assert_eq!(got.format, Format::Docx);
    assert_eq!(
        got.text,
        "Grain corridor talks\n\nOfficials met in Ankara on Monday.\n\nShipments rose sharply in May[1].\n\n\
         What was agreed\n\n• inspections in Istanbul\n• a joint centre\n1. first step\n2. second step\n\n\
         Port | Ships\nOdesa | 12\n\nTalks resume & continue on Friday.\n\n[1] Figures from the port authority."
    );
    // No title in the properties: the paragraph styled as the title (a German "Titel").
    assert_eq!(got.meta.title, "Grain corridor talks");
    assert_eq!(got.meta.author, "Field Office");
    assert_eq!(got.meta.language, "en-GB");
    assert_eq!(
        got.meta.published.unwrap().to_string(),
        "2026-03-14T08:00:00+00:00"
    );
}

#[test]
fn old_and_foreign_word_formats_are_refused_in_plain_words() {
    let cfb = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    let old = import("memo.doc", &cfb).unwrap_err().to_string();
    assert!(
        old.contains("old Word documents (.doc)") && old.contains("save it as .docx"),
        "{old}"
    );
    let locked = import("memo.docx", &cfb).unwrap_err().to_string();
    assert!(locked.contains("protected by a password"), "{locked}");
    let odt = import(
        "memo.odt",
        b"PK\x03\x04 mimetype application/vnd.oasis.opendocument.text",
    )
    .unwrap_err()
    .to_string();
    assert!(odt.contains("OpenDocument text (.odt)"), "{odt}");
    let not = import("memo.docx", b"PK\x03\x04 not really").unwrap_err();
    assert!(
        matches!(
            not,
            ImportError::Docx {
                source: DocxError::NotDocx,
                ..
            }
        ),
        "{not}"
    );
    let fake = import("memo.pdf", b"<html>no</html>").unwrap_err();
    assert_eq!(pdf_error(&fake), PdfError::NotPdf, "{fake}");
}

#[test]
fn a_word_part_that_inflates_past_the_limit_is_refused() {
    let mut huge = b"<w:document><w:body>".to_vec();
    huge.resize(65 * 1024 * 1024, b' ');
    let bomb = documents::zip(&[("word/document.xml", huge)], true);
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    let err = import("bomb.docx", &bomb).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Docx {
                source: DocxError::Bomb,
                ..
            }
        ),
        "{err}"
    );
    let cut = sample_docx();
    for len in (0..cut.len()).step_by(41) {
        let _ = import("cut.docx", &cut[..len]);
    }
}

#[test]
fn add_and_extract_read_pdf_and_word_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pdf = harbour_pdf();
    std::fs::write(d.join("harbour.pdf"), pdf.build()).unwrap();
    std::fs::write(d.join("grain.docx"), sample_docx()).unwrap();
    let out = common::run(d, &["extract", "harbour.pdf"]).ok();
    assert!(
        out.stdout.contains("title: Harbour reopens\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("format: pdf\n"), "{}", out.stdout);
    let out = common::run(d, &["extract", "--text", "grain.docx"]).ok();
    assert!(
        out.stdout.starts_with("Grain corridor talks\n"),
        "{}",
        out.stdout
    );
    common::run(d, &["new", "b.ron", "--title", "Ports"]).ok();
    common::run(d, &["add", "b.ron", "harbour.pdf"]).ok();
    common::run(d, &["add", "b.ron", "grain.docx"]).ok();
    let saved = std::fs::read_to_string(d.join("b.ron")).unwrap();
    assert!(
        saved.contains("The harbour reopened on Wednesday"),
        "{saved}"
    );
    assert!(saved.contains("Odesa | 12"), "{saved}");
    std::fs::write(
        d.join("memo.doc"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
    )
    .unwrap();
    let refused = common::run(d, &["add", "b.ron", "memo.doc"]).fails();
    assert!(
        refused.stderr.contains("save it as .docx or PDF"),
        "{}",
        refused.stderr
    );
}

#[test]
fn pdf_and_word_files_dropped_on_the_window_become_articles_and_a_scan_is_explained() {
    use briefing_notes::app::Startup;
    use briefing_notes::app::dialogs::ScriptedDialogs;
    let dir = tempfile::tempdir().unwrap();
    let pdf = harbour_pdf();
    let scan = Pdf {
        image: true,
        ..Pdf::default()
    }
    .page(&[]);
    let files = [
        ("harbour.pdf", pdf.build()),
        ("grain.docx", sample_docx()),
        ("scan.pdf", scan.build()),
    ];
    let startup = Startup {
        fresh: true,
        ..Default::default()
    };
    let mut h = app_harness::launch(app_harness::window(), startup, ScriptedDialogs::default());
    let before = h.state().doc().briefing.articles.len();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(app_harness::Dropped(path)));
    }
    h.run();
    let app = h.state();
    let titles: Vec<&str> = app.doc().briefing.articles[before..]
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["Harbour reopens", "Grain corridor talks"]);
    assert!(
        app.doc().briefing.articles[before + 1]
            .text
            .contains("Port | Ships\nOdesa | 12"),
        "{}",
        app.doc().briefing.articles[before + 1].text
    );
    assert!(
        app.messages().iter().any(|m| m.is_error()
            && m.text.contains("scan.pdf")
            && m.text.contains("looks like a scan")),
        "{:?}",
        app.messages()
    );
}
