//! Just enough of ZIP to read the parts of a Word document: the central directory, stored
//! and deflated entries, ZIP64 sizes, and a ceiling on what an entry may inflate to.

use std::io::Read;

use super::DocxError;

/// A part of the document may not inflate to more than this.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

pub struct Entry {
    pub name: String,
    method: u16,
    compressed: u64,
    size: u64,
    local: u64,
}

pub struct Zip<'a> {
    data: &'a [u8],
    pub entries: Vec<Entry>,
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(at..at + 2)?.try_into().ok()?))
}
fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}
fn u64_at(d: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(d.get(at..at + 8)?.try_into().ok()?))
}

impl<'a> Zip<'a> {
    pub fn open(data: &'a [u8]) -> Result<Zip<'a>, DocxError> {
        let damaged = || DocxError::Damaged("its ZIP directory is missing or broken");
        let from = data.len().saturating_sub(22 + 65_535);
        let eocd = (from..data.len().saturating_sub(21))
            .rev()
            .find(|&i| u32_at(data, i) == Some(0x0605_4b50))
            .ok_or_else(damaged)?;
        let mut count = u64::from(u16_at(data, eocd + 10).ok_or_else(damaged)?);
        let mut offset = u64::from(u32_at(data, eocd + 16).ok_or_else(damaged)?);
        if (offset == 0xFFFF_FFFF || count == 0xFFFF)
            && eocd >= 20
            && u32_at(data, eocd - 20) == Some(0x0706_4b50)
        {
            let z64 = u64_at(data, eocd - 12).ok_or_else(damaged)? as usize;
            if u32_at(data, z64) == Some(0x0606_4b50) {
                count = u64_at(data, z64 + 32).ok_or_else(damaged)?;
                offset = u64_at(data, z64 + 48).ok_or_else(damaged)?;
            }
        }
        let mut at = usize::try_from(offset).map_err(|_| damaged())?;
        let mut entries = Vec::new();
        for _ in 0..count.min(100_000) {
            if u32_at(data, at) != Some(0x0201_4b50) {
                break;
            }
            let method = u16_at(data, at + 10).ok_or_else(damaged)?;
            let mut compressed = u64::from(u32_at(data, at + 20).ok_or_else(damaged)?);
            let mut size = u64::from(u32_at(data, at + 24).ok_or_else(damaged)?);
            let name_len = usize::from(u16_at(data, at + 28).ok_or_else(damaged)?);
            let extra_len = usize::from(u16_at(data, at + 30).ok_or_else(damaged)?);
            let comment_len = usize::from(u16_at(data, at + 32).ok_or_else(damaged)?);
            let mut local = u64::from(u32_at(data, at + 42).ok_or_else(damaged)?);
            let name = data.get(at + 46..at + 46 + name_len).ok_or_else(damaged)?;
            let extra = data
                .get(at + 46 + name_len..at + 46 + name_len + extra_len)
                .unwrap_or_default();
            // ZIP64 sizes live in extra field 1, in this order, for the fields that overflowed.
            let mut e = 0;
            while e + 4 <= extra.len() {
                let (id, len) = (
                    u16_at(extra, e),
                    usize::from(u16_at(extra, e + 2).unwrap_or(0)),
                );
                if id == Some(1) {
                    let mut f = e + 4;
                    for field in [&mut size, &mut compressed, &mut local] {
                        if *field == 0xFFFF_FFFF
                            && let Some(v) = u64_at(extra, f)
                        {
                            *field = v;
                            f += 8;
                        }
                    }
                }
                e += 4 + len;
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method,
                compressed,
                size,
                local,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Zip { data, entries })
    }

    /// The part's bytes, or `None` when the archive has no such part.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(e) = self
            .entries
            .iter()
            .find(|e| e.name.trim_start_matches('/').eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        let damaged = || DocxError::Damaged("a part of it cannot be read");
        if e.size > MAX_PART_BYTES {
            return Err(DocxError::Bomb);
        }
        let local = usize::try_from(e.local).map_err(|_| damaged())?;
        if u32_at(self.data, local) != Some(0x0403_4b50) {
            return Err(damaged());
        }
        let name_len = usize::from(u16_at(self.data, local + 26).ok_or_else(damaged)?);
        let extra_len = usize::from(u16_at(self.data, local + 28).ok_or_else(damaged)?);
        let start = local + 30 + name_len + extra_len;
        let end = start
            .checked_add(usize::try_from(e.compressed).map_err(|_| damaged())?)
            .ok_or_else(damaged)?;
        let raw = self
            .data
            .get(start..end.min(self.data.len()))
            .ok_or_else(damaged)?;
        let mut out = Vec::new();
        match e.method {
            0 => out.extend_from_slice(raw),
            8 => {
                let read = flate2::read::DeflateDecoder::new(raw)
                    .take(MAX_PART_BYTES + 1)
                    .read_to_end(&mut out);
                if read.is_err() && out.is_empty() {
                    return Err(damaged());
                }
            }
            _ => {
                return Err(DocxError::Damaged(
                    "it uses a ZIP compression this reader does not know",
                ));
            }
        }
        if out.len() as u64 > MAX_PART_BYTES {
            return Err(DocxError::Bomb);
        }
        Ok(Some(out))
    }
}
