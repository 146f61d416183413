//! Who says it and who relays it, read from the article: the speaker and via of a span, and
//! candidate claims ("suggestions") with both filled in. Rule-based, offline and instant;
//! where no cue attributes a span it says nothing, as a wrong suggestion costs the analyst
//! more than none.
//!
//! - [`structure`]: paragraphs, sentences and quotations.
//! - [`cues`]: "X said", "according to X", "X told Reuters", "reportedly".
//! - [`speakers`]: names, titles and pronouns resolved to the article's full names.
//! - [`lexicon`]: the cue words as data, per language.
//! - [`suggest`]: candidate claims for a whole article.

mod cues;
mod lexicon;
mod speakers;
mod structure;
mod suggest;

use std::ops::Range;

use crate::analysis::names::normalise;
use crate::model::{Article, Claim};
use crate::text::TextIndex;
use cues::{Cue, CueKind};
use lexicon::Lexicon;
use speakers::{EntityKind, Mentions, Speaker};
use structure::Prose;

pub use suggest::Suggestion;

/// Articles longer than this are read around the span only when one span is attributed:
/// tagging stays instant in a book-length text.
const WHOLE_ARTICLE_BYTES: usize = 64 * 1024;
/// How much text before the span is read for a long article: enough for the names,
/// pronouns and quotations that lead up to it.
const BEFORE_BYTES: usize = 48 * 1024;
const AFTER_BYTES: usize = 4 * 1024;

/// The speaker and via the article gives the claim's span, or `None` when the article's
/// language is not one the engine reads.
pub fn attribute_in(article: &Article, chars: Range<usize>) -> Option<Attribution> {
    let text = article.text.as_str();
    if text.len() <= WHOLE_ARTICLE_BYTES {
        return Engine::new(text, &article.language, &article.outlet).map(|e| e.attribute(chars));
    }
    let index = TextIndex::new(text);
    let bytes = index.byte_range(chars.clone())?;
    // Whole paragraphs around the span.
    let from = floor_boundary(text, bytes.start.saturating_sub(BEFORE_BYTES));
    let from = text[..from].rfind('\n').map_or(0, |i| i + 1);
    let to = ceil_boundary(text, (bytes.end + AFTER_BYTES).min(text.len()));
    let to = text[to..].find('\n').map_or(text.len(), |i| to + i);
    let window = &text[from..to];
    let shift = index.char_of(from)?;
    Engine::new(window, &article.language, &article.outlet)
        .map(|e| e.attribute(chars.start - shift..chars.end - shift))
}

fn floor_boundary(text: &str, mut b: usize) -> usize {
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn ceil_boundary(text: &str, mut b: usize) -> usize {
    while !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

/// Fills the claim's empty speaker and via from the article's text, marking them as the
/// engine's until the analyst accepts or edits them; what the analyst typed is never
/// replaced. Returns whether anything was filled (`None`: the language is not one the
/// engine reads).
pub fn suggest_attribution(claim: &mut Claim, article: &Article) -> Option<bool> {
    let found = attribute_in(article, claim.anchor.start..claim.anchor.end)?;
    let mut filled = false;
    if claim.speaker.trim().is_empty() && !found.speaker.is_empty() {
        claim.speaker = found.speaker;
        filled = true;
    }
    if claim.via.trim().is_empty() && !found.via.is_empty() {
        claim.via = found.via;
        filled = true;
    }
    if filled {
        claim.suggested_from = found.cue;
    }
    Some(filled)
}

/// The speaker and via of a span, with the words that gave them away.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: String,
    /// Other forms of the speaker: as written in the sentence, with titles, the surname.
    pub speaker_alts: Vec<String>,
    pub via: String,
    /// The cue as written ("according to several people with knowledge of the call").
    pub cue: String,
}

/// How many paragraphs a block quotation introduced by "X wrote:" may run to.
const BLOCK_PARAGRAPHS: usize = 12;

/// One article read for attribution: built once, then asked about any number of spans.
pub struct Engine<'t> {
    text: &'t str,
    index: TextIndex<'t>,
    lx: &'static Lexicon,
    prose: Prose,
    /// Every cue, in text order.
    cues: Vec<Cue>,
    /// Where each cue starts and the speaker its source resolves to, by cue.
    sources: Vec<(usize, Speaker)>,
    mentions: Mentions,
    publisher: String,
}

impl<'t> Engine<'t> {
    /// Reads `text` (an article's stored text). `None` when its language is not one the
    /// engine knows: `language` is the article's BCP 47 tag, or empty to tell from the text.
    /// `publisher` is the article's own outlet, which is never a via.
    pub fn new(text: &'t str, language: &str, publisher: &str) -> Option<Self> {
        let lx = lexicon::for_article(language, text)?;
        let prose = Prose::new(text);
        let mut mentions = Mentions::new(text, &prose, lx);
        let mut cues: Vec<Cue> = (0..prose.sentences.len())
            .flat_map(|s| cues::find(&prose, s, lx))
            .collect();
        // In text order, so that lookups by position are binary searches.
        cues.sort_by_key(|c| (c.sentence, c.words.start));
        let surnames: Vec<String> = cues
            .iter()
            .filter(|c| c.kind == CueKind::Verb && c.source.len() == 1)
            .map(|c| &prose.tokens[c.source.start])
            .filter(|t| t.capital && !lx.function_words.has(&t.lower))
            .map(|t| speakers::span_text(text, std::slice::from_ref(t)))
            .collect();
        mentions.mark_speakers(&surnames);
        // "Reeves said he…": the pronoun a speaker's clause opens with says who they are.
        for c in &cues {
            let source = &prose.tokens[c.source.clone()];
            let (Some(name), Some(next)) = (
                source.last().filter(|t| t.capital),
                prose.tokens.get(c.told.end.max(c.source.end)),
            ) else {
                continue;
            };
            if c.kind == CueKind::Verb
                && let Some(gender) = speakers::pronoun_gender(&next.lower)
            {
                mentions.learn_gender(
                    &speakers::span_text(text, std::slice::from_ref(name)),
                    gender,
                );
            }
        }
        let mut resolved: Vec<(usize, Speaker)> = Vec::with_capacity(cues.len());
        for cue in &cues {
            let speaker = if cue.kind == CueKind::Hedge {
                Speaker::default()
            } else {
                speakers::resolve(text, &prose, cue.source.clone(), &mentions, &resolved, lx)
            };
            resolved.push((cue.words.start, speaker));
        }
        Some(Engine {
            text,
            index: TextIndex::new(text),
            lx,
            prose,
            cues,
            sources: resolved,
            mentions,
            publisher: publisher.to_owned(),
        })
    }

    /// The speaker and via of the span `chars` (char offsets into the text); empty fields
    /// where the article gives no cue.
    pub fn attribute(&self, chars: Range<usize>) -> Attribution {
        match self.index.byte_range(chars) {
            Some(bytes) if !bytes.is_empty() => self.attribute_bytes(bytes),
            _ => Attribution::default(),
        }
    }

    fn attribute_bytes(&self, span: Range<usize>) -> Attribution {
        let Some(si) = self.prose.sentence_at(span.start) else {
            return Attribution::default();
        };
        if let Some(q) = self.prose.quotation_around(&span)
            && let Some(c) = self.quotation_cue(q, 0)
        {
            // An outlet that relays the whole sentence relays its quotation too.
            let quote = self.prose.quotations[q].range.clone();
            let mut cues = vec![c];
            cues.extend(
                self.covering(self.cues[c].sentence, &quote)
                    .into_iter()
                    .filter(|&o| o != c && self.sources[o].1.kind == Some(EntityKind::Outlet)),
            );
            return self.credited(&cues, self.cues[c].sentence);
        }
        let covering = self.covering(si, &span);
        if !covering.is_empty() {
            return self.credited(&covering, si);
        }
        if let Some(c) = self.block_quote_cue(si) {
            return self.credited(&[c], si);
        }
        self.hedged(si)
    }

    /// Cues of sentence `si` whose scope holds the span and whose words are not in it.
    fn covering(&self, si: usize, span: &Range<usize>) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .cues_of(si)
            .filter(|&c| {
                let cue = &self.cues[c];
                let within = cue.scope.start <= span.start + 1
                    && span.end <= cue.scope.end + 2
                    && (cue.words.end <= span.start || cue.words.start >= span.end);
                // "…potential land swaps, according to several people…": a span may take
                // in its own cue, with some of what the cue attributes.
                let with_cue = span.start < cue.words.end
                    && cue.words.start < span.end
                    && span.start < cue.scope.end
                    && cue.scope.start < span.end
                    && !cue.scope.is_empty();
                matches!(cue.kind, CueKind::Verb | CueKind::According)
                    && (within || with_cue)
                    && !self.sources[c].1.name.is_empty()
            })
            .collect();
        // A quotation's own words are its speaker's, not a cue inside it.
        let span_quoted = self.quoted(span);
        found.retain(|&c| span_quoted || !self.quoted(&self.cues[c].words));
        found
    }

    /// Whether bytes `w` lie inside a quotation (marks included).
    fn quoted(&self, w: &Range<usize>) -> bool {
        let i = self
            .prose
            .quotations
            .partition_point(|q| q.range.start <= w.start);
        // Quotations do not nest, so only the last one opened before `w` can hold it.
        i > 0 && w.end <= self.prose.quotations[i - 1].range.end
    }

    /// Cues whose words start in bytes `range`.
    fn cues_starting_in(&self, range: Range<usize>) -> &[Cue] {
        let from = self.cues.partition_point(|c| c.words.start < range.start);
        let to = self.cues.partition_point(|c| c.words.start < range.end);
        &self.cues[from..to.max(from)]
    }

    fn cues_of(&self, si: usize) -> impl Iterator<Item = usize> + '_ {
        let start = self.cues.partition_point(|c| c.sentence < si);
        (start..self.cues.len()).take_while(move |&c| self.cues[c].sentence == si)
    }

    /// The cue that attributes quotation `q`: one beside it in its sentences, else one in its
    /// paragraph outside any quotation, else the speaker of the quotation it continues.
    fn quotation_cue(&self, q: usize, depth: usize) -> Option<usize> {
        let quote = &self.prose.quotations[q];
        let p = quote.paragraph;
        let para = &self.prose.paragraphs[p];
        let outside = |c: &usize| {
            let w = &self.cues[*c].words;
            let cue = &self.cues[*c];
            matches!(cue.kind, CueKind::Verb | CueKind::According)
                && !self.sources[*c].1.name.is_empty()
                && !self.quoted(w)
        };
        let in_para: Vec<usize> = para
            .sentences
            .clone()
            .flat_map(|s| self.cues_of(s))
            .filter(outside)
            .collect();
        let distance = |c: &usize| {
            let w = &self.cues[*c].words;
            if w.start >= quote.range.end {
                w.start - quote.range.end
            } else {
                quote.range.start.saturating_sub(w.end)
            }
        };
        let covers = |c: &usize| {
            let s = &self.cues[*c].scope;
            s.start <= quote.range.start + 2 && quote.range.end <= s.end + 2
        };
        if let Some(c) = in_para.iter().copied().filter(covers).min_by_key(distance) {
            return Some(c);
        }
        // Else a speaker of quotations in the same paragraph ("“…,” he said. “…”").
        let quoting = |c: &usize| {
            let s = &self.prose.sentences[self.cues[*c].sentence].range;
            self.prose
                .quotations
                .iter()
                .any(|q| q.range.start < s.end && s.start < q.range.end)
        };
        if let Some(c) = in_para.iter().copied().filter(quoting).min_by_key(distance) {
            return Some(c);
        }
        // A quotation that runs on from the paragraph before, or a paragraph that is all
        // quotation, is the speaker's who spoke last.
        let opens_paragraph = quote.range.start == para.range.start;
        if depth < 4 && (quote.continued || opens_paragraph) && p > 0 {
            let earliest = self.prose.paragraphs[p.saturating_sub(3)].range.start;
            let before = self
                .cues
                .partition_point(|c| c.words.start < para.range.start);
            return (0..before).rev().find(|&c| {
                let cue = &self.cues[c];
                cue.words.end <= para.range.start
                    && cue.words.start >= earliest
                    && matches!(cue.kind, CueKind::Verb | CueKind::According)
                    && !cue.relative
                    && !self.sources[c].1.name.is_empty()
            });
        }
        None
    }

    /// A paragraph with no cue and no quotation marks, after one that ends with a colon, is
    /// a block quote of the speaker introduced there.
    fn block_quote_cue(&self, si: usize) -> Option<usize> {
        let p = self.prose.sentences[si].paragraph;
        // A list item under "X said:" is X's point, whatever words it uses ("• He is
        // confident the deal will pass").
        let listed = |p: usize| {
            self.text[self.prose.paragraphs[p].range.clone()]
                .trim_start()
                .starts_with(['•', '*', '-', '–', '·', '▪'])
        };
        let plain = |p: usize| {
            listed(p)
                || (!self.prose.quotations.iter().any(|q| q.paragraph == p)
                    && self.prose.paragraphs[p]
                        .sentences
                        .clone()
                        .all(|s| self.cues_of(s).next().is_none()))
        };
        if !plain(p) {
            return None;
        }
        // Back over the block's other paragraphs to the one that introduced it.
        let mut intro = p.checked_sub(1)?;
        while !self.text[self.prose.paragraphs[intro].range.clone()]
            .trim_end()
            .ends_with(':')
        {
            if p - intro >= BLOCK_PARAGRAPHS || intro == 0 || !plain(intro) {
                return None;
            }
            intro -= 1;
        }
        // The paragraph after a list is no longer the list's.
        if !listed(p) && (intro + 1..p).any(listed) {
            return None;
        }
        let prev = &self.prose.paragraphs[intro];
        let last = prev.sentences.end.checked_sub(1)?;
        self.cues_of(last)
            .filter(|&c| self.cues[c].kind == CueKind::Verb && !self.sources[c].1.name.is_empty())
            .last()
    }

    /// A sentence with "reportedly" and no cue: "Trump was reportedly positive" is Trump's
    /// position as an outlet relays it; with no subject named, the outlet's alone.
    fn hedged(&self, si: usize) -> Attribution {
        let Some(h) = self
            .cues_of(si)
            .find(|&c| self.cues[c].kind == CueKind::Hedge)
        else {
            return Attribution::default();
        };
        let cue = self.text[self.cues[h].words.clone()].to_owned();
        let outlet = self.carried_outlet(si).or_else(|| self.recent_outlet(si));
        let subject = cues::hedge_subject(&self.prose, &self.cues[h], self.lx).map(|words| {
            speakers::resolve(
                self.text,
                &self.prose,
                words,
                &self.mentions,
                &self.sources[..h],
                self.lx,
            )
        });
        match (subject.filter(|s| !s.name.is_empty()), outlet) {
            (Some(s), outlet) => Attribution {
                speaker_alts: distinct_alts(&s.name, &s.alts),
                speaker: s.name,
                via: outlet.unwrap_or_default(),
                cue,
            },
            (None, Some(outlet)) => Attribution {
                speaker: outlet,
                speaker_alts: Vec::new(),
                via: String::new(),
                cue,
            },
            (None, None) => Attribution::default(),
        }
    }

    /// The outlet most recently credited before sentence `si`, in this paragraph or the two
    /// before it.
    fn recent_outlet(&self, si: usize) -> Option<String> {
        let p = self.prose.sentences[si].paragraph;
        let from = self.prose.paragraphs[p.saturating_sub(2)].sentences.start;
        (from..si).rev().find_map(|s| {
            self.cues_of(s)
                .filter(|&c| self.sources[c].1.kind == Some(EntityKind::Outlet))
                .map(|c| self.sources[c].1.name.clone())
                .chain(self.cues_of(s).filter_map(|c| self.told_outlet(c)))
                .find(|n| !self.is_publisher(n))
        })
    }

    fn credited(&self, cues: &[usize], si: usize) -> Attribution {
        let is_outlet = |c: usize| self.sources[c].1.kind == Some(EntityKind::Outlet);
        let speaker_cue = cues.iter().copied().find(|&c| !is_outlet(c));
        let outlet_cue = cues.iter().copied().find(|&c| is_outlet(c));
        let Some(main) = speaker_cue.or(outlet_cue) else {
            return Attribution::default();
        };
        let speaker = &self.sources[main].1;
        let mut via = String::new();
        if speaker_cue.is_some() {
            via = self
                .told_outlet(main)
                .or_else(|| outlet_cue.map(|c| self.sources[c].1.name.clone()))
                .or_else(|| self.relay_in(si))
                .or_else(|| self.relay_phrase(si).filter(|n| !self.is_publisher(n)))
                .or_else(|| self.carried_outlet(si))
                .unwrap_or_default();
        }
        if self.is_publisher(&via) || same(&via, &speaker.name) {
            via.clear();
        }
        Attribution {
            speaker: speaker.name.clone(),
            speaker_alts: distinct_alts(&speaker.name, &speaker.alts),
            via,
            cue: self.text[self.cues[main].words.clone()].to_owned(),
        }
    }

    /// "told Reuters": the one told, when it is an outlet rather than a person.
    fn told_outlet(&self, c: usize) -> Option<String> {
        let told = self.cues[c].told.clone();
        if told.is_empty() {
            return None;
        }
        let toks = &self.prose.tokens[told];
        let name = speakers::span_text(self.text, toks);
        let outlet_word = toks
            .iter()
            .any(|t| t.capital && self.lx.outlet_words.has(&t.lower));
        let lone_name = toks.iter().filter(|t| t.is_word()).count() == 1
            && toks[0].capital
            && self.mentions.kind_of(&name) != EntityKind::Person
            && !self.lx.titles.has(&toks[0].lower);
        (outlet_word || lone_name).then(|| name.trim_start_matches("the ").to_owned())
    }

    /// "intelligence reports seen by Reuters".
    fn relay_in(&self, si: usize) -> Option<String> {
        self.cues_of(si)
            .find(|&c| {
                self.cues[c].kind == CueKind::Relay
                    && self.sources[c].1.kind == Some(EntityKind::Outlet)
            })
            .map(|c| self.sources[c].1.name.clone())
    }

    /// An outlet that earlier sentences of the paragraph name as relaying what follows
    /// ("According to The New York Times, …", "in a story published at MAKEzine", "told
    /// CNN").
    fn carried_outlet(&self, si: usize) -> Option<String> {
        let p = self.prose.sentences[si].paragraph;
        let first = self.prose.paragraphs[p].sentences.start;
        (first..si).rev().find_map(|s| {
            let credited = self.cues_of(s).find_map(|c| {
                let cue = &self.cues[c];
                if self.sources[c].1.kind == Some(EntityKind::Outlet)
                    && matches!(cue.kind, CueKind::According | CueKind::Verb)
                {
                    return Some(self.sources[c].1.name.clone());
                }
                (cue.kind == CueKind::Verb)
                    .then(|| self.told_outlet(c))
                    .flatten()
            });
            credited
                .or_else(|| self.relay_phrase(s))
                .filter(|n| !self.is_publisher(n))
        })
    }

    /// "published at MAKEzine", "in an interview with CNN": an outlet named as the place a
    /// source's words appeared.
    fn relay_phrase(&self, si: usize) -> Option<String> {
        let toks = &self.prose.tokens;
        let range = self.prose.sentences[si].tokens.clone();
        range.clone().find_map(|k| {
            let lead = matches!(
                toks[k].lower.as_str(),
                "published" | "interview" | "appeared" | "broadcast"
            ) && toks.get(k + 1).is_some_and(|n| {
                k + 1 < range.end
                    && matches!(n.lower.as_str(), "at" | "in" | "by" | "with" | "on" | "to")
            });
            if !lead {
                return None;
            }
            let starts: Vec<usize> = (k + 2..(k + 4).min(range.end))
                .map(|j| toks[j].range.start)
                .collect();
            let (&first, &last) = (starts.first()?, starts.last()?);
            self.mentions
                .within(first..last + 1)
                .iter()
                .find(|m| starts.contains(&m.at))
                .filter(|m| {
                    m.kind == EntityKind::Outlet
                        || (!m.name.contains(' ') && m.kind == EntityKind::Unknown)
                })
                .map(|m| m.name.clone())
        })
    }

    fn is_publisher(&self, name: &str) -> bool {
        !name.is_empty() && !self.publisher.is_empty() && {
            let (a, b) = (normalise(name), normalise(&self.publisher));
            crate::analysis::names::same_name(name, &self.publisher)
                || (!a.is_empty() && (b.starts_with(&a) || a.starts_with(&b)))
        }
    }
}

/// Each other form once, none the same as the name itself.
fn distinct_alts(name: &str, alts: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in alts {
        if !a.is_empty() && a != name && !out.contains(a) {
            out.push(a.clone());
        }
    }
    out
}

fn same(a: &str, b: &str) -> bool {
    !a.is_empty() && normalise(a) == normalise(b)
}
