//! A page's DOM as readable plain text: paragraphs and headings apart, list items on their
//! own lines with bullets or numbers (as the Markdown reader does), table cells joined with
//! " | ", and whitespace collapsed the way a browser shows it.

use dom_query::NodeRef;

/// Elements whose content is never shown as text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "button", "select", "input",
    "textarea", "iframe", "object", "embed", "canvas", "audio", "video", "map", "datalist",
    "dialog",
];

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "main",
    "nav",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Para,
}

struct Writer {
    out: String,
    pending: Break,
    /// A list item's bullet, written with its first text so that empty items leave nothing.
    prefix: Option<String>,
    /// One entry per open list: the next number of an `<ol>`, `None` for bullets.
    lists: Vec<Option<i64>>,
    pre: usize,
    first_cell: bool,
}

/// The visible text of `node` and everything in it.
pub fn node_text(node: &NodeRef) -> String {
    let mut w = Writer {
        out: String::new(),
        pending: Break::None,
        prefix: None,
        lists: Vec::new(),
        pre: 0,
        first_cell: true,
    };
    w.walk(node);
    tidy(&w.out)
}

/// Whether the page hides this element from readers.
fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

impl Writer {
    fn request(&mut self, b: Break) {
        self.pending = self.pending.max(b);
    }

    fn block_break(&self) -> Break {
        // Inside a list, a paragraph stays on its item's lines.
        if self.lists.is_empty() {
            Break::Para
        } else {
            Break::Line
        }
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            match self.pending {
                Break::None => {}
                Break::Space => {
                    if !self.out.ends_with([' ', '\n']) {
                        self.out.push(' ');
                    }
                }
                Break::Line => self.out.push('\n'),
                Break::Para => self.out.push_str("\n\n"),
            }
        }
        self.pending = Break::None;
        if let Some(p) = self.prefix.take() {
            self.out.push_str(&p);
        }
    }

    fn text(&mut self, s: &str) {
        if self.pre > 0 {
            if !s.is_empty() {
                self.flush();
                self.out.push_str(s);
            }
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() {
                self.request(Break::Space);
            } else {
                if self.pending != Break::None || self.prefix.is_some() {
                    self.flush();
                }
                self.out.push(c);
            }
        }
    }

    fn walk(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.text(&node.text());
            return;
        }
        if !node.is_element() && !node.is_document() {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || (node.is_element() && is_hidden(node)) {
            return;
        }
        match name.as_str() {
            "br" => {
                self.request(Break::Line);
                return;
            }
            "hr" => {
                self.request(Break::Para);
                return;
            }
            "ul" | "ol" | "menu" => {
                let start = node
                    .attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                let b = self.block_break();
                self.request(b);
                self.lists.push((name == "ol").then_some(start));
                self.children(node);
                self.lists.pop();
                let b = self.block_break();
                self.request(b);
                return;
            }
            "li" => {
                self.request(Break::Line);
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "• ".to_owned(),
                };
                self.prefix = Some(format!("{}{marker}", "  ".repeat(depth)));
                self.children(node);
                self.prefix = None;
                self.request(Break::Line);
                return;
            }
            "tr" => {
                self.request(Break::Line);
                self.first_cell = true;
                self.children(node);
                self.request(Break::Line);
                return;
            }
            "td" | "th" => {
                if !self.first_cell {
                    self.flush();
                    if !self.out.is_empty() && !self.out.ends_with('\n') {
                        self.out.push_str(" | ");
                    }
                }
                self.first_cell = false;
                self.children(node);
                return;
            }
            _ => {}
        }
        let block = BLOCKS.contains(&name.as_str());
        if block {
            let b = self.block_break();
            self.request(b);
        }
        if name == "pre" {
            self.pre += 1;
        }
        self.children(node);
        if name == "pre" {
            self.pre -= 1;
        }
        if block {
            let b = self.block_break();
            self.request(b);
        }
    }

    fn children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            self.walk(&child);
        }
    }
}

/// Trailing spaces off every line, at most one blank line in a row, no blank ends.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for line in raw.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn text(html: &str) -> String {
        let doc = Document::from(html);
        node_text(&doc.root())
    }

    #[test]
    fn paragraphs_headings_and_inline_markup() {
        assert_eq!(
            text(
                "<h1>Title</h1><p>One <b>bold</b>\n  word<a href=x>s</a>.</p><p>Two&nbsp;&amp; three</p>"
            ),
            "Title\n\nOne bold words.\n\nTwo & three"
        );
    }

    #[test]
    fn lists_tables_and_breaks() {
        assert_eq!(
            text(
                "<p>Intro</p><ul><li>one</li><li><p>two</p><ol start=3><li>a<li>b</ol></li><li></li></ul><p>line<br>break</p>"
            ),
            "Intro\n\n• one\n• two\n  3. a\n  4. b\n\nline\nbreak"
        );
        assert_eq!(
            text(
                "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>A</td><td>12</td></tr></table>"
            ),
            "Party | Seats\nA | 12"
        );
    }

    #[test]
    fn preformatted_text_keeps_its_lines_and_hidden_or_script_text_goes() {
        assert_eq!(
            text(
                "<pre>a  b\n  c</pre><script>var x=1</script><p hidden>no</p><p style='display: none'>no</p><p aria-hidden=true>no</p><p>yes</p>"
            ),
            "a  b\n  c\n\nyes"
        );
    }
}
