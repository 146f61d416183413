//! The one modal dialog the window may show at a time, and the forms some of them hold.
//! Only the executor opens or closes one; the modal's view edits its own form.

use std::path::PathBuf;

use super::browser::Browser;
use super::command::Command;
use crate::model::ArticleMeta;
use crate::text::normalize_article_text;

/// What to do once the unsaved-changes prompt is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum After {
    Quit,
    New,
    Open,
    OpenPath(PathBuf),
}

impl After {
    /// The command that carries on with what the prompt interrupted.
    pub fn command(self) -> Command {
        match self {
            After::Quit => Command::Quit,
            After::New => Command::New,
            After::Open => Command::Open,
            After::OpenPath(p) => Command::OpenPath(p),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Unsaved(After),
    /// The window's own file browser, where no native file dialog can be shown.
    FileBrowser(Box<Browser>),
    Paste(PasteForm),
    Orphans,
    /// What a merge left to decide.
    Conflicts,
    /// Web pages in which no article was found: offer their whole text.
    NoArticle(Vec<PathBuf>),
    /// Unsaved work found in a recovery journal.
    Recover(Box<RecoveryOffer>),
    /// The briefing is open in another window.
    OpenElsewhere(PathBuf),
    /// The briefing's file was changed by another program; `saving` when found on Save.
    ChangedOnDisk {
        saving: bool,
    },
}

/// What the recovery prompt shows about a journal.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryOffer {
    pub title: String,
    /// The briefing's file, or `None` for one never saved.
    pub path: Option<PathBuf>,
    pub written: chrono::DateTime<chrono::Utc>,
    pub changes: String,
    /// The file was changed after the work was journaled (saved elsewhere, or by git).
    pub file_changed_since: bool,
    /// More journals wait after this one.
    pub more: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PasteForm {
    pub title: String,
    pub outlet: String,
    pub url: String,
    pub published: String,
    pub text: String,
}

impl PasteForm {
    /// The article's metadata and text, or what is wrong with the form.
    pub fn to_article(&self) -> Result<(ArticleMeta, String), String> {
        let published = match self.published.trim() {
            "" => None,
            p => Some(
                p.parse()
                    .map_err(|e: crate::model::PublishedParseError| e.to_string())?,
            ),
        };
        let title = match self.title.trim() {
            "" => normalize_article_text(&self.text)
                .lines()
                .find(|l| !l.trim().is_empty())
                .map(|l| l.chars().take(80).collect())
                .unwrap_or_default(),
            t => t.to_owned(),
        };
        Ok((
            ArticleMeta {
                title,
                outlet: self.outlet.trim().to_owned(),
                url: self.url.trim().to_owned(),
                published,
                ..Default::default()
            },
            self.text.clone(),
        ))
    }
}
