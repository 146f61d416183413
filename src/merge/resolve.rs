//! Settling a conflict by taking the value the merge did not keep, and putting things back
//! (what [`crate::edit::Edit::ResolveConflict`] and its inverse do).

use serde_json::Value;

use super::{from_object, object};
use crate::model::{Article, Briefing, Claim, ClaimId, Conflict, ConflictOn, Hypothesis, Judgment};
use crate::text::TextIndex;

/// An item as it was before a conflict was settled, to put back on undo.
#[derive(Debug, Clone, PartialEq)]
pub enum Snapshot {
    Briefing {
        title: String,
        analyst: String,
        summary: String,
    },
    Article(Box<Article>),
    Claim(Box<Claim>),
    Judgment(Box<Judgment>),
    Hypothesis(Box<Hypothesis>),
}

fn claim_home(b: &Briefing, id: ClaimId) -> Option<usize> {
    b.articles.iter().position(|a| a.claim(id).is_some())
}

/// The item a conflict is about, as it is now; `None` when it is not in the briefing.
pub fn snapshot(b: &Briefing, on: ConflictOn) -> Option<Snapshot> {
    Some(match on {
        ConflictOn::Briefing => Snapshot::Briefing {
            title: b.title.clone(),
            analyst: b.analyst.clone(),
            summary: b.summary.clone(),
        },
        ConflictOn::Article(id) => Snapshot::Article(Box::new(b.article(id)?.clone())),
        ConflictOn::Claim(id) => Snapshot::Claim(Box::new(b.find_claim(id)?.1.clone())),
        ConflictOn::Judgment(id) => Snapshot::Judgment(Box::new(b.judgment(id)?.clone())),
        ConflictOn::Hypothesis(id) => Snapshot::Hypothesis(Box::new(b.hypothesis(id)?.clone())),
    })
}

/// Puts an item back as a snapshot holds it.
pub fn restore(b: &mut Briefing, snap: Snapshot) {
    match snap {
        Snapshot::Briefing {
            title,
            analyst,
            summary,
        } => {
            b.title = title;
            b.analyst = analyst;
            b.summary = summary;
        }
        Snapshot::Article(a) => {
            if let Some(slot) = b.article_mut(a.id) {
                *slot = *a;
            }
        }
        Snapshot::Claim(c) => {
            if let Some(i) = claim_home(b, c.id) {
                let article = &mut b.articles[i];
                article.claims.retain(|x| x.id != c.id);
                article.insert_claim(*c);
            }
        }
        Snapshot::Judgment(j) => {
            if let Some(i) = b.judgment_index(j.id) {
                b.judgments[i] = *j;
            }
        }
        Snapshot::Hypothesis(h) => {
            if let Some(i) = b.hypothesis_index(h.id) {
                b.hypotheses[i] = *h;
            }
        }
    }
}

/// Sets the conflict's field to the value the merge did not keep. A field conflict only
/// (a deletion is settled by removing the item). `Err` says why it cannot be done.
pub fn take_other(b: &mut Briefing, c: &Conflict) -> Result<(), String> {
    let other: Value = serde_json::from_str(&c.other)
        .map_err(|e| format!("the other value is not readable: {e}"))?;
    let set = |mut m: serde_json::Map<String, Value>| {
        if c.field == "anchor" {
            if let Value::Object(anchor) = &other {
                super::put_anchor(&mut m, anchor);
            }
        } else if other.is_null() {
            m.remove(&c.field);
        } else {
            m.insert(c.field.clone(), other.clone());
        }
        m
    };
    let err = |e: super::MergeError| e.0;
    match c.on {
        ConflictOn::Briefing => {
            let mut shell = b.clone_shallow();
            shell = from_object(set(object(&shell).map_err(err)?)).map_err(err)?;
            b.title = shell.title;
            b.analyst = shell.analyst;
            b.summary = shell.summary;
        }
        ConflictOn::Article(id) => {
            let a = b
                .article_mut(id)
                .ok_or("the article is no longer in the briefing")?;
            let claims = std::mem::take(&mut a.claims);
            let changed: Result<Article, _> =
                object(a).and_then(|m| from_object(set(m))).map_err(err);
            let mut changed = match changed {
                Ok(x) => x,
                Err(e) => {
                    a.claims = claims;
                    return Err(e);
                }
            };
            changed.claims = claims;
            if changed.text != a.text {
                // Another text: every claim is checked against it, as loading does.
                changed.sha256 = crate::model::sha256_hex(&changed.text);
                let index = TextIndex::new(&changed.text);
                for claim in &mut changed.claims {
                    claim.anchor.reanchor(&index);
                }
                changed.sort_claims();
            }
            *a = changed;
        }
        ConflictOn::Claim(id) => {
            let i = claim_home(b, id).ok_or("the claim is no longer in the briefing")?;
            let article = &mut b.articles[i];
            let at = article.claim_position(id).ok_or("the claim is gone")?;
            let mut changed: Claim =
                from_object(set(object(&article.claims[at]).map_err(err)?)).map_err(err)?;
            if changed.anchor != article.claims[at].anchor {
                changed.anchor.reanchor(&TextIndex::new(&article.text));
            }
            article.claims.remove(at);
            article.insert_claim(changed);
        }
        ConflictOn::Judgment(id) => {
            let i = b.judgment_index(id).ok_or("the key judgment is gone")?;
            b.judgments[i] =
                from_object(set(object(&b.judgments[i]).map_err(err)?)).map_err(err)?;
        }
        ConflictOn::Hypothesis(id) => {
            let i = b.hypothesis_index(id).ok_or("the hypothesis is gone")?;
            b.hypotheses[i] =
                from_object(set(object(&b.hypotheses[i]).map_err(err)?)).map_err(err)?;
        }
    }
    Ok(())
}
