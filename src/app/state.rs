//! The app's state apart from its views: what the user is looking at ([`ViewState`], with
//! the state each panel owns) and the window around it ([`Chrome`]). The open briefing and
//! its safety live in [`super::session::Session`].

use std::time::{Duration, Instant};

use super::command::PanelTab;
use super::modal::Modal;
use super::reader::Reader;
use super::ui::article_details::ArticleDetails;
use super::ui::briefing_find::BriefingFind;
use super::ui::claim_editor::ClaimEditor;
use super::ui::claims_list::ClaimsList;
use super::ui::find_bar::FindBar;
use super::ui::hypotheses::HypothesesWindow;
use super::ui::judgments::JudgmentsPanel;
use super::ui::messages::MessageStrip;
use super::ui::suggestions::SuggestionsPanel;
use super::view_memory::SavedView;
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
    pub messages: MessageStrip,
    pub briefing_find: BriefingFind,
    pub claims_list: ClaimsList,
    pub claim_editor: ClaimEditor,
    /// What the right panel shows: the claims or the key judgments.
    pub tab: PanelTab,
    pub judgments: JudgmentsPanel,
    pub suggestions: SuggestionsPanel,
    pub hypotheses: HypothesesWindow,
    pub article_details: ArticleDetails,
    /// The merge conflicts in words, for their list: worked out once per briefing change (an
    /// article's text in conflict is long), not every frame it is open.
    pub conflicts: super::ui::Derived<super::ui::Version, Vec<crate::merge::ConflictView>>,
    /// The in-app copy of the last Ctrl+C (also sent to the system clipboard).
    pub copied: Option<String>,
    /// The widget that had keyboard focus last frame: typing in one field is one undo step.
    pub last_focus: Option<egui::Id>,
    /// A side panel the user wants is hidden: the window is too narrow for it beside the
    /// reader at this text size.
    pub squeezed: bool,
}

impl ViewState {
    /// A fresh view of a newly opened document: its first article, nothing selected.
    pub fn reset_for(&mut self, doc: &Document) {
        self.current = doc.briefing.articles.first().map(|a| a.id);
        self.reader.clear();
        self.selected_claim = None;
        self.find = FindBar::default();
        self.claim_editor = ClaimEditor::default();
        self.judgments = JudgmentsPanel::default();
        self.suggestions = SuggestionsPanel::default();
        self.article_details = ArticleDetails::default();
    }

    /// Where the user is, to come back to (see [`super::view_memory`]).
    pub fn snapshot(&self) -> SavedView {
        SavedView {
            article: self.current,
            claim: self.selected_claim,
            scroll: self.reader.scroll_positions(),
            claims_list: self.claims_list.clone(),
        }
    }

    /// Goes back to where the user was; what no longer exists is skipped.
    pub fn restore(&mut self, saved: &SavedView, doc: &Document) {
        let b = &doc.briefing;
        if let Some(id) = saved.article.filter(|id| b.article(*id).is_some()) {
            self.current = Some(id);
        }
        self.selected_claim = saved.claim.filter(|id| {
            b.find_claim(*id)
                .is_some_and(|(a, _)| Some(a.id) == self.current)
        });
        self.claims_list = saved.claims_list.clone();
        self.reader.set_scroll_positions(
            saved
                .scroll
                .iter()
                .filter(|(id, ..)| b.article(*id).is_some())
                .copied(),
        );
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
        if let Some(id) = self.judgments.selected
            && b.judgment(id).is_none()
        {
            self.judgments.selected = None;
        }
    }
}

/// How long a notice stays before it fades away; errors and warnings stay until dismissed
/// or resolved.
pub const NOTICE_LIFETIME: Duration = Duration::from_secs(5);
/// The last part of a notice's life, over which it fades out.
pub const NOTICE_FADE: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Done as asked ("Saved", "Exported to …"): fades by itself.
    Notice,
    /// Worth checking, nothing failed: stays until dismissed.
    Warning,
    /// Something failed: stays until dismissed or until it no longer holds.
    Error,
}

/// What an error is about, so that a later success of the same kind takes it away (a save
/// that failed, then succeeded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Save,
    Export,
    Open,
    /// A merge's conflicts, until the last is settled.
    Conflicts,
}

/// A line shown above the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub level: Level,
    pub topic: Option<Topic>,
    /// More for those who want it (a parser's report), behind a "Details" disclosure.
    pub details: Option<String>,
    /// The notice offers Undo while the briefing is still in the state it reports.
    pub undo_at: Option<u64>,
    /// The same message again counts here instead of adding a line.
    pub repeats: usize,
    pub shown: Instant,
}

impl Message {
    pub fn new(level: Level, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            level,
            topic: None,
            details: None,
            undo_at: None,
            repeats: 0,
            shown: Instant::now(),
        }
    }

    /// It reports a failure.
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    pub fn about(mut self, topic: Topic) -> Self {
        self.topic = Some(topic);
        self
    }

    pub fn with_details(mut self, details: impl Into<String>) -> Self {
        self.details = Some(details.into());
        self
    }

    pub fn with_undo(mut self, revision: u64) -> Self {
        self.undo_at = Some(revision);
        self
    }

    /// How long a notice stays: longer when it offers Undo, so there is time to use it.
    fn lifetime(&self) -> Duration {
        if self.undo_at.is_some() {
            NOTICE_LIFETIME * 3
        } else {
            NOTICE_LIFETIME
        }
    }

    /// How visible a notice still is, from 1 down to 0 as it fades; others stay at 1.
    pub fn opacity(&self, now: Instant) -> f32 {
        if self.level != Level::Notice {
            return 1.0;
        }
        let left = self
            .lifetime()
            .saturating_sub(now.saturating_duration_since(self.shown));
        (left.as_secs_f32() / NOTICE_FADE.as_secs_f32()).clamp(0.0, 1.0)
    }
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
    /// What a screen reader should say next (a polite live region in the status bar).
    pub announcement: String,
}

impl Chrome {
    /// Says `text` through the live region, without showing a message.
    pub fn announce(&mut self, text: impl Into<String>) {
        self.announcement = text.into();
    }

    /// Shows a message; the same text again counts as a repeat of the one shown.
    pub fn show(&mut self, message: Message) {
        self.announcement = message.text.clone();
        if let Some(same) = self
            .messages
            .iter_mut()
            .find(|m| m.text == message.text && m.level == message.level)
        {
            same.repeats += 1;
            same.shown = message.shown;
            same.undo_at = message.undo_at;
            return;
        }
        self.messages.push(message);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.show(Message::new(Level::Error, text));
    }

    pub fn warning(&mut self, text: impl Into<String>) {
        self.show(Message::new(Level::Warning, text));
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.show(Message::new(Level::Notice, text));
    }

    /// Something of this kind just succeeded (or was settled): its earlier errors and
    /// warnings no longer hold.
    pub fn resolved(&mut self, topic: Topic) {
        self.messages
            .retain(|m| !(m.level != Level::Notice && m.topic == Some(topic)));
    }

    /// Drops the notices that have faded; returns how long until the next one fades.
    pub fn expire(&mut self, now: Instant) -> Option<Duration> {
        self.messages.retain(|m| m.opacity(now) > 0.0);
        self.messages
            .iter()
            .filter(|m| m.level == Level::Notice)
            .map(|m| (m.shown + m.lifetime()).saturating_duration_since(now))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_fade_errors_stay_until_resolved() {
        let mut c = Chrome::default();
        c.info("Saved");
        c.error("Could not save");
        c.show(Message::new(Level::Error, "Disk full").about(Topic::Save));
        c.warning("Text may be garbled");
        let start = c.messages[0].shown;
        assert!(c.expire(start).is_some());
        assert_eq!(c.messages.len(), 4);
        let fading = start + NOTICE_LIFETIME - NOTICE_FADE / 2;
        assert!((c.messages[0].opacity(fading) - 0.5).abs() < 0.05);
        assert_eq!(c.expire(start + NOTICE_LIFETIME), None);
        let left: Vec<_> = c.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(left, ["Could not save", "Disk full", "Text may be garbled"]);
        c.resolved(Topic::Save);
        let left: Vec<_> = c.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(left, ["Could not save", "Text may be garbled"]);
    }

    #[test]
    fn the_same_message_again_is_counted_not_repeated() {
        let mut c = Chrome::default();
        c.error("Could not export");
        c.error("Could not export");
        c.info("Could not export");
        assert_eq!(c.messages.len(), 2);
        assert_eq!(c.messages[0].repeats, 1);
    }
}
