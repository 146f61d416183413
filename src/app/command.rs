//! Everything the user can ask for. Menus, buttons and shortcuts only push a [`Command`];
//! the app runs them in one place after the frame, so no widget ever changes the briefing.

use std::path::PathBuf;

use crate::edit::BriefingField;
use crate::model::{ArticleId, ArticleMeta, Claim, ClaimId, Status};

use super::dialogs::DialogKind;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    /// Ask for a briefing to open (file dialog).
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    SaveTo(PathBuf),
    Export,
    ExportTo(PathBuf),
    /// Ask for article files (file dialog).
    AddArticles,
    AddArticlePaths(Vec<PathBuf>),
    /// Web pages with no article found in them: import all of their visible text.
    AddWholePages(Vec<PathBuf>),
    ShowPasteForm,
    AddPastedArticle {
        meta: ArticleMeta,
        text: String,
    },
    RemoveArticle(ArticleId),
    SelectArticle(ArticleId),
    /// Tag the reader's selection; with no selection, set the selected claim's status.
    Tag(Status),
    SelectClaim(ClaimId),
    /// Select a claim, open its article and scroll to it.
    RevealClaim(ClaimId),
    /// Replace a claim with an edited copy; `field` groups keystrokes into one undo step.
    UpdateClaim {
        claim: Box<Claim>,
        field: &'static str,
    },
    DeleteSelectedClaim,
    DeleteClaim(ClaimId),
    SetField {
        field: BriefingField,
        value: String,
    },
    SetArticleMeta {
        id: ArticleId,
        meta: ArticleMeta,
    },
    Undo,
    Redo,
    Quit,
    OpenFind,
    CloseFind,
    FindNext,
    FindPrevious,
    CopySelection,
    /// A file dialog came back empty at once: ask for the path in the window instead.
    PromptForPath(DialogKind),
    ForgetRecent(PathBuf),
    /// The user answered the unsaved-changes prompt.
    ResolveUnsaved(UnsavedChoice),
    DismissMessage(usize),
    ShowOrphans,
    /// The user answered the offer to restore work from a recovery journal.
    ResolveRecovery(RecoveryChoice),
    /// Open a briefing that is open in another window, without the right to change it.
    OpenReadOnly(PathBuf),
    /// The user answered "the file changed on disk".
    ResolveChanged(ChangedChoice),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    Restore,
    Discard,
    /// Keep the journal and ask again at the next start.
    Later,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedChoice {
    /// Load the file as it is now on disk.
    Reload,
    /// Keep the version in the window: save it under another name.
    KeepMine,
    /// Decide later (saving over the file will ask again).
    Later,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}
