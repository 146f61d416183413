//! The phrases around a cue: the source read back from a verb or forward from "according
//! to", and the subject that opens a sentence.

use std::ops::Range;

use super::verbs::is_adverbial;
use super::{Cue, MAX_SOURCE};
use crate::attribution::lexicon::Lexicon;
use crate::attribution::structure::{Kind, Prose, Token};

/// "Trump was reportedly positive": the named subject of a hedged statement, if the hedge
/// follows it directly.
pub fn hedge_subject(prose: &Prose, hedge: &Cue, lx: &Lexicon) -> Option<Range<usize>> {
    let s = &prose.sentences[hedge.sentence];
    let toks = &prose.tokens;
    let first = s.tokens.start;
    let h = (first..s.tokens.end).find(|&k| toks[k].range.start == hedge.words.start)?;
    let mut j = h;
    while j > first && toks[j - 1].is_word() && is_adverbial(&toks[j - 1], lx) {
        j -= 1;
    }
    let source = back_phrase(toks, first, j, lx);
    let named = toks[source.clone()].iter().any(|t| t.capital)
        || (source.len() == 1 && lx.person_pronouns.has(&toks[source.start].lower));
    let at_start = toks[first..source.start].iter().all(|t| !t.is_word());
    (named && at_start && plausible_source(&toks[source.clone()], lx)).then_some(source)
}

/// The subject that opens a sentence, after an opening phrase such as "In the midst of the
/// fear,".
pub(super) fn sentence_subject(
    toks: &[Token],
    first: usize,
    end: usize,
    lx: &Lexicon,
) -> Option<Range<usize>> {
    let mut start = first;
    while start < end && !toks[start].is_word() {
        start += 1;
    }
    let opener = toks.get(start).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "in" | "on"
                | "at"
                | "after"
                | "during"
                | "despite"
                | "with"
                | "for"
                | "as"
                | "since"
                | "before"
                | "when"
                | "while"
                | "however"
                | "instead"
                | "meanwhile"
                | "later"
        )
    });
    // "Thankfully, …" opens a sentence the same way.
    let adverb = toks.get(start).is_some_and(|t| t.lower.ends_with("ly"))
        && toks.get(start + 1).is_some_and(|t| t.is_mark(','));
    if (opener || adverb)
        && let Some(comma) = (start..end).find(|&k| toks[k].is_mark(','))
    {
        start = comma + 1;
    }
    while start < end && toks[start].is_word() && is_adverbial(&toks[start], lx) {
        start += 1;
    }
    let source = forward_phrase(toks, start, end, lx, false);
    (!source.is_empty() && plausible_source(&toks[source.clone()], lx)).then_some(source)
}

/// The noun phrase that ends just before token `end`, read back to a break or a clause word.
pub(super) fn back_phrase(toks: &[Token], first: usize, end: usize, lx: &Lexicon) -> Range<usize> {
    let mut end = end;
    // "Commenter Paul Stoffregen (who wrote the story) noted": step over the brackets.
    if end > first
        && toks[end - 1].is_mark(')')
        && let Some(open) = (first..end - 1).rev().find(|&k| toks[k].is_mark('('))
    {
        end = open;
    }
    let mut k = end;
    while k > first && end - k < MAX_SOURCE {
        let t = &toks[k - 1];
        let possessive = t.kind == Kind::Mark('\'') || t.kind == Kind::Mark('’');
        if (t.is_break() && !possessive) || stops_phrase(t, lx) {
            break;
        }
        // "…was fine and the military said": a new subject after "and".
        if matches!(t.lower.as_str(), "and" | "or")
            && toks.get(k).is_some_and(|n| {
                k < end
                    && matches!(
                        n.lower.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
                    )
            })
        {
            break;
        }
        k -= 1;
    }
    // "reports seen by Reuters": the source is the reports; Reuters relayed them.
    if let Some(r) = (k..end.saturating_sub(1)).find(|&r| {
        matches!(
            toks[r].lower.as_str(),
            "seen" | "obtained" | "cited" | "quoted" | "published" | "reviewed"
        ) && toks[r + 1].lower == "by"
    }) {
        end = r;
    }
    if k < end
        && matches!(
            toks[k].lower.as_str(),
            "no" | "nobody" | "none" | "neither" | "nor"
        )
    {
        return end..end;
    }
    while k < end
        && matches!(
            toks[k].lower.as_str(),
            "and" | "or" | "of" | "in" | "for" | "by"
        )
    {
        k += 1;
    }
    k..end
}

/// The noun phrase that starts at token `start`: to a break, a clause word or, for a name
/// after a verb, a preposition ("told President Jacob Zuma by telephone").
pub(super) fn forward_phrase(
    toks: &[Token],
    start: usize,
    end: usize,
    lx: &Lexicon,
    long: bool,
) -> Range<usize> {
    let mut k = start;
    while k < end && k - start < MAX_SOURCE {
        let t = &toks[k];
        let possessive = t.kind == Kind::Mark('\'') || t.kind == Kind::Mark('’');
        if (t.is_break() && !possessive)
            || stops_phrase(t, lx)
            || (k > start && matches!(t.lower.as_str(), "who" | "whose" | "whom"))
            || (!long && k > start && lx.prepositions.has(&t.lower))
            || (k > start && lx.speech_verbs.has(&t.lower) && !t.capital)
        {
            break;
        }
        k += 1;
    }
    start..k
}

pub(super) fn stops_phrase(t: &Token, lx: &Lexicon) -> bool {
    lx.clause_words.has(&t.lower)
        || (!t.capital && lx.speech_verbs.has(&t.lower) && !lx.noun_like_verbs.has(&t.lower))
        || (!t.capital
            && t.lower.len() > 4
            && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
            && !lx.determiners.has(&t.lower)
            && !matches!(
                t.lower.as_str(),
                "unnamed"
                    | "ruling"
                    | "leading"
                    | "governing"
                    | "acting"
                    | "ousted"
                    | "beleaguered"
                    | "unidentified"
            ))
}

/// A source must name something: a capitalised word or a noun after a determiner, not a
/// bare "it" that cannot be resolved or a stray adjective.
pub(super) fn plausible_source(words: &[Token], lx: &Lexicon) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    // "build and tell stories": a phrase that ends in "and" names nobody.
    if !last.capital && lx.function_words.has(&last.lower) && words.len() > 1 {
        return false;
    }
    if words.len() == 1 {
        let w = &last.lower;
        if lx.quantifiers.has(w)
            || lx.function_words.has(w)
                && !lx.person_pronouns.has(w)
                && !lx.thing_pronouns.has(w)
                && !lx.plural_pronouns.has(w)
            || w == "i"
            || w == "few"
        {
            return false;
        }
        return last.capital
            || lx.person_pronouns.has(w)
            || lx.thing_pronouns.has(w)
            || lx.plural_pronouns.has(w)
            || (w.ends_with('s') && w.len() > 3)
            || w == "police";
    }
    // "A senior official" names someone; "the intelligence" or "several" alone do not.
    last.capital || (last.is_word() && !lx.quantifiers.has(&last.lower))
}
