//! Word-level F1, as `../shared/testdata/documents/README.md` scores import: lower-cased
//! `\w+` words (letters, digits, `_`), each CJK character a word of its own, compared as
//! multisets. Shared by the import evaluations.
#![allow(dead_code)]

use std::collections::HashMap;

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3040..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || matches!(c as u32, 0x0300..=0x036F)
}

pub fn words(s: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    let mut word = String::new();
    for c in s.chars() {
        if is_cjk(c) || !is_word_char(c) {
            if !word.is_empty() {
                *bag.entry(std::mem::take(&mut word)).or_insert(0) += 1;
            }
            if is_cjk(c) {
                *bag.entry(c.to_string()).or_insert(0) += 1;
            }
        } else {
            word.extend(c.to_lowercase());
        }
    }
    if !word.is_empty() {
        *bag.entry(word).or_insert(0) += 1;
    }
    bag
}

/// 1 when both texts have no words, 0 when only one has none.
pub fn f1(got: &str, expected: &str) -> f64 {
    let (g, e) = (words(got), words(expected));
    let (gn, en) = (g.values().sum::<usize>(), e.values().sum::<usize>());
    if gn == 0 || en == 0 {
        return if gn == en { 1.0 } else { 0.0 };
    }
    let common: usize = g
        .iter()
        .map(|(w, n)| (*n).min(e.get(w).copied().unwrap_or(0)))
        .sum();
    let (p, r) = (common as f64 / gn as f64, common as f64 / en as f64);
    if common == 0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
