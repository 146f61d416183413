//! The words attribution reads, as data: one table per language (`english.txt`), so that
//! another language is a new table rather than new code. English is the only one so far; an
//! article in any other language gets no suggestions rather than wrong ones.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Cue words and the word classes the rules need, for one language.
#[derive(Debug)]
pub struct Lexicon {
    /// Verbs of saying and reporting, in every form that attributes ("said", "says", "told").
    pub speech_verbs: Words,
    /// Speech verbs that report a clause with no "that" before it ("said the talks had
    /// failed"); the others attribute only before "that", a colon, a quotation or a clause
    /// ("claimed responsibility" does not attribute).
    pub bare_clause_verbs: Words,
    /// "X is concerned (that) …": states of mind that attribute what follows.
    pub attitudes: Words,
    /// "…, saying …": a cue whose source is the subject of the sentence.
    pub participles: Words,
    /// Speech verbs that are also common nouns ("reports", "claims"): a cue only where no
    /// determiner comes before them.
    pub noun_like_verbs: Words,
    /// Verbs whose claim is a denial: the suggested status is Disputed.
    pub denial_verbs: Words,
    /// Verbs by which a party confirms something on the record.
    pub confirmation_verbs: Words,
    /// Verbs by which a party concedes something: a confirmation when it is about itself.
    pub admission_verbs: Words,
    /// Words by which a claim speaks of its own speaker ("his", "our").
    pub self_reference: Words,
    /// Multi-word cues that put the source after them ("according to X").
    pub according_to: Vec<Vec<&'static str>>,
    /// Words that hedge a statement without naming a source ("reportedly").
    pub hedges: Words,
    /// Words between a subject and its speech verb ("has", "also", "later").
    pub auxiliaries: Words,
    /// Words that end a subject when reading back from a verb ("that", "because").
    pub clause_words: Words,
    /// Words that show a reported clause follows a verb ("said the talks had failed").
    pub finite_verbs: Words,
    /// Words that end a name read forward ("told President Jacob Zuma by telephone").
    pub prepositions: Words,
    /// Pronouns, and the kind of referent each needs.
    pub person_pronouns: Words,
    pub thing_pronouns: Words,
    pub plural_pronouns: Words,
    /// Titles and roles written before a name ("President", "Press Secretary", "CEO").
    pub titles: Words,
    /// Words in an organisation's name ("Department", "Council", "Inc").
    pub organisation_words: Words,
    /// Words in a news outlet's name ("Times", "News", "Reuters").
    pub outlet_words: Words,
    /// Words before a noun phrase that make it a description ("the", "two", "several").
    pub determiners: Words,
    /// Common words, to tell the language of an article with no language tag.
    pub function_words: Words,
    /// Dates and days that are capitalised but never a speaker.
    pub calendar_words: Words,
    /// Titles and roles that say a person is a man or a woman ("Mr", "spokeswoman").
    pub male_words: Words,
    pub female_words: Words,
    /// Plural nouns that cannot speak for themselves, so "they" is not them ("reports").
    pub inanimate_words: Words,
    /// Words that only count or point ("several", "these"): a phrase ending in one names
    /// nobody.
    pub quantifiers: Words,
}

/// A word list, sorted so that looking a word up is a binary search.
#[derive(Debug, Default)]
pub struct Words(Vec<&'static str>);

impl Words {
    pub fn has(&self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }
}

/// The English table, read from `english.txt` (built into the program) the first time it
/// is needed.
fn english() -> &'static Lexicon {
    static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
    ENGLISH.get_or_init(|| Lexicon::from_table(include_str!("english.txt")))
}

/// A table's sections: `[name]` heads, then its lines; `#` starts a comment line.
fn sections(table: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in table.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => current = name,
            None => out.entry(current).or_default().push(line),
        }
    }
    out
}

impl Lexicon {
    /// Reads a language's table. A class the table leaves out is empty: the rules that need
    /// it find nothing, rather than the program stopping.
    fn from_table(table: &'static str) -> Lexicon {
        let sections = sections(table);
        let words = |name: &str| {
            let mut w: Vec<&'static str> = sections
                .get(name)
                .into_iter()
                .flatten()
                .flat_map(|line| line.split_whitespace())
                .collect();
            w.sort_unstable();
            w.dedup();
            Words(w)
        };
        let according_to = sections
            .get("according_to")
            .into_iter()
            .flatten()
            .map(|line| line.split_whitespace().collect())
            .collect();
        Lexicon {
            speech_verbs: words("speech_verbs"),
            bare_clause_verbs: words("bare_clause_verbs"),
            attitudes: words("attitudes"),
            participles: words("participles"),
            noun_like_verbs: words("noun_like_verbs"),
            denial_verbs: words("denial_verbs"),
            confirmation_verbs: words("confirmation_verbs"),
            admission_verbs: words("admission_verbs"),
            self_reference: words("self_reference"),
            according_to,
            hedges: words("hedges"),
            auxiliaries: words("auxiliaries"),
            clause_words: words("clause_words"),
            finite_verbs: words("finite_verbs"),
            prepositions: words("prepositions"),
            person_pronouns: words("person_pronouns"),
            thing_pronouns: words("thing_pronouns"),
            plural_pronouns: words("plural_pronouns"),
            titles: words("titles"),
            organisation_words: words("organisation_words"),
            outlet_words: words("outlet_words"),
            determiners: words("determiners"),
            function_words: words("function_words"),
            calendar_words: words("calendar_words"),
            male_words: words("male_words"),
            female_words: words("female_words"),
            inanimate_words: words("inanimate_words"),
            quantifiers: words("quantifiers"),
        }
    }
}

/// The lexicon for a BCP 47 tag, or, with no tag, for the language the text looks like.
pub fn for_article(language: &str, text: &str) -> Option<&'static Lexicon> {
    let tag = language.trim().to_lowercase();
    if !tag.is_empty() {
        return (tag == "en" || tag.starts_with("en-") || tag.starts_with("en_")).then(english);
    }
    looks_like(english(), text).then(english)
}

/// Whether at least one word in twelve of the text's first few thousand is one of the
/// language's commonest words: English prose runs near one in four, other languages
/// written in Latin letters well under one in twenty.
fn looks_like(lexicon: &Lexicon, text: &str) -> bool {
    let mut words = 0usize;
    let mut common = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(3000)
    {
        words += 1;
        if lexicon.function_words.has(&w.to_lowercase()) {
            common += 1;
        }
    }
    words >= 8 && common * 12 >= words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_table_has_every_class() {
        let l = english();
        assert!(l.speech_verbs.has("said") && l.speech_verbs.has("told"));
        assert!(l.titles.has("president") && !l.titles.has("said"));
        assert!(l.according_to.contains(&vec!["according", "to"]));
        assert!(l.person_pronouns.has("she") && l.plural_pronouns.has("they"));
        assert!(!l.hedges.has("zzzz-not-a-word"));
    }

    #[test]
    fn a_table_is_read_section_by_section() {
        let table =
            "# comment\n[speech_verbs]\nsaid  says\ntold\n\n[according_to]\naccording to\nciting\n";
        let sections = sections(table);
        assert_eq!(sections["speech_verbs"], vec!["said  says", "told"]);
        assert_eq!(sections["according_to"], vec!["according to", "citing"]);
    }

    #[test]
    fn the_language_is_the_tag_or_else_the_text() {
        let english = "The minister said on Monday that the talks would resume in the spring.";
        assert!(for_article("", english).is_some());
        assert!(for_article("en-US", "").is_some());
        assert!(for_article("de", english).is_none());
        assert!(
            for_article(
                "",
                "Der Minister sagte am Montag, die Gespräche würden im Frühjahr fortgesetzt."
            )
            .is_none()
        );
    }
}
