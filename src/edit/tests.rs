//! Edits and their inverses, and the history built on them.

use super::*;
use crate::anchor::Anchor;
use crate::model::{Status, now};

fn sample() -> (Briefing, ArticleId) {
    let mut b = Briefing::new("Talks", "A. Analyst");
    let a = Article::new(
        ArticleMeta {
            title: "Call".into(),
            ..Default::default()
        },
        "The call lasted an hour. Both sides confirmed it.",
        now(),
    );
    let id = a.id;
    b.articles.push(a);
    (b, id)
}

fn claim_on(b: &Briefing, article: ArticleId, range: std::ops::Range<usize>) -> Claim {
    let text = &b.article(article).unwrap().text;
    let anchor = Anchor::new(&TextIndex::new(text), range).unwrap();
    Claim::new(Status::Reported, anchor, now())
}

#[test]
fn every_edit_undoes_and_redoes_to_the_same_state() {
    let (mut b, art) = sample();
    let original = b.clone();
    let claim = claim_on(&b, art, 4..8);
    let mut changed = claim.clone();
    changed.status = Status::Confirmed;
    changed.note = "Checked with both readouts.".into();
    let edits = vec![
        Edit::SetField {
            field: BriefingField::Summary,
            value: "Bottom line.".into(),
        },
        Edit::AddClaim {
            article: art,
            claim: Box::new(claim.clone()),
        },
        Edit::ReplaceClaim {
            article: art,
            claim: Box::new(changed),
        },
        Edit::SetArticleMeta {
            id: art,
            meta: ArticleMeta {
                title: "Renamed".into(),
                ..Default::default()
            },
        },
        Edit::SetSuggestionDismissed {
            article: art,
            span: Span { start: 0, end: 23 },
            dismissed: true,
        },
        // Dismissing it again changes nothing, and undoes to nothing.
        Edit::SetSuggestionDismissed {
            article: art,
            span: Span { start: 0, end: 23 },
            dismissed: true,
        },
        Edit::RemoveClaim {
            article: art,
            id: claim.id,
        },
        Edit::RemoveArticle { id: art },
    ];
    let mut h = History::saved();
    let mut states = vec![b.clone()];
    for e in edits {
        h.apply(&mut b, e).unwrap();
        states.push(b.clone());
    }
    assert!(h.is_dirty());
    undoes_and_redoes_through(&mut h, &mut b, &states);
    assert!(!h.is_dirty(), "back at the saved state");
    assert!(same(&b, &original));
}

/// Equal but for the time of the last change.
fn same(x: &Briefing, y: &Briefing) -> bool {
    let mut x = x.clone();
    x.modified = y.modified;
    x == *y
}

/// Undoes back through `states` (each the briefing after one edit, the first before any),
/// checking each, to the first and no further; then redoes forward through them all.
#[track_caller]
fn undoes_and_redoes_through(h: &mut History, b: &mut Briefing, states: &[Briefing]) {
    for expected in states.iter().rev().skip(1) {
        assert!(h.undo(b).unwrap());
        assert!(same(b, expected));
    }
    assert!(!h.undo(b).unwrap());
    let first = b.clone();
    for expected in states.iter().skip(1) {
        assert!(h.redo(b).unwrap());
        assert!(same(b, expected));
    }
    assert!(!h.redo(b).unwrap());
    for _ in 1..states.len() {
        assert!(h.undo(b).unwrap());
    }
    assert!(same(b, &first));
}

#[test]
fn failed_batch_changes_nothing() {
    let (mut b, art) = sample();
    let before = b.clone();
    let claim = claim_on(&b, art, 0..3);
    let bad = Edit::Batch(vec![
        Edit::AddClaim {
            article: art,
            claim: Box::new(claim.clone()),
        },
        Edit::AddClaim {
            article: art,
            claim: Box::new(claim),
        },
    ]);
    let mut h = History::saved();
    assert!(matches!(
        h.apply(&mut b, bad),
        Err(EditError::DuplicateClaim(_))
    ));
    assert_eq!(b.articles, before.articles);
    assert!(!h.is_dirty());
}

#[test]
fn claims_with_wrong_offsets_are_refused() {
    let (mut b, art) = sample();
    let mut claim = claim_on(&b, art, 4..8);
    claim.anchor.start = 5;
    let r = apply(
        &mut b,
        Edit::AddClaim {
            article: art,
            claim: Box::new(claim),
        },
    );
    assert_eq!(r, Err(EditError::AnchorMismatch));
}

#[test]
fn claims_stay_sorted_by_position() {
    let (mut b, art) = sample();
    for r in [[20, 25], [0, 3], [10, 15]] {
        let c = claim_on(&b, art, r[0]..r[1]);
        apply(
            &mut b,
            Edit::AddClaim {
                article: art,
                claim: Box::new(c),
            },
        )
        .unwrap();
    }
    let starts: Vec<usize> = b.articles[0]
        .claims
        .iter()
        .map(|c| c.anchor.start)
        .collect();
    assert_eq!(starts, vec![0, 10, 20]);
}

#[test]
fn merged_edits_undo_as_one() {
    let (mut b, _) = sample();
    let mut h = History::saved();
    let key = MergeKey::Briefing(BriefingField::Summary);
    for v in ["B", "Bo", "Bot"] {
        let e = Edit::SetField {
            field: BriefingField::Summary,
            value: v.into(),
        };
        h.apply_merging(&mut b, e, key).unwrap();
    }
    h.seal();
    let e = Edit::SetField {
        field: BriefingField::Summary,
        value: "Bott".into(),
    };
    h.apply_merging(&mut b, e, key).unwrap();
    h.undo(&mut b).unwrap();
    assert_eq!(b.summary, "Bot");
    h.undo(&mut b).unwrap();
    assert_eq!(b.summary, "");
    assert!(!h.is_dirty());
    h.redo(&mut b).unwrap();
    assert_eq!(b.summary, "Bot");
}

#[test]
fn new_edit_after_undo_clears_redo_and_dirties() {
    let (mut b, _) = sample();
    let mut h = History::saved();
    let set = |v: &str| Edit::SetField {
        field: BriefingField::Title,
        value: v.into(),
    };
    h.apply(&mut b, set("One")).unwrap();
    h.mark_saved();
    h.undo(&mut b).unwrap();
    assert!(h.is_dirty());
    h.apply(&mut b, set("Two")).unwrap();
    assert!(!h.can_redo());
    assert!(h.is_dirty());
    assert_eq!(b.title, "Two");
}

#[test]
fn deleting_a_claim_takes_its_links_and_ratings_and_undo_brings_them_back() {
    use crate::model::{Consistency, Hypothesis, Judgment, Stance};
    let (mut b, art) = sample();
    let kept = claim_on(&b, art, 0..3);
    let gone = claim_on(&b, art, 4..8);
    for c in [&kept, &gone] {
        apply(
            &mut b,
            Edit::AddClaim {
                article: art,
                claim: Box::new(c.clone()),
            },
        )
        .unwrap();
    }
    let mut j = Judgment::new("The call happened", now());
    j.set_stance(kept.id, Some(Stance::Supports));
    j.set_stance(gone.id, Some(Stance::Contradicts));
    let h = Hypothesis::new("It was long", now());
    let (jid, hid) = (j.id, h.id);
    let mut history = History::saved();
    for e in [
        Edit::AddJudgment {
            index: 9,
            judgment: Box::new(j),
        },
        Edit::AddHypothesis {
            index: 0,
            hypothesis: Box::new(h),
        },
        Edit::SetRating {
            hypothesis: hid,
            claim: gone.id,
            value: Some(Consistency::VeryInconsistent),
        },
    ] {
        history.apply(&mut b, e).unwrap();
    }
    let linked = b.clone();
    history
        .apply(
            &mut b,
            Edit::RemoveClaim {
                article: art,
                id: gone.id,
            },
        )
        .unwrap();
    let judgment = b.judgment(jid).unwrap();
    assert_eq!(judgment.evidence.len(), 1);
    assert_eq!(judgment.stance_of(kept.id), Some(Stance::Supports));
    assert!(b.hypothesis(hid).unwrap().ratings.is_empty());
    let removed = b.clone();
    history.undo(&mut b).unwrap();
    assert_eq!(b.judgments, linked.judgments);
    assert_eq!(b.hypotheses, linked.hypotheses);
    assert_eq!(b.articles, linked.articles);
    history.redo(&mut b).unwrap();
    assert_eq!(b.judgments, removed.judgments);
    assert_eq!(b.hypotheses, removed.hypotheses);
    // Removing the whole article does the same for all of its claims.
    history.undo(&mut b).unwrap();
    history
        .apply(&mut b, Edit::RemoveArticle { id: art })
        .unwrap();
    assert!(b.judgment(jid).unwrap().evidence.is_empty());
    history.undo(&mut b).unwrap();
    assert_eq!(b.judgments, linked.judgments);
    assert_eq!(b.hypotheses, linked.hypotheses);
}

#[test]
fn judgment_and_hypothesis_edits_undo_and_check_their_claims() {
    use crate::model::{Hypothesis, Judgment, Stance};
    let (mut b, art) = sample();
    let claim = claim_on(&b, art, 4..8);
    let cid = claim.id;
    apply(
        &mut b,
        Edit::AddClaim {
            article: art,
            claim: Box::new(claim),
        },
    )
    .unwrap();
    let first = Judgment::new("One", now());
    let second = Judgment::new("Two", now());
    let (j1, j2) = (first.id, second.id);
    let mut h = History::saved();
    h.apply(
        &mut b,
        Edit::AddJudgment {
            index: 0,
            judgment: Box::new(first),
        },
    )
    .unwrap();
    h.apply(
        &mut b,
        Edit::AddJudgment {
            index: 5,
            judgment: Box::new(second),
        },
    )
    .unwrap();
    h.apply(&mut b, Edit::MoveJudgment { id: j2, index: 0 })
        .unwrap();
    assert_eq!(b.judgments[0].id, j2);
    h.undo(&mut b).unwrap();
    assert_eq!(b.judgments[0].id, j1);
    let mut linked = b.judgment(j1).unwrap().clone();
    linked.set_stance(cid, Some(Stance::Supports));
    let mut dangling = linked.clone();
    dangling.set_stance(ClaimId::new(), Some(Stance::Supports));
    assert!(matches!(
        h.apply(
            &mut b,
            Edit::ReplaceJudgment {
                judgment: Box::new(dangling)
            }
        ),
        Err(EditError::NoClaim(_))
    ));
    h.apply(
        &mut b,
        Edit::ReplaceJudgment {
            judgment: Box::new(linked),
        },
    )
    .unwrap();
    assert_eq!(b.judgments_of(cid).count(), 1);
    let hyp = Hypothesis::new("H", now());
    let hid = hyp.id;
    h.apply(
        &mut b,
        Edit::AddHypothesis {
            index: 0,
            hypothesis: Box::new(hyp),
        },
    )
    .unwrap();
    h.apply(
        &mut b,
        Edit::SetHypothesisText {
            id: hid,
            text: "Renamed".into(),
        },
    )
    .unwrap();
    let bad = Edit::SetRating {
        hypothesis: hid,
        claim: ClaimId::new(),
        value: Some(crate::model::Consistency::Neutral),
    };
    assert!(h.apply(&mut b, bad).is_err());
    h.apply(&mut b, Edit::RemoveJudgment { id: j1 }).unwrap();
    h.apply(&mut b, Edit::RemoveHypothesis { id: hid }).unwrap();
    assert!(b.judgments.len() == 1 && b.hypotheses.is_empty());
    while h.undo(&mut b).unwrap() {}
    assert!(b.judgments.is_empty() && b.hypotheses.is_empty());
    assert!(!h.is_dirty());
}

#[test]
fn settling_merge_conflicts_undoes_and_redoes() {
    let (base, art) = sample();
    let mut base = base;
    let claim = claim_on(&base, art, 4..24);
    let id = claim.id;
    base.articles[0].insert_claim(claim);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.articles[0].claims[0].note = "Ours".into();
    theirs.articles[0].claims[0].note = "Theirs".into();
    ours.title = "Our title".into();
    theirs.title = "Their title".into();
    ours.articles[0].text = "The call lasted an hour. Both sides confirmed it. Ours.".into();
    theirs.articles[0].text = "Theirs. The call lasted an hour. Both sides confirmed it.".into();
    let other_claim = claim_on(&base, art, 9..15);
    let other = other_claim.id;
    theirs.articles[0].insert_claim(other_claim.clone());
    base.articles[0].insert_claim(other_claim);
    ours.articles[0].claims.retain(|c| c.id != other);
    theirs.articles[0]
        .claims
        .iter_mut()
        .find(|c| c.id == other)
        .unwrap()
        .note = "Changed".into();
    let mut b = crate::merge::merge(Some(&base), &ours, &theirs)
        .unwrap()
        .briefing;
    assert_eq!(b.conflicts.len(), 4, "{:#?}", b.conflicts);
    let at = |b: &Briefing, f: &str| b.conflicts.iter().position(|c| c.field == f).unwrap();
    let mut h = History::saved();
    let mut states = vec![b.clone()];
    let steps = [("note", true), ("title", false), ("text", true), ("", true)];
    for (field, take_other) in steps {
        let index = at(&b, field);
        h.apply(&mut b, Edit::ResolveConflict { index, take_other })
            .unwrap();
        states.push(b.clone());
    }
    assert!(b.conflicts.is_empty());
    assert_eq!(b.find_claim(id).unwrap().1.note, "Theirs");
    assert_eq!(b.title, "Our title");
    assert!(b.articles[0].text.starts_with("Theirs."));
    assert!(b.find_claim(other).is_none(), "the deletion was taken");
    let (_, c) = b.find_claim(id).unwrap();
    assert!(
        c.anchor.orphaned
            || crate::text::TextIndex::new(&b.articles[0].text).slice(c.anchor.range())
                == Some(c.anchor.quote.as_str()),
        "the claim is checked against the other text: on its words, or orphaned"
    );
    undoes_and_redoes_through(&mut h, &mut b, &states);
}
