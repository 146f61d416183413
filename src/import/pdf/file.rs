//! The file's object table: cross-reference tables and streams when they are sound, a scan
//! for `n g obj` when they are not (damaged, truncated or hand-edited files), and the
//! object streams of PDF 1.5.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::PdfError;
use super::crypt::Decryptor;
use super::filters::{Budget, decode};
use super::objects::{Dict, Lexer, Obj, Stream, Token, is_white};

#[derive(Debug, Clone, Copy)]
enum Loc {
    Offset(usize),
    InStream { stream: u32, index: u32 },
}

pub struct PdfFile<'a> {
    data: &'a [u8],
    table: HashMap<u32, Loc>,
    pub trailer: Dict,
    cache: RefCell<HashMap<u32, Obj>>,
    /// Object streams already opened: object number to (first offset, offsets, data).
    obj_streams: RefCell<HashMap<u32, Rc<ObjStream>>>,
    pub budget: Budget,
    crypt: Option<Decryptor>,
}

struct ObjStream {
    data: Vec<u8>,
    offsets: Vec<(u32, usize)>,
}

impl<'a> PdfFile<'a> {
    pub fn open(data: &'a [u8]) -> Result<Self, PdfError> {
        if data
            .get(..1024.min(data.len()))
            .is_none_or(|h| find(h, b"%PDF-").is_none())
        {
            return Err(PdfError::NotPdf);
        }
        let mut file = PdfFile {
            data,
            table: HashMap::new(),
            trailer: Dict::default(),
            cache: RefCell::new(HashMap::new()),
            obj_streams: RefCell::new(HashMap::new()),
            budget: Budget::default(),
            crypt: None,
        };
        let sound = file.read_xref_chain().is_ok()
            && file.trailer.get(b"Root").is_some()
            && file.root_is_catalog();
        if !sound {
            file.table.clear();
            file.cache.borrow_mut().clear();
            file.trailer = Dict::default();
            file.scan();
        }
        if file.trailer.get(b"Root").is_none() {
            return Err(PdfError::Damaged("it has no document catalog"));
        }
        if let Some(enc) = file.trailer.get(b"Encrypt").cloned() {
            let enc = file.resolve(&enc);
            let id = file
                .trailer
                .get(b"ID")
                .and_then(Obj::as_array)
                .and_then(|a| a.first())
                .and_then(Obj::as_str)
                .unwrap_or_default()
                .to_vec();
            let dict = enc.as_dict().cloned().unwrap_or_default();
            file.crypt = Some(Decryptor::new(&dict, &id)?);
            file.cache.borrow_mut().clear();
        }
        Ok(file)
    }

    fn root_is_catalog(&self) -> bool {
        let root = self.trailer.get(b"Root").cloned().unwrap_or(Obj::Null);
        self.resolve(&root)
            .as_dict()
            .is_some_and(|d| d.get(b"Pages").is_some())
    }

    fn read_xref_chain(&mut self) -> Result<(), PdfError> {
        let bad = || PdfError::Damaged("its cross-reference table is broken");
        let tail_start = self.data.len().saturating_sub(2048);
        let at = rfind(&self.data[tail_start..], b"startxref").ok_or_else(bad)? + tail_start;
        let mut lx = Lexer::new(self.data, at + 9);
        let mut offset = match lx.object() {
            Some(Obj::Int(o)) if o >= 0 => o as usize,
            _ => return Err(bad()),
        };
        let mut seen = Vec::new();
        let mut first = true;
        while !seen.contains(&offset) && seen.len() < 256 {
            seen.push(offset);
            let trailer = self.read_xref_section(offset)?;
            if let Some(Obj::Int(stm)) = trailer.get(b"XRefStm") {
                let _ = self.read_xref_section(*stm as usize);
            }
            if first {
                self.trailer = trailer.clone();
                first = false;
            } else {
                for (k, v) in trailer.0 {
                    if self.trailer.get(&k).is_none() {
                        self.trailer.0.push((k, v));
                    }
                }
            }
            match self.trailer_prev(&seen) {
                Some(p) => offset = p,
                None => break,
            }
        }
        Ok(())
    }

    fn trailer_prev(&self, seen: &[usize]) -> Option<usize> {
        // The newest section's /Prev was merged first; follow the chain by re-reading it.
        let last = *seen.last()?;
        let mut lx = Lexer::new(self.data, last);
        lx.skip_white();
        let dict = if self.data[lx.pos..].starts_with(b"xref") {
            let t = find(&self.data[last..], b"trailer")? + last;
            Lexer::new(self.data, t + 7).object()?.as_dict()?.clone()
        } else {
            let (_, obj) = self.object_at(last)?;
            obj.as_dict()?.clone()
        };
        match dict.get(b"Prev") {
            Some(Obj::Int(p)) if *p >= 0 => Some(*p as usize),
            _ => None,
        }
    }

    /// One table or stream; entries already known (from newer sections) are kept.
    fn read_xref_section(&mut self, offset: usize) -> Result<Dict, PdfError> {
        let bad = || PdfError::Damaged("its cross-reference table is broken");
        let mut lx = Lexer::new(self.data, offset);
        lx.skip_white();
        if self
            .data
            .get(lx.pos..)
            .is_some_and(|d| d.starts_with(b"xref"))
        {
            lx.pos += 4;
            loop {
                match lx.token() {
                    Some(Token::Obj(Obj::Int(start))) => {
                        let Some(Token::Obj(Obj::Int(count))) = lx.token() else {
                            return Err(bad());
                        };
                        for i in 0..count.max(0) {
                            let (
                                Some(Token::Obj(Obj::Int(off))),
                                Some(_),
                                Some(Token::Keyword(kind)),
                            ) = (lx.token(), lx.token(), lx.token())
                            else {
                                return Err(bad());
                            };
                            let num = u32::try_from(start + i).map_err(|_| bad())?;
                            if kind == b"n" && off > 0 {
                                self.table.entry(num).or_insert(Loc::Offset(off as usize));
                            }
                        }
                    }
                    Some(Token::Keyword(k)) if k == b"trailer" => {
                        return lx
                            .object()
                            .and_then(|o| o.as_dict().cloned())
                            .ok_or_else(bad);
                    }
                    _ => return Err(bad()),
                }
            }
        }
        let (_, obj) = self.object_at(offset).ok_or_else(bad)?;
        let Obj::Stream(s) = obj else {
            return Err(bad());
        };
        let w: Vec<usize> = s
            .dict
            .get(b"W")
            .and_then(Obj::as_array)
            .ok_or_else(bad)?
            .iter()
            .map(|o| o.as_i64().unwrap_or(0).clamp(0, 8) as usize)
            .collect();
        if w.len() != 3 {
            return Err(bad());
        }
        let size = s.dict.get(b"Size").and_then(Obj::as_i64).unwrap_or(0);
        let index: Vec<i64> = match s.dict.get(b"Index").and_then(Obj::as_array) {
            Some(a) => a.iter().filter_map(Obj::as_i64).collect(),
            None => vec![0, size],
        };
        let data = decode(&s.dict, &s.raw, &self.budget)?;
        let row = w[0] + w[1] + w[2];
        let mut rows = data.chunks_exact(row.max(1));
        let field = |b: &[u8]| b.iter().fold(0u64, |acc, &x| acc << 8 | u64::from(x));
        for pair in index.chunks(2) {
            let [start, count] = pair else { break };
            for i in 0..(*count).max(0) {
                let Some(r) = rows.next() else { break };
                let kind = if w[0] == 0 { 1 } else { field(&r[..w[0]]) };
                let a = field(&r[w[0]..w[0] + w[1]]);
                let b = field(&r[w[0] + w[1]..]);
                let Ok(num) = u32::try_from(start + i) else {
                    break;
                };
                let loc = match kind {
                    1 => Loc::Offset(a as usize),
                    2 => Loc::InStream {
                        stream: a as u32,
                        index: b as u32,
                    },
                    _ => continue,
                };
                self.table.entry(num).or_insert(loc);
            }
        }
        Ok(s.dict.clone())
    }

    /// Every `n g obj` in the file, the last definition of a number winning; the trailer is
    /// the last `trailer` dictionary or cross-reference stream holding a /Root.
    fn scan(&mut self) {
        let data = self.data;
        let mut i = 0;
        let mut streams = Vec::new();
        while let Some(rel) = find(&data[i..], b"obj") {
            let at = i + rel;
            i = at + 3;
            if data
                .get(at + 3)
                .is_some_and(|&b| !is_white(b) && b != b'<' && b != b'[' && b != b'/')
            {
                continue;
            }
            let Some(start) = header_start(data, at) else {
                continue;
            };
            let Some((num, obj)) = self.object_at(start) else {
                continue;
            };
            self.table.insert(num, Loc::Offset(start));
            if let Obj::Stream(s) = &obj {
                i = i.max(start + s.raw.len());
                let kind = s.dict.get(b"Type").and_then(Obj::as_name);
                if kind == Some(b"ObjStm") {
                    streams.push(num);
                }
                if kind == Some(b"XRef") && s.dict.get(b"Root").is_some() {
                    self.trailer = s.dict.clone();
                }
            }
        }
        let mut t = 0;
        while let Some(rel) = find(&data[t..], b"trailer") {
            t += rel + 7;
            if let Some(d) = Lexer::new(data, t)
                .object()
                .and_then(|o| o.as_dict().cloned())
                && d.get(b"Root").is_some()
            {
                self.trailer = d;
            }
        }
        for stream in streams {
            if let Ok(os) = self.obj_stream(stream) {
                for (index, (num, _)) in os.offsets.iter().enumerate() {
                    self.table.entry(*num).or_insert(Loc::InStream {
                        stream,
                        index: index as u32,
                    });
                }
            }
        }
        if self.trailer.get(b"Root").is_none() {
            // No trailer survived: find the catalog itself.
            let catalog = self.table.keys().copied().find(|&n| {
                self.get(n)
                    .as_dict()
                    .is_some_and(|d| d.get(b"Type").and_then(Obj::as_name) == Some(b"Catalog"))
            });
            if let Some(n) = catalog {
                self.trailer.0.push((b"Root".to_vec(), Obj::Ref(n, 0)));
            }
        }
    }

    /// The object whose `n g obj` header starts at `offset`, with its stream if it has one.
    fn object_at(&self, offset: usize) -> Option<(u32, Obj)> {
        let mut lx = Lexer::new(self.data, offset);
        let (
            Some(Token::Obj(Obj::Int(num))),
            Some(Token::Obj(Obj::Int(_))),
            Some(Token::Keyword(k)),
        ) = (lx.token(), lx.token(), lx.token())
        else {
            return None;
        };
        if k != b"obj" {
            return None;
        }
        let num = u32::try_from(num).ok()?;
        let obj = lx.object().unwrap_or(Obj::Null);
        let Obj::Dict(dict) = obj else {
            return Some((num, obj));
        };
        if !matches!(lx.token(), Some(Token::Keyword(k)) if k == b"stream") {
            return Some((num, Obj::Dict(dict)));
        }
        let mut start = lx.pos;
        if self.data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if self.data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let declared = match dict.get(b"Length") {
            Some(Obj::Int(n)) => Some(*n),
            Some(Obj::Ref(n, _)) if *n != num => self.get(*n).as_i64(),
            _ => None,
        };
        let fits = |len: usize| {
            let end = start.checked_add(len)?;
            let rest = self.data.get(end..)?;
            let skip = rest.iter().take_while(|b| is_white(**b)).count();
            rest[skip..].starts_with(b"endstream").then_some(end)
        };
        let end = declared
            .and_then(|n| usize::try_from(n).ok())
            .and_then(fits)
            .or_else(|| {
                let e = find(&self.data[start..], b"endstream")? + start;
                let mut e2 = e;
                while e2 > start && matches!(self.data[e2 - 1], b'\n' | b'\r') {
                    e2 -= 1;
                }
                Some(e2)
            })
            .unwrap_or(self.data.len());
        let raw = self.data[start..end].to_vec();
        Some((num, Obj::Stream(Rc::new(Stream { dict, raw }))))
    }

    fn obj_stream(&self, num: u32) -> Result<Rc<ObjStream>, PdfError> {
        if let Some(os) = self.obj_streams.borrow().get(&num) {
            return Ok(os.clone());
        }
        let bad = || PdfError::Damaged("an object stream is broken");
        let Some(Loc::Offset(off)) = self.table.get(&num).copied() else {
            return Err(bad());
        };
        let (_, obj) = self.object_at(off).ok_or_else(bad)?;
        let Obj::Stream(s) = obj else {
            return Err(bad());
        };
        let raw = match &self.crypt {
            Some(c) => c.stream(num, 0, &s.dict, &s.raw),
            None => s.raw.clone(),
        };
        let data = decode(&s.dict, &raw, &self.budget)?;
        let n = s
            .dict
            .get(b"N")
            .and_then(Obj::as_i64)
            .unwrap_or(0)
            .clamp(0, 1 << 20);
        let first = s
            .dict
            .get(b"First")
            .and_then(Obj::as_i64)
            .unwrap_or(0)
            .max(0) as usize;
        let mut lx = Lexer::new(&data, 0);
        let mut offsets = Vec::new();
        for _ in 0..n {
            match (lx.token(), lx.token()) {
                (Some(Token::Obj(Obj::Int(num))), Some(Token::Obj(Obj::Int(o)))) => {
                    offsets.push((num as u32, first + o.max(0) as usize));
                }
                _ => break,
            }
        }
        let os = Rc::new(ObjStream { data, offsets });
        self.obj_streams.borrow_mut().insert(num, os.clone());
        Ok(os)
    }

    /// The object numbered `num`, or null when it is missing or damaged (as the spec reads a
    /// dangling reference).
    pub fn get(&self, num: u32) -> Obj {
        if let Some(o) = self.cache.borrow().get(&num) {
            return o.clone();
        }
        let obj = match self.table.get(&num).copied() {
            Some(Loc::Offset(off)) => match self.object_at(off) {
                Some((n, o)) if n == num => self.decrypt(num, o),
                _ => Obj::Null,
            },
            Some(Loc::InStream { stream, index }) if stream != num => match self.obj_stream(stream)
            {
                Ok(os) => os
                    .offsets
                    .get(index as usize)
                    .filter(|(n, _)| *n == num)
                    .and_then(|(_, o)| Lexer::new(&os.data, *o).object())
                    .unwrap_or(Obj::Null),
                Err(_) => Obj::Null,
            },
            _ => Obj::Null,
        };
        self.cache.borrow_mut().insert(num, obj.clone());
        obj
    }

    fn decrypt(&self, num: u32, obj: Obj) -> Obj {
        match &self.crypt {
            Some(c) => c.object(num, obj),
            None => obj,
        }
    }

    pub fn resolve(&self, o: &Obj) -> Obj {
        let mut o = o.clone();
        for _ in 0..16 {
            match o {
                Obj::Ref(n, _) => o = self.get(n),
                _ => return o,
            }
        }
        Obj::Null
    }

    pub fn dict_get(&self, d: &Dict, key: &[u8]) -> Obj {
        d.get(key).map(|o| self.resolve(o)).unwrap_or(Obj::Null)
    }

    pub fn stream_data(&self, s: &Stream) -> Result<Vec<u8>, PdfError> {
        decode(&s.dict, &s.raw, &self.budget)
    }
}

fn header_start(data: &[u8], obj_kw: usize) -> Option<usize> {
    // Walk back over "num ws gen ws" before the keyword.
    let mut i = obj_kw;
    let digits = |i: &mut usize| {
        let end = *i;
        while *i > 0 && data[*i - 1].is_ascii_digit() {
            *i -= 1;
        }
        end > *i
    };
    let ws = |i: &mut usize| {
        let end = *i;
        while *i > 0 && is_white(data[*i - 1]) {
            *i -= 1;
        }
        end > *i
    };
    ws(&mut i);
    if !digits(&mut i) || !ws(&mut i) || !digits(&mut i) {
        return None;
    }
    Some(i)
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
