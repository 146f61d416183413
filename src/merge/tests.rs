use super::*;
use crate::anchor::Anchor;
use crate::model::{ArticleMeta, Status, now};
use crate::text::TextIndex;

const TEXT: &str = "Putin would be open to peace talks in exchange for discussing potential land swaps, according to several people. Trump said there was great progress.";

fn base() -> Briefing {
    let mut b = Briefing::new("Calls", "A");
    let mut a = Article::new(ArticleMeta::default(), TEXT, now());
    let index = TextIndex::new(&a.text);
    let at = a.text.find("peace talks").unwrap();
    a.insert_claim(Claim::new(
        Status::Reported,
        Anchor::new(&index, at..at + 11).unwrap(),
        now(),
    ));
    b.articles.push(a);
    b
}

fn tag(b: &mut Briefing, quote: &str) -> crate::model::ClaimId {
    let a = &mut b.articles[0];
    let at = a.text.find(quote).unwrap();
    let c = Claim::new(
        Status::Reported,
        Anchor::new(&TextIndex::new(&a.text), at..at + quote.len()).unwrap(),
        now(),
    );
    let id = c.id;
    a.insert_claim(c);
    id
}

#[test]
fn claims_added_on_both_sides_are_both_kept() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let a = tag(&mut ours, "potential land swaps");
    let b = tag(&mut theirs, "great progress");
    let m = merge(Some(&base), &ours, &theirs).unwrap();
    assert_eq!(m.new_conflicts, 0);
    assert!(m.briefing.find_claim(a).is_some() && m.briefing.find_claim(b).is_some());
    assert_eq!(m.briefing.claims().count(), 3);
}

#[test]
fn the_same_note_edited_differently_is_one_conflict_keeping_both() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.articles[0].claims[0].note = "Ours".into();
    theirs.articles[0].claims[0].note = "Theirs".into();
    theirs.articles[0].claims[0].speaker = "Several people".into();
    let m = merge(Some(&base), &ours, &theirs).unwrap();
    let c = &m.briefing.articles[0].claims[0];
    assert_eq!(c.note, "Ours");
    assert_eq!(
        c.speaker, "Several people",
        "a field only theirs changed is theirs"
    );
    assert_eq!(m.briefing.conflicts.len(), 1);
    let conflict = &m.briefing.conflicts[0];
    assert_eq!(conflict.field, "note");
    assert_eq!(conflict.other_words(), "Theirs");
    // Taking the other value settles it.
    let mut b = m.briefing.clone();
    take_other(&mut b, conflict).unwrap();
    assert_eq!(b.articles[0].claims[0].note, "Theirs");
}

#[test]
fn deleted_on_one_side_changed_on_the_other_is_kept_and_flagged() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.articles.clear();
    tag(&mut theirs, "great progress");
    let m = merge(Some(&base), &ours, &theirs).unwrap();
    assert_eq!(m.briefing.articles.len(), 1);
    assert_eq!(m.briefing.claims().count(), 2);
    assert_eq!(m.briefing.conflicts.len(), 1);
    assert!(m.briefing.conflicts[0].is_deletion());
    assert_eq!(m.briefing.conflicts[0].from, Side::Ours);
    // Deleted on one side and untouched on the other: deleted.
    let m = merge(Some(&base), &ours, &base).unwrap();
    assert!(m.briefing.articles.is_empty());
    assert!(m.briefing.conflicts.is_empty());
}

#[test]
fn tags_combine_and_times_take_the_later() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let later = base.articles[0].claims[0].modified + chrono::Duration::seconds(60);
    ours.articles[0].claims[0].tags = ["ours".to_owned()].into();
    theirs.articles[0].claims[0].tags = ["theirs".to_owned()].into();
    theirs.articles[0].claims[0].modified = later;
    let m = merge(Some(&base), &ours, &theirs).unwrap();
    let c = &m.briefing.articles[0].claims[0];
    assert_eq!(c.tags.len(), 2);
    assert_eq!(c.modified, later);
    assert!(m.briefing.conflicts.is_empty());
}

#[test]
fn an_unchanged_side_gives_the_other_side() {
    let base = base();
    let mut ours = base.clone();
    tag(&mut ours, "great progress");
    ours.articles[0].claims[0].note = "x".into();
    assert_eq!(merge(Some(&base), &ours, &base).unwrap().briefing, ours);
    assert_eq!(merge(Some(&base), &base, &ours).unwrap().briefing, ours);
}

#[test]
fn texts_changed_on_both_sides_are_a_conflict_and_claims_are_checked_against_the_text_kept() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.articles[0].text = format!("UPDATED. {TEXT}");
    theirs.articles[0].text = TEXT.replace("great progress", "some progress");
    // Theirs tags words only their text has.
    tag(&mut theirs, "some progress");
    let m = merge(Some(&base), &ours, &theirs).unwrap();
    let mut b = m.briefing;
    assert_eq!(b.articles[0].text, ours.articles[0].text);
    let text_conflict = b.conflicts.iter().find(|c| c.field == "text").unwrap();
    assert!(text_conflict.other_words().contains("some progress"));
    let report = crate::file::check_briefing(&mut b, std::path::Path::new("m.ron")).unwrap();
    let index = TextIndex::new(&b.articles[0].text);
    for c in &b.articles[0].claims {
        assert!(
            c.anchor.orphaned || index.slice(c.anchor.range()) == Some(c.anchor.quote.as_str()),
            "{c:?}"
        );
    }
    let theirs_claim = b.articles[0]
        .claims
        .iter()
        .find(|c| c.anchor.quote == "some progress")
        .expect("kept");
    assert!(
        theirs_claim.anchor.orphaned,
        "on words the text kept lacks: orphaned"
    );
    assert!(report.orphaned.iter().any(|o| o.claim == theirs_claim.id));
}

#[test]
fn a_claim_deleted_on_one_side_and_newly_linked_on_the_other_comes_back_flagged() {
    let mut base = base();
    let claim = base.articles[0].claims[0].id;
    base.judgments
        .push(crate::model::Judgment::new("A summit is likely", now()));
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.articles[0].claims.clear();
    theirs.judgments[0].set_stance(claim, Some(crate::model::Stance::Supports));
    let m = merge(Some(&base), &ours, &theirs).unwrap();
    let mut b = m.briefing;
    crate::file::check_briefing(&mut b, std::path::Path::new("m.ron")).unwrap();
    assert!(
        b.find_claim(claim).is_some(),
        "the claim the link rests on is kept"
    );
    assert_eq!(b.judgments[0].evidence.len(), 1, "and the link with it");
    assert_eq!(b.conflicts.len(), 1);
    assert!(b.conflicts[0].is_deletion() && b.conflicts[0].from == Side::Ours);
    // Deleted on one side, and nothing new resting on it: deleted, links and all.
    let mut linked_before = base.clone();
    linked_before.judgments[0].set_stance(claim, Some(crate::model::Stance::Supports));
    let mut deleted = linked_before.clone();
    deleted.articles[0].claims.clear();
    deleted.judgments[0].evidence.clear();
    let m = merge(Some(&linked_before), &deleted, &linked_before).unwrap();
    assert!(m.briefing.find_claim(claim).is_none());
    assert!(m.briefing.conflicts.is_empty());
}

#[test]
fn two_texts_in_conflict_are_shown_from_where_they_part() {
    let long = "A paragraph that both versions share, word for word. ".repeat(20);
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.articles[0].text = format!("{long}\n\nMarkets rose sharply after the call.");
    theirs.articles[0].text = format!("{long}\n\nMarkets fell after the call.");
    let m = merge(Some(&base), &ours, &theirs).unwrap();
    let c = m
        .briefing
        .conflicts
        .iter()
        .find(|c| c.field == "text")
        .unwrap();
    let v = view(&m.briefing, c, &Default::default());
    assert_eq!(v.kept, "…Markets rose sharply after the call.");
    assert_eq!(v.other, "…Markets fell after the call.");
    // `check`'s one line shows the difference too.
    assert!(
        v.line()
            .contains("other (theirs): “…Markets fell after the call.”"),
        "{}",
        v.line()
    );
}
