//! What a font's codes mean (text) and how far each advances (width), from ToUnicode maps,
//! encodings and glyph names, /Widths and /W arrays.

use std::collections::HashMap;

use super::cmap::CMap;
use super::file::PdfFile;
use super::glyphs::{BaseEncoding, glyph_text, standard_width};
use super::objects::{Dict, Obj};

pub struct Font {
    /// A bold face, by name or weight: a bold line over plain text is a heading.
    pub bold: bool,
    composite: bool,
    /// For composite fonts: how bytes split into codes and which CID each is.
    encoding: Option<CMap>,
    /// For composite fonts whose predefined CMap is a legacy charset (GBK, Shift-JIS…).
    charset: Option<&'static encoding_rs::Encoding>,
    /// For composite fonts whose codes are UTF-16 (UniGB-UCS2-H and kin).
    codes_are_unicode: bool,
    to_unicode: Option<CMap>,
    simple_text: Vec<Option<String>>,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph units to text space: 1/1000, or the FontMatrix of a Type 3 font.
    scale: f64,
    /// The font's em relative to a 1000-unit font: a Type 3 font's matrix can differ.
    pub em: f64,
    pub vertical: bool,
}

pub struct Glyph {
    pub text: String,
    /// Advance in text space for a font size of 1.
    pub width: f64,
    /// The single-byte code 32, to which word spacing applies.
    pub word_space: bool,
}

fn charset_of(name: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let n = String::from_utf8_lossy(name);
    Some(if n.starts_with("GB") {
        encoding_rs::GBK
    } else if n.contains("RKSJ") {
        encoding_rs::SHIFT_JIS
    } else if n.starts_with("EUC") {
        encoding_rs::EUC_JP
    } else if n.starts_with("B5") || n.starts_with("ETen") || n.starts_with("HKscs") {
        encoding_rs::BIG5
    } else if n.starts_with("KSC") {
        encoding_rs::EUC_KR
    } else {
        return None;
    })
}

impl Font {
    pub fn load(file: &PdfFile, dict: &Dict) -> Font {
        let subtype = file.dict_get(dict, b"Subtype");
        let to_unicode = match file.dict_get(dict, b"ToUnicode") {
            Obj::Stream(s) => file.stream_data(&s).ok().map(|d| CMap::parse(&d)),
            _ => None,
        };
        if subtype.as_name() == Some(b"Type0") {
            return Self::composite(file, dict, to_unicode);
        }
        let base_font = file
            .dict_get(dict, b"BaseFont")
            .as_name()
            .unwrap_or_default()
            .to_vec();
        let type3 = subtype.as_name() == Some(b"Type3");
        let (scale, em) = if type3 {
            let m: Vec<f64> = file
                .dict_get(dict, b"FontMatrix")
                .as_array()
                .map(|a| a.iter().filter_map(Obj::as_f64).collect())
                .unwrap_or_default();
            let a = m
                .first()
                .copied()
                .filter(|v| v.abs() > 1e-9)
                .unwrap_or(0.001);
            let d = m.get(3).copied().filter(|v| v.abs() > 1e-9).unwrap_or(a);
            (a, (d * 1000.0).abs())
        } else {
            (0.001, 1.0)
        };
        let descriptor = file.dict_get(dict, b"FontDescriptor");
        let symbolic = descriptor
            .as_dict()
            .map(|d| file.dict_get(d, b"Flags").as_i64().unwrap_or(0))
            .is_some_and(|f| f & 4 != 0 && f & 32 == 0);
        let encoding = file.dict_get(dict, b"Encoding");
        let base_of = |n: Option<&[u8]>| match n {
            Some(b"WinAnsiEncoding") => BaseEncoding::WinAnsi,
            Some(b"MacRomanEncoding") => BaseEncoding::MacRoman,
            Some(b"StandardEncoding") => BaseEncoding::Standard,
            _ if type3 || symbolic => BaseEncoding::Builtin,
            // TrueType fonts without an encoding are read as Windows text, as viewers do.
            _ if subtype.as_name() == Some(b"TrueType") => BaseEncoding::WinAnsi,
            _ => BaseEncoding::Standard,
        };
        let (base, differences) = match &encoding {
            Obj::Name(n) => (base_of(Some(n)), None),
            Obj::Dict(d) => (
                base_of(file.dict_get(d, b"BaseEncoding").as_name()),
                file.dict_get(d, b"Differences")
                    .as_array()
                    .map(<[Obj]>::to_vec),
            ),
            _ => (base_of(None), None),
        };
        let mut simple_text: Vec<Option<String>> = (0..=255u8)
            .map(|c| base.char(c).map(String::from))
            .collect();
        if let Some(diff) = differences {
            let mut code = 0usize;
            for item in diff {
                match item {
                    Obj::Int(c) => code = c.clamp(0, 255) as usize,
                    Obj::Name(n) => {
                        if code < 256 {
                            simple_text[code] = glyph_text(&String::from_utf8_lossy(&n));
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        let first = file
            .dict_get(dict, b"FirstChar")
            .as_i64()
            .unwrap_or(0)
            .clamp(0, 255) as u32;
        let mut widths = HashMap::new();
        if let Some(list) = file.dict_get(dict, b"Widths").as_array() {
            for (i, w) in list.iter().take(256).enumerate() {
                if let Some(w) = file.resolve(w).as_f64() {
                    widths.insert(first + i as u32, w);
                }
            }
        }
        let missing = descriptor
            .as_dict()
            .map(|d| file.dict_get(d, b"MissingWidth").as_f64().unwrap_or(0.0))
            .unwrap_or(0.0);
        if widths.is_empty() {
            for c in 32..=255u32 {
                let ch = simple_text[c as usize]
                    .as_deref()
                    .and_then(|s| s.chars().next());
                if let Some(w) = ch.and_then(|ch| standard_width(&base_font, ch)) {
                    widths.insert(c, w);
                }
            }
        }
        let default_width = if missing > 0.0 {
            missing
        } else if type3 {
            0.0
        } else {
            500.0
        };
        Font {
            composite: false,
            encoding: None,
            charset: None,
            codes_are_unicode: false,
            to_unicode,
            simple_text,
            widths,
            default_width,
            scale,
            em,
            vertical: false,
            bold: is_bold(file, dict),
        }
    }

    fn composite(file: &PdfFile, dict: &Dict, to_unicode: Option<CMap>) -> Font {
        let (encoding, name, vertical) = match file.dict_get(dict, b"Encoding") {
            Obj::Name(n) => {
                let vertical = n.ends_with(b"-V");
                (None, n, vertical)
            }
            Obj::Stream(s) => {
                let vertical = s.dict.get(b"WMode").and_then(Obj::as_i64) == Some(1);
                let name = file
                    .dict_get(&s.dict, b"CMapName")
                    .as_name()
                    .unwrap_or_default()
                    .to_vec();
                (
                    file.stream_data(&s).ok().map(|d| CMap::parse(&d)),
                    name,
                    vertical,
                )
            }
            _ => (None, b"Identity-H".to_vec(), false),
        };
        let name_s = String::from_utf8_lossy(&name);
        let codes_are_unicode =
            name_s.starts_with("Uni") && (name_s.contains("UCS2") || name_s.contains("UTF16"));
        let identity = name_s.starts_with("Identity");
        let charset = if identity || codes_are_unicode || encoding.is_some() {
            None
        } else {
            charset_of(&name)
        };
        let descendant = file
            .dict_get(dict, b"DescendantFonts")
            .as_array()
            .and_then(|a| a.first().map(|d| file.resolve(d)))
            .unwrap_or(Obj::Null);
        let desc = descendant.as_dict().cloned().unwrap_or_default();
        let default_width = file.dict_get(&desc, b"DW").as_f64().unwrap_or(1000.0);
        let mut widths = HashMap::new();
        if let Some(w) = file.dict_get(&desc, b"W").as_array() {
            let mut i = 0;
            while i < w.len() {
                let Some(start) = file.resolve(&w[i]).as_i64() else {
                    break;
                };
                let start = start.max(0) as u32;
                match w.get(i + 1).map(|o| file.resolve(o)) {
                    Some(Obj::Array(list)) => {
                        for (k, v) in list.iter().take(65_536).enumerate() {
                            if let Some(v) = v.as_f64() {
                                widths.insert(start + k as u32, v);
                            }
                        }
                        i += 2;
                    }
                    Some(end) => {
                        let end = end.as_i64().unwrap_or(0).max(0) as u32;
                        let width = w
                            .get(i + 2)
                            .map(|o| file.resolve(o))
                            .and_then(|o| o.as_f64());
                        if let Some(width) = width {
                            for c in start..=end.min(start.saturating_add(65_535)) {
                                widths.insert(c, width);
                            }
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
        Font {
            composite: true,
            encoding,
            charset,
            codes_are_unicode,
            to_unicode,
            simple_text: Vec::new(),
            widths,
            default_width,
            scale: 0.001,
            em: 1.0,
            vertical,
            bold: is_bold(file, dict) || is_bold(file, &desc),
        }
    }

    pub fn decode(&self, bytes: &[u8]) -> Vec<Glyph> {
        if !self.composite {
            return bytes
                .iter()
                .map(|&b| {
                    let code = u32::from(b);
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|m| m.text(code))
                        .or_else(|| self.simple_text[usize::from(b)].clone())
                        .unwrap_or_default();
                    let w = self
                        .widths
                        .get(&code)
                        .copied()
                        .unwrap_or(self.default_width);
                    Glyph {
                        text,
                        width: w * self.scale,
                        word_space: b == 32,
                    }
                })
                .collect();
        }
        let split = match (&self.encoding, self.charset) {
            (Some(m), _) => m.split(bytes, 2),
            (None, Some(_)) => split_legacy(bytes),
            (None, None) => CMap::default().split(bytes, 2),
        };
        let mut at = 0;
        split
            .into_iter()
            .map(|(code, len)| {
                let raw = &bytes[at..at + len];
                at += len;
                let cid = self
                    .encoding
                    .as_ref()
                    .and_then(|m| m.cid(code))
                    .unwrap_or(code);
                let text = self
                    .to_unicode
                    .as_ref()
                    .and_then(|m| m.text(code))
                    .or_else(|| {
                        if self.codes_are_unicode {
                            char::from_u32(code).map(String::from)
                        } else {
                            let (s, _, bad) = self.charset?.decode(raw);
                            (!bad).then(|| s.into_owned())
                        }
                    })
                    .unwrap_or_default();
                let w = self.widths.get(&cid).copied().unwrap_or(self.default_width);
                Glyph {
                    text,
                    width: w * self.scale,
                    word_space: len == 1 && code == 32,
                }
            })
            .collect()
    }
}

fn is_bold(file: &PdfFile, dict: &Dict) -> bool {
    let name = file.dict_get(dict, b"BaseFont");
    let name = String::from_utf8_lossy(name.as_name().unwrap_or_default()).to_lowercase();
    let style = name.rsplit('+').next().unwrap_or_default();
    let by_name = ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| style.contains(w));
    let descriptor = file.dict_get(dict, b"FontDescriptor");
    let by_weight = descriptor.as_dict().is_some_and(|d| {
        file.dict_get(d, b"FontWeight").as_f64().unwrap_or(0.0) >= 600.0
            || file.dict_get(d, b"Flags").as_i64().unwrap_or(0) & (1 << 18) != 0
    });
    by_name || by_weight
}

/// One byte below 0x80, two from a lead byte: how EUC, Shift-JIS, GBK and Big5 codes run.
fn split_legacy(bytes: &[u8]) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let len = if bytes[i] >= 0x81 && i + 1 < bytes.len() {
            2
        } else {
            1
        };
        let code = bytes[i..i + len]
            .iter()
            .fold(0u32, |a, &b| a << 8 | u32::from(b));
        out.push((code, len));
        i += len;
    }
    out
}
