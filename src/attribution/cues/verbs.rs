//! Cues built on a verb of saying: "X said (that) …", "…, X said", "…, said X", "X told
//! Reuters", "…, saying …".

use super::phrases::{back_phrase, forward_phrase, plausible_source, sentence_subject};
use super::{Cue, CueKind, after};
use crate::attribution::lexicon::Lexicon;
use crate::attribution::structure::{Kind, Prose, Token};

pub(super) fn verb_cue(prose: &Prose, sentence: usize, v: usize, lx: &Lexicon) -> Option<Cue> {
    let s = &prose.sentences[sentence];
    let toks = &prose.tokens;
    let (first, end) = (s.tokens.start, s.tokens.end);
    let verb = &toks[v];
    let prev = (v > first).then(|| &toks[v - 1]);
    // "intelligence reports seen by…", "many reports suggest": a noun, not a verb.
    if lx.noun_like_verbs.has(&verb.lower)
        && (prev.is_some_and(|p| p.is_word() && lx.determiners.has(&p.lower))
            || toks
                .get(v + 1)
                .is_some_and(|n| v + 1 < end && lx.speech_verbs.has(&n.lower)))
    {
        return None;
    }
    // Passive "was told", "is said to": the subject is not the source.
    if prev.is_some_and(|p| {
        matches!(
            p.lower.as_str(),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        )
    }) && !matches!(verb.lower.as_str(), "expected")
    {
        return None;
    }
    if verb.capital {
        return None;
    }
    // "added during that time", "added to the list": not speech.
    if matches!(verb.lower.as_str(), "added" | "adds")
        && toks.get(v + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "to" | "during" | "in" | "on" | "at" | "by" | "for" | "with" | "from"
            )
        })
        && !toks[v + 1..end.min(v + 7)]
            .iter()
            .any(|t| t.lower == "that")
    {
        return None;
    }
    // Read back over "has also" to the subject.
    let mut j = v;
    while j > first && toks[j - 1].is_word() && is_adverbial(&toks[j - 1], lx) {
        j -= 1;
    }
    // "The ministry did not say where…": nothing was said.
    if toks[j..v].iter().any(|t| {
        matches!(t.lower.as_str(), "not" | "never" | "no" | "neither" | "nor")
            || t.lower.ends_with("n't")
    }) {
        return None;
    }
    // "X condemned the attack and said …": the subject of the first verb.
    if j > first
        && toks[j - 1].lower == "and"
        && let Some(k) = (first..j - 1)
            .rev()
            .take(10)
            .find(|&k| toks[k].is_word() && !toks[k].capital && toks[k].lower.ends_with("ed"))
    {
        j = k;
        while j > first && toks[j - 1].is_word() && is_adverbial(&toks[j - 1], lx) {
            j -= 1;
        }
    }
    let pronoun_subject = j > first && {
        let w = &toks[j - 1].lower;
        lx.person_pronouns.has(w) || lx.thing_pronouns.has(w) || lx.plural_pronouns.has(w)
    };
    let mut source = if pronoun_subject {
        j - 1..j
    } else {
        back_phrase(toks, first, j, lx)
    };
    let mut relative = false;
    let mut inverted = false;
    if source.len() == 1 && matches!(toks[source.start].lower.as_str(), "who" | "which") {
        if toks[source.start].lower == "which" {
            return None;
        }
        relative = true;
        let before = source.start;
        source = if before > first && toks[before - 1].is_mark(',') {
            back_phrase(toks, first, before - 1, lx)
        } else {
            before..before
        };
    } else if source.is_empty() && j > first && toks[j - 1].is_mark(',') {
        // "Eric Reeves, a researcher at Smith College, said": step over the apposition.
        if let Some(comma) = (first..j - 1).rev().find(|&k| toks[k].is_mark(',')) {
            let inner = &toks[comma + 1..j - 1];
            let appositive = inner.first().is_some_and(|t| {
                matches!(t.lower.as_str(), "who" | "a" | "an" | "the")
                    || (!t.capital && t.is_word())
            }) && !inner.iter().any(|t| t.is_break());
            if appositive {
                source = back_phrase(toks, first, comma, lx);
            }
        }
    }
    let mut after_verb = v + 1;
    let mut told = after_verb..after_verb;
    if source.is_empty() {
        // "…,” said White House Press Secretary Karoline Leavitt."
        let opens = j == first || prev.is_some_and(|p| p.is_break());
        if !opens {
            return None;
        }
        source = forward_phrase(toks, v + 1, end, lx, false);
        if source.is_empty() {
            return None;
        }
        inverted = true;
        after_verb = source.end;
    } else if matches!(
        verb.lower.as_str(),
        "told" | "tells" | "tell" | "informed" | "assured" | "briefed"
    ) {
        told = forward_phrase(toks, v + 1, end, lx, false);
        after_verb = told.end.max(v + 1);
    }
    if !plausible_source(&toks[source.clone()], lx) {
        return None;
    }
    let clause = clause_follows(toks, after_verb, end, lx);
    let words_start = toks[source.start.min(v)].range.start;
    let words_end = toks[after_verb.max(v + 1) - 1].range.end;
    let set_off = inverted
        || (source.start > first
            && (toks[source.start - 1].is_break() || toks[source.start - 1].lower == "as"));
    let words_before = toks[first..source.start.min(v)]
        .iter()
        .filter(|t| t.is_word())
        .count();
    // "As Mashable reports, …": the source of the whole sentence.
    let as_cue = source.start > first && toks[source.start - 1].lower == "as" && !inverted;
    // After a set-off cue comes little: "…, Yahoo Finance reported earlier this year." or
    // "…, said Tom Forte, who follows Amazon".
    let tail: Vec<&Token> = toks[after_verb..end]
        .iter()
        .take_while(|t| t.is_word())
        .collect();
    let tail_ends = toks
        .get(after_verb + tail.len())
        .filter(|_| after_verb + tail.len() < end)
        .is_none_or(|t| t.is_mark(',') || t.is_mark('.') || t.is_mark(')'));
    let short_tail = tail.len() <= 5 && tail_ends;
    let postposed = set_off && !clause && short_tail && (words_before >= 2 || as_cue);
    if as_cue && toks.get(after_verb).is_some_and(|t| t.is_mark(',')) {
        let words_start = toks[source.start - 1].range.start;
        let scope = if words_start <= s.range.start + 2 {
            after(toks, after_verb + 1, end, s.range.end, lx)
        } else {
            s.range.start..words_start
        };
        return Some(Cue {
            sentence,
            kind: CueKind::According,
            source,
            relative: false,
            told: after_verb..after_verb,
            verb: verb.lower.clone(),
            words: words_start..toks[after_verb - 1].range.end,
            scope,
        });
    }
    if !postposed && !clause && !lx.bare_clause_verbs.has(&verb.lower) {
        return None;
    }
    if !postposed && after_verb >= end {
        return None;
    }
    let parenthetical = postposed
        && after_verb < end
        && toks[after_verb].is_mark(',')
        && toks[after_verb + 1..end]
            .iter()
            .filter(|t| t.is_word())
            .count()
            >= 3;
    let scope = if parenthetical {
        s.range.start..s.range.end
    } else if postposed {
        s.range.start..words_start
    } else if relative {
        let stop = toks[after_verb..end]
            .iter()
            .find(|t| t.is_mark(','))
            .map_or(s.range.end, |t| t.range.start);
        toks.get(after_verb).map_or(stop, |t| t.range.start)..stop
    } else {
        after(toks, after_verb, end, s.range.end, lx)
    };
    Some(Cue {
        sentence,
        kind: CueKind::Verb,
        source,
        relative,
        told,
        verb: verb.lower.clone(),
        words: words_start..words_end,
        scope,
    })
}

/// "…, saying (in a statement) that …": the sentence's subject says what follows.
pub(super) fn participle_cue(
    prose: &Prose,
    sentence: usize,
    v: usize,
    lx: &Lexicon,
) -> Option<Cue> {
    let s = &prose.sentences[sentence];
    let toks = &prose.tokens;
    let (first, end) = (s.tokens.start, s.tokens.end);
    if v == first || !toks[v - 1].is_mark(',') {
        return None;
    }
    let mut source = sentence_subject(toks, first, v, lx)?;
    // "The leader of Ennahda, Rachid Ghannouchi, condemned…": the name in apposition.
    if toks.get(source.end).is_some_and(|t| t.is_mark(',')) {
        let name = forward_phrase(toks, source.end + 1, v, lx, false);
        if !name.is_empty()
            && toks[name.clone()].iter().all(|t| t.capital)
            && toks.get(name.end).is_some_and(|t| t.is_mark(','))
        {
            source = name;
        }
    }
    if source.is_empty() || !plausible_source(&toks[source.clone()], lx) {
        return None;
    }
    Some(Cue {
        sentence,
        kind: CueKind::Verb,
        source,
        relative: false,
        told: v + 1..v + 1,
        verb: toks[v].lower.clone(),
        words: toks[v].range.clone(),
        scope: after(toks, v + 1, end, s.range.end, lx),
    })
}

/// What follows the verb is a reported clause: "that", a colon or quotation, a pronoun
/// subject, or a verb before the next comma ("said race relations had improved").
pub(super) fn clause_follows(toks: &[Token], from: usize, end: usize, lx: &Lexicon) -> bool {
    let Some(t) = toks.get(from).filter(|_| from < end) else {
        return false;
    };
    if t.kind == Kind::Open || t.is_mark(':') {
        return true;
    }
    let words: Vec<&Token> = toks[from..end]
        .iter()
        .take_while(|t| !t.is_break())
        .take(10)
        .collect();
    words.first().is_some_and(|w| {
        lx.person_pronouns.has(&w.lower)
            || lx.plural_pronouns.has(&w.lower)
            || w.lower == "it"
            || w.lower == "i"
    }) || words.iter().any(|w| w.lower == "that" && w.range.len() == 4)
        // A verb soon after: "said race relations had improved", not "feel like a bad user
        // experience when every other console has…".
        || words
            .iter()
            .take(5)
            .any(|w| !w.capital && lx.finite_verbs.has(&w.lower))
}

pub(super) fn is_adverbial(t: &Token, lx: &Lexicon) -> bool {
    lx.auxiliaries.has(&t.lower) || (t.lower.ends_with("ly") && !t.capital && t.lower.len() > 4)
}
