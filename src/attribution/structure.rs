//! The shape of an article's prose that attribution reads: paragraphs, words, sentences that
//! survive abbreviations, and quotations (curly or straight, continued across paragraphs).
//! Offsets here are bytes into the article text; [`super::Engine`] converts at its edge.

use std::ops::Range;

use crate::text::sentence::takes_stop;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// `“`, or a straight `"` that opens.
    Open,
    /// `”`, or a straight `"` that closes.
    Close,
    /// Any other punctuation mark, one char.
    Mark(char),
}

#[derive(Debug, Clone)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: Kind,
    /// The word lower-cased, possessive and trailing full stop dropped ("Obama’s" → "obama").
    pub lower: String,
    pub capital: bool,
    /// Written with a possessive "’s" or "s’".
    pub possessive: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_mark(&self, c: char) -> bool {
        self.kind == Kind::Mark(c)
    }

    /// A comma, semicolon, colon, dash, bracket or quotation mark: where a phrase stops.
    pub fn is_break(&self) -> bool {
        !matches!(self.kind, Kind::Word | Kind::Mark('\'') | Kind::Mark('’'))
    }
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub paragraph: usize,
    /// Token indices into [`Prose::tokens`].
    pub tokens: Range<usize>,
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Quotation {
    pub paragraph: usize,
    /// From the opening mark to the closing mark, both included; to the end of the paragraph
    /// when the quotation runs on into the next one.
    pub range: Range<usize>,
    /// It was opened in an earlier paragraph (a paragraph that starts with “ and no close
    /// before, after an unclosed one).
    pub continued: bool,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub sentences: Range<usize>,
}

/// An article's text cut into the units attribution works on.
#[derive(Debug, Default)]
pub struct Prose {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    pub quotations: Vec<Quotation>,
}

impl Prose {
    pub fn new(text: &str) -> Self {
        let mut prose = Prose::default();
        let mut offset = 0;
        let mut open_from_before = false;
        for line in text.split('\n') {
            let start = offset;
            offset += line.len() + 1;
            if line.trim().is_empty() {
                continue;
            }
            let p = prose.paragraphs.len();
            let first_token = prose.tokens.len();
            tokenize(text, start..start + line.len(), &mut prose.tokens);
            let first_sentence = prose.sentences.len();
            split_sentences(&mut prose, p, first_token);
            open_from_before = find_quotations(&mut prose, p, first_token, open_from_before);
            prose.paragraphs.push(Paragraph {
                range: start..start + line.len(),
                sentences: first_sentence..prose.sentences.len(),
            });
        }
        prose
    }

    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= byte);
        (i < self.sentences.len() && self.sentences[i].range.start <= byte + 1).then_some(i)
    }

    pub fn quotation_around(&self, span: &Range<usize>) -> Option<usize> {
        let i = self
            .quotations
            .partition_point(|q| q.range.start <= span.start);
        (i > 0 && span.end <= self.quotations[i - 1].range.end).then(|| i - 1)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let line = &text[range.clone()];
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = range.start + i;
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let joins = matches!(d, '\'' | '’' | '-' | '.' | '/' | '&' | '‑')
                    && line[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char);
                if is_word_char(d) || joins {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // An abbreviation keeps its full stop, so the stop does not end the sentence.
            let word = &line[i..end];
            if line[end..].starts_with('.') && takes_stop(word) {
                end += 1;
                chars.next();
            }
            out.push(word_token(text, range.start + i..range.start + end));
            continue;
        }
        let kind = match c {
            '“' | '„' | '«' => Kind::Open,
            '”' | '»' => Kind::Close,
            '"' => {
                let before = line[..i].chars().next_back();
                if before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b)) {
                    Kind::Open
                } else {
                    Kind::Close
                }
            }
            other => Kind::Mark(other),
        };
        out.push(Token {
            range: at..at + c.len_utf8(),
            kind,
            lower: String::new(),
            capital: false,
            possessive: false,
        });
    }
}

fn word_token(text: &str, range: Range<usize>) -> Token {
    let word = &text[range.clone()];
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let mut lower = word.to_lowercase().replace('’', "'");
    if lower.len() > 2 && lower.ends_with('.') {
        lower.pop();
    }
    let possessive = lower.len() > 3 && (lower.ends_with("'s") || lower.ends_with("s'"));
    if lower.ends_with("'s") && possessive {
        lower.truncate(lower.len() - 2);
    } else if possessive {
        lower.pop();
    }
    Token {
        range,
        kind: Kind::Word,
        lower,
        capital,
        possessive,
    }
}

fn split_sentences(prose: &mut Prose, paragraph: usize, first: usize) {
    let tokens = &prose.tokens;
    let end = tokens.len();
    let mut start = first;
    let mut i = first;
    while i < end {
        let t = &tokens[i];
        // Words that took their stop ("Mr.", "U.S.") never end a sentence here.
        let stop = matches!(t.kind, Kind::Mark('.' | '!' | '?' | '…'));
        if stop {
            // Closing marks and brackets after the stop belong to this sentence.
            let mut j = i + 1;
            while j < end && matches!(tokens[j].kind, Kind::Close | Kind::Mark(')' | ']' | '’')) {
                j += 1;
            }
            let next_starts = j >= end
                || tokens[j].capital
                || tokens[j].kind == Kind::Open
                || tokens[j].lower.starts_with(|c: char| c.is_ascii_digit());
            if next_starts {
                prose.sentences.push(Sentence {
                    paragraph,
                    tokens: start..j,
                    range: tokens[start].range.start..tokens[j - 1].range.end,
                });
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < end {
        prose.sentences.push(Sentence {
            paragraph,
            tokens: start..end,
            range: tokens[start].range.start..tokens[end - 1].range.end,
        });
    }
}

/// Pairs quotation marks in paragraph `p`; returns whether a quotation is still open at its
/// end (a quotation that goes on in the next paragraph).
fn find_quotations(prose: &mut Prose, p: usize, first: usize, open_before: bool) -> bool {
    let tokens = &prose.tokens[first..];
    let Some(last) = tokens.last() else {
        return false;
    };
    let para_end = last.range.end;
    let mut open: Option<(usize, bool)> = None;
    // A paragraph that opens with a mark after an unclosed quotation continues it.
    let mut continued = open_before;
    for t in tokens {
        match t.kind {
            Kind::Open => {
                if let Some((start, c)) = open.take() {
                    // A stray opening mark: close what was open just before it.
                    prose.quotations.push(Quotation {
                        paragraph: p,
                        range: start..t.range.start,
                        continued: c,
                    });
                }
                open = Some((t.range.start, continued));
                continued = false;
            }
            Kind::Close => {
                if let Some((start, c)) = open.take() {
                    prose.quotations.push(Quotation {
                        paragraph: p,
                        range: start..t.range.end,
                        continued: c,
                    });
                }
            }
            _ => continued = false,
        }
    }
    if let Some((start, c)) = open {
        prose.quotations.push(Quotation {
            paragraph: p,
            range: start..para_end,
            continued: c,
        });
        return true;
    }
    false
}
