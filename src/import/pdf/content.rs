//! The content-stream interpreter: where each character of text lands on the page, in
//! device space (points, y up), through text matrices and form XObjects; then the page is
//! turned so its text reads left to right.

use std::collections::HashMap;
use std::rc::Rc;

use super::file::PdfFile;
use super::fonts::Font;
use super::objects::{Dict, Lexer, Obj, Token, is_white};

/// Forms inside forms deeper than this are not followed.
const MAX_FORM_DEPTH: usize = 12;
/// Operators per document: a stream that loops a page's worth of drawing a million times
/// is cut off rather than allowed to spin.
const MAX_OPERATORS: usize = 20_000_000;

pub type Matrix = [f64; 6];
pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

pub fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// One character (or ligature) of text as drawn.
#[derive(Debug, Clone)]
pub struct Char {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    pub size: f64,
    pub bold: bool,
    /// Which way the text runs: 0 right, 1 up, 2 left, 3 down. Until [`upright`] turns the
    /// page, `x0` and `y` are where the glyph starts and `x1 - x0` its advance.
    pub dir: u8,
}

/// Turns the page so its most common text direction reads left to right, and keeps the
/// characters that run that way (a rotated page, or a landscape scan's text layer laid on
/// its side, reads as it is shown). Returns the page's height once turned.
pub fn upright(chars: &mut Vec<Char>, width: f64, height: f64) -> f64 {
    stand_columns(chars);
    let mut counts = [0usize; 4];
    for c in chars.iter() {
        counts[usize::from(c.dir)] += 1;
    }
    let dir = (0..4u8)
        .max_by_key(|&d| (counts[usize::from(d)], std::cmp::Reverse(d)))
        .unwrap_or(0);
    chars.retain(|c| c.dir == dir);
    let turn = |x: f64, y: f64| match dir {
        1 => (y, width - x),
        2 => (width - x, height - y),
        3 => (height - y, x),
        _ => (x, y),
    };
    for c in chars.iter_mut() {
        let advance = c.x1 - c.x0;
        let (x, y) = turn(c.x0, c.y);
        c.x0 = x;
        c.x1 = x + advance;
        c.y = y;
        c.dir = 0;
    }
    if dir % 2 == 1 { width } else { height }
}

/// Vertical writing (Japanese and Chinese set top to bottom) is drawn as upright glyphs one
/// under another. When most of a page is drawn so, those glyphs are taken as text running
/// down, like Latin words set sideways in the same columns, so the page is read turned.
fn stand_columns(chars: &mut [Char]) {
    let below = |a: &Char, b: &Char| {
        a.dir == 0
            && b.dir == 0
            && (b.x0 - a.x0).abs() < 0.3 * a.size
            && (0.7..1.6).contains(&((a.y - b.y) / a.size.max(0.1)))
    };
    let mut column = vec![false; chars.len()];
    for i in 1..chars.len() {
        if below(&chars[i - 1], &chars[i]) {
            column[i - 1] = true;
            column[i] = true;
        }
    }
    let upright = chars.iter().filter(|c| c.dir == 0).count();
    let stacked = column.iter().filter(|&&v| v).count();
    if upright == 0 || stacked * 2 < upright {
        return;
    }
    for (c, &in_column) in chars.iter_mut().zip(&column) {
        if in_column {
            // Running down from the glyph's top, its left edge the baseline.
            c.y += 0.88 * c.size;
            c.x1 = c.x0 + c.size;
            c.dir = 3;
        }
    }
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

pub struct Interpreter<'f, 'a> {
    file: &'f PdfFile<'a>,
    fonts: HashMap<(u32, Vec<u8>), Rc<Font>>,
    pub chars: Vec<Char>,
    operators: usize,
    /// Glyphs drawn, and those whose font does not say what character they are.
    pub glyphs: usize,
    pub unmapped: usize,
    forms: Vec<u32>,
}

impl<'f, 'a> Interpreter<'f, 'a> {
    pub fn new(file: &'f PdfFile<'a>) -> Self {
        Interpreter {
            file,
            fonts: HashMap::new(),
            chars: Vec::new(),
            operators: 0,
            glyphs: 0,
            unmapped: 0,
            forms: Vec::new(),
        }
    }

    pub fn run_page(&mut self, content: &[u8], resources: &Dict, base: Matrix) {
        let state = State {
            ctm: base,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        self.run(content, resources, state, 0);
    }

    fn font(&mut self, resources: &Dict, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = self.file.dict_get(resources, b"Font");
        let entry = fonts.as_dict()?.get(name)?.clone();
        // Fonts are shared between pages by reference; inline ones are keyed by name.
        let key = match entry {
            Obj::Ref(n, _) => (n, Vec::new()),
            _ => (u32::MAX, name.to_vec()),
        };
        if let Some(f) = self.fonts.get(&key) {
            return Some(f.clone());
        }
        let dict = self.file.resolve(&entry);
        let font = Rc::new(Font::load(self.file, dict.as_dict()?));
        self.fonts.insert(key, font.clone());
        Some(font)
    }

    fn run(&mut self, content: &[u8], resources: &Dict, start: State, depth: usize) {
        let mut gs = start;
        let mut stack: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut ops: Vec<Obj> = Vec::new();
        let mut lx = Lexer::new(content, 0);
        while let Some(tok) = lx.token() {
            let op = match tok {
                Token::Obj(o) => {
                    ops.push(o);
                    continue;
                }
                Token::ArrayStart | Token::DictStart => {
                    lx.pos -= if matches!(tok, Token::ArrayStart) {
                        1
                    } else {
                        2
                    };
                    match lx.object() {
                        Some(o) => ops.push(o),
                        None => lx.pos += 1,
                    }
                    continue;
                }
                Token::Keyword(k) => k,
                _ => {
                    ops.clear();
                    continue;
                }
            };
            self.operators += 1;
            if self.operators > MAX_OPERATORS {
                return;
            }
            let num = |i: usize| ops.get(i).and_then(Obj::as_f64).unwrap_or(0.0);
            match op.as_slice() {
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" if ops.len() >= 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    gs.size = num(1);
                    gs.font = ops
                        .first()
                        .and_then(Obj::as_name)
                        .and_then(|n| self.font(resources, n));
                }
                b"Tc" => gs.char_space = num(0),
                b"Tw" => gs.word_space = num(0),
                b"Tz" => gs.scale = num(0) / 100.0,
                b"TL" => gs.leading = num(0),
                b"Ts" => gs.rise = num(0),
                b"Td" | b"TD" => {
                    if op == b"TD" {
                        gs.leading = -num(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" if ops.len() >= 6 => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op == b"\"" {
                        gs.word_space = num(0);
                        gs.char_space = num(1);
                    }
                    if op == b"'" || op == b"\"" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    match ops.last() {
                        Some(Obj::Str(s)) => self.show(&gs, &mut tm, s),
                        Some(Obj::Array(items)) => {
                            for item in items {
                                match item {
                                    Obj::Str(s) => self.show(&gs, &mut tm, s),
                                    other => {
                                        let adj = other.as_f64().unwrap_or(0.0);
                                        let tx = -adj / 1000.0 * gs.size * gs.scale;
                                        tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                b"Do" => {
                    if let Some(name) = ops.first().and_then(Obj::as_name) {
                        self.form(resources, name, &gs, depth);
                    }
                }
                b"BI" => skip_inline_image(&mut lx),
                _ => {}
            }
            ops.clear();
        }
    }

    fn form(&mut self, resources: &Dict, name: &[u8], gs: &State, depth: usize) {
        if depth >= MAX_FORM_DEPTH {
            return;
        }
        let xobjects = self.file.dict_get(resources, b"XObject");
        let Some(entry) = xobjects.as_dict().and_then(|d| d.get(name)).cloned() else {
            return;
        };
        let id = match entry {
            Obj::Ref(n, _) => n,
            _ => u32::MAX,
        };
        if self.forms.contains(&id) {
            return;
        }
        let Obj::Stream(s) = self.file.resolve(&entry) else {
            return;
        };
        if s.dict.get(b"Subtype").and_then(Obj::as_name) != Some(b"Form") {
            return;
        }
        let Ok(content) = self.file.stream_data(&s) else {
            return;
        };
        let own = self.file.dict_get(&s.dict, b"Resources");
        let res = own.as_dict().unwrap_or(resources).clone();
        let mut state = gs.clone();
        if let Some(m) = self.file.dict_get(&s.dict, b"Matrix").as_array() {
            let m: Vec<f64> = m.iter().filter_map(Obj::as_f64).collect();
            if let [a, b, c, d, e, f] = m[..] {
                state.ctm = mul(&[a, b, c, d, e, f], &gs.ctm);
            }
        }
        self.forms.push(id);
        self.run(&content, &res, state, depth + 1);
        self.forms.pop();
    }

    fn show(&mut self, gs: &State, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = gs.font.clone() else { return };
        for g in font.decode(bytes) {
            let trm = mul(
                &mul(&[gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise], tm),
                &gs.ctm,
            );
            let advance = if font.vertical {
                0.0
            } else {
                (g.width * gs.size + gs.char_space + if g.word_space { gs.word_space } else { 0.0 })
                    * gs.scale
            };
            // Which way the text runs on the page: right, up, left or down. Mirrored text
            // and text at an odd angle is not read.
            let (a, b, c, d) = (trm[0], trm[1], trm[2], trm[3]);
            let dir = if a.abs() >= 4.0 * b.abs() {
                if a > 0.0 { Some(0) } else { Some(2) }
            } else if b.abs() >= 4.0 * a.abs() {
                if b > 0.0 { Some(1) } else { Some(3) }
            } else {
                None
            };
            let dir = dir.filter(|_| a * d - b * c > 0.0);
            self.glyphs += 1;
            if g.text.is_empty() {
                self.unmapped += 1;
            } else {
                let text = if g
                    .text
                    .chars()
                    .any(|c| matches!(c as u32, 0x2E80..=0x2FDF | 0xF900..=0xFAFF))
                {
                    g.text.chars().map(super::radicals::ideograph).collect()
                } else {
                    g.text
                };
                if let Some(dir) = dir {
                    let m = mul(tm, &gs.ctm);
                    let dx = advance * m[0].hypot(m[1]);
                    let width = if dx > 0.0 { dx } else { g.width * a.hypot(b) };
                    self.chars.push(Char {
                        text,
                        x0: trm[4],
                        x1: trm[4] + width.max(0.0),
                        y: trm[5],
                        size: c.hypot(d) * font.em,
                        bold: font.bold,
                        dir,
                    });
                }
            }
            let ty = if font.vertical {
                -(g.width.max(1.0)) * gs.size
            } else {
                0.0
            };
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, ty], tm);
        }
    }
}

fn skip_inline_image(lx: &mut Lexer) {
    // The dictionary up to ID, then binary data up to EI standing alone.
    while let Some(tok) = lx.token() {
        if matches!(&tok, Token::Keyword(k) if k == b"ID") {
            break;
        }
    }
    let data = lx.data;
    let mut i = lx.pos + 1;
    while i + 2 <= data.len() {
        if &data[i..i + 2] == b"EI"
            && is_white(data[i - 1])
            && data.get(i + 2).is_none_or(|&b| is_white(b))
        {
            lx.pos = i + 2;
            return;
        }
        i += 1;
    }
    lx.pos = data.len();
}
