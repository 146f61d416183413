//! PDF objects and the tokenizer that reads them, for object bodies and content streams alike.

use std::rc::Rc;

/// Nesting deeper than this is refused: a hostile file could otherwise exhaust the stack.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Obj {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32, u16),
    Stream(Rc<Stream>),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dict(pub Vec<(Vec<u8>, Obj)>);

#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    pub dict: Dict,
    /// As stored in the file (still filtered; decrypted when the file was encrypted).
    pub raw: Vec<u8>,
}

impl Dict {
    pub fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Obj {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Obj::Int(i) => Some(*i as f64),
            Obj::Real(r) => Some(*r),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Obj::Int(i) => Some(*i),
            Obj::Real(r) if r.is_finite() => Some(*r as i64),
            _ => None,
        }
    }
    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) => Some(d),
            Obj::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&[u8]> {
        match self {
            Obj::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// One token of a content stream or object body.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Obj(Obj),
    /// An operator or keyword (`Tj`, `obj`, `stream`, `R`…).
    Keyword(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
}

pub fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0c | 0)
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub struct Lexer<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Lexer { data, pos }
    }

    pub fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.data.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    pub fn token(&mut self) -> Option<Token> {
        self.skip_white();
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(match b {
            b'[' => Token::ArrayStart,
            b']' => Token::ArrayEnd,
            b'{' | b'}' => Token::Keyword(vec![b]),
            b'<' if self.data.get(self.pos) == Some(&b'<') => {
                self.pos += 1;
                Token::DictStart
            }
            b'>' if self.data.get(self.pos) == Some(&b'>') => {
                self.pos += 1;
                Token::DictEnd
            }
            b'<' => Token::Obj(Obj::Str(self.hex_string())),
            b'(' => Token::Obj(Obj::Str(self.literal_string())),
            b'/' => Token::Obj(Obj::Name(self.name())),
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                self.pos -= 1;
                self.number()
            }
            b')' | b'>' => Token::Keyword(vec![b]),
            _ => {
                let start = self.pos - 1;
                while let Some(&c) = self.data.get(self.pos) {
                    if is_white(c) || is_delim(c) {
                        break;
                    }
                    self.pos += 1;
                }
                let word = &self.data[start..self.pos];
                match word {
                    b"true" => Token::Obj(Obj::Bool(true)),
                    b"false" => Token::Obj(Obj::Bool(false)),
                    b"null" => Token::Obj(Obj::Null),
                    _ => Token::Keyword(word.to_vec()),
                }
            }
        })
    }

    fn number(&mut self) -> Token {
        let start = self.pos;
        while let Some(&c) = self.data.get(self.pos) {
            if c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.' | b'e' | b'E') {
                self.pos += 1;
            } else {
                break;
            }
        }
        let text = std::str::from_utf8(&self.data[start..self.pos]).unwrap_or("0");
        if let Ok(i) = text.parse::<i64>() {
            return Token::Obj(Obj::Int(i));
        }
        // Producers write "--5" or "5-": read the sign once, as readers do.
        let clean: String = text
            .chars()
            .enumerate()
            .filter(|(i, c)| c.is_ascii_digit() || *c == '.' || (*i == 0 && *c == '-'))
            .map(|(_, c)| c)
            .collect();
        Token::Obj(Obj::Real(clean.parse::<f64>().unwrap_or(0.0)))
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(&c) = self.data.get(self.pos) {
            if is_white(c) || is_delim(c) {
                break;
            }
            self.pos += 1;
            if c == b'#'
                && let Some(h) = self
                    .data
                    .get(self.pos..self.pos + 2)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                self.pos += 2;
                out.push(h);
                continue;
            }
            out.push(c);
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            let Some(v) = (c as char).to_digit(16) else {
                continue;
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v as u8),
                None => high = Some(v as u8),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.pos) else {
                        break;
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// One whole object; `n g R` is read as a reference. `None` at the end or on a keyword.
    pub fn object(&mut self) -> Option<Obj> {
        match self.token()? {
            Token::Obj(o) => Some(self.maybe_ref(o)),
            Token::ArrayStart => Some(self.array(1)),
            Token::DictStart => Some(Obj::Dict(self.dict(1))),
            _ => None,
        }
    }

    fn maybe_ref(&mut self, o: Obj) -> Obj {
        let Obj::Int(num) = o else { return o };
        let save = self.pos;
        if let Some(Token::Obj(Obj::Int(generation))) = self.token() {
            let after = self.pos;
            if let Some(Token::Keyword(k)) = self.token()
                && k == b"R"
                && let (Ok(n), Ok(g)) = (u32::try_from(num), u16::try_from(generation))
            {
                return Obj::Ref(n, g);
            }
            let _ = after;
        }
        self.pos = save;
        o
    }

    fn nested(&mut self, depth: usize) -> Option<Obj> {
        match self.token()? {
            Token::Obj(o) => Some(self.maybe_ref(o)),
            Token::ArrayStart if depth < MAX_DEPTH => Some(self.array(depth + 1)),
            Token::DictStart if depth < MAX_DEPTH => Some(Obj::Dict(self.dict(depth + 1))),
            Token::ArrayStart | Token::DictStart => Some(Obj::Null),
            t => Some(Obj::Name(match t {
                Token::Keyword(k) => k,
                _ => Vec::new(),
            })),
        }
    }

    fn array(&mut self, depth: usize) -> Obj {
        let mut items = Vec::new();
        loop {
            self.skip_white();
            match self.data.get(self.pos) {
                None => break,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                Some(b'>') if self.data.get(self.pos + 1) == Some(&b'>') => break,
                _ => {}
            }
            let before = self.pos;
            match self.nested(depth) {
                Some(o) => items.push(o),
                None => break,
            }
            if self.pos == before {
                break;
            }
        }
        Obj::Array(items)
    }

    fn dict(&mut self, depth: usize) -> Dict {
        let mut entries = Vec::new();
        loop {
            self.skip_white();
            let before = self.pos;
            match self.token() {
                None | Some(Token::DictEnd) => break,
                Some(Token::Obj(Obj::Name(key))) => {
                    self.skip_white();
                    if self.data[self.pos..].starts_with(b">>") {
                        break;
                    }
                    match self.nested(depth) {
                        Some(v) => entries.push((key, v)),
                        None => break,
                    }
                }
                // A stray token: skip it, as readers do.
                Some(Token::Keyword(k)) if k == b"endobj" || k == b"stream" => {
                    self.pos = before;
                    break;
                }
                Some(_) => {}
            }
            if self.pos == before {
                break;
            }
        }
        Dict(entries)
    }
}

/// Text strings of the document information: UTF-16 with a byte-order mark, UTF-8 with one
/// (PDF 2.0), else PDFDocEncoding, which is Latin-1 for the letters that matter here.
pub fn text_string(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes
        .iter()
        .map(|&b| match b {
            0x18..=0x1F | 0x80..=0x9F => super::glyphs::pdf_doc_char(b),
            _ => b as char,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_objects_and_references() {
        let mut lx = Lexer::new(
            b"<< /Type /Page /Kids [1 0 R 2 0 R] /N 5 /S (a\\(b\\)) /H <48 69> /X#20y -.5 >>",
            0,
        );
        let d = lx.object().unwrap();
        let d = d.as_dict().unwrap();
        assert_eq!(d.get(b"Type"), Some(&Obj::Name(b"Page".to_vec())));
        assert_eq!(
            d.get(b"Kids"),
            Some(&Obj::Array(vec![Obj::Ref(1, 0), Obj::Ref(2, 0)]))
        );
        assert_eq!(d.get(b"S"), Some(&Obj::Str(b"a(b)".to_vec())));
        assert_eq!(d.get(b"H"), Some(&Obj::Str(b"Hi".to_vec())));
        assert_eq!(d.get(b"X y"), Some(&Obj::Real(-0.5)));
        assert_eq!(d.get(b"N"), Some(&Obj::Int(5)));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut src = vec![b'['; 100_000];
        src.extend(vec![b']'; 100_000]);
        let mut lx = Lexer::new(&src, 0);
        assert!(lx.object().is_some());
    }
}
