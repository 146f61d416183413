//! What the command line accepts: the clap definitions, apart from running them
//! ([`super::run`]), as ripgrep keeps its flags.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::model::{
    Confidence, Consistency, Credibility, Likelihood, Published, Reliability, Status,
};

#[derive(Debug, Parser)]
#[command(
    name = "briefing-notes",
    version,
    about = "Tag claims in news articles as Confirmed, Reported or Disputed, and export briefings.",
    long_about = "Tag claims in news articles as Confirmed, Reported or Disputed, and export briefings.\n\n\
        With no subcommand, opens the desktop app: `briefing-notes FILE.ron` opens a briefing, \
        `briefing-notes ARTICLE…` starts a new briefing with those articles.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// A briefing (.ron) to open, or articles to start a new briefing with (desktop app).
    pub files: Vec<PathBuf>,
}

impl Cli {
    /// A file argument that does not exist is a mistyped subcommand or path: a usage
    /// error, with the nearest subcommand suggested, rather than a window that cannot read
    /// it.
    pub fn missing_file_error(&self) -> Option<clap::Error> {
        use clap::CommandFactory;
        let missing = self.files.iter().find(|f| !f.exists())?;
        let word = missing.to_string_lossy();
        let mut message = format!("no such command or file: '{word}'");
        if let Some(near) = nearest_subcommand(&word) {
            message.push_str(&format!("\n\n  tip: a similar command exists: '{near}'"));
        }
        Some(Cli::command().error(clap::error::ErrorKind::InvalidSubcommand, message))
    }
}

/// The subcommand closest to `word`, when it is close enough to be a typo of it.
fn nearest_subcommand(word: &str) -> Option<String> {
    use clap::CommandFactory;
    let word = word.to_lowercase();
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .map(|name| (strsim::jaro_winkler(&word, &name), name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Create a new, empty briefing file.
    New(NewArgs),
    /// Add an article (a saved web page, a PDF, a Word document, .md or .txt) to a briefing.
    Add(AddArgs),
    /// Show what importing a file would give: its metadata, a blank line, then its text.
    Extract(ExtractArgs),
    /// Tag a quote in an article as a claim.
    Tag(TagArgs),
    /// Export a briefing: Markdown for readers (the default), W3C Web Annotation JSON for
    /// other annotation tools, or CSV for spreadsheets.
    Export(ExportArgs),
    /// Add claims from another annotation tool: W3C Web Annotation JSON or Hypothesis JSON.
    /// Each annotation whose quote is found in the article becomes a claim (Reported unless
    /// the file says otherwise); the ones not found are listed.
    ImportAnnotations(ImportAnnotationsArgs),
    /// Load a briefing, verify every claim's anchor and summarise it: claims by label,
    /// key judgments with their sources, hypotheses with their scores.
    Check(CheckArgs),
    /// Add key judgments and link them to the claims they rest on.
    #[command(subcommand)]
    Judgment(JudgmentCommand),
    /// Add competing hypotheses to weigh the claims against.
    #[command(subcommand)]
    Hypothesis(HypothesisCommand),
    /// Rate how consistent a claim is with a hypothesis: cc, c, n, i, ii (or none).
    Rate(RateArgs),
    /// Who says a quote and who relays it, read from the article: prints "speaker: …",
    /// "via: …" and the words that gave them ("from: …").
    Attribute(AttributeArgs),
    /// Candidate claims in an article: attributed statements and hedged reports, one per
    /// line, with a proposed status, speaker and via.
    Suggest(SuggestArgs),
    /// Three-way merge of briefings by id, as a git merge driver (`%O %A %B`): writes the
    /// result over OURS; exits 0 when clean, 1 when conflicts are left for review (the file
    /// still opens; `check` lists them). A file that is not a briefing is merged as text.
    Merge(MergeArgs),
    /// Sets up the git repository around the current folder to merge briefings with
    /// `merge`: a line in .gitattributes and the driver in the repository's git config.
    GitSetup(GitSetupArgs),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O; may be empty when both sides added the file).
    pub base: PathBuf,
    /// Our side, overwritten with the result (git's %A).
    pub ours: PathBuf,
    /// Their side (git's %B).
    pub theirs: PathBuf,
    /// The file's name in the repository (git's %P), for messages.
    #[arg(long)]
    pub path: Option<String>,
}

#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// Which files are briefings, as a .gitattributes pattern.
    #[arg(long, default_value = "*.ron")]
    pub pattern: String,
}

#[derive(Debug, Subcommand)]
pub enum JudgmentCommand {
    /// Add a key judgment at the end of the list; prints its label (K1, K2…).
    Add(JudgmentAddArgs),
    /// Link claims to a judgment as supporting it (or, with --contradicts, against it).
    Link(JudgmentLinkArgs),
}

#[derive(Debug, Args)]
pub struct JudgmentAddArgs {
    /// The briefing file.
    pub file: PathBuf,
    /// The judgment, as the reader will see it ("We assess that…").
    #[arg(long)]
    pub text: String,
    /// almost-no-chance, very-unlikely, unlikely, even-chance, likely, very-likely or
    /// almost-certain.
    #[arg(long)]
    pub likelihood: Option<Likelihood>,
    /// low, moderate or high.
    #[arg(long)]
    pub confidence: Option<Confidence>,
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct JudgmentLinkArgs {
    /// The briefing file.
    pub file: PathBuf,
    /// The judgment: its label (K1…) or the start of its id.
    pub judgment: String,
    /// Claims by label (C1, R2, D1… as `check` lists them) or the start of their id.
    #[arg(required = true)]
    pub claims: Vec<String>,
    /// The claims go against the judgment instead of supporting it.
    #[arg(long)]
    pub contradicts: bool,
}

#[derive(Debug, Subcommand)]
pub enum HypothesisCommand {
    /// Add a hypothesis at the end of the list; prints its label (H1, H2…).
    Add(HypothesisAddArgs),
}

#[derive(Debug, Args)]
pub struct HypothesisAddArgs {
    /// The briefing file.
    pub file: PathBuf,
    #[arg(long)]
    pub text: String,
}

#[derive(Debug, Args)]
pub struct RateArgs {
    /// The briefing file.
    pub file: PathBuf,
    /// The claim: its label (C1, R2…) or the start of its id.
    pub claim: String,
    /// The hypothesis: its label (H1…) or the start of its id.
    pub hypothesis: String,
    /// cc (very consistent), c, n (neutral), i, ii (very inconsistent), or none to clear.
    #[arg(value_parser = parse_rating)]
    pub rating: Rating,
}

/// A rating as typed, clearing included.
#[derive(Debug, Clone, Copy)]
pub struct Rating(pub Option<Consistency>);

fn parse_rating(s: &str) -> Result<Rating, String> {
    match s.trim().to_lowercase().as_str() {
        "none" | "-" | "clear" => Ok(Rating(None)),
        _ => s.parse().map(|c| Rating(Some(c))),
    }
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The briefing file to create (refused if it exists).
    pub file: PathBuf,
    #[arg(long)]
    pub title: String,
    #[arg(long, default_value = "")]
    pub analyst: String,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The briefing file.
    pub file: PathBuf,
    /// The article file: a saved web page (.html), a PDF, a Word document (.docx), Markdown
    /// (.md) or text (.txt, any common encoding).
    pub article: PathBuf,
    /// For a web page: import all of its visible text, not only the article found in it.
    #[arg(long)]
    pub whole_page: bool,
    /// Title (default: the page's title, a .md file's first heading, else the file name).
    #[arg(long)]
    pub title: Option<String>,
    /// Outlet: the site or publisher.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Author or byline.
    #[arg(long)]
    pub author: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    /// Publication date (2025-08-13) or date and time (RFC 3339).
    #[arg(long, value_parser = parse_published)]
    pub published: Option<Published>,
    /// Language, as a BCP 47 tag (en, en-GB, fr…).
    #[arg(long)]
    pub language: Option<String>,
    /// Source reliability, A (completely reliable) to F (cannot be judged).
    #[arg(long, value_parser = parse_reliability)]
    pub reliability: Option<Reliability>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The article file.
    pub file: PathBuf,
    /// Print the text alone, without the metadata.
    #[arg(long)]
    pub text: bool,
    /// For a web page: all of its visible text, not only the article found in it.
    #[arg(long)]
    pub whole_page: bool,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    /// The briefing file.
    pub file: PathBuf,
    /// The exact words to tag, as they appear in the article.
    #[arg(long)]
    pub quote: String,
    /// confirmed, reported or disputed.
    #[arg(long)]
    pub status: Status,
    /// The article: its number (1, 2…) or id (or a unique start of it). Needed when the
    /// briefing has more than one article.
    #[arg(long)]
    pub article: Option<String>,
    /// Which match to tag (1, 2…) when the quote occurs more than once.
    #[arg(long)]
    pub occurrence: Option<usize>,
    /// The analyst's note.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Who makes the claim.
    #[arg(long, default_value = "")]
    pub speaker: String,
    /// Who relays it.
    #[arg(long, default_value = "")]
    pub via: String,
    /// How credible the information is, 1 (confirmed by other sources) to 6 (cannot be judged).
    #[arg(long, value_parser = parse_credibility)]
    pub credibility: Option<Credibility>,
    /// A tag for the claim; repeat for several.
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Fill in the speaker and via from the article's text where they are not given.
    #[arg(long)]
    pub suggest_attribution: bool,
}

#[derive(Debug, Args)]
pub struct AttributeArgs {
    /// The article file: anything `add` accepts (a saved web page, PDF, .docx, .md or .txt).
    pub article: PathBuf,
    /// The exact words, as they appear in the article.
    #[arg(long)]
    pub quote: String,
    /// Which match (1, 2…) when the quote occurs more than once.
    #[arg(long)]
    pub occurrence: Option<usize>,
    /// For a web page: all of its visible text, not only the article found in it.
    #[arg(long)]
    pub whole_page: bool,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The article file: anything `add` accepts (a saved web page, PDF, .docx, .md or .txt).
    pub article: PathBuf,
    /// One JSON object per line instead of text.
    #[arg(long)]
    pub json: bool,
    /// For a web page: all of its visible text, not only the article found in it.
    #[arg(long)]
    pub whole_page: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The briefing file.
    pub file: PathBuf,
    /// Write the export here instead of to standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// markdown, w3c (W3C Web Annotation JSON-LD) or csv.
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ExportKind,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportKind {
    Markdown,
    W3c,
    Csv,
}

impl From<ExportKind> for crate::export::ExportFormat {
    fn from(k: ExportKind) -> Self {
        match k {
            ExportKind::Markdown => Self::Markdown,
            ExportKind::W3c => Self::W3c,
            ExportKind::Csv => Self::Csv,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportAnnotationsArgs {
    /// The briefing file.
    pub file: PathBuf,
    /// The annotations (.json).
    pub annotations: PathBuf,
    /// Put every annotation in this article (its number in `check`); without it, each goes
    /// to the article whose URL its target names (or the only article).
    #[arg(long)]
    pub article: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The briefing file.
    pub file: PathBuf,
}

fn parse_published(s: &str) -> Result<Published, String> {
    s.parse()
        .map_err(|e: crate::model::PublishedParseError| e.to_string())
}

fn parse_credibility(s: &str) -> Result<Credibility, String> {
    s.trim()
        .parse::<u8>()
        .ok()
        .and_then(Credibility::new)
        .ok_or_else(|| format!("“{s}” is not a credibility grade: use 1 to 6"))
}

fn parse_reliability(s: &str) -> Result<Reliability, String> {
    Reliability::parse(s).ok_or_else(|| format!("“{s}” is not a reliability grade: use A to F"))
}
