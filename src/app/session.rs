//! The briefing's file and its safety: opening (with the lock that tells a second window),
//! saving (never over another program's changes), noticing changes on disk, autosave, and
//! restoring work from the journal of a run that ended without saving it.

use std::path::Path;
use std::sync::Arc;

use super::BriefingApp;
use super::command::{ChangedChoice, Command, RecoveryChoice};
use super::dialogs::DialogKind;
use super::modal::{After, Modal, RecoveryOffer};
use super::state::{Level, Message, Topic};
use super::{SAMPLE_BRIEFING, file_name, file_stem_for};
use crate::atomic::{OsStorage, Storage};
use crate::disk::DiskState;
use crate::document::Document;
use crate::journal::{self, Abandoned, Changes};
use crate::lock::{self, BriefingLock, LockError};
use crate::places::Places;

use super::autosave::Autosave;

/// The open briefing and what keeps it safe.
pub struct Session {
    pub doc: Document,
    /// Every write of a briefing or journal goes through this (tests make it fail).
    pub storage: Arc<dyn Storage>,
    pub places: Places,
    pub autosave: Autosave,
    /// Held while the briefing is open, so a second window is told.
    pub lock: Option<BriefingLock>,
    /// Journals of earlier runs not yet restored or discarded; the first is being offered.
    pub abandoned: Vec<Abandoned>,
    /// The change on disk the user has already been told about.
    pub disk_seen: Option<DiskState>,
    /// What to do once the Save As asked for by the unsaved-changes prompt has succeeded.
    pub after_save: Option<After>,
    /// Counts the documents opened in this window: with the history's revision, it says
    /// whether the briefing may have changed (what is worked out from it is kept until then).
    pub generation: u64,
}

impl Session {
    pub fn new(places: Places) -> Self {
        Self {
            doc: Document::untitled(),
            storage: Arc::new(OsStorage),
            places,
            autosave: Autosave::off(),
            lock: None,
            abandoned: Vec::new(),
            disk_seen: None,
            after_save: None,
            generation: 0,
        }
    }

    /// Takes the lock on `path` unless this window already holds it.
    fn lock_for(&self, path: &Path) -> Result<Option<BriefingLock>, LockError> {
        let Some(dir) = self.places.locks() else {
            return Ok(None);
        };
        if let Some(held) = &self.lock
            && same_file(&held.briefing, path)
        {
            return Ok(None);
        }
        lock::lock(&dir, path).map(Some)
    }
}

impl BriefingApp {
    pub(super) fn start_autosave(&mut self) {
        let Some(dir) = self.session.places.recovery() else {
            return;
        };
        match journal::Journal::start(&dir) {
            Ok(j) => {
                let storage = self.session.storage.clone();
                self.session.autosave = Autosave::new(j, storage, self.tasks.waker());
            }
            Err(e) => self.chrome.error(format!(
                "Autosave is off: the recovery folder {} cannot be used ({e}). Save often.",
                dir.display()
            )),
        }
    }

    pub(super) fn open_sample(&mut self) {
        match Document::from_ron(SAMPLE_BRIEFING, Path::new("sample briefing")) {
            Ok(doc) => self.set_document(doc),
            Err(e) => self
                .chrome
                .error(format!("The sample briefing could not be read: {e}")),
        }
    }

    /// Shows `doc` in place of the open briefing, telling what loading it repaired.
    pub(super) fn set_document(&mut self, doc: Document) {
        self.remember_view();
        let session = &mut self.session;
        session.doc = doc;
        session.generation += 1;
        // The lock belongs to the briefing that was open: a new or other one lets it go.
        if session.lock.as_ref().is_some_and(|l| {
            session
                .doc
                .path
                .as_deref()
                .is_none_or(|p| !same_file(&l.briefing, p))
        }) {
            session.lock = None;
        }
        session.autosave.reset();
        session.disk_seen = None;
        self.view.reset_for(&self.session.doc);
        if let Some(saved) =
            (self.session.doc.path.as_deref()).and_then(|p| self.prefs.views.get(p))
        {
            self.view.restore(saved, &self.session.doc);
        }
        let report = &self.session.doc.load_report;
        let moved = report.reanchored.len();
        let new_orphans = report.orphaned.iter().filter(|o| !o.already).count();
        if moved > 0 {
            self.chrome.info(format!(
                "{moved} claim(s) had moved in their article's text and were re-anchored to \
                 their words."
            ));
        }
        let dangling = report.dangling_dropped.len();
        if dangling > 0 {
            self.chrome.info(format!(
                "{dangling} link(s) or rating(s) named claims that are not in this briefing \
                 and were dropped."
            ));
        }
        let conflicts = self.session.doc.briefing.conflicts.len();
        if conflicts > 0 {
            self.chrome.show(Message::new(
                Level::Warning,
                format!(
                    "Merged with {conflicts} conflict(s) to review, both values kept: see the status bar."
                ),
            ).about(Topic::Conflicts));
        }
        if new_orphans > 0 {
            self.chrome.error(format!(
                "{new_orphans} claim(s) no longer match their article's text; they are kept as \
                 orphaned claims (see the status bar)."
            ));
        }
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        let lock = match self.session.lock_for(path) {
            Ok(l) => l,
            Err(LockError::HeldElsewhere(p)) => {
                self.chrome.modal = Some(Modal::OpenElsewhere(p));
                return;
            }
            Err(e @ LockError::Io { .. }) => {
                // A lock that cannot be taken (read-only data folder) must not keep the
                // user from their work.
                self.chrome.info(format!("{e}; opening without it."));
                None
            }
        };
        match Document::open(path) {
            Ok(doc) => {
                self.prefs.settings.remember(path);
                if lock.is_some() {
                    self.session.lock = lock;
                }
                self.chrome.resolved(Topic::Open);
                self.set_document(doc);
            }
            Err(e) => self.open_failed(&e),
        }
    }

    fn open_failed(&mut self, e: &crate::file::LoadError) {
        let (text, details) = e.plain();
        let mut m = Message::new(Level::Error, format!("Could not open the briefing: {text}"))
            .about(Topic::Open);
        if let Some(d) = details {
            m = m.with_details(d);
        }
        self.chrome.show(m);
    }

    pub(super) fn open_read_only(&mut self, path: &Path) {
        match Document::open_read_only(path) {
            Ok(doc) => {
                self.session.lock = None;
                self.set_document(doc);
                self.chrome.info(format!(
                    "{} is open in another window, so it is open here read-only. Save As makes \
                     a copy you can change.",
                    file_name(path)
                ));
            }
            Err(e) => self.open_failed(&e),
        }
    }

    /// Ctrl+S: saves over the briefing's own file, unless another program has changed
    /// that file since it was read (then the user chooses).
    pub(super) fn save(&mut self) {
        let Some(path) = self.session.doc.path.clone() else {
            return self.queue.push(Command::SaveAs);
        };
        if self.session.doc.read_only {
            self.chrome
                .info("This briefing is open read-only: choose a new name to save a copy.");
            return self.queue.push(Command::SaveAs);
        }
        if let Some(stamp) = &self.session.doc.disk
            && let Ok(DiskState::Changed(_)) = stamp.check_content(&path)
        {
            self.chrome.modal = Some(Modal::ChangedOnDisk { saving: true });
            return;
        }
        self.save_to(&path);
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        let lock = match self.session.lock_for(path) {
            Ok(l) => l,
            Err(LockError::HeldElsewhere(p)) => {
                self.session.after_save = None;
                self.chrome.error(format!(
                    "{} is open in another window; save under another name. Your changes are \
                     still here, unsaved.",
                    p.display()
                ));
                return;
            }
            Err(_) => None,
        };
        let session = &mut self.session;
        let storage = session.storage.clone();
        match session.doc.save_to_with(storage.as_ref(), path) {
            Ok(()) => {
                self.prefs.settings.remember(path);
                if lock.is_some() {
                    session.lock = lock;
                }
                session.doc.read_only = false;
                session.disk_seen = None;
                // The journal is no longer needed now, not in a moment.
                session.autosave.write_now(&session.doc);
                self.chrome.resolved(Topic::Save);
                self.chrome.info(format!("Saved to {}", path.display()));
                if let Some(then) = session.after_save.take() {
                    self.queue.push(then.command());
                }
            }
            Err(e) => {
                session.after_save = None;
                self.chrome.show(
                    Message::new(
                        Level::Error,
                        format!(
                            "{e}. Nothing was overwritten; your changes are still here, unsaved."
                        ),
                    )
                    .about(Topic::Save),
                );
            }
        }
    }

    /// Has another program changed the briefing's file? Asked when the window regains focus.
    pub(super) fn check_disk(&mut self) {
        let doc = &self.session.doc;
        let (Some(path), Some(stamp)) = (doc.path.clone(), doc.disk.clone()) else {
            return;
        };
        if self.chrome.modal.is_some() {
            return;
        }
        match stamp.check(&path) {
            Ok(DiskState::Unchanged) => self.session.doc.disk = Some(stamp.refreshed(&path)),
            Ok(state @ DiskState::Changed(_)) => {
                // Asked once per change, not at every focus.
                if self.session.disk_seen.as_ref() != Some(&state) {
                    self.session.disk_seen = Some(state);
                    self.chrome.modal = Some(Modal::ChangedOnDisk { saving: false });
                }
            }
            Ok(DiskState::Gone) => {
                if self.session.disk_seen != Some(DiskState::Gone) {
                    self.session.disk_seen = Some(DiskState::Gone);
                    self.chrome.info(format!(
                        "{} was moved or deleted by another program; Save writes it again.",
                        path.display()
                    ));
                }
            }
            Err(_) => {}
        }
    }

    pub(super) fn resolve_changed(&mut self, choice: ChangedChoice) {
        let Some(Modal::ChangedOnDisk { .. }) = self.chrome.modal.take() else {
            return;
        };
        match choice {
            ChangedChoice::Reload => self.reload(),
            ChangedChoice::KeepMine => {
                let stem = self
                    .session
                    .doc
                    .path
                    .as_deref()
                    .and_then(Path::file_stem)
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| file_stem_for(&self.session.doc.briefing.title));
                let suggested = self.save_folder().join(format!("{stem}-mine.ron"));
                self.ask(DialogKind::SaveBriefing { suggested });
            }
            ChangedChoice::Later => {}
        }
    }

    fn reload(&mut self) {
        let Some(path) = self.session.doc.path.clone() else {
            return;
        };
        match Document::open(&path) {
            Ok(mut doc) => {
                doc.read_only = self.session.doc.read_only;
                let current = self.view.current;
                self.set_document(doc);
                if current.is_some_and(|id| self.session.doc.briefing.article(id).is_some()) {
                    self.view.current = current;
                }
                self.chrome
                    .info(format!("Reloaded {} from disk.", file_name(&path)));
            }
            Err(e) => self
                .chrome
                .error(format!("Could not reload the briefing. {e}")),
        }
    }

    /// Looks for work left in journals by runs that ended without saving it.
    pub(super) fn find_recovery(&mut self) {
        let Some(dir) = self.session.places.recovery() else {
            return;
        };
        for found in journal::abandoned(&dir) {
            match &found.entry {
                Ok(_) => self.session.abandoned.push(found),
                Err(e) => self.chrome.error(format!(
                    "Unsaved work from an earlier session could not be read ({e}). The journal \
                     is kept at {}.",
                    found.file.display()
                )),
            }
        }
        self.offer_recovery();
    }

    fn offer_recovery(&mut self) {
        let Some(Ok(entry)) = self.session.abandoned.first().map(|o| &o.entry) else {
            return;
        };
        let on_disk = entry
            .path
            .as_deref()
            .and_then(|p| crate::file::load_stamped(p).ok())
            .map(|(b, _, stamp)| (stamp.sha256, b));
        let changes = Changes::between(on_disk.as_ref().map(|(_, b)| b), &entry.briefing);
        let offer = RecoveryOffer {
            title: entry.briefing.title.clone(),
            path: entry.path.clone(),
            written: entry.written,
            changes: changes.describe(),
            file_changed_since: match (&on_disk, entry.base_sha256) {
                (Some((now, _)), Some(base)) => *now != base,
                _ => false,
            },
            more: self.session.abandoned.len() - 1,
        };
        self.chrome.modal = Some(Modal::Recover(Box::new(offer)));
    }

    pub(super) fn resolve_recovery(&mut self, choice: RecoveryChoice) {
        if !matches!(self.chrome.modal, Some(Modal::Recover(_)))
            || self.session.abandoned.is_empty()
        {
            return;
        }
        self.chrome.modal = None;
        let journal = self.session.abandoned.remove(0);
        match choice {
            RecoveryChoice::Later => drop(journal),
            RecoveryChoice::Discard => {
                if let Err(e) = journal.remove() {
                    self.chrome
                        .error(format!("Could not delete the recovery journal: {e}"));
                }
            }
            RecoveryChoice::Restore => self.restore(journal),
        }
        self.offer_recovery();
    }

    fn restore(&mut self, journal: Abandoned) {
        let Ok(mut entry) = journal.entry.clone() else {
            return;
        };
        let report = match journal::verify(&mut entry) {
            Ok(r) => r,
            Err(e) => {
                self.chrome
                    .error(format!("The unsaved work could not be restored: {e}"));
                return;
            }
        };
        // Restored work is unsaved until the user saves it; the file is not touched.
        let mut doc = Document::restored(
            entry.briefing.clone(),
            entry.path.clone(),
            entry.base_sha256,
            report,
        );
        if let Some(p) = &entry.path
            && p.exists()
        {
            match self.session.lock_for(p) {
                Ok(Some(l)) => self.session.lock = Some(l),
                Ok(None) => {}
                Err(LockError::HeldElsewhere(_)) => {
                    self.session.lock = None;
                    self.chrome.info(format!(
                        "{} is open in another window: the restored work is kept here; save it \
                         under another name.",
                        p.display()
                    ));
                    doc.path = None;
                    doc.disk = None;
                }
                Err(_) => {}
            }
        }
        self.set_document(doc);
        // Safe in this run's journal before the old one goes.
        self.session.autosave.write_now(&self.session.doc);
        let _ = journal.remove();
        self.chrome.info(format!(
            "Restored unsaved work on “{}” (from {}). Save to keep it.",
            self.session.doc.briefing.title,
            entry
                .written
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
        ));
    }
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}
