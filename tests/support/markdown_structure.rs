//! What "the export's structure holds" means, shared by the Markdown export tests and the
//! export fuzz target: user text can add words, never headings, links, HTML or lists.
#![allow(dead_code)]

use briefing_notes::anchor::Anchor;
use briefing_notes::export::to_markdown;
use briefing_notes::model::{Article, ArticleMeta, Briefing, Claim, Reliability, Status, now};
use briefing_notes::text::TextIndex;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
pub struct Parsed {
    pub headings: Vec<String>,
    /// Text of each block quote, whitespace-normalised.
    pub quotes: Vec<String>,
    /// All text outside block quotes, whitespace-normalised.
    pub text: String,
    pub links: Vec<String>,
    pub html: Vec<String>,
    pub tables: usize,
    pub code: usize,
    pub lists: usize,
    pub hard_breaks: usize,
}

pub fn parse(md: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut heading: Option<String> = None;
    let mut quote: Option<String> = None;
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => p.headings.push(heading.take().unwrap()),
            Event::Start(Tag::BlockQuote(_)) => quote = Some(String::new()),
            Event::End(TagEnd::BlockQuote(_)) => p.quotes.push(words(&quote.take().unwrap())),
            Event::Start(Tag::Link { dest_url, .. }) => p.links.push(dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => p.links.push(dest_url.to_string()),
            Event::Start(Tag::Table(_)) => p.tables += 1,
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => p.code += 1,
            Event::Start(Tag::List(_)) => p.lists += 1,
            Event::Start(Tag::Strikethrough)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => p.html.push("extension markup".into()),
            Event::Html(h) | Event::InlineHtml(h) => p.html.push(h.to_string()),
            Event::Text(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
                match quote.as_mut() {
                    Some(q) => q.push_str(&t),
                    None => p.text.push_str(&t),
                }
            }
            Event::HardBreak => {
                p.hard_breaks += 1;
                match quote.as_mut() {
                    Some(q) => q.push(' '),
                    None => p.text.push(' '),
                }
            }
            Event::SoftBreak | Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => {
                match quote.as_mut() {
                    Some(q) => q.push(' '),
                    None => p.text.push(' '),
                }
            }
            _ => {}
        }
    }
    p.text = words(&p.text);
    p
}

/// What a reader should see of `s`: the same words (control characters read as spaces).
pub fn visible(s: &str) -> String {
    words(
        &s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>(),
    )
}

/// A briefing whose every user field holds `nasty`, with one claim per status on it.
pub fn briefing_with(nasty: &str, url: &str) -> Briefing {
    let mut b = Briefing::new(format!("Title {nasty}"), format!("Analyst {nasty}"));
    b.summary = format!("Summary {nasty}\n\nSecond paragraph {nasty}");
    let text = format!("Intro.\n\nQuoted words {nasty} end.\n\nMore {nasty} here.");
    let mut a = Article::new(
        ArticleMeta {
            title: format!("Article {nasty}"),
            outlet: format!("Outlet {nasty}"),
            author: format!("Author {nasty}"),
            url: url.to_owned(),
            published: Some("2025-08-13".parse().unwrap()),
            language: format!("en {nasty}"),
            reliability: Some(Reliability::C),
        },
        &text,
        now(),
    );
    let article_text = a.text.clone();
    let idx = TextIndex::new(&article_text);
    let n = idx.char_len();
    let spans = [8..n.saturating_sub(1), 8..n.saturating_sub(1), 0..n];
    for (status, span) in Status::ALL.into_iter().zip(spans) {
        let span = idx.snap_to_graphemes(span);
        let mut c = Claim::new(status, Anchor::new(&idx, span).unwrap(), now());
        c.note = format!("Note {nasty}\n{nasty}\n\n{nasty}");
        c.speaker = format!("Speaker {nasty}");
        c.via = format!("Via {nasty}");
        c.tags = [format!("tag {nasty}")].into();
        a.insert_claim(c);
    }
    b.articles.push(a);
    b
}

pub fn assert_structure_holds(b: &Briefing) {
    let md = to_markdown(b);
    let p = parse(&md);
    assert!(
        p.html.is_empty(),
        "HTML or extension markup from user text: {:?}\n{md}",
        p.html
    );
    let allowed: Vec<&str> = b
        .articles
        .iter()
        .map(|a| a.url.as_str())
        .filter(|u| u.starts_with("http"))
        .collect();
    assert!(
        p.links.iter().all(|l| allowed.contains(&l.as_str())),
        "links {:?}\n{md}",
        p.links
    );
    assert_eq!(p.tables, 1, "{md}");
    assert_eq!(
        p.code,
        b.articles.len(),
        "only the SHA-256 code spans\n{md}"
    );
    assert_eq!(p.lists, b.articles.len(), "only the Sources lists\n{md}");
    let claims = b.claims().count();
    // Title, bottom line, counts, three status groups, one per claim, sources, one per article.
    assert_eq!(
        p.headings.len(),
        1 + 1 + 1 + 3 + claims + 1 + b.articles.len(),
        "{:?}\n{md}",
        p.headings
    );
    assert_eq!(p.quotes.len(), claims, "{md}");
    for (_, c) in b.claims() {
        let q = visible(&c.anchor.quote);
        assert!(
            p.quotes.iter().any(|found| found == &q),
            "quote {q:?} not found intact in {:?}\n{md}",
            p.quotes
        );
        for field in [&c.note, &c.speaker, &c.via] {
            assert!(
                p.text.contains(&visible(field)),
                "{field:?} not found intact\n{md}"
            );
        }
    }
    for field in [
        &b.title,
        &b.analyst,
        &b.summary,
        &b.articles[0].title,
        &b.articles[0].outlet,
        &b.articles[0].author,
        &b.articles[0].language,
    ] {
        assert!(
            p.text.contains(&visible(field)),
            "{field:?} not found intact\n{md}"
        );
    }
    assert_gfm_links_hold(&md, &allowed, p.hard_breaks);
    assert_eq!(to_markdown(b), md, "deterministic");
}

/// Rendered as GitHub does (autolinks on), the export links only the articles' own URLs, and
/// no address swallows a hard break.
pub fn assert_gfm_links_hold(md: &str, allowed: &[&str], hard_breaks: usize) {
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.footnotes = true;
    let html = comrak::markdown_to_html(md, &options);
    for href in html.split("href=\"").skip(1) {
        let href = href.split('"').next().unwrap_or("");
        let href = href.replace("&amp;", "&");
        assert!(
            allowed.iter().any(|a| *a == href),
            "GFM link {href:?} from user text\n{md}\n{html}"
        );
    }
    assert_eq!(
        html.matches("<br />").count(),
        hard_breaks,
        "hard breaks under GFM\n{md}\n{html}"
    );
}
