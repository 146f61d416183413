//! The claims as a W3C Web Annotation collection (JSON-LD), for other annotation tools.
//!
//! One annotation per claim: the note is a commenting `TextualBody`, the status and each tag
//! a tagging one; the target is the article's URL (or `urn:sha256:` of its text when it has
//! none) with a `TextQuoteSelector` and a `TextPositionSelector` (code points of the text
//! as it is stored). What the model has no word for — speaker, via, credibility, the source's
//! reliability — is in the `bn:` extension documented in `docs/w3c-annotations.md`.

use serde_json::{Value, json};

use crate::analysis::{claim_labels, in_label_order};
use crate::model::{Article, Briefing, Claim};

/// The Web Annotation context, and ours.
pub const EXTENSION_PREFIX: &str = "urn:briefing-notes:";

/// The IRI an annotation's target names: the article's URL, else its text's hash.
pub fn article_source(a: &Article) -> String {
    if a.url.trim().is_empty() {
        format!("urn:sha256:{}", a.sha256)
    } else {
        a.url.trim().to_owned()
    }
}

pub fn to_w3c(b: &Briefing) -> String {
    let labels = claim_labels(b);
    let items: Vec<Value> = in_label_order(b)
        .map(|(a, c)| annotation(b, a, c, labels.get(&c.id).map_or("", String::as_str)))
        .collect();
    let mut collection = json!({
        "@context": [
            "http://www.w3.org/ns/anno.jsonld",
            { "bn": EXTENSION_PREFIX }
        ],
        "id": format!("urn:uuid:{}", b.id),
        "type": "AnnotationCollection",
        "label": b.title,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    if !b.analyst.trim().is_empty() {
        collection["creator"] = json!({ "type": "Person", "name": b.analyst });
    }
    // Serialising a JSON value cannot fail.
    let mut out = serde_json::to_string_pretty(&collection).unwrap_or_default();
    out.push('\n');
    out
}

fn annotation(b: &Briefing, a: &Article, c: &Claim, label: &str) -> Value {
    let mut body = vec![json!({
        "type": "TextualBody",
        "purpose": "tagging",
        "value": c.status.label(),
    })];
    body.extend(
        c.tags
            .iter()
            .map(|t| json!({ "type": "TextualBody", "purpose": "tagging", "value": t })),
    );
    if !c.note.trim().is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "purpose": "commenting",
            "format": "text/plain",
            "value": c.note,
        }));
    }
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": c.anchor.quote,
        "prefix": c.anchor.prefix,
        "suffix": c.anchor.suffix,
    })];
    // An orphaned claim's offsets are stale: its quote is all that can be trusted.
    if !c.anchor.orphaned {
        selector.push(json!({
            "type": "TextPositionSelector",
            "start": c.anchor.start,
            "end": c.anchor.end,
        }));
    }
    let mut article = json!({ "title": a.title });
    for (key, value) in [("outlet", &a.outlet), ("author", &a.author)] {
        if !value.trim().is_empty() {
            article[key] = json!(value);
        }
    }
    if let Some(p) = a.published {
        article["published"] = json!(p.to_string());
    }
    let mut out = json!({
        "id": format!("urn:uuid:{}", c.id),
        "type": "Annotation",
        "motivation": "assessing",
        "label": label,
        "created": c.created.to_rfc3339(),
        "modified": c.modified.to_rfc3339(),
        "body": body,
        "target": {
            "source": article_source(a),
            "selector": selector,
        },
        "bn:status": c.status.label(),
        "bn:article": article,
    });
    if !b.analyst.trim().is_empty() {
        out["creator"] = json!({ "type": "Person", "name": b.analyst });
    }
    let extra = [
        (
            "bn:speaker",
            (!c.speaker.is_empty()).then(|| json!(c.speaker)),
        ),
        ("bn:via", (!c.via.is_empty()).then(|| json!(c.via))),
        ("bn:credibility", c.credibility.map(|g| json!(g.value()))),
        (
            "bn:sourceReliability",
            a.reliability.map(|r| json!(r.to_string())),
        ),
        (
            "bn:orphaned",
            c.anchor.orphaned.then_some(Value::Bool(true)),
        ),
    ];
    for (key, value) in extra {
        if let Some(v) = value {
            out[key] = v;
        }
    }
    out
}
