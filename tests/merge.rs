//! The merge over random edit scripts on both sides: it never loses a claim, a field
//! changed on both sides is a conflict holding the other value, and merging with an
//! unchanged side gives the other side's file byte for byte.

use briefing_notes::anchor::Anchor;
use briefing_notes::edit::{Edit, apply};
use briefing_notes::file::{check_briefing, from_ron_str, to_ron_string};
use briefing_notes::merge::merge;
use briefing_notes::model::{
    Article, ArticleMeta, Briefing, Claim, ClaimId, Conflict, ConflictOn, Judgment, Stance, Status,
    now,
};
use briefing_notes::text::TextIndex;
use proptest::prelude::*;
use std::path::Path;

const TEXTS: [&str; 2] = [
    "Putin would be open to peace talks in exchange for discussing potential land swaps, according to several people. Trump said there was great progress.",
    "The Kremlin said the call lasted two hours. Officials in Kyiv were not told in advance, a diplomat said.",
];

fn base() -> Briefing {
    let mut b = Briefing::new("Calls", "A");
    for t in TEXTS {
        b.articles
            .push(Article::new(ArticleMeta::default(), t, now()));
    }
    b
}

#[derive(Debug, Clone)]
enum Op {
    Tag {
        article: usize,
        at: usize,
        len: usize,
    },
    Untag(usize),
    Note(usize, u8),
    Restatus(usize, u8),
    AddTag(usize, u8),
    Retitle(usize, u8),
    AddArticle,
    RemoveArticle(usize),
    Judge(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..3, 0usize..140, 1usize..40).prop_map(|(article, at, len)| Op::Tag { article, at, len }),
        1 => any::<usize>().prop_map(Op::Untag),
        2 => (any::<usize>(), 0u8..3).prop_map(|(i, n)| Op::Note(i, n)),
        1 => (any::<usize>(), 0u8..3).prop_map(|(i, n)| Op::Restatus(i, n)),
        1 => (any::<usize>(), 0u8..3).prop_map(|(i, n)| Op::AddTag(i, n)),
        1 => (any::<usize>(), 0u8..2).prop_map(|(i, n)| Op::Retitle(i, n)),
        1 => Just(Op::AddArticle),
        1 => any::<usize>().prop_map(Op::RemoveArticle),
        1 => any::<usize>().prop_map(Op::Judge),
    ]
}

fn nth_claim(b: &Briefing, i: usize) -> Option<(briefing_notes::model::ArticleId, Claim)> {
    let n = b.claims().count();
    (n > 0).then(|| {
        let (a, c) = b.claims().nth(i % n).unwrap();
        (a.id, c.clone())
    })
}

/// Applies an edit script as the app would: one `Edit` at a time.
fn play(b: &mut Briefing, ops: &[Op], side: &str) {
    for op in ops {
        let edit = match op.clone() {
            Op::Tag { article, at, len } => {
                let Some(a) = b.articles.get(article % b.articles.len().max(1)) else {
                    continue;
                };
                let index = TextIndex::new(&a.text);
                let n = index.char_len();
                let start = at % n.max(1);
                let Ok(anchor) =
                    Anchor::new(&index, index.snap_to_graphemes(start..(start + len).min(n)))
                else {
                    continue;
                };
                Edit::AddClaim {
                    article: a.id,
                    claim: Box::new(Claim::new(Status::Reported, anchor, now())),
                }
            }
            Op::Untag(i) => {
                let Some((article, c)) = nth_claim(b, i) else {
                    continue;
                };
                Edit::RemoveClaim { article, id: c.id }
            }
            Op::Note(i, n) | Op::Restatus(i, n) | Op::AddTag(i, n) => {
                let Some((article, mut c)) = nth_claim(b, i) else {
                    continue;
                };
                match op {
                    Op::Note(..) => c.note = format!("{side} note {n}"),
                    Op::Restatus(..) => c.status = Status::ALL[n as usize],
                    _ => {
                        c.tags.insert(format!("{side}-{n}"));
                    }
                }
                Edit::ReplaceClaim {
                    article,
                    claim: Box::new(c),
                }
            }
            Op::Retitle(i, n) => {
                let Some(a) = b.articles.get(i % b.articles.len().max(1)) else {
                    continue;
                };
                let mut meta = a.meta();
                meta.title = format!("{side} title {n}");
                Edit::SetArticleMeta { id: a.id, meta }
            }
            Op::AddArticle => Edit::AddArticle {
                index: usize::MAX,
                article: Box::new(Article::new(ArticleMeta::default(), TEXTS[1], now())),
            },
            Op::RemoveArticle(i) => {
                let Some(a) = b.articles.get(i % b.articles.len().max(1)) else {
                    continue;
                };
                Edit::RemoveArticle { id: a.id }
            }
            Op::Judge(i) => {
                let mut j = Judgment::new(format!("{side} judges"), now());
                if let Some((_, c)) = nth_claim(b, i) {
                    j.set_stance(c.id, Some(Stance::Supports));
                }
                Edit::AddJudgment {
                    index: usize::MAX,
                    judgment: Box::new(j),
                }
            }
        };
        let _ = apply(b, edit);
    }
}

/// As the merge driver does it: merged, then checked as a loaded file is.
fn merged(base: &Briefing, ours: &Briefing, theirs: &Briefing) -> Briefing {
    let mut m = merge(Some(base), ours, theirs).unwrap().briefing;
    check_briefing(&mut m, Path::new("merged.ron")).unwrap();
    m
}

fn claim_of(b: &Briefing, id: ClaimId) -> Option<&Claim> {
    b.find_claim(id).map(|(_, c)| c)
}

fn conflict_on<'a>(m: &'a Briefing, id: ClaimId, field: &str) -> Option<&'a Conflict> {
    m.conflicts
        .iter()
        .find(|c| c.on == ConflictOn::Claim(id) && c.field == field)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_merge_never_loses_a_claim(
        shared in proptest::collection::vec(op(), 0..8),
        ours_ops in proptest::collection::vec(op(), 0..10),
        theirs_ops in proptest::collection::vec(op(), 0..10),
    ) {
        let mut base = base();
        play(&mut base, &shared, "base");
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        play(&mut ours, &ours_ops, "ours");
        play(&mut theirs, &theirs_ops, "theirs");
        let m = merged(&base, &ours, &theirs);

        for (side, other) in [(&ours, &theirs), (&theirs, &ours)] {
            for (_, c) in side.claims() {
                let in_base = claim_of(&base, c.id);
                let deleted_unchanged = other.find_claim(c.id).is_none() && in_base == Some(c);
                prop_assert!(
                    claim_of(&m, c.id).is_some() || deleted_unchanged,
                    "claim {} lost", c.id
                );
            }
        }
        for (_, c) in m.claims() {
            let (b, o, t) = (claim_of(&base, c.id), claim_of(&ours, c.id), claim_of(&theirs, c.id));
            let note = |x: Option<&Claim>| x.map(|x| x.note.clone());
            let (bn, on, tn) = (note(b), note(o), note(t));
            if let (Some(on), Some(tn)) = (&on, &tn) {
                if bn.as_ref() != Some(on) && bn.as_ref() != Some(tn) && on != tn {
                    prop_assert_eq!(&c.note, on);
                    let conflict = conflict_on(&m, c.id, "note");
                    prop_assert!(conflict.is_some_and(|x| x.other_words() == *tn), "their note kept");
                } else if bn.as_ref() == Some(on) {
                    prop_assert_eq!(&c.note, tn);
                } else {
                    prop_assert_eq!(&c.note, on);
                }
            }
        }
        // The result is a briefing file like any other.
        let text = to_ron_string(&m);
        let (again, report) = from_ron_str(&text, Path::new("m.ron")).unwrap();
        prop_assert!(!report.changed_anything(), "{:?}", report);
        prop_assert_eq!(to_ron_string(&again), text);

        // An unchanged side gives the other side's file, byte for byte.
        prop_assert_eq!(to_ron_string(&merged(&base, &ours, &base)), to_ron_string(&ours));
        prop_assert_eq!(to_ron_string(&merged(&base, &base, &theirs)), to_ron_string(&theirs));
    }
}
