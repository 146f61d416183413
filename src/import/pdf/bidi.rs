//! Right-to-left text. A PDF draws glyphs left to right as they appear, so a line of Arabic
//! or Hebrew comes out of the page backwards, and Arabic often as presentation forms (the
//! shaped initial, medial and final letters). Each line is put back in reading order and
//! the shaped forms back into letters, so the text can be searched and quoted.

use unicode_normalization::UnicodeNormalization;

pub fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x05FF | 0x0600..=0x06FF | 0x0700..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Letters and digits that run left to right, inside right-to-left text: "12.5", "U.S.".
fn is_ltr(c: char) -> bool {
    c.is_alphanumeric() && !is_rtl(c)
}

fn shaped(c: char) -> bool {
    matches!(c as u32,
        0xFB00..=0xFDFF | 0xFE10..=0xFE19 | 0xFE30..=0xFE4F | 0xFE70..=0xFEFF)
}

/// Presentation forms (Arabic shaped letters, Hebrew and Latin ligatures such as "ﬁ", the
/// vertical forms of CJK punctuation such as "︒") as the characters they stand for.
pub fn unshaped(text: &str) -> Option<String> {
    text.chars().any(shaped).then(|| {
        text.chars()
            .flat_map(|c| {
                let v: Vec<char> = if shaped(c) {
                    std::iter::once(c).nfkc().collect()
                } else {
                    vec![c]
                };
                v
            })
            .collect()
    })
}

fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        c => c,
    }
}

/// Whether a line in reading order is mostly in a right-to-left script (and so aligned and
/// indented from the right).
pub fn mostly_rtl(text: &str) -> bool {
    let rtl = text.chars().filter(|&c| is_rtl(c)).count();
    rtl > 0 && rtl >= text.chars().filter(|&c| is_ltr(c)).count()
}

/// A line as drawn (left to right) in reading order. A line mostly in a right-to-left script
/// is read right to left, with its runs of Latin letters and digits kept as they are; in a
/// left-to-right line, each right-to-left phrase is turned round.
pub fn logical(visual: &str) -> Option<String> {
    let rtl = visual.chars().filter(|&c| is_rtl(c)).count();
    if rtl == 0 {
        return None;
    }
    let ltr = visual.chars().filter(|&c| is_ltr(c)).count();
    let chars: Vec<char> = visual.chars().collect();
    if rtl >= ltr {
        let mut out: Vec<char> = chars.iter().rev().map(|&c| mirrored(c)).collect();
        // Runs of left-to-right letters and digits, with the marks between them, read as drawn.
        let mut i = 0;
        while i < out.len() {
            if !is_ltr(out[i]) {
                i += 1;
                continue;
            }
            let mut end = i;
            let mut j = i;
            while j < out.len() && (is_ltr(out[j]) || (!is_rtl(out[j]) && !out[j].is_whitespace()))
            {
                if is_ltr(out[j]) {
                    end = j;
                }
                j += 1;
            }
            out[i..=end].reverse();
            for c in &mut out[i..=end] {
                *c = mirrored(*c);
            }
            i = end + 1;
        }
        return Some(out.into_iter().collect());
    }
    let mut out = chars.clone();
    let mut i = 0;
    while i < out.len() {
        if !is_rtl(out[i]) {
            i += 1;
            continue;
        }
        // A right-to-left phrase: its letters and the spaces and marks between them.
        let mut end = i;
        let mut j = i;
        while j < out.len() && !is_ltr(out[j]) {
            if is_rtl(out[j]) {
                end = j;
            }
            j += 1;
        }
        out[i..=end].reverse();
        i = end + 1;
    }
    Some(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_order_becomes_reading_order() {
        // "وزير الخارجية" drawn left to right: the last letter first.
        let drawn: String = "وزير الخارجية".chars().rev().collect();
        assert_eq!(logical(&drawn).as_deref(), Some("وزير الخارجية"));
        // Digits and Latin inside Arabic keep their own order.
        let drawn: String = format!(
            "{} 12 {}",
            "عضوا".chars().rev().collect::<String>(),
            "سيضم".chars().rev().collect::<String>()
        );
        assert_eq!(logical(&drawn).as_deref(), Some("سيضم 12 عضوا"));
        // An Arabic phrase in an English line.
        let drawn = format!(
            "The sign read {} today",
            "مرحبا بكم".chars().rev().collect::<String>()
        );
        assert_eq!(
            logical(&drawn).as_deref(),
            Some("The sign read مرحبا بكم today")
        );
        assert_eq!(logical("plain English"), None);
        assert_eq!(unshaped("ﺍﻟﻮﺯﻳﺮ ﬁ").as_deref(), Some("الوزير fi"));
    }
}
