//! The desktop app. It only displays state and pushes [`Command`]s; every change to the
//! briefing goes through the core's [`crate::edit::Edit`] path in [`BriefingApp::run`].

pub mod autosave;
pub mod command;
pub mod dialogs;
mod files;
mod find;
mod heights;
mod panels;
pub mod reader;
pub mod settings;
pub mod theme;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::atomic::{OsStorage, Storage};
use crate::document::Document;
use crate::edit::{BriefingField, Edit};
use crate::export::to_markdown;
use crate::import::{ImportError, ImportOptions, Imported, import_file};
use crate::journal::{self, Orphan};
use crate::lock::BriefingLock;
use crate::model::{Article, ArticleId, ArticleMeta, Claim, ClaimId, Status, now};
use crate::places::Places;
use crate::text::{TextIndex, normalize_article_text};
use autosave::Autosave;
pub use command::{ChangedChoice, Command, RecoveryChoice, UnsavedChoice};
use dialogs::{DialogKind, DialogOutcome, Dialogs};
use find::Find;
use reader::{Highlight, Reader};
use settings::{Settings, ThemeChoice};

/// The sample briefing opened when there is nothing else to open.
pub const SAMPLE_BRIEFING: &str = include_str!("../../assets/sample-briefing.ron");

pub const APP_ID: &str = "briefing-notes";

pub mod shortcuts {
    use super::*;
    const fn cmd(key: Key) -> KeyboardShortcut {
        KeyboardShortcut::new(Modifiers::COMMAND, key)
    }
    const fn cmd_shift(key: Key) -> KeyboardShortcut {
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
    }
    pub const CONFIRMED: KeyboardShortcut = cmd(Key::Num1);
    pub const REPORTED: KeyboardShortcut = cmd(Key::Num2);
    pub const DISPUTED: KeyboardShortcut = cmd(Key::Num3);
    pub const FIND: KeyboardShortcut = cmd(Key::F);
    pub const NEW: KeyboardShortcut = cmd(Key::N);
    pub const OPEN: KeyboardShortcut = cmd(Key::O);
    pub const SAVE: KeyboardShortcut = cmd(Key::S);
    pub const SAVE_AS: KeyboardShortcut = cmd_shift(Key::S);
    pub const EXPORT: KeyboardShortcut = cmd(Key::E);
    pub const UNDO: KeyboardShortcut = cmd(Key::Z);
    pub const REDO: KeyboardShortcut = cmd_shift(Key::Z);
    pub const REDO_Y: KeyboardShortcut = cmd(Key::Y);
    pub const QUIT: KeyboardShortcut = cmd(Key::Q);

    pub fn for_status(status: crate::model::Status) -> KeyboardShortcut {
        match status {
            crate::model::Status::Confirmed => CONFIRMED,
            crate::model::Status::Reported => REPORTED,
            crate::model::Status::Disputed => DISPUTED,
        }
    }
}

/// What to open at start, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Startup {
    /// A briefing (.ron) to open, or articles to start a new briefing with.
    pub files: Vec<PathBuf>,
    /// Ignore the remembered last briefing (tests, and `--sample`).
    pub fresh: bool,
    /// Where journals, locks and settings go; none (the default) turns those off.
    pub places: Places,
}

/// A line shown at the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What to do once the unsaved-changes prompt is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum After {
    Quit,
    New,
    Open,
    OpenPath(PathBuf),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Unsaved(After),
    PathPrompt {
        kind: DialogKind,
        text: String,
    },
    Paste(PasteForm),
    Orphans,
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

/// Which claims the list shows.
#[derive(Debug, Clone)]
pub struct ClaimFilter {
    pub show: [bool; 3],
    pub search: String,
    pub newest_first: bool,
}

impl Default for ClaimFilter {
    fn default() -> Self {
        Self {
            show: [true; 3],
            search: String::new(),
            newest_first: false,
        }
    }
}

pub struct BriefingApp {
    pub doc: Document,
    pub current: Option<ArticleId>,
    pub reader: Reader,
    pub selected_claim: Option<ClaimId>,
    pub find: Find,
    pub filter: ClaimFilter,
    pub messages: Vec<Message>,
    pub modal: Option<Modal>,
    pub settings: Settings,
    commands: Vec<Command>,
    dialogs: Box<dyn Dialogs>,
    pending_dialog: Option<(DialogKind, Receiver<DialogOutcome>)>,
    /// Set once the user chose to close: the next close request goes through.
    allow_close: bool,
    window_title: String,
    /// Edits in progress in fields whose text does not map one to one onto the model.
    tags_buffer: Option<(ClaimId, String)>,
    published_buffer: Option<(ArticleId, String)>,
    /// The in-app clipboard copy of the last Ctrl+C (also sent to the system clipboard).
    pub copied: Option<String>,
    /// What to do once the Save As asked for by the unsaved-changes prompt has succeeded.
    after_save: Option<After>,
    /// The widget that had keyboard focus last frame: typing in one field is one undo step.
    last_focus: Option<egui::Id>,
    /// Imports running on a worker thread: the files' names, and where the results arrive.
    pending_imports: Vec<(String, Receiver<ImportResults>)>,
    /// To wake the UI from worker threads.
    ctx: egui::Context,
    /// Every write of a briefing or journal goes through this (tests make it fail).
    storage: Arc<dyn Storage>,
    places: Places,
    autosave: Autosave,
    /// Held while the briefing is open, so a second window is told.
    lock: Option<BriefingLock>,
    /// Journals of earlier runs not yet restored or discarded; the first is being offered.
    recovery: Vec<Orphan>,
    /// Whether the window had focus last frame (regaining it checks the file on disk).
    was_focused: bool,
    /// The change on disk the user has already been told about.
    disk_seen: Option<crate::disk::DiskState>,
    /// The settings as last written, to write only when they change.
    settings_written: Option<Settings>,
}

type ImportResult = Result<Imported, ImportError>;
type ImportResults = Vec<(PathBuf, ImportResult)>;

/// Article files bigger than this (together) are imported off the UI thread.
const BACKGROUND_IMPORT_BYTES: u64 = 1024 * 1024;

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl BriefingApp {
    /// The app as eframe starts it: native dialogs, remembered settings.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let ctx = cc.egui_ctx.clone();
        let dialogs = dialogs::NativeDialogs::new(move || ctx.request_repaint());
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
        let mut app = Self {
            doc: Document::untitled(),
            current: None,
            reader: Reader::default(),
            selected_claim: None,
            find: Find::default(),
            filter: ClaimFilter::default(),
            messages: Vec::new(),
            modal: None,
            settings,
            commands: Vec::new(),
            dialogs,
            pending_dialog: None,
            allow_close: false,
            window_title: String::new(),
            tags_buffer: None,
            published_buffer: None,
            copied: None,
            after_save: None,
            last_focus: None,
            pending_imports: Vec::new(),
            ctx: ctx.clone(),
            storage: Arc::new(OsStorage),
            places: startup.places.clone(),
            autosave: Autosave::off(),
            lock: None,
            recovery: Vec::new(),
            was_focused: true,
            disk_seen: None,
            settings_written: None,
        };
        app.settings_written = Some(app.settings.clone());
        app.apply_theme(ctx);
        app.start_autosave();
        app.start(startup);
        app.find_recovery();
        app
    }

    /// Replaces the storage every save goes through (tests: a disk that fails).
    pub fn set_storage(&mut self, storage: Arc<dyn Storage>) {
        self.storage = storage;
        self.start_autosave();
    }

    fn start_autosave(&mut self) {
        let Some(dir) = self.places.recovery() else {
            return;
        };
        match journal::Journal::start(&dir) {
            Ok(j) => {
                let ctx = self.ctx.clone();
                self.autosave =
                    Autosave::new(j, self.storage.clone(), move || ctx.request_repaint());
            }
            Err(e) => self.error(format!(
                "Autosave is off: the recovery folder {} cannot be used ({e}). Save often.",
                dir.display()
            )),
        }
    }

    /// Where this run's recovery journal is written, when autosave is on.
    pub fn journal_path(&self) -> Option<&Path> {
        self.autosave.journal_path()
    }

    pub fn autosave_on(&self) -> bool {
        self.autosave.is_on()
    }

    /// Waits until the journal writes already scheduled have been made (tests).
    pub fn wait_for_autosave(&self) -> bool {
        self.autosave.wait_idle(std::time::Duration::from_secs(10))
    }

    fn start(&mut self, startup: Startup) {
        let files = startup.files;
        match files.as_slice() {
            [one] if is_briefing_file(one) => self.open_path(one),
            [] => {
                let last = self
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
                self.doc = Document::untitled();
                self.add_article_paths(articles.to_vec(), false);
            }
        }
    }

    fn open_sample(&mut self) {
        match Document::from_ron(SAMPLE_BRIEFING, Path::new("sample briefing")) {
            Ok(doc) => self.set_document(doc),
            Err(e) => self.error(format!("The sample briefing could not be read: {e}")),
        }
    }

    fn set_document(&mut self, doc: Document) {
        self.doc = doc;
        // The lock belongs to the briefing that was open: a new or other one lets it go.
        if self.lock.as_ref().is_some_and(|l| {
            self.doc
                .path
                .as_deref()
                .is_none_or(|p| !files::same_file(&l.briefing, p))
        }) {
            self.lock = None;
        }
        self.autosave.reset();
        self.disk_seen = None;
        self.current = self.doc.briefing.articles.first().map(|a| a.id);
        self.reader.clear();
        self.selected_claim = None;
        self.find = Find::default();
        self.tags_buffer = None;
        self.published_buffer = None;
        let report = &self.doc.load_report;
        let moved = report.reanchored.len();
        let new_orphans = report.orphaned.iter().filter(|o| !o.already).count();
        if moved > 0 {
            self.info(format!(
                "{moved} claim(s) had moved in their article's text and were re-anchored to their words."
            ));
        }
        if new_orphans > 0 {
            self.error(format!(
                "{new_orphans} claim(s) no longer match their article's text; they are kept as orphaned claims (see the status bar)."
            ));
        }
    }

    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn error(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            error: true,
        });
    }

    fn info(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            error: false,
        });
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.current.and_then(|id| self.doc.briefing.article(id))
    }

    /// Highlights for the reader: the current article's claims that still have their words.
    fn highlights(&self) -> Vec<Highlight> {
        self.current_article()
            .map(|a| {
                a.claims
                    .iter()
                    .filter(|c| !c.anchor.orphaned)
                    .map(|c| Highlight {
                        id: c.id,
                        range: c.anchor.range(),
                        status: c.status,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use shortcuts::*;
        let typing = ctx.egui_wants_keyboard_input();
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            // Most specific first: Ctrl+Shift+S before Ctrl+S.
            let always = [
                (SAVE_AS, Command::SaveAs),
                (SAVE, Command::Save),
                (CONFIRMED, Command::Tag(Status::Confirmed)),
                (REPORTED, Command::Tag(Status::Reported)),
                (DISPUTED, Command::Tag(Status::Disputed)),
                (FIND, Command::OpenFind),
                (NEW, Command::New),
                (OPEN, Command::Open),
                (EXPORT, Command::Export),
                (QUIT, Command::Quit),
            ];
            for (s, c) in always {
                if i.consume_shortcut(&s) {
                    out.push(c);
                }
            }
            // A focused text field keeps its own undo and Delete.
            if !typing {
                for (s, c) in [
                    (REDO, Command::Redo),
                    (UNDO, Command::Undo),
                    (REDO_Y, Command::Redo),
                ] {
                    if i.consume_shortcut(&s) {
                        out.push(c);
                    }
                }
                if i.consume_key(Modifiers::NONE, Key::Delete) {
                    out.push(Command::DeleteSelectedClaim);
                }
            }
        });
        self.commands.extend(out);
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some((kind, rx)) = self.pending_dialog.take() else {
            return;
        };
        match rx.try_recv() {
            Ok(outcome) => self.dialog_done(kind, outcome),
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                self.pending_dialog = Some((kind, rx));
                // The worker wakes the UI when it answers; this is only a safety net.
                ctx.request_repaint_after(std::time::Duration::from_millis(250));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.commands.push(Command::PromptForPath(kind));
            }
        }
    }

    fn dialog_done(&mut self, kind: DialogKind, outcome: DialogOutcome) {
        match outcome {
            DialogOutcome::Cancelled => self.after_save = None,
            DialogOutcome::Unavailable => self.commands.push(Command::PromptForPath(kind)),
            DialogOutcome::Picked(paths) => match kind {
                DialogKind::OpenBriefing => {
                    if let Some(p) = paths.into_iter().next() {
                        self.commands.push(Command::OpenPath(p));
                    }
                }
                DialogKind::SaveBriefing { .. } => {
                    if let Some(p) = paths.into_iter().next() {
                        self.commands
                            .push(Command::SaveTo(with_extension(p, "ron")));
                    }
                }
                DialogKind::AddArticles => self.commands.push(Command::AddArticlePaths(paths)),
                DialogKind::ExportMarkdown { .. } => {
                    if let Some(p) = paths.into_iter().next() {
                        self.commands
                            .push(Command::ExportTo(with_extension(p, "md")));
                    }
                }
            },
        }
    }

    fn ask(&mut self, kind: DialogKind) {
        if self.pending_dialog.is_some() {
            self.info("A file dialog is already open.");
            return;
        }
        let rx = self.dialogs.request(kind.clone());
        self.pending_dialog = Some((kind, rx));
    }

    /// The user chose to quit and the window is closing.
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    pub fn dialog_open(&self) -> bool {
        self.pending_dialog.is_some()
    }

    /// Runs the commands pushed during the frame, in order.
    pub fn run_commands(&mut self, ctx: &egui::Context) {
        if !self.commands.is_empty() {
            // What the commands changed is shown by the next frame, without waiting for input.
            ctx.request_repaint();
        }
        while !self.commands.is_empty() {
            let batch = std::mem::take(&mut self.commands);
            for c in batch {
                self.run(ctx, c);
            }
        }
    }

    fn guard_unsaved(&mut self, then: After) -> bool {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(then));
            true
        } else {
            false
        }
    }

    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => {
                if !self.guard_unsaved(After::New) {
                    self.set_document(Document::untitled());
                }
            }
            Command::Open => {
                if !self.guard_unsaved(After::Open) {
                    self.ask(DialogKind::OpenBriefing);
                }
            }
            Command::OpenPath(p) => {
                if !self.guard_unsaved(After::OpenPath(p.clone())) {
                    self.open_path(&p);
                }
            }
            Command::Save => self.save(ctx),
            Command::SaveAs => {
                let suggested = format!("{}.ron", file_stem_for(&self.doc.briefing.title));
                self.ask(DialogKind::SaveBriefing { suggested });
            }
            Command::SaveTo(p) => self.save_to(&p),
            Command::Export => {
                let suggested = match &self.doc.path {
                    Some(p) => p.with_extension("md"),
                    None => {
                        PathBuf::from(format!("{}.md", file_stem_for(&self.doc.briefing.title)))
                    }
                };
                self.ask(DialogKind::ExportMarkdown { suggested });
            }
            Command::ExportTo(p) => {
                let md = to_markdown(&self.doc.briefing);
                match crate::atomic::write_atomic(&p, md.as_bytes(), false) {
                    Ok(()) => self.info(format!("Exported to {}", p.display())),
                    Err(e) => self.error(format!("Could not export to {}: {e}", p.display())),
                }
            }
            Command::AddArticles => self.ask(DialogKind::AddArticles),
            Command::AddArticlePaths(paths) => self.add_article_paths(paths, false),
            Command::AddWholePages(paths) => self.add_article_paths(paths, true),
            Command::ShowPasteForm => self.modal = Some(Modal::Paste(PasteForm::default())),
            Command::AddPastedArticle { meta, text } => {
                if text.trim().is_empty() {
                    self.error("The pasted article has no text.");
                } else if text.len() as u64 > crate::import::MAX_ARTICLE_BYTES {
                    // The same limit as for article files.
                    self.error(format!(
                        "The pasted article is {} MB; articles over 20 MB are refused.",
                        text.len() / (1024 * 1024)
                    ));
                } else {
                    let article = Article::new(meta, &text, now());
                    self.add_article(article);
                }
            }
            Command::RemoveArticle(id) => {
                if self.edit(Edit::RemoveArticle { id }) && self.current == Some(id) {
                    self.current = self.doc.briefing.articles.first().map(|a| a.id);
                    self.selected_claim = None;
                }
            }
            Command::SelectArticle(id) => {
                if self.current != Some(id) {
                    self.current = Some(id);
                    self.selected_claim = None;
                    self.find.current = None;
                }
            }
            Command::Tag(status) => self.tag(status),
            Command::SelectClaim(id) => {
                self.selected_claim = Some(id);
                self.doc.history.seal();
            }
            Command::RevealClaim(id) => self.reveal(ctx, id),
            Command::UpdateClaim { claim, field } => {
                let Some((article, _)) = self.doc.briefing.find_claim(claim.id) else {
                    return;
                };
                let article = article.id;
                let mut claim = *claim;
                claim.modified = now();
                let key = (claim.id.0.as_u128() as u64, field);
                let edit = Edit::ReplaceClaim {
                    article,
                    claim: Box::new(claim),
                };
                if let Err(e) = self.doc.apply_merging(edit, key) {
                    self.error(format!("Could not change the claim: {e}"));
                }
            }
            Command::DeleteSelectedClaim => {
                if let Some(id) = self.selected_claim {
                    self.run(ctx, Command::DeleteClaim(id));
                }
            }
            Command::DeleteClaim(id) => {
                if let Some((a, _)) = self.doc.briefing.find_claim(id) {
                    let article = a.id;
                    if self.edit(Edit::RemoveClaim { article, id })
                        && self.selected_claim == Some(id)
                    {
                        self.selected_claim = None;
                    }
                }
            }
            Command::SetField { field, value } => self.set_field(field, value),
            Command::SetArticleMeta { id, meta } => {
                let key = (id.0.as_u128() as u64, "article");
                if let Err(e) = self
                    .doc
                    .apply_merging(Edit::SetArticleMeta { id, meta }, key)
                {
                    self.error(format!("Could not change the article: {e}"));
                }
            }
            Command::Undo => match self.doc.undo() {
                Ok(true) => self.after_history_step(),
                Ok(false) => {}
                Err(e) => self.error(format!("Could not undo: {e}")),
            },
            Command::Redo => match self.doc.redo() {
                Ok(true) => self.after_history_step(),
                Ok(false) => {}
                Err(e) => self.error(format!("Could not redo: {e}")),
            },
            Command::Quit => {
                if !self.guard_unsaved(After::Quit) {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::OpenFind => {
                self.find.open = true;
                self.find.focus = true;
            }
            Command::CloseFind => {
                self.find.open = false;
            }
            Command::FindNext | Command::FindPrevious => {
                self.find_step(command == Command::FindNext)
            }
            Command::CopySelection => {
                if let (Some(a), Some(sel)) = (self.current_article(), self.reader.selection) {
                    let idx = TextIndex::new(&a.text);
                    if let Some(s) = idx.slice(sel.range()).filter(|s| !s.is_empty()) {
                        let s = s.to_owned();
                        ctx.copy_text(s.clone());
                        self.copied = Some(s);
                    }
                }
            }
            Command::PromptForPath(kind) => {
                let text = match &kind {
                    DialogKind::SaveBriefing { suggested } => suggested.clone(),
                    DialogKind::ExportMarkdown { suggested } => suggested.display().to_string(),
                    _ => String::new(),
                };
                self.modal = Some(Modal::PathPrompt { kind, text });
            }
            Command::ForgetRecent(p) => self.settings.forget(&p),
            Command::ResolveUnsaved(choice) => self.resolve_unsaved(ctx, choice),
            Command::DismissMessage(i) => {
                if i < self.messages.len() {
                    self.messages.remove(i);
                }
            }
            Command::ShowOrphans => self.modal = Some(Modal::Orphans),
            Command::ResolveRecovery(choice) => self.resolve_recovery(choice),
            Command::OpenReadOnly(p) => {
                self.modal = None;
                self.open_read_only(&p);
            }
            Command::ResolveChanged(choice) => self.resolve_changed(choice),
        }
    }

    /// Applies one edit, reporting a refusal in the window. Returns whether it applied.
    fn edit(&mut self, edit: Edit) -> bool {
        match self.doc.apply(edit) {
            Ok(()) => true,
            Err(e) => {
                self.error(format!("That change could not be made: {e}"));
                false
            }
        }
    }

    fn set_field(&mut self, field: BriefingField, value: String) {
        let key = (
            0,
            match field {
                BriefingField::Title => "title",
                BriefingField::Analyst => "analyst",
                BriefingField::Summary => "summary",
            },
        );
        if let Err(e) = self.doc.apply_merging(Edit::SetField { field, value }, key) {
            self.error(format!("That change could not be made: {e}"));
        }
    }

    /// After undo/redo the selected claim or article may be gone.
    fn after_history_step(&mut self) {
        let b = &self.doc.briefing;
        if let Some(id) = self.selected_claim
            && b.find_claim(id).is_none()
        {
            self.selected_claim = None;
        }
        if self.current.is_none_or(|id| b.article(id).is_none()) {
            self.current = b.articles.first().map(|a| a.id);
        }
    }

    fn tag(&mut self, status: Status) {
        let selection = self
            .reader
            .selection
            .map(|s| s.range())
            .filter(|r| !r.is_empty());
        let (Some(article), Some(range)) = (self.current_article(), selection) else {
            // No text selected: change the selected claim's status instead.
            if let Some(id) = self.selected_claim
                && let Some((_, claim)) = self.doc.briefing.find_claim(id)
                && claim.status != status
            {
                let mut c = claim.clone();
                c.status = status;
                self.commands.push(Command::UpdateClaim {
                    claim: Box::new(c),
                    field: "status",
                });
                self.doc.history.seal();
            } else if self.selected_claim.is_none() {
                self.info("Select some text in the article first, then tag it.");
            }
            return;
        };
        let index = TextIndex::new(&article.text);
        let range = index.snap_to_graphemes(range);
        let article_id = article.id;
        match crate::anchor::Anchor::new(&index, range) {
            Ok(anchor) => {
                let claim = Claim::new(status, anchor, now());
                let id = claim.id;
                if self.edit(Edit::AddClaim {
                    article: article_id,
                    claim: Box::new(claim),
                }) {
                    self.selected_claim = Some(id);
                    self.reader.selection = None;
                }
            }
            Err(e) => self.error(format!("Could not tag that selection: {e}")),
        }
    }

    fn reveal(&mut self, ctx: &egui::Context, id: ClaimId) {
        let Some((article, claim)) = self.doc.briefing.find_claim(id) else {
            return;
        };
        let (article, range, orphaned) = (article.id, claim.anchor.range(), claim.anchor.orphaned);
        self.current = Some(article);
        self.selected_claim = Some(id);
        self.doc.history.seal();
        if let Some(a) = self.doc.briefing.article(article) {
            self.reader.show_article(a);
        }
        if !orphaned {
            self.reader.reveal(range, ctx.input(|i| i.time));
        }
    }

    fn find_step(&mut self, forward: bool) {
        let Some(article) = self.current.and_then(|id| self.doc.briefing.article(id)) else {
            return;
        };
        self.find.update(article.id, &article.text);
        let from = self.reader.selection.map(|s| s.range().start);
        let found = if forward {
            self.find.next(from)
        } else {
            self.find.previous()
        };
        if let Some(r) = found {
            self.reader.select(r.clone());
            self.reader.scroll_to(r.start);
        }
        self.find.focus = true;
    }

    /// Imports article files: small ones at once, big ones (a saved page can take a second
    /// to parse) on a worker thread so the window keeps responding.
    fn add_article_paths(&mut self, paths: Vec<PathBuf>, whole_page: bool) {
        let mut articles = Vec::new();
        for p in paths {
            if is_briefing_file(&p) {
                self.commands.push(Command::OpenPath(p));
            } else {
                articles.push(p);
            }
        }
        if articles.is_empty() {
            return;
        }
        let options = ImportOptions { whole_page };
        let bytes: u64 = articles
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        let import_all = move |paths: Vec<PathBuf>| -> ImportResults {
            paths
                .into_iter()
                .map(|p| {
                    let result = import_file(&p, options);
                    (p, result)
                })
                .collect()
        };
        if bytes < BACKGROUND_IMPORT_BYTES {
            let results = import_all(articles);
            self.imports_done(results);
            return;
        }
        let names = articles
            .iter()
            .map(|p| file_name(p))
            .collect::<Vec<_>>()
            .join(", ");
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(import_all(articles));
            ctx.request_repaint();
        });
        self.pending_imports.push((names, rx));
    }

    fn poll_imports(&mut self, ctx: &egui::Context) {
        let pending = std::mem::take(&mut self.pending_imports);
        for (names, rx) in pending {
            match rx.try_recv() {
                Ok(results) => self.imports_done(results),
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    self.pending_imports.push((names, rx));
                    // The worker wakes the UI when it is done; this is only a safety net.
                    ctx.request_repaint_after(std::time::Duration::from_millis(250));
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.error(format!(
                        "Could not add {names}: the import stopped unexpectedly."
                    ));
                }
            }
        }
    }

    /// What is being imported in the background, for the status bar.
    pub fn importing(&self) -> Option<String> {
        (!self.pending_imports.is_empty()).then(|| {
            self.pending_imports
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    fn imports_done(&mut self, results: ImportResults) {
        let mut added = Vec::new();
        let mut no_article = Vec::new();
        for (p, result) in results {
            match result {
                Ok(imported) => added.push(Article::new(imported.meta, &imported.text, now())),
                Err(ImportError::NoArticle { .. }) => no_article.push(p),
                Err(e) => self.error(format!("Could not add the article: {e}")),
            }
        }
        if !no_article.is_empty() {
            self.modal = Some(Modal::NoArticle(no_article));
        }
        if added.is_empty() {
            return;
        }
        let first = added[0].id;
        let start = self.doc.briefing.articles.len();
        let edits = added
            .into_iter()
            .enumerate()
            .map(|(i, a)| Edit::AddArticle {
                index: start + i,
                article: Box::new(a),
            })
            .collect();
        if self.edit(Edit::Batch(edits)) {
            self.current = Some(first);
            self.selected_claim = None;
        }
    }

    fn add_article(&mut self, article: Article) {
        let id = article.id;
        let index = self.doc.briefing.articles.len();
        if self.edit(Edit::AddArticle {
            index,
            article: Box::new(article),
        }) {
            self.current = Some(id);
            self.selected_claim = None;
        }
    }

    fn resolve_unsaved(&mut self, ctx: &egui::Context, choice: UnsavedChoice) {
        let Some(Modal::Unsaved(then)) = self.modal.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Save => {
                if self.doc.path.is_none() || self.doc.read_only {
                    // Never saved (or not ours to save): ask where, and carry on once saved.
                    self.after_save = Some(then);
                    self.run(ctx, Command::SaveAs);
                    return;
                }
                self.after_save = Some(then);
                self.save(ctx);
                if self.modal.is_some() {
                    // The file changed on disk: the user decides first, and the quit waits.
                    self.after_save = None;
                }
            }
            UnsavedChoice::Discard => {
                // Mark clean so the follow-up action does not ask again.
                self.doc.history.mark_saved();
                self.continue_after(ctx, then);
            }
        }
    }

    fn continue_after(&mut self, ctx: &egui::Context, then: After) {
        self.run(ctx, command_after(then));
    }

    fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { " •" } else { "" };
        format!("{}{dirty} — briefing-notes", self.doc.display_name())
    }
}

fn command_after(then: After) -> Command {
    match then {
        After::Quit => Command::Quit,
        After::New => Command::New,
        After::Open => Command::Open,
        After::OpenPath(p) => Command::OpenPath(p),
    }
}

fn is_briefing_file(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

fn with_extension(p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_some() {
        p
    } else {
        p.with_extension(ext)
    }
}

/// A file name from a briefing title: letters, digits and dashes.
fn file_stem_for(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "briefing".to_owned()
    } else {
        stem
    }
}

impl PasteForm {
    fn to_article(&self) -> Result<(ArticleMeta, String), String> {
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

impl eframe::App for BriefingApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved(After::Quit));
        }
        let focused = ctx.input(|i| i.focused);
        if focused && !self.was_focused {
            self.check_disk();
        }
        self.was_focused = focused;
        self.poll_dialog(&ctx);
        self.poll_imports(&ctx);
        if self.modal.is_none() {
            self.shortcuts(&ctx);
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
            self.commands.push(Command::AddArticlePaths(dropped));
        }
        let focus = ctx.memory(|m| m.focused());
        if focus != self.last_focus {
            self.doc.history.seal();
            self.last_focus = focus;
        }
        self.panels(ui);
        self.modal_ui(&ctx);
        self.run_commands(&ctx);
        if let Some(wait) = self.autosave.tick(&self.doc, Instant::now()) {
            ctx.request_repaint_after(wait);
        }
        if let Some(e) = self.autosave.take_error() {
            self.error(e);
        }
        let title = self.window_title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.store_settings();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.store_settings();
        // Clean exits leave no journal, unless the work is still unsaved.
        self.autosave.write_now(&self.doc);
    }
}

/// Opens the desktop app (blocks until the window closes).
pub fn run(startup: Startup) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("briefing-notes")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(BriefingApp::new(cc, startup)))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
