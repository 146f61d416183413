//! When two ways of writing a source name the same one: "The New York Times", "new york
//! times" and "NYT" are one source, so that counting them twice cannot inflate
//! corroboration.

/// The name compared: lower case, punctuation and a leading "the" dropped, spaces single.
pub fn normalise(name: &str) -> String {
    let spaced: String = name
        .chars()
        .filter(|c| *c != '.' && *c != '\'' && *c != '’')
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let words = match words.as_slice() {
        ["the", rest @ ..] if !rest.is_empty() => rest,
        all => all,
    };
    words.join(" ")
}

/// Whether two names written differently name the same source.
pub fn same_name(a: &str, b: &str) -> bool {
    let (na, nb) = (normalise(a), normalise(b));
    !na.is_empty() && (na == nb || is_acronym_of(a, &nb) || is_acronym_of(b, &na))
}

/// "NYT" for "new york times", "WSJ" for "wall street journal": a short all-capitals word
/// whose letters are the initials of the other name's main words.
fn is_acronym_of(short: &str, long_normalised: &str) -> bool {
    let short: String = short.trim().chars().filter(|c| *c != '.').collect();
    let letters = short.chars().count();
    if !(2..=6).contains(&letters) || !short.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials: String = long_normalised
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "&"))
        .filter_map(|w| w.chars().next())
        .collect();
    initials.chars().count() > 1 && initials == short.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spaces_punctuation_and_the_do_not_matter() {
        assert!(same_name("The New York Times", "new  york times"));
        assert!(same_name("the Kremlin", "Kremlin"));
        assert!(same_name("U.S. State Department", "US state department"));
        assert!(same_name("NYT", "The New York Times"));
        assert!(same_name("Wall Street Journal", "WSJ"));
        assert!(!same_name("Reuters", "Interfax"));
        assert!(!same_name("", ""));
        assert!(!same_name("NY", "New York Times"));
        assert!(
            !same_name("nyt", "New York Times"),
            "lower-case words are not acronyms"
        );
        assert_eq!(normalise("The"), "the", "a name that is only “the” stays");
    }
}
