//! The attribution engine on news prose written for these tests: who says each span, who
//! relays it, and where the article gives no cue, nothing.

mod common;

use std::fs;

use briefing_notes::attribution::{Attribution, Engine};
use briefing_notes::model::Status;
use common::run;

/// The attribution of the `n`-th (from 1) occurrence of `quote` in `text`.
fn who(text: &str, quote: &str, n: usize) -> Attribution {
    who_in(text, "", "", quote, n)
}

fn who_in(text: &str, language: &str, publisher: &str, quote: &str, n: usize) -> Attribution {
    let engine = Engine::new(text, language, publisher).expect("English");
    let mut from = 0;
    let mut at = None;
    for _ in 0..n {
        let i = text[from..]
            .find(quote)
            .unwrap_or_else(|| panic!("“{quote}” is not in the text"));
        at = Some(from + i);
        from += i + 1;
    }
    let start = text[..at.unwrap()].chars().count();
    engine.attribute(start..start + quote.chars().count())
}

fn speaker(text: &str, quote: &str) -> String {
    who(text, quote, 1).speaker
}

const CALL: &str = "President Donald Trump spoke with Vladimir Putin for two hours on Monday.\n\n\
According to The New York Times, Putin would be open to peace talks in exchange for discussing \
potential land swaps, according to several people with knowledge of the call. Trump was \
reportedly positive about the idea.\n\n\
“The Russians expressed their desire to end the war,” stated White House Press Secretary \
Karoline Leavitt. She added that a summit was possible.\n\n\
“We have not agreed to anything,” Kremlin spokesman Dmitry Peskov told Reuters. Peskov \
denied that land swaps had been discussed.\n\n\
The talks lasted two hours. Markets rose after the call.";

#[test]
fn the_land_swap_story() {
    let a = who(CALL, "potential land swaps", 1);
    assert_eq!(a.speaker, "several people with knowledge of the call");
    assert_eq!(a.via, "The New York Times");
    assert!(a.cue.starts_with("according to several people"), "{a:?}");

    // A span that takes in its cue is attributed all the same.
    let a = who(
        CALL,
        "Putin would be open to peace talks in exchange for discussing potential land swaps, \
         according to several people with knowledge of the call",
        1,
    );
    assert_eq!(a.speaker, "several people with knowledge of the call");
    assert_eq!(a.via, "The New York Times");
    let a = who(CALL, "expressed their desire", 1);
    assert_eq!(a.speaker, "Karoline Leavitt", "the shortest full name");
    assert!(
        a.speaker_alts
            .contains(&"White House Press Secretary Karoline Leavitt".to_owned())
    );
    assert_eq!(a.via, "");

    assert_eq!(
        speaker(CALL, "a summit was possible"),
        "Karoline Leavitt",
        "“She” is resolved"
    );

    let a = who(CALL, "not agreed to anything", 1);
    assert_eq!(
        (a.speaker.as_str(), a.via.as_str()),
        ("Dmitry Peskov", "Reuters")
    );
    assert_eq!(
        speaker(CALL, "land swaps had been discussed"),
        "Dmitry Peskov"
    );

    let a = who(CALL, "positive about the idea", 1);
    assert_eq!(
        a.speaker, "Donald Trump",
        "the surname resolved to the full name"
    );
    assert_eq!(
        a.via, "The New York Times",
        "the outlet the paragraph relays"
    );
}

#[test]
fn the_writers_own_voice_gets_no_speaker() {
    assert_eq!(
        who(CALL, "Markets rose after the call", 1),
        Attribution::default()
    );
    assert_eq!(speaker(CALL, "spoke with Vladimir Putin"), "");
    let text = "Acme claims that its new battery lasts a week, but that is an untested \
                assumption. The battery costs $40.";
    assert_eq!(speaker(text, "its new battery lasts a week"), "Acme");
    assert_eq!(speaker(text, "that is an untested assumption"), "");
    assert_eq!(speaker(text, "The battery costs $40"), "");
}

#[test]
fn said_before_after_and_inverted() {
    let text = "The bridge will reopen in May, Mayor Anna Keller said on Tuesday.\n\n\
                Transport officials said the repairs had cost more than planned.\n\n\
                “We are on schedule,” said Tom Brandt, who leads the project.\n\n\
                The river, which floods most springs, is high this year, engineers warned, \
                and further delays are possible.";
    assert_eq!(
        speaker(text, "The bridge will reopen in May"),
        "Anna Keller"
    );
    assert_eq!(
        speaker(text, "the repairs had cost more than planned"),
        "Transport officials"
    );
    assert_eq!(speaker(text, "We are on schedule"), "Tom Brandt");
    assert_eq!(speaker(text, "further delays are possible"), "engineers");
}

#[test]
fn names_titles_and_pronouns_resolve_to_the_full_name() {
    let text = "Finance Minister Maria Oliveira presented the budget on Friday.\n\n\
                Ms. Oliveira said the deficit would fall to 2 percent next year.\n\n\
                The minister said taxes would not rise. She said spending on schools would \
                grow.\n\n\
                The opposition leader, Paulo Santos, called the plan a fantasy. He said the \
                numbers did not add up.";
    assert_eq!(
        speaker(text, "the deficit would fall to 2 percent"),
        "Maria Oliveira"
    );
    assert_eq!(speaker(text, "taxes would not rise"), "Maria Oliveira");
    assert_eq!(
        speaker(text, "spending on schools would grow"),
        "Maria Oliveira"
    );
    assert_eq!(speaker(text, "the numbers did not add up"), "Paulo Santos");

    // "She" is not the man who spoke last: titles and pronouns used of each tell them apart.
    let text = "Finance Minister Maria Oliveira presented the budget on Friday. Ms. Oliveira \
                said the deficit would fall.\n\n\
                Paulo Santos, who leads the opposition, said he would vote against it. Mr. \
                Santos said the numbers did not add up. She said the budget would balance by \
                2027.";
    assert_eq!(
        speaker(text, "the budget would balance by 2027"),
        "Maria Oliveira"
    );
    assert_eq!(speaker(text, "he would vote against it"), "Paulo Santos");
}

#[test]
fn quotations_carry_their_speaker_across_sentences_and_paragraphs() {
    let text = "The company's founder, Lena Fischer, was blunt.\n\n\
                “We made mistakes. We hired too fast,” Fischer said. “Now we will fix it.\n\n\
                “Nobody will lose their job.”\n\n\
                The company employs 400 people.";
    assert_eq!(speaker(text, "We hired too fast"), "Lena Fischer");
    assert_eq!(speaker(text, "Now we will fix it"), "Lena Fischer");
    assert_eq!(
        speaker(text, "Nobody will lose their job"),
        "Lena Fischer",
        "a quotation that runs on into the next paragraph"
    );
    assert_eq!(speaker(text, "The company employs 400 people"), "");
}

#[test]
fn a_block_quote_belongs_to_whoever_introduced_it() {
    let text = "In a post on his blog, security researcher Omar Haddad wrote:\n\n\
                The flaw lets anyone read the server's memory.\n\n\
                I reported it to the vendor a year ago.";
    assert_eq!(
        speaker(text, "lets anyone read the server's memory"),
        "Omar Haddad"
    );
    assert_eq!(speaker(text, "I reported it to the vendor"), "Omar Haddad");

    // So does a list under "X said:", even where an item has words of its own.
    let text = "In the interview, Foreign Minister Lena Fischer also said:\n\n\
                • The talks will resume in May\n\
                • She is confident the ceasefire will hold\n\
                • Sanctions must stay until the troops leave\n\n\
                The ministry did not say where the talks would be held.";
    assert_eq!(speaker(text, "Sanctions must stay"), "Lena Fischer");
    assert_eq!(
        speaker(text, "The talks will resume in May"),
        "Lena Fischer"
    );
    assert_eq!(speaker(text, "where the talks would be held"), "");
}

#[test]
fn relays_chains_and_the_publisher() {
    // The nearest human source speaks; the outlet that passed it on relays.
    let text = "Two officials told Reuters that the talks had stalled.\n\n\
                Reuters reported that the ceasefire was holding, citing a UN spokesman.\n\n\
                The army said its troops had withdrawn, the BBC reported.\n\n\
                The minister told reporters that the border was open.";
    let a = who(text, "the talks had stalled", 1);
    assert_eq!(
        (a.speaker.as_str(), a.via.as_str()),
        ("Two officials", "Reuters")
    );
    let a = who(text, "its troops had withdrawn", 1);
    assert_eq!((a.speaker.as_str(), a.via.as_str()), ("The army", "BBC"));
    let a = who(text, "the border was open", 1);
    assert_eq!((a.speaker.as_str(), a.via.as_str()), ("The minister", ""));
    // The article's own publisher is never a via.
    let a = who_in(text, "en", "Reuters", "the talks had stalled", 1);
    assert_eq!((a.speaker.as_str(), a.via.as_str()), ("Two officials", ""));
}

#[test]
fn a_wire_story_with_anonymous_sources_and_posts() {
    let text = "The Kremlin has denied a report that Russian and Ukrainian officials held \
                secret talks in Qatar.\n\n\
                A spokesperson for the Kremlin said the report was \"pure fiction\". Dmitry \
                Peskov told reporters in Moscow that no such meeting had taken place.\n\n\
                The Financial Times, citing three people familiar with the matter, reported on \
                Tuesday that the two sides had discussed a prisoner exchange.\n\n\
                A senior Ukrainian official, speaking on condition of anonymity, said talks of \
                some kind were \"always going on\".\n\n\
                Mr Zelensky posted on Telegram that Ukraine would \"never trade territory\". He \
                added: \"Our position has not changed.\"\n\n\
                Prices of Russian bonds rose 2% after the report.";
    assert_eq!(
        speaker(text, "pure fiction"),
        "A spokesperson for the Kremlin"
    );
    let a = who(text, "no such meeting had taken place", 1);
    assert_eq!((a.speaker.as_str(), a.via.as_str()), ("Dmitry Peskov", ""));
    let a = who(text, "had discussed a prisoner exchange", 1);
    assert_eq!(
        (a.speaker.as_str(), a.via.as_str()),
        ("three people familiar with the matter", "Financial Times")
    );
    assert_eq!(
        speaker(text, "talks of some kind were"),
        "A senior Ukrainian official"
    );
    // The speaker's own post is not relayed by anyone.
    let a = who(text, "Our position has not changed", 1);
    assert_eq!((a.speaker.as_str(), a.via.as_str()), ("Zelensky", ""));
    assert_eq!(speaker(text, "Prices of Russian bonds rose"), "");
    assert_eq!(
        speaker(text, "Russian and Ukrainian officials held"),
        "Kremlin"
    );
}

#[test]
fn an_outlet_alone_is_the_speaker() {
    let text = "Wired reports that the company ignored three warnings about the flaw.";
    let a = who(text, "the company ignored three warnings", 1);
    assert_eq!(a.speaker, "Wired");
    assert_eq!(a.via, "");
}

#[test]
fn nested_speech_is_credited_to_the_outer_speaker() {
    let text = "South Africa said Mr Mugabe had told President Jacob Zuma that he was \
                confined to his home.";
    assert_eq!(speaker(text, "he was confined to his home"), "South Africa");
}

#[test]
fn other_languages_get_nothing_rather_than_guesses() {
    let french = "Le président a déclaré que les négociations avaient échoué, selon \
                  plusieurs sources proches du dossier. Il a ajouté que rien n'était décidé.";
    assert!(Engine::new(french, "", "").is_none(), "told from the text");
    assert!(Engine::new(CALL, "fr", "").is_none(), "told by the tag");
    assert!(Engine::new(CALL, "en-GB", "").is_some());
}

#[test]
fn suggestions_propose_spans_statuses_and_attribution() {
    let text = "The ministry confirmed that 40 soldiers had been killed.\n\n\
                The rebels denied that they had shelled the hospital.\n\n\
                “The city is surrounded,” a local commander said.\n\n\
                The weather was cold.";
    let engine = Engine::new(text, "en", "").unwrap();
    let found: Vec<(String, Status, String)> = engine
        .suggestions()
        .into_iter()
        .map(|s| {
            let words: String = text.chars().skip(s.span.start).take(s.span.len()).collect();
            (words, s.status, s.attribution.speaker)
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "40 soldiers had been killed".to_owned(),
                Status::Confirmed,
                "The ministry".to_owned()
            ),
            (
                "they had shelled the hospital".to_owned(),
                Status::Disputed,
                "The rebels".to_owned()
            ),
            (
                "The city is surrounded".to_owned(),
                Status::Reported,
                "a local commander".to_owned()
            ),
        ]
    );
}

#[test]
fn attribute_and_suggest_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("call.txt"), CALL).unwrap();
    let out = run(
        d,
        &["attribute", "call.txt", "--quote", "potential land swaps"],
    )
    .ok();
    assert!(
        out.stdout.contains(
            "speaker: several people with knowledge of the call\nvia: The New York Times\n"
        ),
        "{}",
        out.stdout
    );
    let err = run(d, &["attribute", "call.txt", "--quote", "not in it"]).fails();
    assert!(err.stderr.contains("is not in article"), "{}", err.stderr);

    let out = run(d, &["suggest", "call.txt", "--json"]).ok();
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().any(|l| l["speaker"] == "Dmitry Peskov"
        && l["via"] == "Reuters"
        && l["quote"] == "We have not agreed to anything"));
    assert!(
        lines
            .iter()
            .all(|l| l["quote"] != "The talks lasted two hours")
    );

    // tag --suggest-attribution fills what was not given, marked as not yet reviewed.
    run(d, &["new", "b.ron", "--title", "Call"]).ok();
    run(d, &["add", "b.ron", "call.txt"]).ok();
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "We have not agreed to anything",
            "--status",
            "reported",
            "--suggest-attribution",
        ],
    )
    .ok();
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "a summit was possible",
            "--status",
            "reported",
            "--speaker",
            "Leavitt",
            "--suggest-attribution",
        ],
    )
    .ok();
    let out = run(d, &["check", "b.ron"]).ok();
    assert!(
        out.stdout.contains(
            "“We have not agreed to anything” — Dmitry Peskov, via Reuters (suggested, not yet reviewed)"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("“a summit was possible” — Leavitt\n"),
        "what the analyst typed is kept: {}",
        out.stdout
    );
}

#[test]
fn a_long_article_is_read_around_the_span_with_the_same_answer() {
    use briefing_notes::attribution::attribute_in;
    use briefing_notes::model::{Article, ArticleMeta, now};
    // Far more text than is read at once, then the story.
    let filler =
        "The committee met again on Tuesday and adjourned without a vote.\n\n".repeat(3000);
    let long = format!("{filler}{CALL}");
    assert!(long.len() > 150_000);
    let article = Article::new(ArticleMeta::default(), &long, now());
    for quote in [
        "potential land swaps",
        "a summit was possible",
        "not agreed to anything",
        "Markets rose after the call",
    ] {
        let at = article.text.find(quote).unwrap();
        let start = article.text[..at].chars().count();
        let found = attribute_in(&article, start..start + quote.chars().count()).unwrap();
        let alone = who(CALL, quote, 1);
        assert_eq!(
            (found.speaker, found.via),
            (alone.speaker, alone.via),
            "{quote}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Whatever the text and the span, the engine answers: no panic, and every suggestion
    /// lies inside the text.
    #[test]
    fn any_text_and_span_is_answered(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "said", "told", "Reuters", "according", "to", "the", "He", "she", "“", "”",
                "\"", ",", ".", ":", "\n\n", "(", ")", "Mr.", "John", "Smith", "reportedly",
                "that", "and", "who", "é", "会谈", "👩‍👩‍👧", "'s", "’", "—", "U.S.", "citing",
                "in", "phrase", "is", "concerned", "saying", "•", "officials",
            ]),
            0..400,
        ),
        a in 0usize..400,
        b in 0usize..400,
    ) {
        let text = words.join(" ");
        let Some(engine) = Engine::new(&text, "en", "Reuters") else {
            return Ok(());
        };
        let chars = text.chars().count();
        let (s, e) = (a.min(b).min(chars), a.max(b).min(chars));
        let _ = engine.attribute(s..e);
        let _ = engine.attribute(e..s.max(e));
        for sug in engine.suggestions() {
            proptest::prop_assert!(sug.span.start < sug.span.end && sug.span.end <= chars);
            proptest::prop_assert!(!sug.attribution.speaker.is_empty());
        }
    }
}
