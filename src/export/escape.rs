//! Escaping user text for CommonMark so that it reads as the same words and never changes the
//! document's structure: no headings, lists, quotes, code, tables, links or HTML from user text.
//!
//! Escaping is minimal where it is safe (a reader may read the raw Markdown): characters that
//! are markup anywhere are always escaped; characters that are markup only at the start of a
//! line are escaped there.
//!
//! Renderers with GitHub's autolink extension (GitHub, GitLab, Obsidian, many mail clients)
//! also make links of bare addresses: `https://…`, `www.…` and `name@host.org`. One escape
//! breaks each pattern without changing what is read: the `:` before `//`, the `.` after a
//! word-initial `www`, the `@` of an address (and the `:` of `mailto:` / `xmpp:`).

/// Characters that are markup wherever they stand (CommonMark and the common extensions:
/// tables, strikethrough, math).
fn always_escaped(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '$'
    )
}

/// Escapes one line of user text (no newlines inside).
fn escape_line(line: &str) -> String {
    let line = line.trim();
    // Most lines hold nothing to escape: copy them without looking char by char twice.
    let plain = !line.starts_with(|c: char| matches!(c, '-' | '+' | '=') || c.is_ascii_digit())
        && !line.bytes().any(|b| {
            // Every escaped char is ASCII; 0xC2 leads the C1 control chars (and others,
            // which then take the careful path).
            b < 0x20
                || b == 0x7F
                || b == 0xC2
                || b == b'&'
                || b == b'@'
                || always_escaped(char::from(b))
        })
        && !may_autolink(line);
    if plain {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 8);
    // Control chars read as spaces, and are trimmed as such: "\u{1}+" must not become a line
    // starting " +", a list item (found by fuzzing).
    let visible: String = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars: Vec<char> = visible.trim().chars().collect();
    // A list, setext-underline or thematic-break marker only counts at the start of a line.
    let mut start_escape_at = None;
    match chars.first() {
        Some('-' | '+' | '=') => start_escape_at = Some(0),
        Some(c) if c.is_ascii_digit() => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits <= 9 && matches!(chars.get(digits), Some('.' | ')')) {
                start_escape_at = Some(digits);
            }
        }
        _ => {}
    }
    for (i, &c) in chars.iter().enumerate() {
        if always_escaped(c)
            || start_escape_at == Some(i)
            || (c == '&' && looks_like_entity(&chars[i + 1..]))
            || starts_autolink(&chars, i)
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A quick look for what [`starts_autolink`] looks for (`@` is checked with the markup).
fn may_autolink(line: &str) -> bool {
    let bytes = line.as_bytes();
    // Each needle is looked for only where its first letter is: most lines have few.
    let has = |needle: &[u8]| {
        bytes.iter().enumerate().any(|(i, b)| {
            b.eq_ignore_ascii_case(&needle[0])
                && bytes
                    .get(i..i + needle.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
    };
    let colon = bytes.contains(&b':');
    (colon && (line.contains("://") || has(b"mailto:") || has(b"xmpp:")))
        || (bytes.contains(&b'.') && has(b"www."))
}

/// Whether the char at `i` is the one to escape so that a GFM renderer makes no link here.
fn starts_autolink(chars: &[char], i: usize) -> bool {
    let word_char = |c: &char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+');
    match chars[i] {
        // scheme://… (http, https, ftp, and any other a renderer may accept)
        ':' if chars[i + 1..].starts_with(&['/', '/']) => {
            i > 0 && chars[i - 1].is_ascii_alphanumeric()
        }
        // mailto:… and xmpp:…
        ':' => {
            let before: String = chars[..i].iter().rev().take(6).collect();
            let scheme: String = before.chars().rev().collect::<String>().to_lowercase();
            scheme.ends_with("mailto") || scheme.ends_with("xmpp")
        }
        // www.… where "www" starts a word
        '.' => {
            i >= 3
                && chars[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w'))
                && (i == 3 || !chars[i - 4].is_alphanumeric())
        }
        // name@…: an address, whatever follows (renderers accept odd hosts such as "p@.D"),
        // not a lone "@handle"
        '@' => i > 0 && word_char(&chars[i - 1]),
        _ => false,
    }
}

/// `&amp;`, `&#38;`, `&#x26;`: text that a renderer would turn into another character.
fn looks_like_entity(after: &[char]) -> bool {
    let body = after.iter().take(34).take_while(|c| **c != ';');
    let body: Vec<char> = body.copied().collect();
    let closed = after.get(body.len()) == Some(&';');
    closed
        && !body.is_empty()
        && body
            .iter()
            .enumerate()
            .all(|(i, c)| c.is_ascii_alphanumeric() || (i == 0 && *c == '#'))
}

/// User text for a place that holds one line (a heading, a list item, a table cell):
/// line breaks become spaces.
pub fn inline(text: &str) -> String {
    // Most text is words and single spaces already: no need to split and join it.
    let single_spaced =
        !text.contains("  ") && !text.chars().any(|c| c.is_whitespace() && c != ' ');
    if single_spaced {
        return escape_line(text);
    }
    let joined: Vec<&str> = text.split_whitespace().collect();
    escape_line(&joined.join(" "))
}

/// User text as Markdown paragraphs: blank lines separate paragraphs, and single line breaks
/// are kept as hard breaks. Returns the lines (blank ones included) to emit.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for para in split_paragraphs(text) {
        if !out.is_empty() {
            out.push(String::new());
        }
        let lines: Vec<String> = para.iter().map(|l| escape_line(l)).collect();
        let last = lines.len() - 1;
        for (i, line) in lines.into_iter().enumerate() {
            out.push(if i < last { format!("{line}\\") } else { line });
        }
    }
    out
}

/// Paragraphs of non-blank, trimmed lines.
fn split_paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut paras = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        // Control chars print as spaces, so a line of them and spaces is blank (a line that
        // escapes to nothing inside a paragraph would leave a stray "\\"; found by fuzzing).
        if line.chars().all(|c| c.is_control() || c.is_whitespace()) {
            if !current.is_empty() {
                paras.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paras.push(current);
    }
    paras
}

/// A quote within its sentence as Markdown lines, the quote in bold: `before`, `quote` and
/// `after` are consecutive article text. Each paragraph's share of the quote is bolded on
/// its own, since emphasis cannot span paragraphs.
pub fn marked(before: &str, quote: &str, after: &str) -> Vec<String> {
    // Paragraph by paragraph: (text, bold) runs, split where the article breaks lines.
    let mut paras: Vec<Vec<(&str, bool)>> = vec![Vec::new()];
    for (part, bold) in [(before, false), (quote, true), (after, false)] {
        for (i, piece) in part.split('\n').enumerate() {
            if i > 0 {
                paras.push(Vec::new());
            }
            if let Some(p) = paras.last_mut() {
                p.push((piece, bold));
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for runs in paras {
        let mut line = String::with_capacity(before.len() + quote.len() + after.len() + 8);
        for (text, bold) in runs {
            let visible = text.chars().any(|c| !c.is_whitespace() && !c.is_control());
            if !visible {
                if !text.is_empty() && !line.ends_with(' ') && !line.is_empty() {
                    line.push(' ');
                }
                continue;
            }
            // Spaces at a run's ends stay outside the ** (inside, they stop it being bold).
            if text.starts_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
                line.push(' ');
            }
            let body = inline(text);
            if bold {
                line.push_str("**");
                line.push_str(&body);
                line.push_str("**");
            } else {
                line.push_str(&body);
            }
            if text.ends_with(char::is_whitespace) {
                line.push(' ');
            }
        }
        let line = line.trim().to_owned();
        // One blank line between paragraphs, none before the first.
        if !line.is_empty() || out.last().is_some_and(|l| !l.is_empty()) {
            out.push(line);
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// A URL as a link when it is a plain web address; otherwise as inert text.
pub fn url(u: &str) -> String {
    let u = u.trim();
    let lower = u.to_ascii_lowercase();
    let safe = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>'));
    if safe { format!("<{u}>") } else { inline(u) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_bold_within_its_sentence_and_paragraphs() {
        assert_eq!(
            marked("He said ", "*great* progress", ", then left."),
            vec!["He said **\\*great\\* progress**, then left."]
        );
        // Spaces at the quote's ends go outside the bold markers, which would not bold.
        assert_eq!(marked("One", " two ", "three"), vec!["One **two** three"]);
        assert_eq!(
            marked("", "First para.\n\nSecond", " one."),
            vec!["**First para.**", "", "**Second** one."]
        );
        assert_eq!(
            marked("1. Not a list: ", "x", ""),
            vec!["1\\. Not a list: **x**"]
        );
    }

    #[test]
    fn line_start_markers_are_neutralised() {
        assert_eq!(inline("# Title"), "\\# Title");
        assert_eq!(inline("1. first"), "1\\. first");
        assert_eq!(inline("2024) x"), "2024\\) x");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("=== "), "\\===");
        assert_eq!(
            inline("a - b 1. c"),
            "a - b 1. c",
            "mid-line markers are text"
        );
    }

    #[test]
    fn entities_are_escaped_but_plain_ampersands_are_not() {
        assert_eq!(
            inline("&amp; &#38; AT&T R&D x"),
            "\\&amp; \\&\\#38; AT&T R&D x"
        );
    }

    #[test]
    fn paragraphs_keep_breaks() {
        assert_eq!(paragraphs("a\nb\n\n\nc"), vec!["a\\", "b", "", "c"]);
    }

    #[test]
    fn bare_addresses_are_not_autolinks() {
        assert_eq!(
            inline("see https://evil.example/x"),
            "see https\\://evil.example/x"
        );
        assert_eq!(inline("(www.evil.example)"), "(www\\.evil.example)");
        assert_eq!(inline("mail a.b@evil.example"), "mail a.b\\@evil.example");
        assert_eq!(inline("mailto:x"), "mailto\\:x");
        assert_eq!(
            inline("Note: @handle and awww.x"),
            "Note: @handle and awww.x"
        );
    }

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(
            url("https://example.com/a?b=c"),
            "<https://example.com/a?b=c>"
        );
        assert_eq!(url("javascript:alert(1)"), "javascript:alert(1)");
    }
}
