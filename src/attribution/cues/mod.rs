//! Attribution cues in a sentence: "X said (that) …", "…, X said", "…, said X", "according
//! to X", "X told Reuters", "reportedly", each with the stretch of the sentence it attributes.

use std::ops::Range;

mod phrases;
mod verbs;

use super::lexicon::Lexicon;
use super::structure::{Kind, Prose, Token};

pub use phrases::hedge_subject;
use phrases::{back_phrase, forward_phrase, plausible_source, sentence_subject};
use verbs::{clause_follows, participle_cue, verb_cue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A verb of saying with its subject.
    Verb,
    /// "according to X", "citing X": X is the source of the sentence.
    According,
    /// "seen by X", "obtained by X": X relayed what the sentence reports.
    Relay,
    /// "reportedly": hedged, with no source named.
    Hedge,
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub sentence: usize,
    pub kind: CueKind,
    /// Tokens of the source as written (empty for a hedge).
    pub source: Range<usize>,
    /// The source is a relative pronoun ("…, who said …"): the cue covers its clause only.
    pub relative: bool,
    /// Whom it was told to ("told Reuters"): a relaying outlet when it names one.
    pub told: Range<usize>,
    /// The verb, lower-cased ("said"), or the cue's first word.
    pub verb: String,
    /// Bytes of the words that make the cue, for "from: …".
    pub words: Range<usize>,
    /// Bytes of what the cue attributes.
    pub scope: Range<usize>,
}

/// Longest source phrase read, in words.
pub(super) const MAX_SOURCE: usize = 12;

pub fn find(prose: &Prose, sentence: usize, lx: &Lexicon) -> Vec<Cue> {
    let s = &prose.sentences[sentence];
    let toks = &prose.tokens;
    let (first, end) = (s.tokens.start, s.tokens.end);
    let mut cues = Vec::new();
    let mut i = first;
    while i < end {
        let t = &toks[i];
        if !t.is_word() {
            i += 1;
            continue;
        }
        if let Some(len) = phrase_at(toks, i, end, &lx.according_to) {
            let relay = matches!(t.lower.as_str(), "seen" | "obtained" | "cited" | "quoted");
            let src = forward_phrase(toks, i + len, end, lx, true);
            if !src.is_empty() {
                let words = toks[i].range.start..toks[src.end - 1].range.end;
                let at_start = i == first || toks[first..i].iter().all(|t| !t.is_word());
                let continues = toks.get(src.end).is_some_and(|t| t.is_mark(','))
                    && toks[src.end..end].iter().filter(|t| t.is_word()).count() >= 3;
                // "According to a person who spoke on condition of anonymity, the president
                // plans…": what is attributed starts after the comma.
                let comma = (src.end..end)
                    .find(|&k| toks[k].is_mark(','))
                    .map_or(src.end, |k| k + 1);
                let scope = if at_start {
                    after(toks, comma, end, s.range.end, lx)
                } else if continues && !relay {
                    s.range.clone()
                } else {
                    s.range.start..toks[i].range.start
                };
                cues.push(Cue {
                    sentence,
                    kind: if relay {
                        CueKind::Relay
                    } else {
                        CueKind::According
                    },
                    source: src.clone(),
                    relative: false,
                    told: 0..0,
                    verb: t.lower.clone(),
                    words,
                    scope,
                });
                i = src.end;
                continue;
            }
        }
        if let Some(cue) = phrase_cue(prose, sentence, i) {
            i = cue.source.end;
            cues.push(cue);
            continue;
        }
        if lx.hedges.has(&t.lower) {
            cues.push(Cue {
                sentence,
                kind: CueKind::Hedge,
                source: i..i,
                relative: false,
                told: 0..0,
                verb: t.lower.clone(),
                words: t.range.clone(),
                scope: s.range.clone(),
            });
        } else if lx.speech_verbs.has(&t.lower) {
            if let Some(cue) = verb_cue(prose, sentence, i, lx) {
                cues.push(cue);
            }
        } else if lx.attitudes.has(&t.lower)
            && i > first
            && matches!(
                toks[i - 1].lower.as_str(),
                "is" | "are" | "was" | "were" | "remains" | "remained"
            )
            && clause_follows(toks, i + 1, end, lx)
        {
            let source = back_phrase(toks, first, i - 1, lx);
            if plausible_source(&toks[source.clone()], lx) {
                cues.push(Cue {
                    sentence,
                    kind: CueKind::Verb,
                    source: source.clone(),
                    relative: false,
                    told: i + 1..i + 1,
                    verb: t.lower.clone(),
                    words: toks[source.start].range.start..t.range.end,
                    scope: after(toks, i + 1, end, s.range.end, lx),
                });
            }
        } else if lx.participles.has(&t.lower)
            && let Some(cue) = participle_cue(prose, sentence, i, lx)
        {
            cues.push(cue);
        }
        i += 1;
    }
    // "Alverson summed it up: “…”": the sentence's subject speaks the quotation.
    if let Some(colon) = (first..end.saturating_sub(1))
        .find(|&k| toks[k].is_mark(':') && toks[k + 1].kind == Kind::Open)
        && !cues
            .iter()
            .any(|c| c.kind == CueKind::Verb && c.words.end <= toks[colon].range.start)
        && let Some(source) = sentence_subject(toks, first, colon, lx)
        && !matches!(
            toks[source.start].lower.as_str(),
            "we" | "i" | "you" | "it" | "this" | "here"
        )
    {
        cues.push(Cue {
            sentence,
            kind: CueKind::Verb,
            source: source.clone(),
            relative: false,
            told: 0..0,
            verb: ":".to_owned(),
            words: toks[source.start].range.start..toks[colon].range.end,
            scope: toks[colon + 1].range.start..s.range.end,
        });
        cues.sort_by_key(|c| c.words.start);
    }
    // "A said …, and B said …": A's words end where B's begin.
    for k in 1..cues.len() {
        let start = cues[k].words.start;
        let joined = cues[k].source.start > first
            && matches!(
                toks[cues[k].source.start - 1].lower.as_str(),
                "and" | "but" | "while"
            );
        if joined {
            let cut = toks[cues[k].source.start - 1].range.start;
            for c in &mut cues[..k] {
                if c.scope.start < start && c.scope.end > start {
                    c.scope.end = cut;
                }
            }
        }
    }
    cues
}

/// "(in libertarian economist Tyler Cowen’s phrase)", "in the company’s words".
fn phrase_cue(prose: &Prose, sentence: usize, i: usize) -> Option<Cue> {
    let s = &prose.sentences[sentence];
    let toks = &prose.tokens;
    let end = s.tokens.end;
    if toks[i].lower != "in" {
        return None;
    }
    let owner = (i + 1..end.min(i + 9))
        .take_while(|&k| toks[k].is_word())
        .find(|&k| {
            toks[k].possessive
                && toks.get(k + 1).is_some_and(|n| {
                    k + 1 < end
                        && matches!(
                            n.lower.as_str(),
                            "phrase"
                                | "words"
                                | "view"
                                | "account"
                                | "telling"
                                | "estimation"
                                | "opinion"
                                | "assessment"
                                | "reckoning"
                        )
                })
        })?;
    let words = toks[i].range.start..toks[owner + 1].range.end;
    let scope = if owner + 2 < end {
        toks[owner + 2].range.start..s.range.end
    } else {
        s.range.start..words.start
    };
    Some(Cue {
        sentence,
        kind: CueKind::According,
        source: i + 1..owner + 1,
        relative: false,
        told: 0..0,
        verb: "in".to_owned(),
        words,
        scope,
    })
}

fn phrase_at(toks: &[Token], i: usize, end: usize, phrases: &[Vec<&str>]) -> Option<usize> {
    phrases
        .iter()
        .find(|p| {
            i + p.len() <= end
                && p.iter()
                    .zip(&toks[i..i + p.len()])
                    .all(|(w, t)| t.is_word() && t.lower == *w)
        })
        .map(|p| p.len())
}

/// From token `from` to the end of the sentence, stopping at ", but" or ";" where the
/// sentence turns to the writer's own voice (", but that…" still reports).
pub(super) fn after(
    toks: &[Token],
    from: usize,
    end: usize,
    sentence_end: usize,
    lx: &Lexicon,
) -> Range<usize> {
    let Some(start) = toks.get(from).filter(|_| from < end).map(|t| t.range.start) else {
        return sentence_end..sentence_end;
    };
    let mut stop = sentence_end;
    for k in from..end {
        let t = &toks[k];
        let comments = t.is_mark(',')
            && toks
                .get(k + 1)
                .is_some_and(|n| k + 1 < end && n.lower == "which")
            && toks.get(k + 2).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "suggests"
                        | "means"
                        | "indicates"
                        | "shows"
                        | "implies"
                        | "suggested"
                        | "meant"
                )
            });
        let turns = comments
            || t.is_mark(';')
            || (t.is_mark(',')
                && toks
                    .get(k + 1)
                    .is_some_and(|n| k + 1 < end && n.lower == "but")
                && !reports_on(&toks[k + 2..end], lx));
        if turns {
            stop = t.range.start;
            break;
        }
    }
    start..stop
}

/// "…, but that the talks…" still reports; "…, but that is untested" is the writer's: a
/// "that" followed by a verb is a demonstrative, not the start of a reported clause.
fn reports_on(rest: &[Token], lx: &Lexicon) -> bool {
    match rest {
        [that, next, ..] if that.lower == "that" && that.range.len() == 4 => {
            !lx.finite_verbs.has(&next.lower) && !next.lower.ends_with("'s")
        }
        _ => false,
    }
}
