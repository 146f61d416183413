//! [`BriefingApp`]: the parts of the app and the frame loop that ties them together.
//!
//! Each frame flows one way: input (keys, drops, clicks in the views) becomes commands on
//! the queue; the executor ([`super::command_handling`]) runs them; the views draw the state
//! they were given. Background work — file dialogs, imports, the autosave tick — is polled
//! in [`eframe::App::logic`], which eframe also calls while the window is hidden.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::Startup;
use super::actions::{self, Scope};
use super::command::{Command, CommandQueue};
use super::dialogs::{Dialogs, NativeDialogs};
use super::modal::Modal;
use super::reader::Reader;
use super::session::Session;
use super::settings::{self, Prefs, Settings};
use super::state::{Chrome, Message, ViewState};
use super::tasks::{ImportDone, Tasks};
use super::ui;
use super::view_memory::ViewMemory;
use crate::atomic::Storage;
use crate::document::Document;
use crate::model::{Article, ClaimId};

pub struct BriefingApp {
    /// The open briefing and what keeps it safe: file, lock, autosave, recovery.
    pub(super) session: Session,
    /// What the user is looking at, and each panel's own state.
    pub(super) view: ViewState,
    /// The window around it: messages, the modal, the title.
    pub(super) chrome: Chrome,
    /// Work off the UI thread: file dialogs and big imports.
    pub(super) tasks: Tasks,
    pub(super) prefs: Prefs,
    pub(super) queue: CommandQueue,
    /// Every claim's label (C1, R2…), worked out again only when the briefing changes.
    labels: ui::Derived<ui::Version, BTreeMap<ClaimId, String>>,
}

impl BriefingApp {
    /// The app as eframe starts it: native dialogs, remembered settings.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let ctx = cc.egui_ctx.clone();
        let dialogs = NativeDialogs::new(move || ctx.request_repaint());
        // Settings live in their own file (written atomically); older versions kept them
        // in eframe's storage, which is still read once.
        let settings = startup
            .places
            .settings_file()
            .and_then(|p| Settings::load(&p))
            .or_else(|| {
                cc.storage
                    .and_then(|s| eframe::get_value(s, settings::STORAGE_KEY))
            })
            .unwrap_or_default();
        Self::with_parts(&cc.egui_ctx, startup, Box::new(dialogs), settings)
    }

    /// The app with its collaborators given: what tests build.
    pub fn with_parts(
        ctx: &egui::Context,
        startup: Startup,
        dialogs: Box<dyn Dialogs>,
        settings: Settings,
    ) -> Self {
        let views = startup
            .places
            .views_file()
            .map(|p| ViewMemory::load(&p))
            .unwrap_or_default();
        let mut app = Self {
            session: Session::new(startup.places.clone()),
            view: ViewState::default(),
            chrome: Chrome {
                was_focused: true,
                ..Chrome::default()
            },
            tasks: Tasks::new(ctx.clone(), dialogs),
            prefs: Prefs::new(settings, views),
            queue: CommandQueue::default(),
            labels: ui::Derived::default(),
        };
        app.prefs.apply_theme(ctx);
        super::theme::tune_themes(ctx);
        app.prefs.apply_text_size(ctx);
        // Ctrl+= / Ctrl+- / Ctrl+0 are the app's text size (in the action table), not
        // egui's zoom, which would scale the window behind the app's back.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        app.start_autosave();
        app.start(startup);
        app.find_recovery();
        app
    }

    fn start(&mut self, startup: Startup) {
        match startup.files.as_slice() {
            [one] if super::is_briefing_file(one) => self.open_path(one),
            [] => {
                let last = self
                    .prefs
                    .settings
                    .last_open
                    .clone()
                    .filter(|p| !startup.fresh && p.exists());
                match last {
                    Some(p) => self.open_path(&p),
                    None => self.open_sample(),
                }
            }
            articles => {
                self.set_document(Document::untitled());
                self.add_article_paths(articles.to_vec(), false);
            }
        }
    }

    /// Queues a command to run after this frame's views (tests push commands this way too).
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Shortcuts pressed this frame, as commands. A focused text field keeps its own undo,
    /// and any focused widget its Delete.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let scopes: &[Scope] = if ctx.text_edit_focused() {
            &[Scope::Window]
        } else if ui::typing(ctx) {
            &[Scope::Window, Scope::NotInTextField]
        } else {
            &[Scope::Window, Scope::NotInTextField, Scope::NotTyping]
        };
        for action in actions::pressed(ctx, scopes) {
            self.queue.push(action.command());
        }
    }

    /// Input that is not a widget's: closing the window, focus, shortcuts, dropped files.
    fn window_input(&mut self, ctx: &egui::Context) {
        let close = ctx.input(|i| i.viewport().close_requested());
        if close && !self.chrome.allow_close && self.session.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.chrome.modal = Some(Modal::Unsaved(super::modal::After::Quit));
        }
        let focused = ctx.input(|i| i.focused);
        if focused && !self.chrome.was_focused {
            self.queue.push(Command::CheckDisk);
        }
        self.chrome.was_focused = focused;
        if self.chrome.modal.is_none() {
            self.shortcuts(ctx);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.queue.push(Command::AddArticlePaths(dropped));
        }
        let focus = ctx.memory(|m| m.focused());
        if focus != self.view.last_focus {
            self.session.doc.history.seal();
            self.view.last_focus = focus;
        }
    }

    /// Answers from worker threads: a file dialog's becomes a command, imports' are added.
    fn poll_tasks(&mut self) {
        if let Some(command) = self.tasks.poll_dialog() {
            self.queue.push(command);
        }
        for done in self.tasks.poll_imports() {
            match done {
                ImportDone::Finished(results) => self.imports_done(results),
                ImportDone::Lost(names) => self.chrome.error(format!(
                    "Could not add {names}: the import stopped unexpectedly."
                )),
            }
        }
    }

    /// Writes the journal a moment after changes, and shows a failed write.
    fn tick_autosave(&mut self, ctx: &egui::Context) {
        if let Some(wait) = self
            .session
            .autosave
            .tick(&self.session.doc, Instant::now())
        {
            ctx.request_repaint_after(wait);
        }
        if let Some(e) = self.session.autosave.take_error() {
            self.chrome.error(e);
        }
    }

    /// Notices fade and go; the frame is repainted while one fades.
    fn tick_messages(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        if let Some(left) = self.chrome.expire(now) {
            let fading = self.chrome.messages.iter().any(|m| m.opacity(now) < 1.0);
            let wait = if fading {
                std::time::Duration::from_millis(40)
            } else {
                left.saturating_sub(super::state::NOTICE_FADE)
            };
            ctx.request_repaint_after(wait);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let doc = &self.session.doc;
        let dirty = if doc.is_dirty() { " •" } else { "" };
        let title = format!("{}{dirty} — briefing-notes", doc.display_name());
        if title != self.chrome.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.chrome.window_title = title;
        }
    }
}

impl BriefingApp {
    /// Notes where the user is in the open briefing, to come back there next time.
    pub(super) fn remember_view(&mut self) {
        if let Some(path) = &self.session.doc.path {
            self.prefs.views.put(path, self.view.snapshot());
        }
    }

    /// Writes the app's own files now (settings, where each briefing was left), as closing
    /// the window does.
    pub fn store_prefs(&mut self) {
        self.remember_view();
        self.prefs.store(&self.session.places);
    }
}

/// What tests and the performance report read; the parts themselves stay private.
impl BriefingApp {
    pub fn doc(&self) -> &Document {
        &self.session.doc
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.view.current_article(&self.session.doc)
    }

    pub fn selected_claim(&self) -> Option<ClaimId> {
        self.view.selected_claim
    }

    /// The key judgment the link shortcuts link to.
    pub fn selected_judgment(&self) -> Option<crate::model::JudgmentId> {
        self.view.judgments.selected
    }

    pub fn panel_tab(&self) -> super::command::PanelTab {
        self.view.tab
    }

    /// The suggestion selected on the Suggestions tab.
    pub fn selected_suggestion(&self) -> Option<crate::model::Span> {
        self.view.suggestions.selected
    }

    pub fn hypotheses_open(&self) -> bool {
        self.view.hypotheses.open
    }

    pub fn reader(&self) -> &Reader {
        &self.view.reader
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.chrome.modal.as_ref()
    }

    pub fn messages(&self) -> &[Message] {
        &self.chrome.messages
    }

    /// Makes the messages shown look `by` older (tests of notices fading).
    pub fn age_messages(&mut self, by: std::time::Duration) {
        for m in &mut self.chrome.messages {
            m.shown = m.shown.checked_sub(by).unwrap_or(m.shown);
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.prefs.settings
    }

    pub fn find_open(&self) -> bool {
        self.view.find.open
    }

    pub fn shortcuts_open(&self) -> bool {
        self.chrome.shortcuts_open
    }

    /// The text of the last copy from the reader.
    pub fn copied(&self) -> Option<&str> {
        self.view.copied.as_deref()
    }

    /// The user chose to quit and the window is closing.
    pub fn is_closing(&self) -> bool {
        self.chrome.allow_close
    }

    pub fn dialog_open(&self) -> bool {
        self.tasks.dialog_open()
    }

    /// What is being imported in the background, for the status bar.
    pub fn importing(&self) -> Option<String> {
        self.tasks.importing()
    }

    /// Where this run's recovery journal is written, when autosave is on.
    pub fn journal_path(&self) -> Option<&Path> {
        self.session.autosave.journal_path()
    }

    pub fn autosave_on(&self) -> bool {
        self.session.autosave.is_on()
    }

    /// Waits until the journal writes already scheduled have been made (tests).
    pub fn wait_for_autosave(&self) -> bool {
        self.session
            .autosave
            .wait_idle(std::time::Duration::from_secs(10))
    }

    /// Replaces the storage every save goes through (tests: a disk that fails).
    pub fn set_storage(&mut self, storage: Arc<dyn Storage>) {
        self.session.storage = storage;
        self.start_autosave();
    }
}

impl eframe::App for BriefingApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_tasks();
        self.run_commands(ctx);
        self.tick_autosave(ctx);
        self.tick_messages(ctx);
        self.update_title(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.window_input(&ctx);
        let version = (self.session.generation, self.session.doc.history.revision());
        let briefing = &self.session.doc.briefing;
        let shared = ui::Shared {
            version,
            labels: self
                .labels
                .get(version, || crate::analysis::claim_labels(briefing)),
            doc: &self.session.doc,
            settings: &self.prefs.settings,
            messages: &self.chrome.messages,
            dialog_open: self.tasks.dialog_open(),
            importing: self.tasks.importing(),
            autosave_on: self.session.autosave.is_on(),
            modal_open: self.chrome.modal.is_some(),
            squeezed: self.view.squeezed,
            announcement: &self.chrome.announcement,
        };
        // The window's name for screen readers: the briefing's and the app's.
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(self.chrome.window_title.clone());
        });
        ui::panels(ui, &shared, &mut self.view, &mut self.queue);
        if let Some(modal) = &mut self.chrome.modal {
            let conflicts: &[crate::merge::ConflictView] = match modal {
                Modal::Conflicts => self.view.conflicts.get(version, || {
                    crate::merge::views(&self.session.doc.briefing, shared.labels)
                }),
                _ => &[],
            };
            ui::modals::show(&ctx, modal, &self.session.doc, conflicts, &mut self.queue);
        }
        if self.chrome.shortcuts_open {
            ui::shortcuts::show(&ctx, &mut self.queue);
        }
        // What these change is seen by the next frame's `logic` (running them asks for it
        // at once): the autosave tick and the title are kept in one place.
        self.run_commands(&ctx);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.remember_view();
        self.prefs.store(&self.session.places);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.remember_view();
        self.prefs.store(&self.session.places);
        // Clean exits leave no journal, unless the work is still unsaved.
        self.session.autosave.write_now(&self.session.doc);
    }
}
