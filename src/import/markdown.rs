//! Markdown as readable plain text (pulldown-cmark): the markup goes, the structure stays.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Markdown as readable plain text: headings and paragraphs as paragraphs, list items with
/// bullets or numbers, markup and HTML removed. Returns the first heading as a title.
pub fn markdown_to_text(md: &str) -> (Option<String>, String) {
    let mut out = String::new();
    let mut title: Option<(HeadingLevel, String)> = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut cell = 0usize;
    let break_block = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                break_block(&mut out);
                heading = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, h)) = heading.take() {
                    // The first level-1 heading, else the first heading of any level.
                    let have_h1 = title.as_ref().is_some_and(|(l, _)| *l == HeadingLevel::H1);
                    if title.is_none() || (level == HeadingLevel::H1 && !have_h1) {
                        title = Some((level, h.trim().to_owned()));
                    }
                }
                break_block(&mut out);
            }
            // Inside a list, blocks stay on the item's line.
            Event::Start(
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_),
            )
            | Event::End(
                TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::BlockQuote(_) | TagEnd::Table,
            ) if lists.is_empty() => break_block(&mut out),
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    break_block(&mut out);
                }
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    break_block(&mut out);
                }
            }
            Event::Start(Tag::Item) => {
                let trimmed = out.trim_end_matches(' ').len();
                out.truncate(trimmed);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("• "),
                }
            }
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                cell = 0;
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            Event::Start(Tag::TableCell) => {
                if cell > 0 {
                    out.push_str(" | ");
                }
                cell += 1;
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                out.push_str(&t);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => break_block(&mut out),
            _ => {}
        }
    }
    let text = out.trim().to_owned();
    (title.map(|(_, t)| t).filter(|t| !t.is_empty()), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_structure_as_plain_text() {
        let md = "# Kremlin call\n\nThe *call* lasted [an hour](http://x).\nBoth sides said so.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted <b>words</b>\n\n## Later\n\nEnd.";
        let (title, text) = markdown_to_text(md);
        assert_eq!(title.as_deref(), Some("Kremlin call"));
        assert_eq!(
            text,
            "Kremlin call\n\nThe call lasted an hour. Both sides said so.\n\n• one\n• two\n\n1. first\n2. second\n\nquoted words\n\nLater\n\nEnd."
        );
    }
}
