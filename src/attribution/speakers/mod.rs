//! Who a source phrase names: people (with their titles and surnames), organisations and
//! outlets found in the article, so that "Mr Reeves", "he" and "the president" resolve to
//! the name the article gave in full.
mod mentions;

use std::ops::Range;

use super::lexicon::Lexicon;
use super::structure::{Kind, Prose};

pub use mentions::{EntityKind, Gender, Mention, Mentions, span_text};

/// A source phrase read as a speaker: what to show, and other accepted forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub alts: Vec<String>,
    pub kind: Option<EntityKind>,
}

/// Reads the source phrase `toks` (at byte `at`) as a speaker, resolving pronouns, bare
/// titles and surnames against the mentions before it.
pub fn resolve(
    text: &str,
    prose: &Prose,
    words: Range<usize>,
    mentions: &Mentions,
    recent_sources: &[(usize, Speaker)],
    lx: &Lexicon,
) -> Speaker {
    let toks = &prose.tokens[words.clone()];
    let written = span_text(text, toks);
    let Some(first) = toks.first() else {
        return Speaker::default();
    };
    let at = first.range.start;
    let words_lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    if toks.len() == 1 {
        let w = words_lower[0];
        let fits = |want_person: bool| {
            move |m: &Mention| {
                if want_person {
                    m.kind == EntityKind::Person
                } else {
                    matches!(m.kind, EntityKind::Organisation | EntityKind::Outlet)
                }
            }
        };
        if lx.person_pronouns.has(w) {
            let gender = pronoun_gender(w);
            let mut person = mentions.latest_before(at, |m| {
                m.kind == EntityKind::Person && mentions.may_be(m, gender)
            });
            // "Banzi claims that Martino … . He also details …": the subject who spoke in
            // this sentence or the one before is likelier than a name mentioned since.
            let here = prose.sentence_at(at).unwrap_or(0);
            if let Some((a, s)) = recent_sources.iter().rev().find(|(a, _)| *a < at)
                && s.kind == Some(EntityKind::Person)
                && prose.sentence_at(*a).is_some_and(|there| there + 1 >= here)
                && let Some(m) =
                    mentions.latest_before(at, |m| m.name == s.name || full(mentions, m) == s.name)
                && mentions.may_be(m, gender)
            {
                person = Some(m);
            }
            // No one the text marks as a person: the last named speaker, if the name is
            // not an organisation's.
            if person.is_none()
                && let Some((_, s)) = recent_sources.iter().rev().find(|(a, s)| {
                    *a < at
                        && s.kind
                            .is_none_or(|k| k == EntityKind::Unknown || k == EntityKind::Person)
                        && s.name.contains(' ')
                        && s.name.split(' ').all(|w| w.starts_with(char::is_uppercase))
                })
            {
                return Speaker {
                    name: s.name.clone(),
                    alts: vec![written],
                    kind: Some(EntityKind::Person),
                };
            }
            return resolved(written, mentions, person);
        }
        if lx.thing_pronouns.has(w) || lx.plural_pronouns.has(w) {
            // "it" and "they" are mostly the organisation or group that spoke last.
            let plural = lx.plural_pronouns.has(w);
            let spoken = recent_sources
                .iter()
                .rev()
                .filter(|(a, _)| *a < at)
                .map(|(_, s)| s)
                .find(|s| {
                    let last = s.name.rsplit(' ').next().unwrap_or_default();
                    if plural {
                        s.kind != Some(EntityKind::Person)
                            && last.ends_with('s')
                            && !last.starts_with(char::is_uppercase)
                            && !lx.inanimate_words.has(last)
                    } else {
                        named_organisation(s)
                    }
                });
            if let Some(s) = spoken {
                return Speaker {
                    name: s.name.clone(),
                    alts: vec![written],
                    kind: s.kind,
                };
            }
            if plural {
                return Speaker::default();
            }
            return resolved(written, mentions, mentions.latest_before(at, fits(false)));
        }
    }
    // "the company": the organisation that spoke last.
    if toks.len() == 2
        && words_lower[0] == "the"
        && matches!(
            words_lower[1],
            "company" | "firm" | "group" | "organisation" | "organization" | "agency"
        )
    {
        let spoken = recent_sources
            .iter()
            .rev()
            .filter(|(a, _)| *a < at)
            .map(|(_, s)| s)
            .find(|s| named_organisation(s));
        if let Some(s) = spoken {
            return Speaker {
                name: s.name.clone(),
                alts: vec![written],
                kind: s.kind,
            };
        }
    }
    // "the president", "the minister": the latest person with that title.
    if toks.len() == 2 && words_lower[0] == "the" && lx.titles.has(words_lower[1]) {
        let title = words_lower[1];
        if let Some(m) = mentions.latest_before(at, |m| m.titles.iter().any(|t| t == title)) {
            return Speaker {
                name: full(mentions, m),
                alts: vec![written, m.titled.clone()],
                kind: Some(EntityKind::Person),
            };
        }
        return Speaker {
            name: written,
            alts: Vec::new(),
            kind: None,
        };
    }
    // A name at the end of the phrase, titles before it.
    let name_at = mentions
        .within(at..toks[toks.len() - 1].range.start + 1)
        .last();
    // "prosecutors in San Francisco and Los Angeles" is a description, not a name.
    let ends_in_name = toks
        .last()
        .is_some_and(|t| t.capital && t.kind == Kind::Word)
        && name_at.is_some_and(|m| {
            toks.iter().take_while(|t| t.range.start < m.at).all(|t| {
                !matches!(
                    t.lower.as_str(),
                    "in" | "at" | "from" | "for" | "of" | "on" | "with" | "to" | "by"
                ) || t.capital
            })
        });
    if let Some(m) = name_at.filter(|_| ends_in_name) {
        let m_end = m.at + m.titled.len();
        let phrase_end = toks[toks.len() - 1].range.end;
        if m_end + 2 >= phrase_end {
            let name = full(mentions, m);
            let kind = match mentions.kind_of(&name) {
                EntityKind::Unknown if m.name.contains(' ') => EntityKind::Person,
                k => k,
            };
            let mut alts = vec![written.clone(), m.name.clone()];
            if kind == EntityKind::Person
                && let Some(last) = name.rsplit(' ').next()
            {
                alts.push(last.to_owned());
            }
            return Speaker {
                name,
                alts,
                kind: Some(kind),
            };
        }
    }
    let kind = if toks
        .iter()
        .any(|t| t.capital && lx.outlet_words.has(&t.lower))
    {
        Some(EntityKind::Outlet)
    } else if toks.iter().any(|t| lx.organisation_words.has(&t.lower)) {
        Some(EntityKind::Organisation)
    } else {
        None
    };
    Speaker {
        name: written,
        alts: Vec::new(),
        kind,
    }
}

/// The gender a personal pronoun gives its person.
pub fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// "Uber", "the Kremlin": a named speaker that is not a person or an outlet.
fn named_organisation(s: &Speaker) -> bool {
    !matches!(s.kind, Some(EntityKind::Person | EntityKind::Outlet))
        && s.name.starts_with(char::is_uppercase)
}

fn full(mentions: &Mentions, m: &Mention) -> String {
    if m.name.contains(' ') {
        return m.name.clone();
    }
    mentions
        .full_name(&m.name)
        .map_or_else(|| m.name.clone(), |f| f.name.clone())
}

fn resolved(written: String, mentions: &Mentions, m: Option<&Mention>) -> Speaker {
    match m {
        Some(m) => Speaker {
            name: full(mentions, m),
            alts: vec![written, m.titled.clone()],
            kind: Some(m.kind),
        },
        None => Speaker {
            name: String::new(),
            alts: vec![written],
            kind: None,
        },
    }
}
