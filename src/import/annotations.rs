//! Claims from other annotation tools: W3C Web Annotation JSON (one annotation, a list, a
//! page or a collection) and the Hypothesis service's JSON (its API's `rows`, or a list of
//! its annotations), which uses the same selectors. Each annotation's quote is anchored in
//! the article through the same anchoring as every claim; one that does not anchor is
//! reported, never placed on words it may not mean.

use serde_json::Value;

use crate::anchor::{Anchor, Resolution, resolve};
use crate::model::{
    Article, ArticleId, Briefing, Claim, ClaimId, Credibility, Status, clean_tags, now,
};
use crate::text::search::{find_occurrences, prefer_whole_words};
use crate::text::{TextIndex, one_line, snippet};

/// How an annotation whose source names no article of the briefing is reported.
const NO_SOURCE: &str = "no article in the briefing has its source";

/// Files larger than this are refused before parsing.
pub const MAX_ANNOTATION_BYTES: usize = 32 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum AnnotationsError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("this is not JSON: {0}")]
    NotJson(String),
    #[error(
        "no annotations found: expected a W3C Web Annotation, a list, page or collection of them, or Hypothesis JSON"
    )]
    NoAnnotations,
    #[error("the file is over 32 MB")]
    TooLarge,
}

/// One annotation as read: what it says and where it points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Incoming {
    pub id: Option<String>,
    pub source: Option<String>,
    pub exact: Option<String>,
    pub prefix: String,
    pub suffix: String,
    pub position: Option<(usize, usize)>,
    pub note: String,
    pub tags: Vec<String>,
    /// Set by our own export (`bn:status`); others come in as Reported.
    pub status: Option<Status>,
    pub speaker: String,
    pub via: String,
    pub credibility: Option<Credibility>,
}

impl Incoming {
    /// How the report names it: its quote, or its id.
    pub fn name(&self) -> String {
        match &self.exact {
            Some(q) => format!("“{}”", snippet(q, 60)),
            None => self
                .id
                .clone()
                .unwrap_or_else(|| "(an annotation)".to_owned()),
        }
    }
}

/// Reads every annotation in a W3C or Hypothesis JSON file (refused unread over 32 MB).
pub fn read_annotations_file(path: &std::path::Path) -> Result<Vec<Incoming>, AnnotationsError> {
    let io = |source| AnnotationsError::Io {
        path: path.to_owned(),
        source,
    };
    if std::fs::metadata(path).map_err(io)?.len() > MAX_ANNOTATION_BYTES as u64 {
        return Err(AnnotationsError::TooLarge);
    }
    read_annotations(&std::fs::read_to_string(path).map_err(io)?)
}

/// Reads every annotation in a W3C or Hypothesis JSON document.
pub fn read_annotations(json: &str) -> Result<Vec<Incoming>, AnnotationsError> {
    if json.len() > MAX_ANNOTATION_BYTES {
        return Err(AnnotationsError::TooLarge);
    }
    let v: Value = serde_json::from_str(json.trim_start_matches('\u{feff}'))
        .map_err(|e| AnnotationsError::NotJson(e.to_string()))?;
    let mut out = Vec::new();
    collect(&v, &mut out, 0);
    if out.is_empty() {
        return Err(AnnotationsError::NoAnnotations);
    }
    Ok(out)
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn collect(v: &Value, out: &mut Vec<Incoming>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, out, depth + 1)),
        Value::Object(m) => {
            let t = types(v);
            if t.contains(&"Annotation") || (m.contains_key("target") && !m.contains_key("items")) {
                out.extend(annotation(v));
            } else {
                for key in ["rows", "items", "first"] {
                    if let Some(inner) = m.get(key) {
                        collect(inner, out, depth + 1);
                    }
                }
            }
        }
        _ => {}
    }
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or("").to_owned()
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

fn annotation(v: &Value) -> Option<Incoming> {
    let mut a = Incoming {
        id: v.get("id").and_then(Value::as_str).map(str::to_owned),
        ..Incoming::default()
    };
    // Hypothesis: the note is `text`, the tags `tags`.
    a.note = text(v.get("text"));
    a.tags = as_list(v.get("tags"))
        .into_iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    a.status = v
        .get("bn:status")
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok());
    a.speaker = text(v.get("bn:speaker"));
    a.via = text(v.get("bn:via"));
    a.credibility = v
        .get("bn:credibility")
        .and_then(Value::as_u64)
        .and_then(|n| u8::try_from(n).ok())
        .and_then(Credibility::new);
    let mut notes = Vec::new();
    for body in as_list(v.get("body")) {
        let (value, purpose) = match body {
            Value::String(s) => (s.clone(), String::new()),
            b => (text(b.get("value")), text(b.get("purpose"))),
        };
        if value.trim().is_empty() {
            continue;
        }
        if purpose == "tagging" {
            // Our own export tags the status too; it comes back as the status, not a tag.
            let is_status = a.status.is_some_and(|s| s.label() == value);
            if !is_status {
                a.tags.push(value);
            }
        } else {
            notes.push(value);
        }
    }
    if !notes.is_empty() {
        if !a.note.is_empty() {
            notes.insert(0, std::mem::take(&mut a.note));
        }
        a.note = notes.join("\n\n");
    }
    let targets = as_list(v.get("target"));
    for target in &targets {
        if let Value::String(s) = target {
            a.source.get_or_insert_with(|| s.clone());
            continue;
        }
        let source = target.get("source").and_then(Value::as_str);
        for sel in as_list(target.get("selector")) {
            match types(sel).first().copied() {
                Some("TextQuoteSelector") if a.exact.is_none() => {
                    a.exact = sel.get("exact").and_then(Value::as_str).map(str::to_owned);
                    a.prefix = text(sel.get("prefix"));
                    a.suffix = text(sel.get("suffix"));
                    a.source = source.map(str::to_owned).or(a.source.take());
                }
                Some("TextPositionSelector") if a.position.is_none() => {
                    let n = |k| sel.get(k).and_then(Value::as_u64).map(|n| n as usize);
                    if let (Some(s), Some(e)) = (n("start"), n("end")) {
                        a.position = Some((s, e));
                    }
                }
                _ => {}
            }
        }
        if a.source.is_none() {
            a.source = source.map(str::to_owned);
        }
    }
    if a.source.is_none() {
        a.source = v.get("uri").and_then(Value::as_str).map(str::to_owned);
    }
    Some(a)
}

/// URLs compared as a reader would: without the fragment, a trailing slash or the scheme's
/// case.
fn same_source(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim();
        let s = s.split('#').next().unwrap_or(s);
        s.trim_end_matches('/').to_lowercase()
    };
    !a.trim().is_empty() && norm(a) == norm(b)
}

/// Where annotations landed: each anchored one as a claim for an article, each other one
/// with why it was not placed.
#[derive(Debug, Default)]
pub struct Placed {
    pub claims: Vec<(ArticleId, Claim)>,
    pub not_anchored: Vec<(Incoming, String)>,
    pub already_there: usize,
}

impl Placed {
    /// What importing `total` annotations came to, in one line.
    pub fn summary(&self, total: usize) -> String {
        format!(
            "Read {total} annotation(s): {} added as claims, {} already in the briefing, {} not anchored",
            self.claims.len(),
            self.already_there,
            self.not_anchored.len()
        )
    }

    /// Annotations not placed because no article has their source (`--article` would place
    /// them).
    pub fn without_article(&self) -> usize {
        self.not_anchored
            .iter()
            .filter(|(_, why)| why.starts_with(NO_SOURCE))
            .count()
    }

    /// Each annotation not anchored, with why: one line each.
    pub fn not_anchored_lines(&self) -> Vec<String> {
        self.not_anchored
            .iter()
            .map(|(a, why)| format!("not anchored: {} — {why}", a.name()))
            .collect()
    }

    /// The claims as one edit (undone as one), or `None` when there are none.
    pub fn edit(&self) -> Option<crate::edit::Edit> {
        (!self.claims.is_empty()).then(|| {
            crate::edit::Edit::Batch(
                self.claims
                    .iter()
                    .map(|(article, claim)| crate::edit::Edit::AddClaim {
                        article: *article,
                        claim: Box::new(claim.clone()),
                    })
                    .collect(),
            )
        })
    }
}

/// Anchors each annotation in `article` (or, without it, in the article its target names;
/// in the only article when there is one).
pub fn place(b: &Briefing, incoming: Vec<Incoming>, article: Option<ArticleId>) -> Placed {
    let mut placed = Placed::default();
    // One index per article, however many annotations it takes.
    let mut indexes: std::collections::BTreeMap<ArticleId, TextIndex> = Default::default();
    for a in incoming {
        let home = match article {
            Some(id) => b.article(id),
            None => a
                .source
                .as_deref()
                .and_then(|s| {
                    b.articles.iter().find(|art| {
                        same_source(s, &art.url) || s == format!("urn:sha256:{}", art.sha256)
                    })
                })
                // Without a source, the only article is the one meant; a source naming
                // another page is not this article.
                .or(if a.source.is_none() && b.articles.len() == 1 {
                    b.articles.first()
                } else {
                    None
                }),
        };
        let Some(home) = home else {
            let why = format!(
                "{NO_SOURCE} ({})",
                a.source.as_deref().unwrap_or("none given")
            );
            placed.not_anchored.push((a, why));
            continue;
        };
        let index = indexes
            .entry(home.id)
            .or_insert_with(|| TextIndex::new(&home.text));
        match claim_for(home, index, &a) {
            Ok(claim) => {
                let taken = b.find_claim(claim.id).is_some()
                    || placed.claims.iter().any(|(_, c)| c.id == claim.id);
                let same_words = home
                    .claims
                    .iter()
                    .chain(
                        placed
                            .claims
                            .iter()
                            .filter(|(id, _)| *id == home.id)
                            .map(|(_, c)| c),
                    )
                    .any(|c| c.anchor.range() == claim.anchor.range() && c.note == claim.note);
                if same_words {
                    placed.already_there += 1;
                } else {
                    let mut claim = claim;
                    if taken {
                        claim.id = ClaimId::new();
                    }
                    placed.claims.push((home.id, claim));
                }
            }
            Err(why) => placed.not_anchored.push((a, why)),
        }
    }
    placed
}

fn claim_for(article: &Article, index: &TextIndex, a: &Incoming) -> Result<Claim, String> {
    let Some(exact) = a.exact.as_ref().filter(|q| !q.trim().is_empty()) else {
        return Err("it has no quote (TextQuoteSelector) to anchor".to_owned());
    };
    // The article's text is NFC; a tool may have sent the same words decomposed.
    let norm = |s: &str| crate::text::normalize_query(s);
    let (start, end) = a.position.unwrap_or((0, 0));
    let probe = Anchor {
        start,
        end,
        quote: norm(exact),
        prefix: norm(&a.prefix),
        suffix: norm(&a.suffix),
        orphaned: false,
    };
    // Other tools keep as much context as they like (ours keeps 32 chars, and less only at
    // the text's edge), and count whitespace their own way: first the places where the
    // words stand with the context given, whitespace aside. One such place is the claim's;
    // failing that, the anchoring rules judge (the words may have changed a little).
    let found = prefer_whole_words(index, &probe.quote, find_occurrences(index, &probe.quote));
    let (before, after) = (one_line(&probe.prefix), one_line(&probe.suffix));
    let agreeing: Vec<_> = found
        .iter()
        .filter(|r| {
            let near_before = index.chars_before(r.start, probe.prefix.chars().count() + 8);
            let near_after = index.chars_after(r.end, probe.suffix.chars().count() + 8);
            one_line(near_before).ends_with(&before) && one_line(near_after).starts_with(&after)
        })
        .collect();
    let bare = before.is_empty() && after.is_empty() && a.position.is_none();
    let range = if agreeing.len() == 1 {
        agreeing[0].clone()
    } else if bare && found.len() > 1 {
        return Err(format!(
            "its words are in {} places in “{}” and it gives no context to tell which",
            found.len(),
            article.title
        ));
    } else {
        match resolve(&probe, index) {
            Resolution::Intact => probe.range(),
            Resolution::Moved { to, .. } => to,
            Resolution::Orphaned(reason) => {
                return Err(format!(
                    "its words are not in “{}” ({reason})",
                    article.title
                ));
            }
        }
    };
    let anchor = Anchor::new(index, range).map_err(|e| e.to_string())?;
    let mut claim = Claim::new(a.status.unwrap_or(Status::Reported), anchor, now());
    if let Some(id) =
        a.id.as_deref()
            .and_then(|id| id.strip_prefix("urn:uuid:"))
            .and_then(|u| u.parse().ok())
    {
        // Back from our own export: the claim keeps its identity.
        claim.id = id;
    }
    claim.note = a.note.trim().to_owned();
    claim.tags = clean_tags(a.tags.iter().map(String::as_str));
    claim.speaker = a.speaker.trim().to_owned();
    claim.via = a.via.trim().to_owned();
    claim.credibility = a.credibility;
    Ok(claim)
}
