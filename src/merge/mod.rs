//! Three-way merge of briefings, by id: what makes a briefing merge in git
//! (`briefing-notes merge BASE OURS THEIRS`, a git merge driver).
//!
//! Articles, claims, key judgments and hypotheses are matched by id, never by line. Added
//! on either side: kept. Deleted on one side and unchanged on the other: deleted. Deleted on
//! one side and changed on the other: kept, with a [`Conflict`] saying so. Fields merge one
//! by one (see [`fields`]); the same field changed differently on both sides keeps ours and
//! records theirs. Nothing either side wrote is lost: it is in the result or in a conflict.

mod describe;
mod fields;
mod resolve;

use std::collections::BTreeSet;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::model::{
    Article, Briefing, Claim, ClaimId, Conflict, ConflictOn, Hypothesis, Judgment, Side,
};
pub use describe::{ConflictView, view, views};
pub use fields::{ANCHOR_FIELDS, put_anchor};
pub use resolve::{Snapshot, restore, snapshot, take_other};

#[derive(Debug, thiserror::Error)]
#[error("cannot merge: {0}")]
pub struct MergeError(String);

/// What the merge gives: the briefing (not yet verified against its texts; the caller loads
/// it as a file is loaded) and how many conflicts this merge added.
pub struct Merged {
    pub briefing: Briefing,
    pub new_conflicts: usize,
}

/// Merges `ours` and `theirs`, both descended from `base` (`None` when both sides added the
/// file). Ours is the side merged into: its order and its values win ties.
pub fn merge(
    base: Option<&Briefing>,
    ours: &Briefing,
    theirs: &Briefing,
) -> Result<Merged, MergeError> {
    let mut conflicts = Vec::new();
    let top = |b: &Briefing| -> Result<Map<String, Value>, MergeError> {
        let mut shell = b.clone_shallow();
        shell.format_version = crate::file::FORMAT_VERSION;
        object(&shell)
    };
    let base_top = base.map(top).transpose()?;
    let fields = fields::merge_object(
        ConflictOn::Briefing,
        base_top.as_ref(),
        &top(ours)?,
        &top(theirs)?,
        &mut conflicts,
    );
    let mut out: Briefing = from_object(fields)?;
    out.articles = merge_lists(base, ours, theirs, |b| &b.articles, &mut conflicts)?;
    out.judgments = merge_lists(base, ours, theirs, |b| &b.judgments, &mut conflicts)?;
    out.hypotheses = merge_lists(base, ours, theirs, |b| &b.hypotheses, &mut conflicts)?;
    keep_claims_still_relied_on(&mut out, ours, theirs, &mut conflicts);
    let new_conflicts = conflicts.len();
    // Conflicts still open on either side stay open; each once.
    let mut seen = BTreeSet::new();
    out.conflicts = ours
        .conflicts
        .iter()
        .chain(&theirs.conflicts)
        .cloned()
        .chain(conflicts)
        .filter(|c| seen.insert((c.on, c.field.clone(), c.other.clone())))
        .collect();
    Ok(Merged {
        briefing: out,
        new_conflicts,
    })
}

impl Briefing {
    /// The briefing's own fields, without its articles and analysis (cheap to clone).
    fn clone_shallow(&self) -> Briefing {
        Briefing {
            format_version: self.format_version,
            id: self.id,
            title: self.title.clone(),
            analyst: self.analyst.clone(),
            created: self.created,
            modified: self.modified,
            summary: self.summary.clone(),
            judgments: Vec::new(),
            hypotheses: Vec::new(),
            articles: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

fn object<T: Serialize>(item: &T) -> Result<Map<String, Value>, MergeError> {
    match serde_json::to_value(item) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(MergeError("an item is not a record".to_owned())),
        Err(e) => Err(MergeError(e.to_string())),
    }
}

fn from_object<T: DeserializeOwned>(m: Map<String, Value>) -> Result<T, MergeError> {
    serde_json::from_value(Value::Object(m)).map_err(|e| MergeError(e.to_string()))
}

/// An item matched by id across the three sides.
trait Item: Clone + PartialEq + Serialize + DeserializeOwned {
    type Id: Ord + Copy;
    fn id(&self) -> Self::Id;
    fn on(&self) -> ConflictOn;
    /// Merges one item present on both sides; the default merges its fields.
    fn merge_one(
        base: Option<&Self>,
        ours: &Self,
        theirs: &Self,
        conflicts: &mut Vec<Conflict>,
    ) -> Result<Self, MergeError> {
        let base = base.map(object).transpose()?;
        let merged = fields::merge_object(
            ours.on(),
            base.as_ref(),
            &object(ours)?,
            &object(theirs)?,
            conflicts,
        );
        from_object(merged)
    }
}

/// An item merged field by field, known by its id.
macro_rules! plain_item {
    ($t:ty, $id:ty, $on:ident) => {
        impl Item for $t {
            type Id = $id;
            fn id(&self) -> Self::Id {
                self.id
            }
            fn on(&self) -> ConflictOn {
                ConflictOn::$on(self.id)
            }
        }
    };
}

plain_item!(Claim, crate::model::ClaimId, Claim);
plain_item!(Judgment, crate::model::JudgmentId, Judgment);
plain_item!(Hypothesis, crate::model::HypothesisId, Hypothesis);

impl Item for Article {
    type Id = crate::model::ArticleId;
    fn id(&self) -> Self::Id {
        self.id
    }
    fn on(&self) -> ConflictOn {
        ConflictOn::Article(self.id)
    }
    /// Its fields, then its claims as items of their own.
    fn merge_one(
        base: Option<&Self>,
        ours: &Self,
        theirs: &Self,
        conflicts: &mut Vec<Conflict>,
    ) -> Result<Self, MergeError> {
        let shell = |a: &Article| {
            let mut m = object(&Article {
                claims: Vec::new(),
                ..a.clone()
            })?;
            m.remove("sha256");
            Ok::<_, MergeError>(m)
        };
        let base_fields = base.map(shell).transpose()?;
        let mut merged = fields::merge_object(
            ours.on(),
            base_fields.as_ref(),
            &shell(ours)?,
            &shell(theirs)?,
            conflicts,
        );
        merged.insert("sha256".to_owned(), Value::String(String::new()));
        let mut article: Article = from_object(merged)?;
        // The hash describes whichever text was kept; loading checks the claims against it.
        article.sha256 = crate::model::sha256_hex(&article.text);
        let empty = Vec::new();
        article.claims = merge_items(
            base.map_or(&empty, |b| &b.claims),
            &ours.claims,
            &theirs.claims,
            conflicts,
        )?;
        article.sort_claims();
        Ok(article)
    }
}

/// A claim deleted on one side that the other side has since linked to a judgment or rated
/// is not unused: it comes back, flagged as deleted on one side and changed on the other,
/// rather than its new link or rating being dropped as dangling.
fn keep_claims_still_relied_on(
    out: &mut Briefing,
    ours: &Briefing,
    theirs: &Briefing,
    conflicts: &mut Vec<Conflict>,
) {
    let present: BTreeSet<ClaimId> = out.claims().map(|(_, c)| c.id).collect();
    let relied_on: BTreeSet<ClaimId> = out
        .judgments
        .iter()
        .flat_map(|j| j.evidence.iter().map(|e| e.claim))
        .chain(
            out.hypotheses
                .iter()
                .flat_map(|h| h.ratings.iter().map(|r| r.claim)),
        )
        .filter(|id| !present.contains(id))
        .collect();
    for id in relied_on {
        let (found, deleted_by) = match (ours.find_claim(id), theirs.find_claim(id)) {
            (Some(found), None) => (found, Side::Theirs),
            (None, Some(found)) => (found, Side::Ours),
            _ => continue,
        };
        let (article, claim) = found;
        if let Some(home) = out.article_mut(article.id) {
            home.insert_claim(claim.clone());
            conflicts.push(Conflict {
                on: ConflictOn::Claim(id),
                field: String::new(),
                other: String::new(),
                from: deleted_by,
            });
        }
    }
}

/// Merges one of the briefing's lists of items (`pick` says which).
fn merge_lists<T: Item>(
    base: Option<&Briefing>,
    ours: &Briefing,
    theirs: &Briefing,
    pick: fn(&Briefing) -> &Vec<T>,
    conflicts: &mut Vec<Conflict>,
) -> Result<Vec<T>, MergeError> {
    merge_items(
        base.map_or(&[][..], |b| pick(b)),
        pick(ours),
        pick(theirs),
        conflicts,
    )
}

/// Merges a list of items by id, in ours' order with theirs' new items after the item they
/// follow (or in theirs' order where only theirs reordered).
fn merge_items<T: Item>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<Conflict>,
) -> Result<Vec<T>, MergeError> {
    let find = |list: &[T], id: T::Id| list.iter().find(|x| x.id() == id).cloned();
    let ids = |list: &[T]| list.iter().map(Item::id).collect::<Vec<_>>();
    let in_base: BTreeSet<T::Id> = ids(base).into_iter().collect();
    // Theirs leads only where ours kept the base's order and theirs did not.
    let common = |list: &[T]| {
        ids(list)
            .into_iter()
            .filter(|id| in_base.contains(id))
            .collect::<Vec<_>>()
    };
    let (lead, follow) = if common(ours) == common(base) && common(theirs) != common(base) {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut order: Vec<T::Id> = ids(lead);
    for (i, id) in ids(follow).into_iter().enumerate() {
        if !order.contains(&id) {
            let after = follow[..i]
                .iter()
                .rev()
                .find_map(|x| order.iter().position(|o| *o == x.id()));
            order.insert(after.map_or(0, |p| p + 1), id);
        }
    }
    let mut out = Vec::with_capacity(order.len());
    for id in order {
        let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
        let item = match (b, o, t) {
            (b, Some(o), Some(t)) => Some(if o == t {
                o
            } else {
                T::merge_one(b.as_ref(), &o, &t, conflicts)?
            }),
            // Deleted on one side: gone if the other left it as it was, else kept and
            // flagged.
            (Some(b), Some(o), None) => kept_or_deleted(&b, o, Side::Theirs, conflicts),
            (Some(b), None, Some(t)) => kept_or_deleted(&b, t, Side::Ours, conflicts),
            (None, Some(x), None) | (None, None, Some(x)) => Some(x),
            (_, None, None) => None,
        };
        out.extend(item);
    }
    Ok(out)
}

fn kept_or_deleted<T: Item>(
    base: &T,
    kept: T,
    deleted_by: Side,
    conflicts: &mut Vec<Conflict>,
) -> Option<T> {
    if *base == kept {
        return None;
    }
    conflicts.push(Conflict {
        on: kept.on(),
        field: String::new(),
        other: String::new(),
        from: deleted_by,
    });
    Some(kept)
}

#[cfg(test)]
mod tests;
