//! Stream filters, with a ceiling on what a stream may inflate to: a small file whose
//! streams inflate to gigabytes is an error, not an out-of-memory.

use std::cell::Cell;
use std::io::Read;

use super::PdfError;
use super::objects::{Dict, Obj};

/// One stream may not decode to more than this.
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// Nor all streams of a document together.
pub const MAX_TOTAL_BYTES: usize = 512 * 1024 * 1024;

/// What the document's streams have decoded to so far.
/// Readers skip a stream they cannot decode and go on; a bomb is remembered here so the
/// whole document is refused, not read without the part that exploded.
#[derive(Default)]
pub struct Budget {
    used: Cell<usize>,
    exceeded: Cell<bool>,
}

impl Budget {
    fn take(&self, n: usize) -> Result<(), PdfError> {
        let total = self.used.get().saturating_add(n);
        self.used.set(total);
        if total > MAX_TOTAL_BYTES {
            return Err(PdfError::Bomb);
        }
        Ok(())
    }

    pub fn exceeded(&self) -> bool {
        self.exceeded.get()
    }
}

fn filter_list(dict: &Dict) -> (Vec<Vec<u8>>, Vec<Option<Dict>>) {
    let names = match dict.get(b"Filter").or_else(|| dict.get(b"F")) {
        Some(Obj::Name(n)) => vec![n.clone()],
        Some(Obj::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    };
    let params = match dict.get(b"DecodeParms").or_else(|| dict.get(b"DP")) {
        Some(Obj::Dict(d)) => vec![Some(d.clone())],
        Some(Obj::Array(a)) => a.iter().map(|o| o.as_dict().cloned()).collect(),
        _ => Vec::new(),
    };
    (names, params)
}

/// The stream's data with its filters undone. Image filters (DCT, JPX, CCITT, JBIG2) are
/// not undone: nothing here reads images.
pub fn decode(dict: &Dict, raw: &[u8], budget: &Budget) -> Result<Vec<u8>, PdfError> {
    let result = undo_filters(dict, raw, budget);
    if result == Err(PdfError::Bomb) {
        budget.exceeded.set(true);
    }
    result
}

fn undo_filters(dict: &Dict, raw: &[u8], budget: &Budget) -> Result<Vec<u8>, PdfError> {
    let (names, params) = filter_list(dict);
    let mut data = raw.to_vec();
    for (i, name) in names.iter().enumerate() {
        let p = params.get(i).cloned().flatten();
        data = match name.as_slice() {
            b"FlateDecode" | b"Fl" => predict(inflate(&data)?, p.as_ref())?,
            b"LZWDecode" | b"LZW" => predict(lzw(&data, p.as_ref())?, p.as_ref())?,
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
            b"ASCII85Decode" | b"A85" => ascii85(&data),
            b"RunLengthDecode" | b"RL" => run_length(&data)?,
            b"Crypt" => data,
            _ => return Err(PdfError::Unsupported),
        };
        budget.take(data.len())?;
    }
    Ok(data)
}

fn inflate(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    let mut out = Vec::new();
    let zlib = data.len() >= 2
        && data[0] & 0x0F == 8
        && u16::from_be_bytes([data[0], data[1]]).is_multiple_of(31);
    let read = if zlib {
        flate2::read::ZlibDecoder::new(data)
            .take(MAX_STREAM_BYTES as u64 + 1)
            .read_to_end(&mut out)
    } else {
        flate2::read::DeflateDecoder::new(data)
            .take(MAX_STREAM_BYTES as u64 + 1)
            .read_to_end(&mut out)
    };
    if out.len() > MAX_STREAM_BYTES {
        return Err(PdfError::Bomb);
    }
    // A damaged or truncated stream still yields what came before the damage, as viewers show.
    if read.is_err() && out.is_empty() {
        return Err(PdfError::Damaged("a compressed stream cannot be read"));
    }
    Ok(out)
}

fn param(p: Option<&Dict>, key: &[u8], default: i64) -> i64 {
    p.and_then(|d| d.get(key))
        .and_then(Obj::as_i64)
        .unwrap_or(default)
}

/// PNG and TIFF predictors, as used by cross-reference streams.
fn predict(data: Vec<u8>, p: Option<&Dict>) -> Result<Vec<u8>, PdfError> {
    let predictor = param(p, b"Predictor", 1);
    if predictor < 2 {
        return Ok(data);
    }
    let colors = param(p, b"Colors", 1).clamp(1, 32) as usize;
    let bits = param(p, b"BitsPerComponent", 8).clamp(1, 16) as usize;
    let columns = param(p, b"Columns", 1).clamp(1, 1 << 20) as usize;
    let bpp = (colors * bits).div_ceil(8).max(1);
    let row = (colors * bits * columns).div_ceil(8);
    if predictor == 2 {
        let mut out = data;
        if bits == 8 {
            for line in out.chunks_mut(row) {
                for i in bpp..line.len() {
                    line[i] = line[i].wrapping_add(line[i - bpp]);
                }
            }
        }
        return Ok(out);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (kind, line) = (chunk[0], &chunk[1..]);
        let mut cur = vec![0u8; row];
        for i in 0..line.len() {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = match kind {
                0 => line[i],
                1 => line[i].wrapping_add(left),
                2 => line[i].wrapping_add(up),
                3 => line[i].wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => line[i].wrapping_add(paeth(left, up, up_left)),
                _ => line[i],
            };
        }
        out.extend_from_slice(&cur[..line.len()]);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high = None;
    for &c in data {
        if c == b'>' {
            break;
        }
        let Some(v) = (c as char).to_digit(16) else {
            continue;
        };
        match high.take() {
            Some(h) => out.push((h << 4 | v) as u8),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push((h << 4) as u8);
    }
    out
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u32; 5];
    let mut n = 0;
    let mut data = data;
    if let Some(rest) = data.strip_prefix(b"<~") {
        data = rest;
    }
    for &c in data {
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = u32::from(c - b'!');
                n += 1;
                if n == 5 {
                    let v = group
                        .iter()
                        .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group
            .iter()
            .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
        out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
    }
    out
}

fn run_length(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let len = data[i];
        i += 1;
        match len {
            128 => break,
            0..=127 => {
                let end = (i + len as usize + 1).min(data.len());
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            _ => {
                if let Some(&b) = data.get(i) {
                    out.extend(std::iter::repeat_n(b, 257 - len as usize));
                }
                i += 1;
            }
        }
        if out.len() > MAX_STREAM_BYTES {
            return Err(PdfError::Bomb);
        }
    }
    Ok(out)
}

fn lzw(data: &[u8], p: Option<&Dict>) -> Result<Vec<u8>, PdfError> {
    let early = param(p, b"EarlyChange", 1);
    let mut out = Vec::new();
    let mut table: Vec<Vec<u8>> = Vec::new();
    let reset = |t: &mut Vec<Vec<u8>>| {
        t.clear();
        t.extend((0..=255u8).map(|b| vec![b]));
        t.push(Vec::new());
        t.push(Vec::new());
    };
    reset(&mut table);
    let (mut bits, mut acc, mut nbits) = (9usize, 0u32, 0usize);
    let mut prev: Option<Vec<u8>> = None;
    for &byte in data {
        acc = acc << 8 | u32::from(byte);
        nbits += 8;
        while nbits >= bits {
            let code = ((acc >> (nbits - bits)) & ((1 << bits) - 1)) as usize;
            nbits -= bits;
            if code == 256 {
                reset(&mut table);
                bits = 9;
                prev = None;
                continue;
            }
            if code == 257 {
                return Ok(out);
            }
            let entry = if code < table.len() {
                table[code].clone()
            } else if let Some(p) = &prev {
                let mut e = p.clone();
                e.push(p[0]);
                e
            } else {
                return Ok(out);
            };
            out.extend_from_slice(&entry);
            if out.len() > MAX_STREAM_BYTES {
                return Err(PdfError::Bomb);
            }
            if let Some(mut p) = prev.take()
                && table.len() < 4096
            {
                p.push(entry[0]);
                table.push(p);
            }
            let next = table.len() as i64 + early;
            bits = if next >= 2048 {
                12
            } else if next >= 1024 {
                11
            } else if next >= 512 {
                10
            } else {
                9
            };
            prev = Some(entry);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_stream_that_inflates_past_the_limit_is_an_error() {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..(MAX_STREAM_BYTES >> 20) + 1 {
            enc.write_all(&zeros).unwrap();
        }
        let bomb = enc.finish().unwrap();
        assert!(bomb.len() < 200_000, "{}", bomb.len());
        let dict = Dict(vec![(
            b"Filter".to_vec(),
            Obj::Name(b"FlateDecode".to_vec()),
        )]);
        assert!(matches!(
            decode(&dict, &bomb, &Budget::default()),
            Err(PdfError::Bomb)
        ));
    }

    #[test]
    fn ascii_filters_round_trip() {
        assert_eq!(ascii_hex(b"48 65 6C6C6F>"), b"Hello");
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>"), b"Hello World!");
    }
}
