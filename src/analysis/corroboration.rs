//! How many independent sources stand behind a judgment. Counted, never typed: claims that
//! trace back to the same origin, or that reached us through the same outlet, are one
//! source however many articles repeat them (circular reporting).

use super::names::{normalise, same_name};
use crate::model::{Article, Briefing, Claim, ClaimId, Confidence, Judgment, Stance, Status};

/// Supporting claims that count as one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The name the group is known by, as the analyst wrote it.
    pub name: String,
    pub claims: Vec<ClaimId>,
}

/// What a judgment rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Corroboration {
    /// Independent sources behind the supporting claims, in the order first linked.
    pub sources: Vec<Source>,
    pub supporting: Vec<ClaimId>,
    pub contradicting: Vec<ClaimId>,
    pub warnings: Vec<Warning>,
}

/// Something a reader of the judgment should be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// No claim supports it.
    Unsupported,
    /// Every supporting claim traces back to one source.
    SingleSourced,
    /// This many linked claims go against it.
    Contradicted(usize),
    /// This many supporting claims are themselves tagged Disputed.
    RestsOnDisputed(usize),
    /// High confidence, yet unsupported, single-sourced or contradicted.
    ConfidenceTooHigh,
}

impl Warning {
    pub fn words(self) -> String {
        match self {
            Warning::Unsupported => "no claim supports this judgment".to_owned(),
            Warning::SingleSourced => "single-sourced: every supporting claim traces back to \
                one source"
                .to_owned(),
            Warning::Contradicted(n) => format!(
                "contradicted by {}",
                super::count(n, "linked claim", "linked claims")
            ),
            Warning::RestsOnDisputed(n) => format!(
                "rests on {} tagged Disputed",
                super::count(n, "claim", "claims")
            ),
            Warning::ConfidenceTooHigh => {
                "high confidence, but the evidence is thin or contested".to_owned()
            }
        }
    }
}

impl Corroboration {
    pub fn independent(&self) -> usize {
        self.sources.len()
    }

    /// "2 independent sources (Kremlin; NYT)", "1 source (NYT)", "no supporting claims".
    pub fn line(&self) -> String {
        let names: Vec<&str> = self.sources.iter().map(|s| s.name.as_str()).collect();
        match names.len() {
            0 => "no supporting claims".to_owned(),
            1 => format!("1 source ({})", names[0]),
            n => format!("{n} independent sources ({})", names.join("; ")),
        }
    }
}

/// Counts the independent sources of `judgment` and what to warn about.
pub fn corroboration(b: &Briefing, judgment: &Judgment) -> Corroboration {
    let linked = |stance| -> Vec<(&Article, &Claim)> {
        judgment
            .claims_with(stance)
            .filter_map(|id| b.find_claim(id))
            .collect()
    };
    let supporting = linked(Stance::Supports);
    let contradicting = linked(Stance::Contradicts);
    let sources = independent_sources(&supporting);
    let mut warnings = Vec::new();
    match sources.len() {
        0 => warnings.push(Warning::Unsupported),
        1 => warnings.push(Warning::SingleSourced),
        _ => {}
    }
    if !contradicting.is_empty() {
        warnings.push(Warning::Contradicted(contradicting.len()));
    }
    let disputed = supporting
        .iter()
        .filter(|(_, c)| c.status == Status::Disputed)
        .count();
    if disputed > 0 {
        warnings.push(Warning::RestsOnDisputed(disputed));
    }
    if judgment.confidence == Some(Confidence::High)
        && (sources.len() < 2 || !contradicting.is_empty())
    {
        warnings.push(Warning::ConfidenceTooHigh);
    }
    Corroboration {
        sources,
        supporting: supporting.iter().map(|(_, c)| c.id).collect(),
        contradicting: contradicting.iter().map(|(_, c)| c.id).collect(),
        warnings,
    }
}

/// The names a claim's source goes by: its origin (speaker, else via, else the article's
/// outlet) and the outlet that relayed it, each as written.
fn names_of(article: &Article, claim: &Claim) -> Vec<String> {
    let (speaker, via) = (claim.speaker.trim(), claim.via.trim());
    let origin = [speaker, via, article.outlet.trim()]
        .into_iter()
        .find(|s| !normalise(s).is_empty());
    let mut names = Vec::new();
    match origin {
        Some(o) => names.push(o.to_owned()),
        // Nothing to name it by: the article itself, which no other article shares.
        None => names.push(format!("{UNNAMED}{}", article.id)),
    }
    if !normalise(via).is_empty() && !same_name(via, &names[0]) {
        names.push(via.to_owned());
    }
    names
}

/// Starts the name of a source known only by its article.
const UNNAMED: char = '\u{0}';

fn independent_sources(claims: &[(&Article, &Claim)]) -> Vec<Source> {
    let names: Vec<Vec<String>> = claims.iter().map(|(a, c)| names_of(a, c)).collect();
    let mut group: Vec<usize> = (0..claims.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for i in 0..claims.len() {
        for j in 0..i {
            let shared = names[i]
                .iter()
                .any(|x| names[j].iter().any(|y| same_name(x, y)));
            if shared {
                let (ri, rj) = (root(&mut group, i), root(&mut group, j));
                group[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut sources: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..claims.len() {
        let r = root(&mut group, i);
        match sources.iter_mut().find(|(root, _)| *root == r) {
            Some((_, members)) => members.push(i),
            None => sources.push((r, vec![i])),
        }
    }
    sources
        .into_iter()
        .map(|(_, members)| Source {
            name: group_name(&members, &names, claims),
            claims: members.iter().map(|&i| claims[i].1.id).collect(),
        })
        .collect()
}

/// The name most of the group's claims share (the outlet they all came through, in
/// circular reporting); on a tie, the first claim's origin.
fn group_name(members: &[usize], names: &[Vec<String>], claims: &[(&Article, &Claim)]) -> String {
    let first = members[0];
    let mut best: Option<(&String, usize)> = None;
    for &m in members {
        for name in &names[m] {
            let n = members
                .iter()
                .filter(|&&o| names[o].iter().any(|x| same_name(x, name)))
                .count();
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((name, n));
            }
        }
    }
    match best {
        Some((name, _)) if !name.starts_with(UNNAMED) => name.clone(),
        _ => {
            let title = claims[first].0.title.trim();
            if title.is_empty() {
                "an untitled article".to_owned()
            } else {
                title.to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Anchor;
    use crate::model::{ArticleMeta, now};
    use crate::text::TextIndex;

    /// An article per (outlet, speaker, via, status), each holding one claim.
    fn briefing(claims: &[(&str, &str, &str, Status)]) -> (Briefing, Vec<ClaimId>) {
        let mut b = Briefing::new("T", "");
        let mut ids = Vec::new();
        for (outlet, speaker, via, status) in claims {
            let mut a = Article::new(
                ArticleMeta {
                    title: format!("{outlet} story"),
                    outlet: outlet.to_string(),
                    ..Default::default()
                },
                "Talks may happen soon.",
                now(),
            );
            let anchor = Anchor::new(&TextIndex::new(&a.text), 0..5).unwrap();
            let mut c = Claim::new(*status, anchor, now());
            c.speaker = speaker.to_string();
            c.via = via.to_string();
            ids.push(c.id);
            a.claims.push(c);
            b.articles.push(a);
        }
        (b, ids)
    }

    fn judged(ids: &[ClaimId], against: &[ClaimId]) -> Judgment {
        let mut j = Judgment::new("A summit is likely", now());
        for id in ids {
            j.set_stance(*id, Some(Stance::Supports));
        }
        for id in against {
            j.set_stance(*id, Some(Stance::Contradicts));
        }
        j
    }

    #[test]
    fn outlets_relaying_one_report_count_once() {
        // The land-swap pattern: two outlets relay the NYT's anonymous sources, the Kremlin
        // denies it.
        let (b, ids) = briefing(&[
            (
                "The Guardian",
                "several people with knowledge of the call",
                "The New York Times",
                Status::Reported,
            ),
            (
                "CNN",
                "people familiar with the call",
                "NYT",
                Status::Reported,
            ),
            ("TASS", "Kremlin", "", Status::Disputed),
        ]);
        let c = corroboration(&b, &judged(&ids[..2], &ids[2..]));
        assert_eq!(c.independent(), 1);
        assert_eq!(c.sources[0].name, "The New York Times");
        assert_eq!(c.line(), "1 source (The New York Times)");
        assert_eq!(
            c.warnings,
            vec![Warning::SingleSourced, Warning::Contradicted(1)]
        );
    }

    #[test]
    fn shared_origins_count_once_and_distinct_ones_add_up() {
        let (b, ids) = briefing(&[
            ("Reuters", "the Kremlin", "", Status::Confirmed),
            ("Interfax", "Kremlin", "Interfax", Status::Confirmed),
            ("The New York Times", "", "", Status::Reported),
            ("CNN", "", "", Status::Reported),
        ]);
        let mut j = judged(&ids, &[]);
        j.confidence = Some(Confidence::High);
        let c = corroboration(&b, &j);
        assert_eq!(
            c.line(),
            "3 independent sources (the Kremlin; The New York Times; CNN)"
        );
        assert_eq!(c.sources[0].claims, ids[..2].to_vec());
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }

    #[test]
    fn high_confidence_on_thin_evidence_is_flagged() {
        let (b, ids) = briefing(&[("Reuters", "Ushakov", "", Status::Disputed)]);
        let mut j = judged(&ids, &[]);
        j.confidence = Some(Confidence::High);
        let c = corroboration(&b, &j);
        assert_eq!(
            c.warnings,
            vec![
                Warning::SingleSourced,
                Warning::RestsOnDisputed(1),
                Warning::ConfidenceTooHigh
            ]
        );
        let empty = corroboration(&b, &Judgment::new("Nothing yet", now()));
        assert_eq!(empty.warnings, vec![Warning::Unsupported]);
        assert_eq!(empty.line(), "no supporting claims");
    }

    #[test]
    fn claims_with_no_names_at_all_are_one_source_per_article() {
        let (b, ids) = briefing(&[
            ("", "", "", Status::Reported),
            ("", "", "", Status::Reported),
        ]);
        let c = corroboration(&b, &judged(&ids, &[]));
        assert_eq!(c.independent(), 2);
        assert_eq!(c.sources[0].name, "story");
        // Two claims in one such article are still one source.
        let mut b = b;
        let second = b.articles[0].claims[0].clone();
        let mut second = Claim {
            id: ClaimId::new(),
            ..second
        };
        second.anchor = Anchor::new(&TextIndex::new(&b.articles[0].text), 6..9).unwrap();
        let id = second.id;
        b.articles[0].claims.push(second);
        let c = corroboration(&b, &judged(&[ids[0], id], &[]));
        assert_eq!(c.independent(), 1);
    }
}
