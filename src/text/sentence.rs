//! The sentence around a quote, so that a reader who never saw the article knows what was
//! claimed: "…according to several people…" alone says little.

use std::ops::Range;

use super::TextIndex;

/// At most this many chars are taken on either side of a quote.
const MAX_SIDE: usize = 300;

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "st", "mt", "ft", "rev",
];

/// Whether a word written before a full stop keeps the stop as its own ("Mr.", "U.S.", an
/// initial "J.") rather than ending a sentence with it.
pub fn takes_stop(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// The text before and after a quote, out to the bounds of its sentence(s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub before: String,
    pub after: String,
    /// The sentence went on past [`MAX_SIDE`] chars before the quote.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The rest of the sentence around `range`; empty sides when the quote is a whole sentence.
/// Never crosses a paragraph break.
pub fn sentence_around(index: &TextIndex, range: Range<usize>) -> Context {
    let text = index.text();
    let (Some(start), Some(end)) = (index.byte_of(range.start), index.byte_of(range.end)) else {
        return Context {
            before: String::new(),
            after: String::new(),
            cut_before: false,
            cut_after: false,
        };
    };
    let (before, cut_before) = back_to_sentence_start(&text[..start]);
    let (after, cut_after) = on_to_sentence_end(&text[end..]);
    Context {
        before: before.to_owned(),
        after: after.to_owned(),
        cut_before,
        cut_after,
    }
}

/// Whether a `.`, `!` or `?` ending `head` ends a sentence (given what follows it).
fn ends_sentence(head: &str, next: Option<char>) -> bool {
    if !next.is_none_or(char::is_whitespace) {
        return false;
    }
    let head = head.trim_end_matches(closers);
    let Some(stop) = head.chars().last() else {
        return false;
    };
    match stop {
        '!' | '?' | '。' | '！' | '？' => true,
        '.' => {
            let word = head[..head.len() - 1]
                .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
                .next()
                .unwrap_or("");
            !takes_stop(word)
        }
        _ => false,
    }
}

/// Closing quotes and brackets that may follow a sentence's final stop.
fn closers(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』')
}

fn back_to_sentence_start(head: &str) -> (&str, bool) {
    let mut taken = 0;
    for (i, c) in head.char_indices().rev() {
        if c == '\n' {
            return (&head[i + 1..], false);
        }
        if c.is_whitespace() && ends_sentence(&head[..i], Some(c)) {
            return (head[i..].trim_start(), false);
        }
        if matches!(c, '。' | '！' | '？') {
            return (&head[i + c.len_utf8()..], false);
        }
        taken += 1;
        if taken >= MAX_SIDE {
            return (cut_at_word(&head[i..], true), true);
        }
    }
    (head, false)
}

fn on_to_sentence_end(tail: &str) -> (&str, bool) {
    let mut taken = 0;
    let mut chars = tail.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            return (&tail[..i], false);
        }
        let end = i + c.len_utf8();
        let next = chars.peek().map(|(_, n)| *n);
        let stop = matches!(c, '.' | '!' | '?' | '。' | '！' | '？') || closers(c);
        if stop && !next.is_some_and(closers) && ends_sentence(&tail[..end], next) {
            return (&tail[..end], false);
        }
        if stop && matches!(c, '。' | '！' | '？') && !next.is_some_and(closers) {
            return (&tail[..end], false);
        }
        taken += 1;
        if taken >= MAX_SIDE {
            return (cut_at_word(&tail[..end], false), true);
        }
    }
    (tail, false)
}

/// Drops a part-word at the cut end, so the context starts or stops at a word.
fn cut_at_word(s: &str, from_front: bool) -> &str {
    if from_front {
        s.find(char::is_whitespace)
            .map_or(s, |i| s[i..].trim_start())
    } else {
        s.rfind(char::is_whitespace)
            .map_or(s, |i| s[..i].trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, quote: &str) -> (String, String) {
        let index = TextIndex::new(text);
        let b = text.find(quote).unwrap();
        let range = index.char_of(b).unwrap()..index.char_of(b + quote.len()).unwrap();
        let c = sentence_around(&index, range);
        (c.before, c.after)
    }

    #[test]
    fn the_sentence_around_a_quote_and_no_more() {
        let text = "The call lasted an hour. According to The New York Times, Putin would be \
                    open to talks, according to several people. Mr. Trump said “great \
                    progress.” He left.\n\nNext paragraph.";
        assert_eq!(
            around(text, "Putin would be open to talks"),
            (
                "According to The New York Times, ".to_owned(),
                ", according to several people.".to_owned()
            )
        );
        assert_eq!(
            around(text, "great"),
            ("Mr. Trump said “".to_owned(), " progress.”".to_owned()),
            "“Mr.” does not end a sentence; the closing quote stays with it"
        );
        assert_eq!(around(text, "He left."), (String::new(), String::new()));
        assert_eq!(
            around(text, "Next"),
            (String::new(), " paragraph.".to_owned())
        );
        assert_eq!(
            around("Sen. J. Smith of the U.S. said so. End", "said so"),
            ("Sen. J. Smith of the U.S. ".to_owned(), ".".to_owned())
        );
        assert_eq!(
            around("会谈持续了。近三个小时。好", "三个"),
            ("近".to_owned(), "小时。".to_owned())
        );
    }

    #[test]
    fn a_sentence_without_end_is_cut_at_a_word() {
        let long = "word ".repeat(200);
        let text = format!("{long}QUOTE {long}");
        let index = TextIndex::new(&text);
        let b = text.find("QUOTE").unwrap();
        let c = sentence_around(&index, b..b + 5);
        assert!(c.cut_before && c.cut_after);
        assert!(c.before.starts_with("word") && c.before.chars().count() <= MAX_SIDE);
        assert!(c.after.ends_with("word") && c.after.chars().count() <= MAX_SIDE);
    }
}
