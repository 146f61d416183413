//! A saved web page as an article: the main text (found by dom_smoothie, a port of Mozilla
//! Readability) and the page's metadata. Nothing is fetched: the page is only parsed, so its
//! images, scripts and links are never loaded.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::html_text::node_text;
use crate::model::{ArticleMeta, Published};

/// Real pages nest a few dozen levels; parsers slow down quadratically with depth and some
/// recurse, so a deeper page is refused before it is parsed.
pub const MAX_NESTING: usize = 512;
/// Far more elements than any article page (a 1 MB news page has about 15,000).
pub const MAX_ELEMENTS: usize = 300_000;
/// Below this many words, and not found readable, what was extracted is page furniture.
const MIN_ARTICLE_WORDS: usize = 50;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HtmlError {
    #[error("its markup is nested {depth} levels deep (more than {MAX_NESTING})")]
    TooDeep { depth: usize },
    #[error("it has more than {MAX_ELEMENTS} elements")]
    TooManyElements,
    #[error("no article was found in it")]
    NoArticle,
}

/// What a page yields: its text and what it says about itself. The title may be empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub meta: ArticleMeta,
    pub text: String,
}

/// The page's main article, or with `whole_page` all of its visible text.
pub fn extract(html: &str, whole_page: bool) -> Result<Page, HtmlError> {
    let shape = shape(html, MAX_NESTING, MAX_ELEMENTS);
    if shape.depth > MAX_NESTING {
        return Err(HtmlError::TooDeep { depth: shape.depth });
    }
    if shape.elements > MAX_ELEMENTS {
        return Err(HtmlError::TooManyElements);
    }
    let doc = Document::from(html);
    let own = OwnMeta::read(&doc);
    if whole_page {
        let text = node_text(&doc.root());
        return Ok(Page {
            meta: own.into_meta(),
            text,
        });
    }
    let cfg = Config {
        text_mode: TextMode::Raw,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability =
        Readability::with_document(doc, None, Some(cfg)).map_err(|_| HtmlError::NoArticle)?;
    let readable = readability.is_probably_readable();
    let article = readability.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(..) => HtmlError::TooManyElements,
        _ => HtmlError::NoArticle,
    })?;
    let content = Document::from(article.content.as_ref());
    let text = node_text(&content.root());
    if !readable && text.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(HtmlError::NoArticle);
    }
    let url = own
        .url
        .clone()
        .or_else(|| article.url.as_deref().and_then(web_url));
    let published = article
        .published_time
        .as_deref()
        .and_then(Published::parse_lenient)
        .or(own.published);
    let outlet = article
        .site_name
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .or_else(|| own.title_suffix(&article.title))
        .or_else(|| url.as_deref().and_then(host))
        .unwrap_or_default();
    let meta = ArticleMeta {
        title: clean(&article.title),
        outlet,
        author: article.byline.as_deref().map(byline).unwrap_or_default(),
        url: url.unwrap_or_default(),
        published,
        language: article
            .lang
            .as_deref()
            .map(clean)
            .filter(|s| !s.is_empty())
            .or(own.language)
            .unwrap_or_default(),
        reliability: None,
    };
    Ok(Page { meta, text })
}

/// Metadata dom_smoothie does not give: the canonical URL, dates in `<time>`, and the
/// language where `<html lang>` is missing.
#[derive(Debug, Default)]
struct OwnMeta {
    url: Option<String>,
    published: Option<Published>,
    language: Option<String>,
    site_name: Option<String>,
    /// The `<title>` element, which often adds the site's name to the headline.
    page_title: Option<String>,
}

impl OwnMeta {
    fn read(doc: &Document) -> Self {
        let first_attr = |selector: &str, attr: &str| -> Option<String> {
            doc.select(selector)
                .nodes()
                .iter()
                .filter_map(|n| n.attr(attr))
                .map(|v| clean(&v))
                .find(|v| !v.is_empty())
        };
        let url = first_attr("link[rel~=canonical]", "href")
            .and_then(|u| web_url(&u))
            .or_else(|| first_attr("meta[property='og:url']", "content").and_then(|u| web_url(&u)));
        let published = [
            first_attr("meta[property='article:published_time']", "content"),
            first_attr("[itemprop~=datePublished]", "datetime"),
            first_attr("[itemprop~=datePublished]", "content"),
            first_attr("meta[name=date], meta[name=pubdate], meta[name='dc.date'], meta[name='DC.date.issued'], meta[name='dcterms.created']", "content"),
            first_attr("time[datetime]", "datetime"),
        ]
        .into_iter()
        .flatten()
        .find_map(|s| Published::parse_lenient(&s));
        let language = first_attr("html", "lang")
            .or_else(|| first_attr("meta[http-equiv='content-language' i]", "content"))
            .or_else(|| first_attr("meta[property='og:locale']", "content"))
            .map(|l| l.replace('_', "-"));
        let site_name = first_attr("meta[property='og:site_name']", "content");
        let page_title = doc
            .select("title")
            .nodes()
            .first()
            .map(|t| clean(&t.text()))
            .filter(|t| !t.is_empty());
        Self {
            url,
            published,
            language,
            site_name,
            page_title,
        }
    }

    /// "Headline | Site" (or "Site - Headline") names the site when nothing else does.
    fn title_suffix(&self, headline: &str) -> Option<String> {
        const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " / "];
        let page = self.page_title.as_deref()?;
        let headline = clean(headline);
        if headline.is_empty() || page == headline {
            return None;
        }
        let rest = if let Some(r) = page.strip_prefix(headline.as_str()) {
            SEPARATORS.iter().find_map(|s| r.strip_prefix(s))
        } else {
            let r = page.strip_suffix(headline.as_str())?;
            SEPARATORS.iter().find_map(|s| r.strip_suffix(s))
        }?;
        let rest = rest.trim();
        (!rest.is_empty() && rest.chars().count() <= 60).then(|| rest.to_owned())
    }

    fn into_meta(self) -> ArticleMeta {
        let outlet = self
            .site_name
            .or_else(|| self.url.as_deref().and_then(host))
            .unwrap_or_default();
        ArticleMeta {
            title: self.page_title.unwrap_or_default(),
            outlet,
            url: self.url.unwrap_or_default(),
            published: self.published,
            language: self.language.unwrap_or_default(),
            ..ArticleMeta::default()
        }
    }
}

/// Whitespace (line breaks from the markup included) collapsed to single spaces.
fn clean(s: &str) -> String {
    crate::text::one_line(s)
}

/// "By Erin Cunningham" is the author Erin Cunningham.
fn byline(s: &str) -> String {
    let s = clean(s);
    match s.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => s[3..].trim_start().to_owned(),
        _ => s,
    }
}

/// Only absolute web addresses are kept: a relative one means nothing once saved.
fn web_url(u: &str) -> Option<String> {
    let u = u.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| u.to_owned())
}

/// "https://www.example.com/a" → "example.com".
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty()).then_some(host)
}

/// How big a page's element tree is, found by a scan of the tags without parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Deepest nesting, counting only tags a parser keeps open: void elements and those
    /// closed implicitly, such as `<p>` and `<li>`, do not count.
    pub depth: usize,
    /// Start tags.
    pub elements: usize,
}

/// The page's [`Shape`]; the scan stops early once past either limit.
pub fn shape(html: &str, max_depth: usize, max_elements: usize) -> Shape {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen",
    ];
    const IMPLIED: &[&str] = &[
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
        "colgroup", "rb", "rt", "rtc", "rp", "html", "head", "body",
    ];
    const RAW: &[&str] = &[
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "plaintext",
    ];
    let b = html.as_bytes();
    let (mut i, mut depth, mut max, mut elements) = (0usize, 0usize, 0usize, 0usize);
    // `<x/>` closes only inside SVG and MathML; elsewhere parsers leave it open.
    let mut foreign = 0usize;
    let find_from = |from: usize, needle: &[u8]| -> Option<usize> {
        b.get(from..)?
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| from + p)
    };
    while let Some(lt) = b.get(i..).and_then(|s| s.iter().position(|&c| c == b'<')) {
        i += lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find_from(i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if b.get(i).is_some_and(|c| *c == b'!' || *c == b'?') {
            i = find_from(i, b">").map_or(b.len(), |e| e + 1);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len);
        let self_closing = end >= 2 && b.get(end - 2) == Some(&b'/');
        i = end;
        if !closing {
            elements += 1;
            if elements > max_elements {
                break;
            }
        }
        if VOID.contains(&name.as_str()) || IMPLIED.contains(&name.as_str()) {
            continue;
        }
        let foreign_root = name == "svg" || name == "math";
        if closing {
            depth = depth.saturating_sub(1);
            if foreign_root {
                foreign = foreign.saturating_sub(1);
            }
        } else if self_closing && (foreign > 0 || foreign_root) {
            // Closed where it opened: no deeper.
        } else if RAW.contains(&name.as_str()) {
            // Its content is text, not tags; its end tag closes nothing we counted.
            let close = format!("</{name}");
            i = find_from(i, close.as_bytes()).map_or(b.len(), |at| tag_end(b, at + close.len()));
        } else {
            foreign += usize::from(foreign_root);
            depth += 1;
            max = max.max(depth);
            if max > max_depth {
                break;
            }
        }
    }
    Shape {
        depth: max,
        elements,
    }
}

/// Just past the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while let Some(&c) = b.get(i) {
        i += 1;
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return i,
            _ => {}
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_counts_open_elements_only() {
        let depth = |h: &str| shape(h, 100, 1000).depth;
        assert_eq!(depth("<div><div><p>a<p>b</div></div>"), 2);
        assert_eq!(depth("<ul><li>a<li>b<li>c</ul><br><img src=x>"), 1);
        assert_eq!(depth("<script>if (a<b) { '<div>' }</script><div></div>"), 1);
        assert_eq!(depth("<div><style>p{}</style><div></div></div>"), 2);
        assert_eq!(depth("<!-- <div><div> --><span a='>'><b></b></span>"), 2);
        assert_eq!(depth("<div/><div></div>"), 2);
        assert_eq!(depth("<svg><path/><path/><g><path/></g></svg><p>"), 2);
        let deep = "<b>".repeat(10_000);
        assert_eq!(shape(&deep, 600, usize::MAX).depth, 601);
        let many = "<i></i>".repeat(10_000);
        assert_eq!(
            shape(&many, 600, 5_000),
            Shape {
                depth: 1,
                elements: 5_001
            }
        );
        assert_eq!(shape("<p>a<li>b<br><span>c</span>", 9, 9).elements, 4);
    }

    #[test]
    fn hosts_and_bylines() {
        assert_eq!(
            host("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(byline("  By\n Erin   Cunningham "), "Erin Cunningham");
        assert_eq!(byline("Bylund Ann"), "Bylund Ann");
        assert_eq!(web_url("/relative"), None);
    }
}
