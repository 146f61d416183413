//! Three-way merge of one item's fields. Items go through their JSON form so that one rule
//! serves every kind of item: a field changed on one side takes that change, a field changed
//! the same way on both is that value, and a field changed differently on both keeps ours
//! and records theirs — except where a field's meaning gives a better answer (times take the
//! later, tags and links combine).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::model::{Conflict, ConflictOn, Side};

/// A claim's anchor is one thing: its span without its quote means nothing.
pub const ANCHOR_FIELDS: [&str; 5] = ["span", "quote", "prefix", "suffix", "orphaned"];
/// Times: the later one is the item's.
const LATER: [&str; 3] = ["created", "modified", "added"];
/// Sets of words: what either side added is in, what either removed is out.
const SETS: [&str; 2] = ["tags", "dismissed"];
/// Lists of `"<claim id> <value>"` lines, one per claim: combined claim by claim.
const KEYED: [&str; 2] = ["evidence", "ratings"];

/// Merges `ours` and `theirs` (objects) against `base`, recording in `conflicts` what it
/// cannot decide.
pub fn merge_object(
    on: ConflictOn,
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let mut out = ours.clone();
    let keys: BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
    let get = |m: Option<&Map<String, Value>>, k: &str| m.and_then(|m| m.get(k)).cloned();
    for key in keys {
        let k = key.as_str();
        if ANCHOR_FIELDS.contains(&k) {
            continue;
        }
        let (b, o, t) = (get(base, k), get(Some(ours), k), get(Some(theirs), k));
        let merged = if o == t || b == t {
            o
        } else if b == o {
            t
        } else if LATER.contains(&k) {
            // RFC 3339 times in UTC, all written alike: as strings they sort as times.
            if t.as_ref().and_then(Value::as_str) > o.as_ref().and_then(Value::as_str) {
                t
            } else {
                o
            }
        } else if SETS.contains(&k) {
            Some(merge_set(b, o, t))
        } else if KEYED.contains(&k) {
            match merge_keyed(b.as_ref(), o.as_ref(), t.as_ref()) {
                Some(v) => Some(v),
                None => {
                    conflicts.push(changed(on, k, t.as_ref()));
                    o
                }
            }
        } else {
            conflicts.push(changed(on, k, t.as_ref()));
            o
        };
        set(&mut out, k, merged);
    }
    if ours.contains_key("quote") || theirs.contains_key("quote") {
        merge_anchor(on, base, ours, theirs, &mut out, conflicts);
    }
    out
}

fn set(out: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    match value {
        Some(v) => {
            out.insert(key.to_owned(), v);
        }
        None => {
            out.remove(key);
        }
    }
}

fn changed(on: ConflictOn, field: &str, theirs: Option<&Value>) -> Conflict {
    Conflict {
        on,
        field: field.to_owned(),
        other: theirs.unwrap_or(&Value::Null).to_string(),
        from: Side::Theirs,
    }
}

/// The anchor's fields as one value (absent fields as null).
fn anchor_of(m: &Map<String, Value>) -> Map<String, Value> {
    ANCHOR_FIELDS
        .iter()
        .map(|&k| (k.to_owned(), m.get(k).cloned().unwrap_or(Value::Null)))
        .collect()
}

fn merge_anchor(
    on: ConflictOn,
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    out: &mut Map<String, Value>,
    conflicts: &mut Vec<Conflict>,
) {
    let (o, t) = (anchor_of(ours), anchor_of(theirs));
    let b = base.map(anchor_of);
    let take = if o == t || b.as_ref() == Some(&t) {
        &o
    } else if b.as_ref() == Some(&o) {
        &t
    } else {
        conflicts.push(changed(on, "anchor", Some(&Value::Object(t.clone()))));
        &o
    };
    put_anchor(out, take);
}

/// Writes an anchor's fields into an item, leaving out the null ones.
pub fn put_anchor(out: &mut Map<String, Value>, anchor: &Map<String, Value>) {
    for k in ANCHOR_FIELDS {
        set(out, k, anchor.get(k).filter(|v| !v.is_null()).cloned());
    }
}

fn strings(v: Option<Value>) -> BTreeSet<String> {
    match v {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => BTreeSet::new(),
    }
}

fn merge_set(b: Option<Value>, o: Option<Value>, t: Option<Value>) -> Value {
    let (b, o, t) = (strings(b), strings(o), strings(t));
    let kept = o
        .iter()
        .chain(t.iter())
        .filter(|x| !b.contains(*x) || (o.contains(*x) && t.contains(*x)))
        .cloned()
        .collect::<BTreeSet<String>>();
    Value::Array(kept.into_iter().map(Value::String).collect())
}

/// `"<claim id> <value>"` lines by claim id, in order.
fn keyed(v: Option<&Value>) -> (Vec<String>, BTreeMap<String, String>) {
    let mut order = Vec::new();
    let mut map = BTreeMap::new();
    for line in v.and_then(Value::as_array).into_iter().flatten() {
        if let Some(s) = line.as_str() {
            let (key, value) = s.split_once(' ').unwrap_or((s, ""));
            if map.insert(key.to_owned(), value.to_owned()).is_none() {
                order.push(key.to_owned());
            }
        }
    }
    (order, map)
}

/// Combines per claim; `None` when a claim's link or rating was changed differently on
/// both sides (the caller records a conflict on the whole list).
fn merge_keyed(b: Option<&Value>, o: Option<&Value>, t: Option<&Value>) -> Option<Value> {
    let (_, b) = keyed(b);
    let (o_order, om) = keyed(o);
    let (t_order, tm) = keyed(t);
    let mut out = Vec::new();
    for key in o_order
        .iter()
        .chain(t_order.iter().filter(|k| !om.contains_key(*k)))
    {
        let (bv, ov, tv) = (b.get(key), om.get(key), tm.get(key));
        let v = if ov == tv || bv == tv {
            ov
        } else if bv == ov {
            tv
        } else {
            return None;
        };
        if let Some(v) = v {
            out.push(Value::String(format!("{key} {v}")));
        }
    }
    Some(Value::Array(out))
}
