//! Bytes to text. A saved page or text file may be UTF-8, UTF-16 with a byte-order mark, or a
//! legacy single-byte or CJK encoding; guessing wrong turns "café" into "cafÃ©", which an
//! analyst would then quote. The order follows the HTML standard: BOM, then a declared
//! charset (HTML only), then UTF-8 if the bytes are valid UTF-8, then chardetng's guess.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Text and the encoding it was read as (for `extract`, so a user can see the guess).
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// What the user should check: a declaration that was overruled, or text that reads
    /// as garbled whatever the encoding.
    pub warning: Option<String>,
}

/// Signatures of common binary formats someone may drop by mistake.
const BINARY_MAGIC: &[&[u8]] = &[
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"\x1F\x8B",
    b"\x7FELF",
    b"\xD0\xCF\x11\xE0",
];

/// `None` means the bytes are not text.
pub fn decode_text(bytes: &[u8]) -> Option<Decoded> {
    decode(bytes, None)
}

/// As [`decode_text`], honouring a `<meta charset>` in the page's first 1024 bytes.
pub fn decode_html(bytes: &[u8]) -> Option<Decoded> {
    decode(bytes, declared_charset(bytes))
}

fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Option<Decoded> {
    if BINARY_MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return None;
    }
    let mut warning = None;
    let encoding = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        enc
    } else {
        // Without a BOM a NUL byte means binary; UTF-16 without one is not guessed.
        if bytes.contains(&0) {
            return None;
        }
        match declared {
            // Pages that declare a legacy charset (gb2312 is common) but were re-saved as
            // UTF-8: bytes beyond ASCII that are valid UTF-8 are almost never legacy text.
            Some(enc)
                if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() =>
            {
                warning = Some(format!(
                    "the page declares the {} encoding but is written in UTF-8; it was read \
                     as UTF-8",
                    enc.name()
                ));
                UTF_8
            }
            Some(enc) => enc,
            None if std::str::from_utf8(bytes).is_ok() => UTF_8,
            None => {
                let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                detector.guess(None, Utf8Detection::Deny)
            }
        }
    };
    // Strips a BOM of the same encoding; malformed sequences become U+FFFD, never an error.
    let (text, used, _) = encoding.decode(bytes);
    if looks_binary(&text) {
        return None;
    }
    if let Some(garbled) = garbled(&text) {
        warning = Some(garbled);
    }
    Some(Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        warning,
    })
}

/// Text that did not decode cleanly: replacement characters (bytes the encoding could not
/// read), C1 control codes, or UTF-8 read as a Western encoding ("â€™", "Ã©"). A few may be
/// in the source itself; more than one in a thousand characters is worth a look.
fn garbled(text: &str) -> Option<String> {
    let (mut total, mut replaced, mut odd) = (0usize, 0usize, 0usize);
    let mut prev = ' ';
    for c in text.chars() {
        total += 1;
        match c {
            '\u{FFFD}' => replaced += 1,
            '\u{80}'..='\u{9F}' => odd += 1,
            // The lead byte of a two- or three-byte UTF-8 sequence, read as windows-1252,
            // followed by what was its continuation byte.
            '\u{A0}'..='\u{BF}' | '€' | '™' | 'œ' | 'š' | 'ž' | 'Ÿ'
                if matches!(prev, 'Ã' | 'Â' | 'â') =>
            {
                odd += 1
            }
            _ => {}
        }
        prev = c;
    }
    let bad = replaced + odd;
    if bad < 3 || bad * 1000 < total {
        return None;
    }
    Some(if replaced >= odd {
        format!(
            "{replaced} characters could not be read in this encoding and show as �; the \
             text may be garbled"
        )
    } else {
        format!(
            "the text looks garbled ({bad} characters like “â€™” or “Ã©”): the file's \
             encoding may have been guessed wrong"
        )
    })
}

/// Control characters other than tab, newline and carriage return are rare in text and
/// common in binary data that happens to decode.
fn looks_binary(text: &str) -> bool {
    let sample = text.chars().take(8192);
    let (mut total, mut control) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) {
            control += 1;
        }
    }
    control * 20 > total
}

/// The charset a page declares in its first 1024 bytes (`<meta charset=…>` or the
/// `http-equiv` form), as the HTML standard's prescan finds it. A declared UTF-16 means
/// UTF-8: the declaration itself was readable as ASCII.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(found) = find(&lower[at..], b"<meta") {
        let tag_start = at + found;
        let tag_end = lower[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(p) = find(tag, b"charset") {
            let rest = &tag[p + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
                let rest = rest.strip_prefix(b"'").unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..end]) {
                    return Some(if enc.name().starts_with("UTF-16") {
                        UTF_8
                    } else {
                        enc
                    });
                }
            }
        }
        at = tag_end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_utf8() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFhi").unwrap().text, "hi");
        let le = decode_text(b"\xFF\xFEh\0i\0").unwrap();
        assert_eq!((le.text.as_str(), le.encoding), ("hi", "UTF-16LE"));
        assert_eq!(decode_text(b"\xFE\xFF\0h\0i").unwrap().text, "hi");
        assert_eq!(decode_text("café".as_bytes()).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn legacy_single_byte_text_is_guessed_not_mangled() {
        let d =
            decode_text(b"Le caf\xE9 \xE9tait ferm\xE9 \x96 \x93d\xE9j\xE0\x94, dit-il.").unwrap();
        assert_eq!(d.text, "Le café était fermé – “déjà”, dit-il.");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode_text(b"a\0b").is_none());
        assert!(decode_text(b"%PDF-1.7 ...").is_none());
        assert!(decode_text(b"\x01\x02\x03\x04\x05\x06abc").is_none());
    }

    #[test]
    fn html_charset_declarations_are_honoured() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>caf\xE9</body></html>";
        let d = decode_html(page).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        let koi = b"<meta charset='koi8-r'><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>";
        assert!(decode_html(koi).unwrap().text.contains("Привет"));
        // A UTF-8 page that says UTF-16 is read as UTF-8.
        let d = decode_html("<meta charset=utf-16><p>é</p>".as_bytes()).unwrap();
        assert!(d.text.contains('é'));
    }

    #[test]
    fn utf8_bytes_win_over_a_declared_legacy_charset() {
        let page = "<meta charset=\"gb2312\"><p>普京与特朗普通话近三个小时。</p>";
        let d = decode_html(page.as_bytes()).unwrap();
        assert!(d.text.contains("普京与特朗普通话"), "{}", d.text);
        assert_eq!(d.encoding, "UTF-8");
        assert!(
            d.warning.as_deref().unwrap().contains("GBK"),
            "{:?}",
            d.warning
        );
        // Real GB2312 bytes are still read as declared, with no warning.
        let (gb, _, _) = encoding_rs::GBK.encode("<meta charset=gb2312><p>普京与特朗普</p>");
        let d = decode_html(&gb).unwrap();
        assert!(d.text.contains("普京与特朗普"), "{}", d.text);
        assert_eq!(d.warning, None);
        // An ASCII page is what it declares, silently.
        let d = decode_html(b"<meta charset=gb2312><p>plain</p>").unwrap();
        assert_eq!((d.encoding, d.warning), ("GBK", None));
    }

    #[test]
    fn garbled_text_is_flagged_and_clean_text_is_not() {
        let mojibake = "The Kremlin said itâ€™s open to talks. CafÃ© owners werenâ€™t. ".repeat(3);
        let d = decode_text(mojibake.as_bytes()).unwrap();
        assert!(
            d.warning.as_deref().unwrap().contains("garbled"),
            "{:?}",
            d.warning
        );
        let mut broken = b"Moscow said ".to_vec();
        for _ in 0..5 {
            broken.extend_from_slice(b"\xE9\xE9 \xFF ok ");
        }
        let d = decode_html(&[b"<meta charset=utf-8>".as_slice(), &broken].concat()).unwrap();
        assert!(
            d.warning.as_deref().unwrap().contains("could not be read"),
            "{:?}",
            d.warning
        );
        let clean = "Café, naïve, “quotes” — and 普京. ".repeat(50);
        assert_eq!(decode_text(clean.as_bytes()).unwrap().warning, None);
        // One stray replacement character in a long text is left alone.
        let one = format!("{}\u{FFFD}", "long text ".repeat(200));
        assert_eq!(decode_text(one.as_bytes()).unwrap().warning, None);
    }
}
