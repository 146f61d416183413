//! The app's state apart from its views: what the user is looking at ([`ViewState`], with
//! the state each panel owns) and the window around it ([`Chrome`]). The open briefing and
//! its safety live in [`super::session::Session`].

use super::modal::Modal;
use super::reader::Reader;
use super::ui::article_details::ArticleDetails;
use super::ui::claim_editor::ClaimEditor;
use super::ui::claims_list::ClaimsList;
use super::ui::find_bar::FindBar;
use crate::document::Document;
use crate::model::{Article, ArticleId, ClaimId};

/// What is shown and selected, and each panel's own state.
#[derive(Default)]
pub struct ViewState {
    /// The article in the reader.
    pub current: Option<ArticleId>,
    pub selected_claim: Option<ClaimId>,
    pub reader: Reader,
    pub find: FindBar,
    pub claims_list: ClaimsList,
    pub claim_editor: ClaimEditor,
    pub article_details: ArticleDetails,
    /// The in-app copy of the last Ctrl+C (also sent to the system clipboard).
    pub copied: Option<String>,
    /// The widget that had keyboard focus last frame: typing in one field is one undo step.
    pub last_focus: Option<egui::Id>,
}

impl ViewState {
    /// A fresh view of a newly opened document: its first article, nothing selected.
    pub fn reset_for(&mut self, doc: &Document) {
        self.current = doc.briefing.articles.first().map(|a| a.id);
        self.reader.clear();
        self.selected_claim = None;
        self.find = FindBar::default();
        self.claim_editor = ClaimEditor::default();
        self.article_details = ArticleDetails::default();
    }

    pub fn current_article<'a>(&self, doc: &'a Document) -> Option<&'a Article> {
        self.current.and_then(|id| doc.briefing.article(id))
    }

    /// After undo/redo (or a removal) the selected claim or the current article may be gone.
    pub fn forget_missing(&mut self, doc: &Document) {
        let b = &doc.briefing;
        if let Some(id) = self.selected_claim
            && b.find_claim(id).is_none()
        {
            self.selected_claim = None;
        }
        if self.current.is_none_or(|id| b.article(id).is_none()) {
            self.current = b.articles.first().map(|a| a.id);
        }
    }
}

/// A line shown at the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// The window around the briefing: messages, the modal, the title, closing.
#[derive(Default)]
pub struct Chrome {
    pub messages: Vec<Message>,
    pub modal: Option<Modal>,
    /// The title last sent to the window.
    pub window_title: String,
    /// Set once the user chose to close: the next close request goes through.
    pub allow_close: bool,
    /// Whether the window had focus last frame (regaining it checks the file on disk).
    pub was_focused: bool,
    pub shortcuts_open: bool,
}

impl Chrome {
    pub fn error(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            error: true,
        });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            error: false,
        });
    }
}
