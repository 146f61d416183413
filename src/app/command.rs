//! Everything the user can ask for, as values. Menus, buttons, shortcuts and dialogs only
//! push a [`Command`] onto the [`CommandQueue`]; the executor
//! ([`super::command_handling`]) runs them in one place after the frame, so no view ever
//! changes the briefing, and a command that needs a follow-up pushes it instead of running it.

use std::ops::Range;
use std::path::PathBuf;

use crate::edit::{BriefingField, ClaimField, JudgmentField};
use crate::export::ExportFormat;
use crate::model::{
    ArticleId, ArticleMeta, Claim, ClaimId, Consistency, HypothesisId, Judgment, JudgmentId, Span,
    Stance, Status,
};

use super::dialogs::DialogKind;
use super::settings::ThemeChoice;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    /// Ask for a briefing to open (file dialog).
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    SaveTo(PathBuf),
    Export(ExportFormat),
    ExportTo(PathBuf, ExportFormat),
    /// Ask for article files (file dialog).
    AddArticles,
    AddArticlePaths(Vec<PathBuf>),
    /// Web pages with no article found in them: import all of their visible text.
    AddWholePages(Vec<PathBuf>),
    /// Ask for a file of annotations from another tool (file dialog).
    ImportAnnotations,
    /// Add the claims in a W3C or Hypothesis annotations file.
    ImportAnnotationsFrom(PathBuf),
    ShowPasteForm,
    AddPastedArticle {
        meta: ArticleMeta,
        text: String,
    },
    RemoveArticle(ArticleId),
    SelectArticle(ArticleId),
    /// Select these chars of the current article in the reader.
    SelectText(Range<usize>),
    /// Scroll the reader so that this char of the current article is in view.
    ScrollTo(usize),
    /// Tag the reader's selection; with no selection, set the selected claim's status.
    Tag(Status),
    SelectClaim(ClaimId),
    /// Select a claim, open its article and scroll to it.
    RevealClaim(ClaimId),
    /// Replace a claim with an edited copy; keystrokes in one `field` are one undo step.
    UpdateClaim {
        claim: Box<Claim>,
        field: ClaimField,
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
    SetTheme(ThemeChoice),
    SetTextSize(f32),
    /// One step bigger (1), smaller (-1), or back to the default (0).
    StepTextSize(i8),
    TogglePanel(Side),
    /// Show or hide a side panel (the user dragged it shut, or chose it in a menu).
    ShowPanel(Side, bool),
    /// Select the claim this many places after the selected one, in the claims list's order.
    StepClaim(i32),
    OpenBriefingFind,
    CloseBriefingFind,
    /// Show a match of the briefing-wide find: its article, selected, in view.
    ShowMatch {
        article: ArticleId,
        range: Range<usize>,
        /// What a screen reader says of it ("2 of 5 matches: title: …words…").
        said: String,
    },
    ShowShortcuts,
    CloseShortcuts,
    /// A file dialog came back empty at once (none can be shown here): open the window's
    /// own file browser instead.
    BrowseFiles(DialogKind),
    /// A file dialog was cancelled: whatever waited on it (a save before quitting) is off.
    DialogCancelled,
    ForgetRecent(PathBuf),
    /// The user answered the unsaved-changes prompt.
    ResolveUnsaved(UnsavedChoice),
    /// Close the open modal without acting on it.
    CloseModal,
    DismissMessage(usize),
    ShowOrphans,
    ShowConflicts,
    /// Settle the merge conflict at `index`: keep the value kept, or take the other one.
    ResolveConflict {
        index: usize,
        take_other: bool,
    },
    /// The user answered the offer to restore work from a recovery journal.
    ResolveRecovery(RecoveryChoice),
    /// Open a briefing that is open in another window, without the right to change it.
    OpenReadOnly(PathBuf),
    /// The window regained focus: has another program changed the briefing's file?
    CheckDisk,
    /// The user answered "the file changed on disk".
    ResolveChanged(ChangedChoice),
    /// Switch the right panel between the claims and the key judgments.
    ToggleJudgments,
    /// Switch the right panel between the claims and the suggestions.
    ToggleSuggestions,
    ShowTab(PanelTab),
    OpenHypotheses,
    CloseHypotheses,
    /// Key judgments and competing hypotheses (see [`super::analysis_commands`]).
    Analysis(AnalysisCommand),
    /// Suggested claims and attributions (see [`super::suggestion_commands`]).
    Suggestion(SuggestionCommand),
}

/// What the right panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum PanelTab {
    #[default]
    Claims,
    Judgments,
    Suggestions,
}

/// The attribution engine's suggestions: candidate claims in the open article, and the
/// speaker and via filled in when a claim is tagged.
#[derive(Debug, Clone, PartialEq)]
pub enum SuggestionCommand {
    /// Select the suggestion this many places after the selected one, and show it.
    Step(i32),
    /// Select this suggested span and show it in the reader.
    Select(Span),
    /// Tag the selected suggestion as proposed (on the Suggestions tab), or keep the
    /// selected claim's suggested speaker and via.
    Accept,
    /// Dismiss the selected suggestion for good (on the Suggestions tab), or clear the
    /// selected claim's suggested speaker and via.
    Reject,
}

/// Changes to the analysis: judgments, their links to claims, hypotheses and ratings.
#[derive(Debug, Clone, PartialEq)]
pub enum AnalysisCommand {
    /// Adds a judgment at the end and selects it.
    AddJudgment(String),
    SelectJudgment(JudgmentId),
    /// Replaces a judgment with an edited copy; keystrokes in one text field are one undo
    /// step (`None`: a one-off change, as picking a likelihood).
    UpdateJudgment {
        judgment: Box<Judgment>,
        field: Option<JudgmentField>,
    },
    DeleteJudgment(JudgmentId),
    /// Moves a judgment up (-1) or down (1) the ranking.
    MoveJudgment(JudgmentId, i32),
    /// Links the selected claim to the selected judgment (again with the same stance:
    /// unlinks it).
    LinkSelected(Stance),
    /// Links a claim to a judgment, or unlinks it (`None`).
    SetStance {
        judgment: JudgmentId,
        claim: ClaimId,
        stance: Option<Stance>,
    },
    AddHypothesis(String),
    SetHypothesisText {
        id: HypothesisId,
        text: String,
    },
    DeleteHypothesis(HypothesisId),
    SetRating {
        hypothesis: HypothesisId,
        claim: ClaimId,
        value: Option<Consistency>,
    },
}

/// The side panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Outline,
    Claims,
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

/// Commands waiting to run, in the order they were pushed.
#[derive(Debug, Default)]
pub struct CommandQueue {
    pending: Vec<Command>,
}

impl CommandQueue {
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Everything queued so far; what running them pushes waits for the next take.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.pending)
    }
}

impl Extend<Command> for CommandQueue {
    fn extend<T: IntoIterator<Item = Command>>(&mut self, iter: T) {
        self.pending.extend(iter);
    }
}
