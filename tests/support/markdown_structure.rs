//! What "the export's structure holds" means, shared by the Markdown export tests and the
//! export fuzz target: user text can add words, never headings, links, HTML or lists.
#![allow(dead_code)]

use briefing_notes::anchor::Anchor;
use briefing_notes::export::to_markdown;
use briefing_notes::model::{
    Article, ArticleMeta, Briefing, Claim, Confidence, Consistency, Hypothesis, Judgment,
    Likelihood, Reliability, Stance, Status, now,
};
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

/// A briefing whose every user field holds `nasty`, with one claim per status on it, a key
/// judgment resting on them, two hypotheses rating them, and an article with no claims.
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
    // One claim inside a sentence (the export shows the words around it, so user text lands
    // on both sides of the bold quote), one across paragraphs, one the whole text.
    let inner_end = article_text
        .find(" end.")
        .and_then(|b| idx.char_of(b))
        .filter(|e| *e > 15)
        .unwrap_or(n.saturating_sub(1));
    let spans = [15..inner_end, 8..n.saturating_sub(1), 0..n];
    for (status, span) in Status::ALL.into_iter().zip(spans) {
        let span = idx.snap_to_graphemes(span);
        let mut c = Claim::new(status, Anchor::new(&idx, span).unwrap(), now());
        c.note = format!("Note {nasty}\n{nasty}\n\n{nasty}");
        c.speaker = format!("Speaker {nasty}");
        c.via = format!("Via {nasty}");
        c.tags = [format!("tag {nasty}")].into();
        a.insert_claim(c);
    }
    let mut j = Judgment::new(format!("Judgment {nasty}"), now());
    j.note = format!("Judgment note {nasty}\n\n{nasty}");
    j.likelihood = Some(Likelihood::Likely);
    j.confidence = Some(Confidence::High);
    let mut h1 = Hypothesis::new(format!("First {nasty}"), now());
    let mut h2 = Hypothesis::new(format!("Second {nasty}"), now());
    for (i, c) in a.claims.iter().enumerate() {
        let stance = if i == 2 {
            Stance::Contradicts
        } else {
            Stance::Supports
        };
        j.set_stance(c.id, Some(stance));
        h1.set_rating(c.id, Some(Consistency::ALL[i]));
        h2.set_rating(c.id, Some(Consistency::ALL[4 - i]));
    }
    b.judgments.push(j);
    b.hypotheses = vec![h1, h2];
    b.articles.push(a);
    let unread = Article::new(
        ArticleMeta {
            title: format!("Unquoted {nasty}"),
            outlet: format!("Elsewhere {nasty}"),
            ..Default::default()
        },
        "Nothing tagged here.",
        now(),
    );
    b.articles.push(unread);
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
    // The articles' own web addresses, and the export's links to its claims' headings.
    let anchors: Vec<String> = briefing_notes::analysis::claim_labels(b)
        .values()
        .map(|l| format!("#{}", l.to_lowercase()))
        .collect();
    let allowed: Vec<&str> = b
        .articles
        .iter()
        .map(|a| a.url.as_str())
        .filter(|u| u.starts_with("http"))
        .chain(anchors.iter().map(String::as_str))
        .collect();
    assert!(
        p.links.iter().all(|l| allowed.contains(&l.as_str())),
        "links {:?}\n{md}",
        p.links
    );
    let hypotheses = usize::from(!b.hypotheses.is_empty());
    let quoted = b.articles.iter().filter(|a| !a.claims.is_empty()).count();
    assert_eq!(p.tables, 1 + hypotheses, "counts and hypotheses\n{md}");
    assert_eq!(p.code, quoted, "only the SHA-256 code spans\n{md}");
    // Sources of quoted articles; per judgment its sources; the hypotheses.
    assert_eq!(
        p.lists,
        quoted + b.judgments.len() + hypotheses,
        "only the lists the export makes\n{md}"
    );
    let claims = b.claims().count();
    // Title, bottom line, key judgments and one per judgment, counts, three status groups,
    // one per claim, hypotheses, sources and one per quoted article.
    let judgments = usize::from(!b.judgments.is_empty()) + b.judgments.len();
    assert_eq!(
        p.headings.len(),
        1 + 1 + judgments + 1 + 3 + claims + hypotheses + 1 + quoted,
        "{:?}\n{md}",
        p.headings
    );
    assert_eq!(p.quotes.len(), claims, "{md}");
    for (_, c) in b.claims() {
        let q = visible(&c.anchor.quote);
        assert!(
            p.quotes.iter().any(|found| found.contains(&q)),
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
    for j in &b.judgments {
        for field in [&j.text, &j.note] {
            assert!(
                p.text.contains(&visible(field)),
                "{field:?} not found intact\n{md}"
            );
        }
    }
    for h in &b.hypotheses {
        assert!(
            p.text.contains(&visible(&h.text)),
            "{:?} not found intact\n{md}",
            h.text
        );
    }
    for a in &b.articles {
        assert!(
            p.text.contains(&visible(&a.title)),
            "{:?} not found intact\n{md}",
            a.title
        );
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
