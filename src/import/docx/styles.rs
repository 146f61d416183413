//! Paragraph styles (headings, titles, list styles) and list numbering definitions.

use std::collections::HashMap;

use super::DocxError;
use super::xml::{Ev, attr, walk};

#[derive(Default, Clone)]
pub struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, u8)>,
}

#[derive(Default)]
pub struct Styles(HashMap<String, Style>);

impl Styles {
    pub fn parse(xml: &[u8]) -> Result<Styles, DocxError> {
        let mut map = HashMap::new();
        let mut cur: Option<(String, Style)> = None;
        let mut in_ppr = false;
        walk(xml, |ev| match ev {
            Ev::Start("style", a) => {
                cur = attr(a, "styleId").map(|id| (id.to_owned(), Style::default()));
            }
            Ev::End("style") => {
                if let Some((id, s)) = cur.take() {
                    map.insert(id, s);
                }
            }
            Ev::Start("pPr", _) => in_ppr = true,
            Ev::End("pPr") => in_ppr = false,
            Ev::Start(name, a) => {
                let Some((_, s)) = cur.as_mut() else { return };
                let val = attr(a, "val");
                match name {
                    "name" => s.name = val.unwrap_or_default().to_lowercase(),
                    "basedOn" => s.based_on = val.map(str::to_owned),
                    "outlineLvl" if in_ppr => s.outline = val.and_then(|v| v.parse().ok()),
                    "numId" if in_ppr => {
                        let level = s.num.as_ref().map_or(0, |n| n.1);
                        s.num = val.map(|v| (v.to_owned(), level));
                    }
                    "ilvl" if in_ppr => {
                        let level = val.and_then(|v| v.parse().ok()).unwrap_or(0);
                        let id = s.num.take().map(|n| n.0).unwrap_or_default();
                        s.num = Some((id, level));
                    }
                    _ => {}
                }
            }
            _ => {}
        })?;
        Ok(Styles(map))
    }

    fn chain(&self, id: &str) -> impl Iterator<Item = &Style> {
        let mut next = Some(id.to_owned());
        let mut hops = 0;
        std::iter::from_fn(move || {
            let id = next.take()?;
            hops += 1;
            let s = self.0.get(&id).filter(|_| hops < 16)?;
            next = s.based_on.clone();
            Some(s)
        })
    }

    /// 0 for a title, 1–9 for headings, by name or outline level through `basedOn`.
    pub fn heading_level(&self, id: &str) -> Option<u8> {
        let lower = id.to_lowercase();
        if lower == "title" {
            return Some(0);
        }
        if let Some(n) = lower.strip_prefix("heading").and_then(|n| n.parse().ok()) {
            return Some(n);
        }
        self.chain(id).find_map(|s| {
            if s.name == "title" {
                Some(0)
            } else if let Some(n) = s.name.strip_prefix("heading ").and_then(|n| n.parse().ok()) {
                Some(n)
            } else {
                s.outline.map(|o| o + 1)
            }
        })
    }

    pub fn numbering(&self, id: &str) -> Option<(String, u8)> {
        self.chain(id).find_map(|s| s.num.clone())
    }
}

#[derive(Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: i64,
}

#[derive(Default)]
pub struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId to (abstractNumId, start overrides per level).
    nums: HashMap<String, (String, HashMap<u8, i64>)>,
    counters: HashMap<String, [i64; 10]>,
}

impl Numbering {
    pub fn parse(xml: &[u8]) -> Result<Numbering, DocxError> {
        let mut n = Numbering::default();
        let mut abs: Option<String> = None;
        let mut num: Option<String> = None;
        let mut level: Option<u8> = None;
        walk(xml, |ev| match ev {
            Ev::Start("abstractNum", a) => abs = attr(a, "abstractNumId").map(str::to_owned),
            Ev::End("abstractNum") => abs = None,
            Ev::Start("num", a) => num = attr(a, "numId").map(str::to_owned),
            Ev::End("num") => num = None,
            Ev::Start("lvl" | "lvlOverride", a) => {
                level = attr(a, "ilvl").and_then(|v| v.parse().ok())
            }
            Ev::Start(name, a) => {
                let val = attr(a, "val").unwrap_or_default();
                if let (Some(id), Some(l)) = (&abs, level) {
                    let lvl = n
                        .abstracts
                        .entry(id.clone())
                        .or_default()
                        .entry(l)
                        .or_insert(Level {
                            start: 1,
                            ..Level::default()
                        });
                    match name {
                        "numFmt" => lvl.format = val.to_owned(),
                        "lvlText" => lvl.text = val.to_owned(),
                        "start" => lvl.start = val.parse().unwrap_or(1),
                        _ => {}
                    }
                } else if let Some(id) = &num {
                    let entry = n.nums.entry(id.clone()).or_default();
                    match (name, level) {
                        ("abstractNumId", _) => entry.0 = val.to_owned(),
                        ("startOverride", Some(l)) => {
                            entry.1.insert(l, val.parse().unwrap_or(1));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        })?;
        Ok(n)
    }

    /// The marker of the next item of list `num` at `level`: "• ", "3. ", "b) "…
    pub fn marker(&mut self, num: &str, level: u8) -> String {
        let level = level.min(9);
        let Some((abs, overrides)) = self.nums.get(num) else {
            return "• ".to_owned();
        };
        let levels = self.abstracts.get(abs).cloned().unwrap_or_default();
        let start_of = |l: u8| {
            overrides
                .get(&l)
                .copied()
                .or(levels.get(&l).map(|v| v.start))
                .unwrap_or(1)
        };
        let starts: Vec<i64> = (0..10).map(start_of).collect();
        let counters = self.counters.entry(num.to_owned()).or_insert_with(|| {
            let mut c = [0; 10];
            for (i, s) in starts.iter().enumerate() {
                c[i] = s - 1;
            }
            c
        });
        counters[usize::from(level)] += 1;
        for l in usize::from(level) + 1..10 {
            counters[l] = starts[l] - 1;
        }
        let Some(def) = levels.get(&level) else {
            return "• ".to_owned();
        };
        match def.format.as_str() {
            "bullet" => return "• ".to_owned(),
            "none" => return String::new(),
            _ => {}
        }
        let mut text = if def.text.is_empty() {
            format!("%{}.", level + 1)
        } else {
            def.text.clone()
        };
        for l in 0..=level {
            let fmt = levels
                .get(&l)
                .map(|d| d.format.as_str())
                .unwrap_or("decimal");
            let value = format_number(counters[usize::from(l)].max(0), fmt);
            text = text.replace(&format!("%{}", l + 1), &value);
        }
        format!("{} ", text.trim())
    }
}

fn format_number(n: i64, format: &str) -> String {
    let letters = |upper: bool| {
        let mut n = n.max(1) - 1;
        let c = (b'a' + (n % 26) as u8) as char;
        n /= 26;
        let s: String = std::iter::repeat_n(c, n as usize + 1).collect();
        if upper { s.to_uppercase() } else { s }
    };
    match format {
        "lowerLetter" => letters(false),
        "upperLetter" => letters(true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

fn roman(mut n: i64) -> String {
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}
