//! How well the attribution engine names speakers and vias, measured on hand-labelled
//! cases: `cargo run --release --example attribution_eval -- ../shared/testdata/attribution`
//! (add `-v` to list the wrong cases with their sentence).
//!
//! The folder holds `cases.jsonl` (an article text, a quote and its occurrence, the expected
//! speaker and via with accepted alternatives, and a kind) and `texts/`. Scoring follows
//! the folder's README and `score_attribution.py`: both sides normalised (NFKC, case-folded,
//! apostrophes dropped, punctuation to spaces, leading titles and articles dropped); a
//! prediction matches when its words equal an accepted value's or their word F1 is ≥ 0.6;
//! an expected "" with alternatives is an optional via. The engine runs in-process, so the
//! time per article is the engine's own: reading the article once, then every case in it.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use briefing_notes::attribution::{Attribution, Engine};
use briefing_notes::text::normalize_article_text;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const TITLES: &[&str] = &[
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "sir",
    "mayor",
];
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "the author",
    "author",
];

fn tokens(s: &str) -> Vec<String> {
    let s: String = s.nfkc().filter(|c| *c != '\u{ad}').collect::<String>();
    let s = s.to_lowercase();
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | '`' | '´'))
        .map(|c| {
            if c.is_alphanumeric() || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut toks: Vec<String> = s.split_whitespace().map(str::to_owned).collect();
    while toks.first().is_some_and(|t| TITLES.contains(&t.as_str())) {
        toks.remove(0);
    }
    toks
}

fn f1(a: &[String], b: &[String]) -> f64 {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in b {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in a {
        if let Some(c) = counts.get_mut(w.as_str())
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (
        common as f64 / a.len() as f64,
        common as f64 / b.len() as f64,
    );
    2.0 * p * r / (p + r)
}

fn matches(pred: &str, golds: &[String]) -> bool {
    let pt = tokens(pred);
    !pt.is_empty()
        && golds.iter().any(|g| {
            let gt = tokens(g);
            !gt.is_empty() && (pt == gt || f1(&pt, &gt) >= 0.6)
        })
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    n: usize,
    speaker_ok: usize,
    via_ok: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/testdata/attribution"));
    let Ok(lines) = std::fs::read_to_string(dir.join("cases.jsonl")) else {
        eprintln!(
            "no cases.jsonl in {}: give the attribution folder",
            dir.display()
        );
        std::process::exit(2);
    };
    let cases: Vec<Value> = lines
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let mut by_text: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for c in &cases {
        by_text
            .entry(c["text"].as_str().unwrap_or_default().to_owned())
            .or_default()
            .push(c);
    }
    let (mut sp_pred, mut sp_right, mut sp_gold) = (0, 0, 0);
    let (mut via_pred, mut via_right, mut via_gold, mut via_req_right) = (0, 0, 0, 0);
    let (mut unattributed, mut left_empty) = (0, 0);
    let (mut pronouns, mut pronouns_named) = (0, 0);
    let mut kinds: BTreeMap<String, Tally> = BTreeMap::new();
    let mut times = Vec::new();
    for (name, group) in &by_text {
        let Ok(raw) = std::fs::read_to_string(dir.join("texts").join(name)) else {
            eprintln!("missing text {name}");
            continue;
        };
        let text = normalize_article_text(&raw);
        let started = Instant::now();
        let Some(engine) = Engine::new(&text, "", "") else {
            eprintln!("{name}: not read as English");
            continue;
        };
        let mut answers: Vec<Attribution> = Vec::new();
        for c in group {
            let quote = normalize_article_text(c["quote"].as_str().unwrap_or_default());
            let occurrence = c["occurrence"].as_u64().unwrap_or(1) as usize;
            let mut at = None;
            let mut from = 0;
            for _ in 0..occurrence {
                at = text[from..].find(&quote).map(|i| from + i);
                match at {
                    Some(i) => from = i + text[i..].chars().next().map_or(1, char::len_utf8),
                    None => break,
                }
            }
            let answer = at.map_or_else(Attribution::default, |b| {
                let start = text[..b].chars().count();
                engine.attribute(start..start + quote.chars().count())
            });
            answers.push(answer);
        }
        times.push((name.clone(), started.elapsed().as_secs_f64() * 1000.0));
        for (c, got) in group.iter().zip(&answers) {
            let speaker = c["speaker"].as_str().unwrap_or_default().to_owned();
            let mut speakers = vec![speaker.clone()];
            speakers.extend(strings(&c["speaker_alts"]));
            let via = c["via"].as_str().unwrap_or_default().to_owned();
            let via_alts = strings(&c["via_alts"]);
            let kind = c["kind"].as_str().unwrap_or_default().to_owned();
            let speaker_ok = if speaker.is_empty() {
                got.speaker.is_empty()
            } else {
                matches(&got.speaker, &speakers)
            };
            if !got.speaker.is_empty() {
                sp_pred += 1;
                if !speaker.is_empty() && speaker_ok {
                    sp_right += 1;
                }
            }
            if speaker.is_empty() {
                unattributed += 1;
                left_empty += usize::from(got.speaker.is_empty());
            } else {
                sp_gold += 1;
            }
            if kind == "pronoun" {
                pronouns += 1;
                let bare = PRONOUNS.contains(&got.speaker.to_lowercase().as_str());
                pronouns_named += usize::from(speaker_ok && !bare);
            }
            let optional = via.is_empty() && !via_alts.is_empty();
            let mut vias = vec![via.clone()];
            vias.extend(via_alts.iter().cloned());
            let via_ok = if optional {
                got.via.is_empty() || matches(&got.via, &via_alts)
            } else if via.is_empty() {
                got.via.is_empty()
            } else {
                matches(&got.via, &vias)
            };
            if !got.via.is_empty() {
                via_pred += 1;
                via_right += usize::from(via_ok);
            }
            if !via.is_empty() {
                via_gold += 1;
                via_req_right += usize::from(via_ok);
            }
            let t = kinds.entry(kind.clone()).or_default();
            t.n += 1;
            t.speaker_ok += usize::from(speaker_ok);
            t.via_ok += usize::from(via_ok);
            if verbose && (!speaker_ok || !via_ok) {
                println!(
                    "{}{} {:<22} {:<13} expected {speaker:?} via {via:?} | got {:?} via {:?} (from {:?})\n      quote {:?}",
                    if speaker_ok { ' ' } else { 'S' },
                    if via_ok { ' ' } else { 'V' },
                    c["id"].as_str().unwrap_or_default(),
                    kind,
                    got.speaker,
                    got.via,
                    got.cue,
                    c["quote"].as_str().unwrap_or_default(),
                );
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("cases: {}", cases.len());
    println!(
        "speaker precision {:.3} ({sp_right}/{sp_pred})   recall {:.3} ({sp_right}/{sp_gold})",
        ratio(sp_right, sp_pred),
        ratio(sp_right, sp_gold)
    );
    println!(
        "via precision {:.3} ({via_right}/{via_pred})   recall {:.3} ({via_req_right}/{via_gold} required)",
        ratio(via_right, via_pred),
        ratio(via_req_right, via_gold)
    );
    println!(
        "unattributed left empty {:.3} ({left_empty}/{unattributed})",
        ratio(left_empty, unattributed)
    );
    println!(
        "pronoun cases resolved to a name {:.3} ({pronouns_named}/{pronouns})",
        ratio(pronouns_named, pronouns)
    );
    println!("\nkind              n  speaker_ok  via_ok");
    for (kind, t) in &kinds {
        println!(
            "{kind:<15} {:>3}  {:>10.3}  {:>6.3}",
            t.n,
            ratio(t.speaker_ok, t.n),
            ratio(t.via_ok, t.n)
        );
    }
    let total: f64 = times.iter().map(|(_, t)| t).sum();
    let slowest = times
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .cloned()
        .unwrap_or_default();
    println!(
        "\ntime per article: mean {:.3} ms, max {:.3} ms ({}) ({} articles, reading the text and answering all its cases)",
        total / times.len().max(1) as f64,
        slowest.1,
        slowest.0,
        times.len()
    );
}
