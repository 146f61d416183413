//! Glyph names and the standard single-byte encodings, for fonts without a ToUnicode map,
//! and the widths of the standard fonts, for fonts without a /Widths array.

/// Names not made of a letter and an accent. Accented letters ("Aacute", "scaron") are
/// composed from their parts in [`glyph_char`].
const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("quoteright", '\u{2019}'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("quoteleft", '\u{2018}'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("exclamdown", '¡'),
    ("cent", '¢'),
    ("sterling", '£'),
    ("fraction", '⁄'),
    ("yen", '¥'),
    ("florin", 'ƒ'),
    ("section", '§'),
    ("currency", '¤'),
    ("quotedblleft", '“'),
    ("guillemotleft", '«'),
    ("guillemotright", '»'),
    ("guilsinglleft", '‹'),
    ("guilsinglright", '›'),
    ("endash", '–'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("periodcentered", '·'),
    ("paragraph", '¶'),
    ("bullet", '•'),
    ("quotesinglbase", '‚'),
    ("quotedblbase", '„'),
    ("quotedblright", '”'),
    ("ellipsis", '…'),
    ("perthousand", '‰'),
    ("questiondown", '¿'),
    ("acute", '´'),
    ("circumflex", 'ˆ'),
    ("tilde", '˜'),
    ("macron", '¯'),
    ("breve", '˘'),
    ("dotaccent", '˙'),
    ("dieresis", '¨'),
    ("ring", '˚'),
    ("cedilla", '¸'),
    ("hungarumlaut", '˝'),
    ("ogonek", '˛'),
    ("caron", 'ˇ'),
    ("emdash", '—'),
    ("AE", 'Æ'),
    ("ae", 'æ'),
    ("OE", 'Œ'),
    ("oe", 'œ'),
    ("ordfeminine", 'ª'),
    ("ordmasculine", 'º'),
    ("Lslash", 'Ł'),
    ("lslash", 'ł'),
    ("Oslash", 'Ø'),
    ("oslash", 'ø'),
    ("dotlessi", 'ı'),
    ("germandbls", 'ß'),
    ("onesuperior", '¹'),
    ("twosuperior", '²'),
    ("threesuperior", '³'),
    ("logicalnot", '¬'),
    ("minus", '−'),
    ("mu", 'µ'),
    ("multiply", '×'),
    ("divide", '÷'),
    ("plusminus", '±'),
    ("onehalf", '½'),
    ("onequarter", '¼'),
    ("threequarters", '¾'),
    ("copyright", '©'),
    ("registered", '®'),
    ("trademark", '™'),
    ("degree", '°'),
    ("brokenbar", '¦'),
    ("Euro", '€'),
    ("nbspace", '\u{A0}'),
    ("nonbreakingspace", '\u{A0}'),
    ("sfthyphen", '\u{AD}'),
    ("softhyphen", '\u{AD}'),
    ("Eth", 'Ð'),
    ("eth", 'ð'),
    ("Thorn", 'Þ'),
    ("thorn", 'þ'),
    ("Dcroat", 'Đ'),
    ("dcroat", 'đ'),
    ("minute", '′'),
    ("second", '″'),
    ("quotereversed", '‛'),
    ("arrowright", '→'),
    ("arrowleft", '←'),
    ("notequal", '≠'),
    ("lessequal", '≤'),
    ("greaterequal", '≥'),
    ("infinity", '∞'),
    ("approxequal", '≈'),
    ("lozenge", '◊'),
    ("dotlessj", 'ȷ'),
    ("Ng", 'Ŋ'),
    ("ng", 'ŋ'),
    ("ij", 'ĳ'),
    ("IJ", 'Ĳ'),
];

const LIGATURES: &[(&str, &str)] = &[
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("st", "st"),
];

const ACCENTS: &[(&str, char)] = &[
    ("acute", '\u{301}'),
    ("grave", '\u{300}'),
    ("circumflex", '\u{302}'),
    ("tilde", '\u{303}'),
    ("dieresis", '\u{308}'),
    ("ring", '\u{30A}'),
    ("cedilla", '\u{327}'),
    ("caron", '\u{30C}'),
    ("breve", '\u{306}'),
    ("ogonek", '\u{328}'),
    ("dotaccent", '\u{307}'),
    ("macron", '\u{304}'),
    ("hungarumlaut", '\u{30B}'),
    ("commaaccent", '\u{326}'),
];

/// The text of a glyph name, per the Adobe Glyph List rules: "uni0041", "u1F600", known
/// names, letters with accents, "f_i" ligatures and ".sc"-style suffixes.
pub fn glyph_text(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(glyph_text).collect();
        return parts;
    }
    if let Some((_, s)) = LIGATURES.iter().find(|(n, _)| *n == base) {
        return Some((*s).to_owned());
    }
    glyph_char(base).map(String::from)
}

fn glyph_char(name: &str) -> Option<char> {
    if let Some((_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_alphabetic()
    {
        return Some(c);
    }
    if let Some(hex) = name.strip_prefix("uni")
        && hex.len() >= 4
        && let Ok(v) = u32::from_str_radix(&hex[..4], 16)
    {
        return char::from_u32(v);
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && let Ok(v) = u32::from_str_radix(hex, 16)
    {
        return char::from_u32(v);
    }
    let first = name.chars().next()?;
    if first.is_ascii_alphabetic() {
        let rest = &name[1..];
        if let Some((_, mark)) = ACCENTS.iter().find(|(a, _)| *a == rest) {
            return unicode_normalization::char::compose(first, *mark);
        }
    }
    None
}

/// Adobe StandardEncoding where it is not ASCII (the Type 1 default).
fn standard(code: u8) -> Option<char> {
    Some(match code {
        0x27 => '\u{2019}',
        0x60 => '\u{2018}',
        0x20..=0x7E => code as char,
        0xA1 => '¡',
        0xA2 => '¢',
        0xA3 => '£',
        0xA4 => '⁄',
        0xA5 => '¥',
        0xA6 => 'ƒ',
        0xA7 => '§',
        0xA8 => '¤',
        0xA9 => '\'',
        0xAA => '“',
        0xAB => '«',
        0xAC => '‹',
        0xAD => '›',
        0xAE => '\u{FB01}',
        0xAF => '\u{FB02}',
        0xB1 => '–',
        0xB2 => '†',
        0xB3 => '‡',
        0xB4 => '·',
        0xB6 => '¶',
        0xB7 => '•',
        0xB8 => '‚',
        0xB9 => '„',
        0xBA => '”',
        0xBB => '»',
        0xBC => '…',
        0xBD => '‰',
        0xBF => '¿',
        0xC1 => '`',
        0xC2 => '´',
        0xC3 => 'ˆ',
        0xC4 => '˜',
        0xC5 => '¯',
        0xC6 => '˘',
        0xC7 => '˙',
        0xC8 => '¨',
        0xCA => '˚',
        0xCB => '¸',
        0xCD => '˝',
        0xCE => '˛',
        0xCF => 'ˇ',
        0xD0 => '—',
        0xE1 => 'Æ',
        0xE3 => 'ª',
        0xE8 => 'Ł',
        0xE9 => 'Ø',
        0xEA => 'Œ',
        0xEB => 'º',
        0xF1 => 'æ',
        0xF5 => 'ı',
        0xF8 => 'ł',
        0xF9 => 'ø',
        0xFA => 'œ',
        0xFB => 'ß',
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BaseEncoding {
    Standard,
    WinAnsi,
    MacRoman,
    /// Symbol fonts and others whose codes mean nothing outside the font.
    Builtin,
}

impl BaseEncoding {
    pub fn char(self, code: u8) -> Option<char> {
        match self {
            BaseEncoding::Standard => standard(code),
            BaseEncoding::WinAnsi | BaseEncoding::MacRoman => {
                if code < 0x20 {
                    return None;
                }
                if code < 0x80 {
                    return Some(code as char);
                }
                let enc = if self == BaseEncoding::WinAnsi {
                    encoding_rs::WINDOWS_1252
                } else {
                    encoding_rs::MACINTOSH
                };
                let bytes = [code];
                let (s, _, bad) = enc.decode(&bytes);
                if bad { None } else { s.chars().next() }
            }
            BaseEncoding::Builtin => (0x20..0x7F).contains(&code).then_some(code as char),
        }
    }
}

/// PDFDocEncoding where it is not Latin-1.
pub fn pdf_doc_char(b: u8) -> char {
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    const HIGH: [char; 32] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', '\u{FB01}', '\u{FB02}', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}',
    ];
    match b {
        0x18..=0x1F => LOW[usize::from(b - 0x18)],
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => b as char,
    }
}

const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/// The width of a character in one of the standard 14 fonts, near enough to tell a word
/// space from a kern: the regular weight's metrics serve the bold and italic too.
pub fn standard_width(base_font: &[u8], c: char) -> Option<f64> {
    let name = String::from_utf8_lossy(base_font).to_ascii_lowercase();
    let table = if name.contains("courier") || name.contains("mono") {
        return Some(600.0);
    } else if name.contains("times") || name.contains("serif") && !name.contains("sans") {
        &TIMES
    } else if name.contains("helvetica") || name.contains("arial") || name.contains("sans") {
        &HELVETICA
    } else {
        return None;
    };
    let i = (c as usize).checked_sub(32)?;
    Some(f64::from(*table.get(i).unwrap_or(&table[65])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_become_text() {
        assert_eq!(glyph_text("Aacute").as_deref(), Some("Á"));
        assert_eq!(glyph_text("scaron").as_deref(), Some("š"));
        assert_eq!(glyph_text("uni20AC").as_deref(), Some("€"));
        assert_eq!(glyph_text("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(glyph_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_text("quoteright").as_deref(), Some("\u{2019}"));
        assert_eq!(glyph_text("g123"), None);
        assert_eq!(BaseEncoding::WinAnsi.char(0x93), Some('“'));
        assert_eq!(BaseEncoding::MacRoman.char(0x8E), Some('é'));
    }
}
