//! Candidate claims for a whole article: attributed statements and hedged reports, each with
//! a proposed status, its span and its attribution. Nothing is tagged from here; the analyst
//! accepts or dismisses each.

use std::ops::Range;

use super::cues::CueKind;
use super::speakers::EntityKind;
use super::{Attribution, Engine};
use crate::model::{Span, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Char offsets into the article text.
    pub span: Span,
    pub status: Status,
    pub attribution: Attribution,
}

/// Shorter spans say too little to be a claim.
const MIN_WORDS: usize = 4;

impl Engine<'_> {
    /// Every candidate claim in the article, in text order, none overlapping another.
    pub fn suggestions(&self) -> Vec<Suggestion> {
        let mut found: Vec<(Range<usize>, Status)> = Vec::new();
        for (c, cue) in self.cues.iter().enumerate() {
            let scope = match cue.kind {
                CueKind::Verb | CueKind::According => cue.scope.clone(),
                CueKind::Hedge => self.prose.sentences[cue.sentence].range.clone(),
                CueKind::Relay => continue,
            };
            if let Some(span) = self.claim_words(scope) {
                let status = match cue.kind {
                    CueKind::Hedge => Status::Reported,
                    _ => self.status_of(c, &span),
                };
                found.push((span, status));
            }
        }
        for q in &self.prose.quotations {
            if let Some(span) = self.claim_words(q.range.clone()) {
                found.push((span, Status::Reported));
            }
        }
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut out: Vec<Suggestion> = Vec::new();
        let mut end = 0;
        for (bytes, status) in found {
            if bytes.start < end {
                continue;
            }
            let attribution = self.attribute_bytes(bytes.clone());
            if attribution.speaker.is_empty() {
                continue;
            }
            let (Some(start), Some(stop)) = (
                self.index.char_of(bytes.start),
                self.index.char_of(bytes.end),
            ) else {
                continue;
            };
            end = bytes.end;
            out.push(Suggestion {
                span: Span { start, end: stop },
                status,
                attribution,
            });
        }
        out
    }

    /// A denial puts the claim in dispute; a party confirming on the record, by name, makes
    /// it confirmed; anything else attributed is reported.
    fn status_of(&self, c: usize, span: &Range<usize>) -> Status {
        let verb = self.cues[c].verb.as_str();
        let named = matches!(
            self.sources[c].1.kind,
            Some(EntityKind::Person | EntityKind::Organisation)
        );
        // "Obama admitted his failure…" confirms; "admitted that other governments…" only
        // reports what he thinks of others.
        let about_itself = || {
            let surname = self.sources[c]
                .1
                .name
                .rsplit(' ')
                .next()
                .unwrap_or_default();
            self.text[span.clone()]
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| {
                    self.lx.self_reference.has(&w.to_lowercase()) || (!w.is_empty() && w == surname)
                })
        };
        if self.lx.denial_verbs.has(verb) {
            Status::Disputed
        } else if named
            && (self.lx.confirmation_verbs.has(verb)
                || (self.lx.admission_verbs.has(verb) && about_itself()))
        {
            Status::Confirmed
        } else {
            Status::Reported
        }
    }

    /// The words of a cue's scope worth tagging: "that", stray punctuation and the quotation
    /// marks trimmed, at least [`MIN_WORDS`] words.
    fn claim_words(&self, bytes: Range<usize>) -> Option<Range<usize>> {
        let text = self.text.get(bytes.clone())?;
        let lead = text.len()
            - text
                .trim_start_matches(|c: char| c.is_whitespace() || ",:;—–-(“\"‘".contains(c))
                .len();
        let mut start = bytes.start + lead;
        // "According to The New York Times, …": another cue's words open the scope.
        if let Some(cue) = self
            .cues_starting_in(start..start + 3)
            .iter()
            .find(|c| c.words.end < bytes.end)
        {
            start = cue.words.end;
            let rest = &self.text[start..bytes.end];
            start += rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_whitespace() || ",:;—–-(“\"‘".contains(c))
                    .len();
        }
        // "in a televised address that …": the claim starts after "that"; an adjunct alone
        // ("of himself") is no claim.
        let first_word = self.text[start..bytes.end]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if matches!(
            first_word.as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "by"
                | "for"
                | "with"
                | "to"
                | "of"
                | "from"
        ) {
            let rest = &self.text[start..bytes.end];
            let that = rest
                .match_indices(" that ")
                .map(|(i, _)| i)
                .find(|&i| rest[..i].split_whitespace().count() <= 12)?;
            start += that + " that ".len();
        }
        if self.text[start..bytes.end].starts_with("that ") {
            start += "that ".len();
        }
        // "…potential land swaps, according to several people": the claim ends before the
        // words of a cue inside it.
        let stop = self
            .cues_starting_in(start + 1..bytes.end)
            .iter()
            .filter(|c| c.kind != CueKind::Hedge && !self.quoted(&c.words))
            .map(|c| c.words.start)
            .min()
            .unwrap_or(bytes.end);
        let body = &self.text[start..stop];
        let trimmed =
            body.trim_end_matches(|c: char| c.is_whitespace() || ",.;:—–-)”\"’(“".contains(c));
        let end = start + trimmed.len();
        let words = self.text[start..end].split_whitespace().count();
        (words >= MIN_WORDS).then_some(start..end)
    }
}
