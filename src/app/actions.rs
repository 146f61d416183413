//! One table of user actions: each is defined here once, with its label, tooltip, shortcuts
//! and where its shortcuts apply. Menus, toolbar buttons, hints in the window and the
//! *Help ▸ Keyboard shortcuts* window are all drawn from it, as rerun's `UICommand` does.
//!
//! Shortcuts use [`Modifiers::COMMAND`], which is Cmd on macOS and Ctrl elsewhere, and are
//! shown through [`egui::Context::format_shortcut`] (⌘ on macOS).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{AnalysisCommand, Command, Side, SuggestionCommand};
use crate::export::ExportFormat;
use crate::model::{Stance, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    New,
    Open,
    Save,
    SaveAs,
    Export(ExportFormat),
    AddArticles,
    PasteArticle,
    ImportAnnotations,
    Quit,
    Undo,
    Redo,
    Tag(Status),
    DeleteClaim,
    Copy,
    Find,
    FindNext,
    FindPrevious,
    CloseFind,
    FindInBriefing,
    NextClaim,
    PreviousClaim,
    ToggleOutline,
    ToggleClaims,
    TextBigger,
    TextSmaller,
    TextReset,
    ToggleJudgments,
    LinkSupports,
    LinkContradicts,
    Hypotheses,
    ToggleSuggestions,
    NextSuggestion,
    PreviousSuggestion,
    AcceptSuggestion,
    RejectSuggestion,
    MergeConflicts,
    ShowShortcuts,
}

/// Where an action's shortcuts are listened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window (no modal open).
    Window,
    /// Anywhere but in a text field, which keeps its own undo.
    NotInTextField,
    /// Only while no widget but the reader has the keyboard: a focused widget may use the
    /// key itself (Delete in a text field, or clearing a rating in the hypotheses matrix).
    NotTyping,
    /// In the find bar's field.
    FindField,
    /// In the reader (copying its selection).
    Reader,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// A `'static` list of shortcuts (a `const fn` call in a slice literal is not promoted).
macro_rules! keys {
    ($($s:expr),*) => {{
        const KEYS: &[KeyboardShortcut] = &[$($s),*];
        KEYS
    }};
}

impl Action {
    /// Every action, in the order the shortcuts window lists them.
    pub const ALL: [Action; 41] = [
        Action::New,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::Export(ExportFormat::Markdown),
        Action::Export(ExportFormat::W3c),
        Action::Export(ExportFormat::Csv),
        Action::AddArticles,
        Action::PasteArticle,
        Action::ImportAnnotations,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::Tag(Status::Confirmed),
        Action::Tag(Status::Reported),
        Action::Tag(Status::Disputed),
        Action::DeleteClaim,
        Action::Copy,
        Action::Find,
        Action::FindNext,
        Action::FindPrevious,
        Action::CloseFind,
        Action::FindInBriefing,
        Action::NextClaim,
        Action::PreviousClaim,
        Action::ToggleOutline,
        Action::ToggleClaims,
        Action::TextBigger,
        Action::TextSmaller,
        Action::TextReset,
        Action::ToggleJudgments,
        Action::LinkSupports,
        Action::LinkContradicts,
        Action::Hypotheses,
        Action::ToggleSuggestions,
        Action::NextSuggestion,
        Action::PreviousSuggestion,
        Action::AcceptSuggestion,
        Action::RejectSuggestion,
        Action::MergeConflicts,
        Action::ShowShortcuts,
    ];

    /// The name in menus and the shortcuts window.
    pub fn label(self) -> &'static str {
        match self {
            Action::New => "New",
            Action::Open => "Open…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::Export(ExportFormat::Markdown) => "Export Markdown…",
            Action::Export(ExportFormat::W3c) => "Export W3C Annotations…",
            Action::Export(ExportFormat::Csv) => "Export CSV…",
            Action::AddArticles => "Add Article…",
            Action::ImportAnnotations => "Import Annotations…",
            Action::PasteArticle => "Paste Article…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::Tag(Status::Confirmed) => "Tag as Confirmed",
            Action::Tag(Status::Reported) => "Tag as Reported",
            Action::Tag(Status::Disputed) => "Tag as Disputed",
            Action::DeleteClaim => "Delete Claim",
            Action::Copy => "Copy",
            Action::Find => "Find in Article…",
            Action::FindNext => "Next",
            Action::FindPrevious => "Previous",
            Action::CloseFind => "Close",
            Action::FindInBriefing => "Find in Briefing…",
            Action::NextClaim => "Next Claim",
            Action::PreviousClaim => "Previous Claim",
            Action::ToggleOutline => "Outline Panel",
            Action::ToggleClaims => "Claims Panel",
            Action::TextBigger => "Bigger Text",
            Action::TextSmaller => "Smaller Text",
            Action::TextReset => "Default Text Size",
            Action::ToggleJudgments => "Key Judgments",
            Action::LinkSupports => "Link as Supporting",
            Action::LinkContradicts => "Link as Contradicting",
            Action::Hypotheses => "Competing Hypotheses…",
            Action::ToggleSuggestions => "Suggestions",
            Action::NextSuggestion => "Next Suggestion",
            Action::PreviousSuggestion => "Previous Suggestion",
            Action::AcceptSuggestion => "Accept Suggestion",
            Action::RejectSuggestion => "Dismiss Suggestion",
            Action::MergeConflicts => "Merge Conflicts…",
            Action::ShowShortcuts => "Keyboard Shortcuts",
        }
    }

    /// What it does, in a sentence (tooltips; the shortcut is added by [`Action::hint`]).
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::New => "Start a new, empty briefing",
            Action::Open => "Open a briefing file (.ron)",
            Action::Save => "Save the briefing to its file",
            Action::SaveAs => "Save the briefing under a new name",
            Action::Export(ExportFormat::Markdown) => {
                "Export the briefing as Markdown, ready to send"
            }
            Action::Export(ExportFormat::W3c) => {
                "Export the claims as W3C Web Annotations (JSON), for other annotation tools"
            }
            Action::Export(ExportFormat::Csv) => {
                "Export the claims as a spreadsheet (CSV), one row per claim"
            }
            Action::AddArticles => {
                "Add article files (saved web pages, PDF, Word .docx, .md, .txt); you can also \
                 drop files on the window"
            }
            Action::PasteArticle => "Paste an article's text",
            Action::ImportAnnotations => {
                "Add claims from another annotation tool: W3C Web Annotations or Hypothesis \
                 (JSON); each is placed on its words, or listed if they are not found"
            }
            Action::Quit => "Close the window (asks first if there are unsaved changes)",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the change just undone",
            Action::Tag(Status::Confirmed) => "Tag the selected text as Confirmed",
            Action::Tag(Status::Reported) => "Tag the selected text as Reported",
            Action::Tag(Status::Disputed) => "Tag the selected text as Disputed",
            Action::DeleteClaim => "Delete the selected claim",
            Action::Copy => "Copy the text selected in the article",
            Action::Find => "Find in the article",
            Action::FindNext => "Go to the next match",
            Action::FindPrevious => "Go to the previous match",
            Action::CloseFind => "Close the find bar",
            Action::FindInBriefing => "Find words in every article of the briefing",
            Action::NextClaim => "Select the next claim in the claims list and show it",
            Action::PreviousClaim => "Select the previous claim in the claims list and show it",
            Action::ToggleOutline => "Show or hide the outline (briefing and articles)",
            Action::ToggleClaims => "Show or hide the claims panel",
            Action::TextBigger => "Make all text bigger",
            Action::TextSmaller => "Make all text smaller",
            Action::TextReset => "Set the text size back to the default",
            Action::ToggleJudgments => {
                "Switch the right panel between the claims and the key judgments"
            }
            Action::LinkSupports => {
                "Link the selected claim to the selected key judgment as supporting it (again \
                 to unlink)"
            }
            Action::LinkContradicts => {
                "Link the selected claim to the selected key judgment as going against it \
                 (again to unlink)"
            }
            Action::Hypotheses => "Weigh the claims against competing hypotheses (the ACH matrix)",
            Action::ToggleSuggestions => {
                "Switch the right panel to the claims the article's attributions suggest (again \
                 for the claims)"
            }
            Action::NextSuggestion => "Select the next suggested claim and show it",
            Action::PreviousSuggestion => "Select the previous suggested claim and show it",
            Action::AcceptSuggestion => {
                "Tag the selected suggestion as proposed, or keep the suggested speaker and via \
                 of the selected claim"
            }
            Action::RejectSuggestion => {
                "Dismiss the selected suggestion for good, or clear the suggested speaker and \
                 via of the selected claim"
            }
            Action::MergeConflicts => {
                "What a git merge left to decide: see both values and pick one"
            }
            Action::ShowShortcuts => "List every keyboard shortcut",
        }
    }

    /// Its shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Action::New => keys![cmd(Key::N)],
            Action::Open => keys![cmd(Key::O)],
            Action::Save => keys![cmd(Key::S)],
            Action::SaveAs => keys![cmd_shift(Key::S)],
            Action::Export(ExportFormat::Markdown) => keys![cmd(Key::E)],
            Action::Export(_) => keys![],
            Action::Quit => keys![cmd(Key::Q)],
            Action::Undo => keys![cmd(Key::Z)],
            Action::Redo => keys![cmd_shift(Key::Z), cmd(Key::Y)],
            Action::Tag(Status::Confirmed) => keys![cmd(Key::Num1)],
            Action::Tag(Status::Reported) => keys![cmd(Key::Num2)],
            Action::Tag(Status::Disputed) => keys![cmd(Key::Num3)],
            Action::DeleteClaim => keys![plain(Key::Delete)],
            Action::Copy => keys![cmd(Key::C)],
            Action::Find => keys![cmd(Key::F)],
            Action::FindNext => keys![plain(Key::Enter)],
            Action::FindPrevious => keys![KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)],
            Action::CloseFind => keys![plain(Key::Escape)],
            Action::FindInBriefing => keys![cmd_shift(Key::F)],
            Action::NextClaim => keys![plain(Key::F8)],
            Action::PreviousClaim => keys![KeyboardShortcut::new(Modifiers::SHIFT, Key::F8)],
            Action::ToggleOutline => keys![cmd_shift(Key::O)],
            Action::ToggleClaims => keys![cmd_shift(Key::L)],
            Action::TextBigger => keys![cmd(Key::Equals), cmd(Key::Plus)],
            Action::TextSmaller => keys![cmd(Key::Minus)],
            Action::TextReset => keys![cmd(Key::Num0)],
            Action::ToggleJudgments => keys![cmd(Key::J)],
            Action::LinkSupports => keys![cmd(Key::K)],
            Action::LinkContradicts => keys![cmd_shift(Key::K)],
            Action::Hypotheses => keys![cmd(Key::H)],
            Action::ToggleSuggestions => keys![cmd(Key::G)],
            Action::NextSuggestion => keys![plain(Key::F7)],
            Action::PreviousSuggestion => keys![KeyboardShortcut::new(Modifiers::SHIFT, Key::F7)],
            Action::AcceptSuggestion => keys![cmd(Key::Enter)],
            Action::RejectSuggestion => keys![cmd(Key::Backspace)],
            Action::MergeConflicts => keys![],
            Action::ShowShortcuts => keys![plain(Key::F1)],
            Action::AddArticles | Action::PasteArticle | Action::ImportAnnotations => keys![],
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            Action::Undo | Action::Redo => Scope::NotInTextField,
            Action::DeleteClaim => Scope::NotTyping,
            // Ctrl+Backspace deletes a word in a text field.
            Action::RejectSuggestion => Scope::NotInTextField,
            Action::FindNext | Action::FindPrevious | Action::CloseFind => Scope::FindField,
            Action::Copy => Scope::Reader,
            _ => Scope::Window,
        }
    }

    /// The command the action pushes.
    pub fn command(self) -> Command {
        match self {
            Action::New => Command::New,
            Action::Open => Command::Open,
            Action::Save => Command::Save,
            Action::SaveAs => Command::SaveAs,
            Action::Export(format) => Command::Export(format),
            Action::AddArticles => Command::AddArticles,
            Action::ImportAnnotations => Command::ImportAnnotations,
            Action::PasteArticle => Command::ShowPasteForm,
            Action::Quit => Command::Quit,
            Action::Undo => Command::Undo,
            Action::Redo => Command::Redo,
            Action::Tag(status) => Command::Tag(status),
            Action::DeleteClaim => Command::DeleteSelectedClaim,
            Action::Copy => Command::CopySelection,
            Action::Find => Command::OpenFind,
            Action::FindNext => Command::FindNext,
            Action::FindPrevious => Command::FindPrevious,
            Action::CloseFind => Command::CloseFind,
            Action::FindInBriefing => Command::OpenBriefingFind,
            Action::NextClaim => Command::StepClaim(1),
            Action::PreviousClaim => Command::StepClaim(-1),
            Action::ToggleOutline => Command::TogglePanel(Side::Outline),
            Action::ToggleClaims => Command::TogglePanel(Side::Claims),
            Action::TextBigger => Command::StepTextSize(1),
            Action::TextSmaller => Command::StepTextSize(-1),
            Action::TextReset => Command::StepTextSize(0),
            Action::ToggleJudgments => Command::ToggleJudgments,
            Action::LinkSupports => {
                Command::Analysis(AnalysisCommand::LinkSelected(Stance::Supports))
            }
            Action::LinkContradicts => {
                Command::Analysis(AnalysisCommand::LinkSelected(Stance::Contradicts))
            }
            Action::Hypotheses => Command::OpenHypotheses,
            Action::ToggleSuggestions => Command::ToggleSuggestions,
            Action::NextSuggestion => Command::Suggestion(SuggestionCommand::Step(1)),
            Action::PreviousSuggestion => Command::Suggestion(SuggestionCommand::Step(-1)),
            Action::AcceptSuggestion => Command::Suggestion(SuggestionCommand::Accept),
            Action::RejectSuggestion => Command::Suggestion(SuggestionCommand::Reject),
            Action::MergeConflicts => Command::ShowConflicts,
            Action::ShowShortcuts => Command::ShowShortcuts,
        }
    }

    /// The main shortcut as this platform writes it ("Ctrl+S", "⌘S").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// Every shortcut, as this platform writes them, joined for the shortcuts window.
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// The tooltip with the shortcut: "Find in the article (Ctrl+F)".
    pub fn hint(self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            Some(s) => format!("{} ({s})", self.tooltip()),
            None => self.tooltip().to_owned(),
        }
    }
}

/// The actions in `scopes` whose shortcuts were pressed this frame, consuming their key
/// events. A shortcut with more modifiers is tried first (Ctrl+Shift+S before Ctrl+S, which
/// egui would also match), whatever the order of the table.
pub fn pressed(ctx: &egui::Context, scopes: &[Scope]) -> Vec<Action> {
    pressed_among(ctx, &Action::ALL, scopes)
}

fn pressed_among(ctx: &egui::Context, actions: &[Action], scopes: &[Scope]) -> Vec<Action> {
    let mut candidates: Vec<(KeyboardShortcut, Action)> = actions
        .iter()
        .filter(|a| scopes.contains(&a.scope()))
        .flat_map(|&a| a.shortcuts().iter().map(move |&s| (s, a)))
        .collect();
    // Shortcuts of equal specificity never match the same key press (no two actions share
    // one; a test checks), so among them the order does not matter.
    candidates.sort_by_key(|(s, _)| std::cmp::Reverse(specificity(s)));
    let mut found = Vec::new();
    ctx.input_mut(|i| {
        for (s, a) in candidates {
            if i.consume_shortcut(&s) && !found.contains(&a) {
                found.push(a);
            }
        }
    });
    found
}

fn specificity(s: &KeyboardShortcut) -> u32 {
    let m = s.modifiers;
    [m.alt, m.shift, m.ctrl || m.command || m.mac_cmd]
        .into_iter()
        .filter(|&on| on)
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(actions: &[Action], modifiers: Modifiers, key: Key) -> Vec<Action> {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput::default();
        input.events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        });
        let mut found = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            let scopes = [Scope::Window, Scope::NotInTextField, Scope::NotTyping];
            found = pressed_among(ui.ctx(), actions, &scopes);
        });
        // The fonts' first upload, which no renderer takes here.
        output.textures_delta.clear();
        found
    }

    #[test]
    fn the_most_specific_shortcut_wins_in_any_table_order() {
        let ctrl_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        let mut table = Action::ALL.to_vec();
        for _ in 0..2 {
            assert_eq!(press(&table, ctrl_shift, Key::S), vec![Action::SaveAs]);
            assert_eq!(
                press(&table, Modifiers::COMMAND, Key::S),
                vec![Action::Save]
            );
            assert_eq!(press(&table, ctrl_shift, Key::Z), vec![Action::Redo]);
            assert_eq!(
                press(&table, Modifiers::COMMAND, Key::Z),
                vec![Action::Undo]
            );
            table.reverse();
        }
    }

    #[test]
    fn no_two_actions_share_a_shortcut_where_both_listen() {
        let listens_together = |a: Scope, b: Scope| {
            a == b
                || matches!(
                    (a, b),
                    (
                        Scope::Window | Scope::NotInTextField,
                        Scope::NotTyping | Scope::Reader
                    )
                )
                || matches!(
                    (b, a),
                    (
                        Scope::Window | Scope::NotInTextField,
                        Scope::NotTyping | Scope::Reader
                    )
                )
                || matches!((a, b), (Scope::Window, Scope::NotInTextField))
                || matches!((b, a), (Scope::Window, Scope::NotInTextField))
        };
        for a in Action::ALL {
            for b in Action::ALL {
                if a == b || !listens_together(a.scope(), b.scope()) {
                    continue;
                }
                for s in a.shortcuts() {
                    assert!(!b.shortcuts().contains(s), "{a:?} and {b:?} share {s:?}");
                }
            }
        }
    }

    #[test]
    fn every_action_has_words_and_a_distinct_command() {
        for a in Action::ALL {
            assert!(!a.label().is_empty() && !a.tooltip().is_empty(), "{a:?}");
            let same = Action::ALL
                .iter()
                .filter(|b| b.command() == a.command())
                .count();
            assert_eq!(same, 1, "{a:?}");
        }
    }
}
