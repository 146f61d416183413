//! CMaps: a font's ToUnicode map (codes to text) and embedded encoding CMaps (byte
//! sequences to codes and CIDs).

use std::collections::HashMap;

use super::objects::{Lexer, Obj, Token};

/// A hostile map could declare a range of four billion codes.
const MAX_ENTRIES: usize = 1 << 20;

#[derive(Debug, Default, Clone)]
pub struct CMap {
    /// (byte length, low, high) of each code space range.
    pub codespace: Vec<(usize, u32, u32)>,
    unicode: HashMap<u32, String>,
    /// bfranges counting up from a base text, kept as ranges: OCR fonts map all 65,536
    /// codes this way, and spelling each out costs more than the page.
    ranges: Vec<(u32, u32, Vec<u8>)>,
    /// (low, high, first CID) for encoding CMaps.
    pub cids: Vec<(u32, u32, u32)>,
}

fn code(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0, |acc, &b| acc << 8 | u32::from(b))
}

fn utf16(bytes: &[u8]) -> String {
    if bytes.len() == 1 {
        return char::from(bytes[0]).to_string();
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// `base` with its last UTF-16 unit advanced by `by`, as a bfrange counts.
fn advance(base: &[u8], by: u32) -> String {
    let mut units: Vec<u16> = base
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    if let Some(last) = units.last_mut() {
        *last = last.wrapping_add(by as u16);
    }
    String::from_utf16_lossy(&units)
}

impl CMap {
    pub fn parse(data: &[u8]) -> CMap {
        let mut map = CMap::default();
        let mut lx = Lexer::new(data, 0);
        let mut operands: Vec<Obj> = Vec::new();
        let mut entries = 0usize;
        while let Some(tok) = lx.token() {
            let kw = match tok {
                Token::Obj(o) => {
                    operands.push(o);
                    continue;
                }
                Token::ArrayStart => {
                    lx.pos -= 1;
                    if let Some(a) = lx.object() {
                        operands.push(a);
                    }
                    continue;
                }
                Token::Keyword(k) => k,
                _ => continue,
            };
            let ops = std::mem::take(&mut operands);
            match kw.as_slice() {
                b"endcodespacerange" => {
                    for pair in ops.chunks(2) {
                        if let [Obj::Str(lo), Obj::Str(hi)] = pair {
                            map.codespace
                                .push((lo.len().clamp(1, 4), code(lo), code(hi)));
                        }
                    }
                }
                b"endbfchar" => {
                    for pair in ops.chunks(2) {
                        if let [Obj::Str(src), Obj::Str(dst)] = pair {
                            map.unicode.insert(code(src), utf16(dst));
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in ops.chunks(3) {
                        let [Obj::Str(lo), Obj::Str(hi), dst] = triple else {
                            continue;
                        };
                        let (lo, hi) = (code(lo), code(hi));
                        if hi < lo {
                            continue;
                        }
                        match dst {
                            Obj::Str(base) => map.ranges.push((lo, hi, base.clone())),
                            Obj::Array(list) => {
                                let n = ((hi - lo) as usize).min(65_535).min(list.len());
                                if entries + n > MAX_ENTRIES {
                                    break;
                                }
                                entries += n;
                                for (i, item) in list.iter().take(n + 1).enumerate() {
                                    if let Obj::Str(s) = item {
                                        map.unicode.insert(lo + i as u32, utf16(s));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                b"endcidrange" => {
                    for triple in ops.chunks(3) {
                        if let [Obj::Str(lo), Obj::Str(hi), cid] = triple {
                            let cid = cid.as_i64().unwrap_or(0).max(0) as u32;
                            map.cids.push((code(lo), code(hi), cid));
                        }
                    }
                }
                b"endcidchar" => {
                    for pair in ops.chunks(2) {
                        if let [Obj::Str(c), cid] = pair {
                            let (c, cid) = (code(c), cid.as_i64().unwrap_or(0).max(0) as u32);
                            map.cids.push((c, c, cid));
                        }
                    }
                }
                _ => {}
            }
        }
        // Stable, so of two ranges starting together the later (which wins) comes last.
        map.ranges.sort_by_key(|r| r.0);
        map
    }

    /// The codes in `bytes`, each with its length, per the code space ranges (two bytes each
    /// when there are none, as for Identity-H).
    pub fn split(&self, bytes: &[u8], default_len: usize) -> Vec<(u32, usize)> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let mut len = 0;
            for n in 1..=4usize {
                let Some(chunk) = bytes.get(i..i + n) else {
                    break;
                };
                let c = code(chunk);
                if self
                    .codespace
                    .iter()
                    .any(|&(l, lo, hi)| l == n && (lo..=hi).contains(&c))
                {
                    len = n;
                    break;
                }
            }
            if len == 0 {
                len = if self.codespace.is_empty() {
                    default_len
                } else {
                    self.codespace.iter().map(|c| c.0).min().unwrap_or(1)
                };
            }
            let end = (i + len).min(bytes.len());
            out.push((code(&bytes[i..end]), end - i));
            i = end;
        }
        out
    }

    /// The text of a code, if the map gives one.
    pub fn text(&self, code: u32) -> Option<String> {
        if let Some(t) = self.unicode.get(&code) {
            return Some(t.clone());
        }
        // Sorted by their first code: the nearest few starting at or before it.
        let end = self.ranges.partition_point(|r| r.0 <= code);
        self.ranges[..end]
            .iter()
            .rev()
            .take(8)
            .find(|(_, hi, _)| code <= *hi)
            .map(|(lo, _, base)| advance(base, code - lo))
    }

    pub fn cid(&self, code: u32) -> Option<u32> {
        self.cids
            .iter()
            .rev()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .map(|(lo, _, cid)| cid + (code - lo))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chars_ranges_and_arrays() {
        let src = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
            2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<00E9> <D83DDE00>] endbfrange";
        let m = CMap::parse(src);
        assert_eq!(m.text(3).as_deref(), Some(" "));
        assert_eq!(m.text(0x11).as_deref(), Some("fi"));
        assert_eq!(m.text(0x26).as_deref(), Some("C"));
        assert_eq!(m.text(0x27), None);
        assert_eq!(m.text(0x30).as_deref(), Some("é"));
        assert_eq!(m.text(0x31).as_deref(), Some("😀"));
        assert_eq!(m.split(&[0, 3, 0, 0x24], 1), vec![(3, 2), (0x24, 2)]);
    }
}
