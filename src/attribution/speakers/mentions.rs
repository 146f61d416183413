//! The names in an article: every capitalised name with the titles written before it,
//! whether it is a person's, an organisation's or an outlet's, and what the titles and
//! pronouns used of a person say of them.

use std::collections::HashMap;
use std::ops::Range;

use crate::attribution::lexicon::Lexicon;
use crate::attribution::structure::{Prose, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
    Outlet,
    /// Capitalised, and nothing yet says what it is.
    Unknown,
}

/// A capitalised name in the text, titles stripped.
#[derive(Debug, Clone)]
pub struct Mention {
    pub at: usize,
    pub name: String,
    /// The name with the titles written before it ("Press Secretary Karoline Leavitt").
    pub titled: String,
    /// Title words, lower-cased ("president").
    pub titles: Vec<String>,
    pub kind: EntityKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Debug, Default)]
pub struct Mentions {
    pub all: Vec<Mention>,
    /// Indices into `all` by the last word of the name ("Reeves": Eric Reeves, Mr. Reeves),
    /// in text order.
    by_last: HashMap<String, Vec<usize>>,
    /// By last word: the first mention of two or more words ("Reeves" → Eric Reeves).
    first_full: HashMap<String, usize>,
    /// By last word: the first kind known for any mention.
    known_kind: HashMap<String, EntityKind>,
    /// By last word: what the titles ("Ms.", "spokesman") or the pronouns used of a person
    /// ("Reeves said he…") say; `None` where they disagree.
    gender: HashMap<String, Option<Gender>>,
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// How far back a pronoun or title looks for its person, in mentions.
const LOOK_BACK: usize = 400;

impl Mentions {
    /// One-word names that speak ("Reeves said") are surnames: the full names ending in
    /// them, and the surnames themselves, name people.
    pub fn mark_speakers(&mut self, surnames: &[String]) {
        let surnames: std::collections::BTreeSet<&String> = surnames.iter().collect();
        for surname in surnames {
            let Some(ids) = self.by_last.get(surname) else {
                continue;
            };
            // A surname follows the full name; a word used alone before ("Sudan" before
            // "South Sudan") is a name of its own.
            let first_alone = ids
                .iter()
                .map(|&i| &self.all[i])
                .find(|m| m.name == **surname)
                .map_or(usize::MAX, |m| m.at);
            let introduced = ids
                .iter()
                .map(|&i| &self.all[i])
                .any(|m| m.name.contains(' ') && first_alone > m.at);
            if introduced {
                for &i in ids {
                    if self.all[i].kind == EntityKind::Unknown {
                        self.all[i].kind = EntityKind::Person;
                    }
                }
            }
        }
        self.index();
    }

    pub fn new(text: &str, prose: &Prose, lx: &Lexicon) -> Self {
        let mut all = Vec::new();
        for s in &prose.sentences {
            let toks = &prose.tokens[s.tokens.clone()];
            let mut k = 0;
            while k < toks.len() {
                if !is_name_word(&toks[k], lx) || (k == 0 && sentence_opener(&toks[k], lx)) {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < toks.len()
                    && (is_name_word(&toks[k], lx)
                        || (k + 1 < toks.len()
                            && is_name_word(&toks[k + 1], lx)
                            && matches!(
                                toks[k].lower.as_str(),
                                "of" | "de"
                                    | "van"
                                    | "von"
                                    | "bin"
                                    | "al"
                                    | "la"
                                    | "le"
                                    | "da"
                                    | "der"
                                    | "for"
                            )))
                {
                    k += 1;
                }
                // Titles may be lower-case before the name ("co-founder and CEO John Mackey").
                let mut t0 = start;
                while t0 > 0
                    && toks[t0 - 1].is_word()
                    && lx.titles.has(&toks[t0 - 1].lower)
                    && !(t0 == start && toks[t0 - 1].lower == "and")
                {
                    t0 -= 1;
                }
                // "World Travel and Tourism Council": joined by "and" into one name.
                let mut j = k;
                while j + 1 < toks.len()
                    && matches!(toks[j].lower.as_str(), "and" | "&")
                    && is_name_word(&toks[j + 1], lx)
                {
                    j += 1;
                    while j < toks.len() && is_name_word(&toks[j], lx) {
                        j += 1;
                    }
                }
                if j > k && lx.organisation_words.has(&toks[j - 1].lower) {
                    k = j;
                }
                if let Some(mut m) = mention(text, &toks[t0..k], start - t0, lx) {
                    // "The opposition leader, Paulo Santos," and "Paulo Santos, who…": a
                    // name set beside a role, or taking "who", is a person's.
                    let after_role = t0 >= 2
                        && toks[t0 - 1].is_mark(',')
                        && lx.titles.has(&toks[t0 - 2].lower)
                        && !lx.organisation_words.has(&toks[t0 - 2].lower);
                    let takes_who = toks.get(k).is_some_and(|t| t.is_mark(','))
                        && toks.get(k + 1).is_some_and(|t| {
                            matches!(t.lower.as_str(), "who" | "a" | "an")
                                || (lx.titles.has(&t.lower) && !lx.organisation_words.has(&t.lower))
                        });
                    if m.kind == EntityKind::Unknown
                        && m.name.contains(' ')
                        && (after_role || takes_who)
                    {
                        m.kind = EntityKind::Person;
                    }
                    all.push(m);
                }
            }
        }
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, m) in all.iter().enumerate() {
            by_last
                .entry(last_word(&m.name).to_owned())
                .or_default()
                .push(i);
        }
        for ids in by_last.values() {
            // The surname alone after the full name ("Jane Doe" … "Doe, 54," or "Mr.
            // Doe"), and never before it, makes both a person's: places and companies are
            // not cut that way, and a word used alone first is a name of its own.
            let alone: Vec<(usize, EntityKind)> = ids
                .iter()
                .map(|&i| &all[i])
                .filter(|m| !m.name.contains(' '))
                .map(|m| (m.at, m.kind))
                .collect();
            let Some(full) = ids
                .iter()
                .copied()
                .find(|&i| (2..=3).contains(&all[i].name.split(' ').count()))
            else {
                continue;
            };
            let at = all[full].at;
            let after = alone.iter().any(|(a, _)| *a > at);
            let before = alone.iter().any(|(a, _)| *a < at);
            let titled_after = alone
                .iter()
                .any(|(a, k)| *a > at && *k == EntityKind::Person);
            let person = all[full].kind == EntityKind::Person
                || titled_after
                || (after && !before && all[full].kind == EntityKind::Unknown);
            if person {
                for &i in ids {
                    let m = &mut all[i];
                    let same = !m.name.contains(' ') || m.at >= at;
                    if m.kind == EntityKind::Unknown && same {
                        m.kind = EntityKind::Person;
                    }
                }
            }
        }
        let mut mentions = Mentions {
            all,
            by_last,
            ..Default::default()
        };
        let titled: Vec<(String, Gender)> = mentions
            .all
            .iter()
            .filter_map(|m| {
                let male = m.titles.iter().any(|t| lx.male_words.has(t));
                let female = m.titles.iter().any(|t| lx.female_words.has(t));
                let gender = match (male, female) {
                    (true, false) => Gender::Male,
                    (false, true) => Gender::Female,
                    _ => return None,
                };
                Some((last_word(&m.name).to_owned(), gender))
            })
            .collect();
        for (last, gender) in titled {
            mentions.learn_gender(&last, gender);
        }
        mentions.index();
        mentions
    }

    /// Notes what a title or a pronoun says of the person named by `last` (a last word).
    pub fn learn_gender(&mut self, last: &str, gender: Gender) {
        let seen = self.gender.entry(last.to_owned()).or_insert(Some(gender));
        if *seen != Some(gender) {
            *seen = None;
        }
    }

    fn gender_of(&self, m: &Mention) -> Option<Gender> {
        self.gender.get(last_word(&m.name)).copied().flatten()
    }

    /// Whether `m` may be the person a pronoun of `gender` stands for.
    pub fn may_be(&self, m: &Mention, gender: Option<Gender>) -> bool {
        match (gender, self.gender_of(m)) {
            (Some(want), Some(known)) => want == known,
            _ => true,
        }
    }

    /// Works out the lookups by last word, once the kinds are settled.
    fn index(&mut self) {
        self.first_full.clear();
        self.known_kind.clear();
        for (last, ids) in &self.by_last {
            if let Some(&i) = ids.iter().find(|&&i| self.all[i].name.contains(' ')) {
                self.first_full.insert(last.clone(), i);
            }
            if let Some(k) = ids
                .iter()
                .map(|&i| self.all[i].kind)
                .find(|k| *k != EntityKind::Unknown)
            {
                self.known_kind.insert(last.clone(), k);
            }
        }
    }

    /// The fullest earlier form of a one-word name: "Reeves" → "Eric Reeves".
    pub fn full_name(&self, short: &str) -> Option<&Mention> {
        self.first_full.get(short).map(|&i| &self.all[i])
    }

    /// The most recent mention before byte `at` that `fits`, looking back a few hundred
    /// mentions at most.
    pub fn latest_before(&self, at: usize, fits: impl Fn(&Mention) -> bool) -> Option<&Mention> {
        let i = self.all.partition_point(|m| m.at < at);
        self.all[..i].iter().rev().take(LOOK_BACK).find(|m| fits(m))
    }

    /// Mentions starting in bytes `range`, in text order.
    pub fn within(&self, range: Range<usize>) -> &[Mention] {
        let from = self.all.partition_point(|m| m.at < range.start);
        let to = self.all.partition_point(|m| m.at < range.end);
        &self.all[from..to.max(from)]
    }

    pub fn kind_of(&self, name: &str) -> EntityKind {
        self.known_kind
            .get(last_word(name))
            .copied()
            .unwrap_or(EntityKind::Unknown)
    }
}

fn is_name_word(t: &Token, lx: &Lexicon) -> bool {
    t.is_word()
        && t.capital
        && !lx.calendar_words.has(&t.lower)
        && !t.lower.chars().all(|c| c.is_ascii_digit())
}

/// "The", "In", "He": capitalised because they open the sentence.
fn sentence_opener(t: &Token, lx: &Lexicon) -> bool {
    lx.function_words.has(&t.lower)
        || lx.determiners.has(&t.lower)
        || matches!(
            t.lower.as_str(),
            "but"
                | "if"
                | "when"
                | "after"
                | "while"
                | "despite"
                | "in"
                | "on"
                | "at"
                | "for"
                | "as"
                | "so"
                | "yet"
                | "we"
                | "i"
                | "you"
                | "there"
                | "then"
                | "still"
                | "meanwhile"
                | "however"
        )
}

fn mention(text: &str, toks: &[Token], title_len: usize, lx: &Lexicon) -> Option<Mention> {
    let mut split = title_len;
    // Capitalised titles: "White House Press Secretary Karoline Leavitt" → after the last.
    if let Some(last_title) = toks.iter().enumerate().rposition(|(i, t)| {
        (t.capital || i < title_len)
            && lx.titles.has(&t.lower)
            && !lx.organisation_words.has(&t.lower)
    }) {
        let rest_is_name = toks[last_title + 1..]
            .iter()
            .any(|t| !lx.titles.has(&t.lower) && !lx.organisation_words.has(&t.lower));
        if last_title + 1 < toks.len() && last_title >= split.saturating_sub(1) && rest_is_name {
            split = last_title + 1;
        }
    }
    let name_toks = &toks[split..];
    if name_toks.is_empty() {
        return None;
    }
    let name = span_text(text, name_toks);
    let titled = span_text(text, toks);
    let titles: Vec<String> = toks[..split].iter().map(|t| t.lower.clone()).collect();
    let is_outlet = name_toks
        .iter()
        .any(|t| lx.outlet_words.has(&t.lower) && t.capital);
    let is_org = name_toks
        .iter()
        .any(|t| lx.organisation_words.has(&t.lower))
        || (name_toks.len() == 1 && is_acronym(&name_toks[0], text));
    let person_title = titles.iter().any(|t| {
        !matches!(
            t.as_str(),
            "the"
                | "and"
                | "of"
                | "its"
                | "his"
                | "her"
                | "their"
                | "white"
                | "house"
                | "state"
                | "national"
                | "security"
                | "us"
                | "u.s"
                | "uk"
                | "party"
                | "former"
                | "senior"
                | "acting"
                | "then"
                | "opposition"
                | "special"
        )
    });
    let kind = if is_outlet {
        EntityKind::Outlet
    } else if is_org {
        EntityKind::Organisation
    } else if person_title {
        EntityKind::Person
    } else {
        EntityKind::Unknown
    };
    Some(Mention {
        at: toks[0].range.start,
        name: name.trim_end_matches(['’', '\'']).to_owned(),
        titled,
        titles,
        kind,
    })
}

fn is_acronym(t: &Token, text: &str) -> bool {
    let w = &text[t.range.clone()];
    w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
}

pub fn span_text(text: &str, toks: &[Token]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => {
            let s = &text[a.range.start..b.range.end];
            let s = s
                .strip_suffix("’s")
                .or_else(|| s.strip_suffix("'s"))
                .unwrap_or(s);
            s.to_owned()
        }
        _ => String::new(),
    }
}
