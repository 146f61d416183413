//! The briefing's file and its safety: opening (with the lock that tells a second window),
//! saving (never over another program's changes), noticing changes on disk, and restoring
//! work from the recovery journal of a run that crashed.

use std::path::Path;

use super::{
    BriefingApp, Command, DialogKind, Modal, RecoveryOffer, command_after, file_name, file_stem_for,
};
use super::{ChangedChoice, RecoveryChoice};
use crate::disk::{DiskStamp, DiskState};
use crate::document::Document;
use crate::edit::History;
use crate::journal::{self, Changes, Orphan};
use crate::lock::{self, BriefingLock, LockError};

impl BriefingApp {
    /// Takes the lock on `path` unless this window already holds it.
    pub(super) fn lock_for(&self, path: &Path) -> Result<Option<BriefingLock>, LockError> {
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

    pub(super) fn open_path(&mut self, path: &Path) {
        let lock = match self.lock_for(path) {
            Ok(l) => l,
            Err(LockError::HeldElsewhere(p)) => {
                self.modal = Some(Modal::OpenElsewhere(p));
                return;
            }
            Err(e @ LockError::Io { .. }) => {
                // A lock that cannot be taken (read-only data folder) must not keep the
                // user from their work.
                self.info(format!("{e}; opening without it."));
                None
            }
        };
        match Document::open(path) {
            Ok(doc) => {
                self.settings.remember(path);
                if lock.is_some() {
                    self.lock = lock;
                }
                self.set_document(doc);
            }
            Err(e) => self.error(format!("Could not open the briefing. {e}")),
        }
    }

    pub(super) fn open_read_only(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(mut doc) => {
                doc.read_only = true;
                // Repairs made on load cannot be kept in a read-only briefing.
                doc.history = History::saved();
                self.lock = None;
                self.set_document(doc);
                self.info(format!(
                    "{} is open in another window, so it is open here read-only. Save As makes a copy you can change.",
                    file_name(path)
                ));
            }
            Err(e) => self.error(format!("Could not open the briefing. {e}")),
        }
    }

    /// Ctrl+S: saves over the briefing's own file, unless another program has changed
    /// that file since it was read (then the user chooses).
    pub(super) fn save(&mut self, ctx: &egui::Context) {
        let Some(path) = self.doc.path.clone() else {
            return self.run(ctx, Command::SaveAs);
        };
        if self.doc.read_only {
            self.info("This briefing is open read-only: choose a new name to save a copy.");
            return self.run(ctx, Command::SaveAs);
        }
        if let Some(stamp) = &self.doc.disk
            && let Ok(DiskState::Changed(_)) = stamp.check_content(&path)
        {
            self.modal = Some(Modal::ChangedOnDisk { saving: true });
            return;
        }
        self.save_to(&path);
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        let lock = match self.lock_for(path) {
            Ok(l) => l,
            Err(LockError::HeldElsewhere(p)) => {
                self.after_save = None;
                self.error(format!(
                    "{} is open in another window; save under another name. Your changes are still here, unsaved.",
                    p.display()
                ));
                return;
            }
            Err(_) => None,
        };
        let storage = self.storage.clone();
        match self.doc.save_to_with(storage.as_ref(), path) {
            Ok(()) => {
                self.settings.remember(path);
                if lock.is_some() {
                    self.lock = lock;
                }
                self.doc.read_only = false;
                self.disk_seen = None;
                // The journal is no longer needed now, not in a moment.
                self.autosave.write_now(&self.doc);
                if let Some(then) = self.after_save.take() {
                    self.commands.push(command_after(then));
                }
            }
            Err(e) => {
                self.after_save = None;
                self.error(format!(
                    "{e}. Nothing was overwritten; your changes are still here, unsaved."
                ));
            }
        }
    }

    /// Has another program changed the briefing's file? Asked when the window regains focus.
    pub(super) fn check_disk(&mut self) {
        let (Some(path), Some(stamp)) = (self.doc.path.clone(), self.doc.disk.clone()) else {
            return;
        };
        if self.modal.is_some() {
            return;
        }
        match stamp.check(&path) {
            Ok(DiskState::Unchanged) => self.doc.disk = Some(stamp.refreshed(&path)),
            Ok(state @ DiskState::Changed(_)) => {
                // Asked once per change, not at every focus.
                if self.disk_seen.as_ref() != Some(&state) {
                    self.disk_seen = Some(state);
                    self.modal = Some(Modal::ChangedOnDisk { saving: false });
                }
            }
            Ok(DiskState::Gone) => {
                if self.disk_seen != Some(DiskState::Gone) {
                    self.disk_seen = Some(DiskState::Gone);
                    self.info(format!(
                        "{} was moved or deleted by another program; Save writes it again.",
                        path.display()
                    ));
                }
            }
            Err(_) => {}
        }
    }

    pub(super) fn resolve_changed(&mut self, choice: ChangedChoice) {
        let Some(Modal::ChangedOnDisk { .. }) = self.modal.take() else {
            return;
        };
        match choice {
            ChangedChoice::Reload => {
                let Some(path) = self.doc.path.clone() else {
                    return;
                };
                match Document::open(&path) {
                    Ok(mut doc) => {
                        doc.read_only = self.doc.read_only;
                        let current = self.current;
                        self.set_document(doc);
                        if current.is_some_and(|id| self.doc.briefing.article(id).is_some()) {
                            self.current = current;
                        }
                        self.info(format!("Reloaded {} from disk.", file_name(&path)));
                    }
                    Err(e) => self.error(format!("Could not reload the briefing. {e}")),
                }
            }
            ChangedChoice::KeepMine => {
                let stem = self
                    .doc
                    .path
                    .as_deref()
                    .and_then(Path::file_stem)
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| file_stem_for(&self.doc.briefing.title));
                self.ask(DialogKind::SaveBriefing {
                    suggested: format!("{stem}-mine.ron"),
                });
            }
            ChangedChoice::Later => {}
        }
    }

    /// Looks for work left in journals by runs that ended without saving it.
    pub(super) fn find_recovery(&mut self) {
        let Some(dir) = self.places.recovery() else {
            return;
        };
        for orphan in journal::orphans(&dir) {
            match &orphan.entry {
                Ok(_) => self.recovery.push(orphan),
                Err(e) => self.error(format!(
                    "Unsaved work from an earlier session could not be read ({e}). The journal is kept at {}.",
                    orphan.file.display()
                )),
            }
        }
        self.offer_recovery();
    }

    pub(super) fn offer_recovery(&mut self) {
        let Some(Ok(entry)) = self.recovery.first().map(|o| &o.entry) else {
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
            more: self.recovery.len() - 1,
        };
        self.modal = Some(Modal::Recover(Box::new(offer)));
    }

    pub(super) fn resolve_recovery(&mut self, choice: RecoveryChoice) {
        if !matches!(self.modal, Some(Modal::Recover(_))) || self.recovery.is_empty() {
            return;
        }
        self.modal = None;
        let orphan = self.recovery.remove(0);
        match choice {
            RecoveryChoice::Later => drop(orphan),
            RecoveryChoice::Discard => {
                if let Err(e) = orphan.remove() {
                    self.error(format!("Could not delete the recovery journal: {e}"));
                }
            }
            RecoveryChoice::Restore => self.restore(orphan),
        }
        self.offer_recovery();
    }

    pub(super) fn restore(&mut self, orphan: Orphan) {
        let Ok(mut entry) = orphan.entry.clone() else {
            return;
        };
        let report = match journal::verify(&mut entry) {
            Ok(r) => r,
            Err(e) => {
                self.error(format!("The unsaved work could not be restored: {e}"));
                return;
            }
        };
        let mut doc = Document::untitled();
        doc.briefing = entry.briefing.clone();
        // Restored work is unsaved until the user saves it; the file is not touched.
        doc.history = History::unsaved();
        doc.load_report = report;
        doc.disk = entry.base_sha256.map(DiskStamp::from_hash);
        doc.path = entry.path.clone();
        if let Some(p) = &entry.path
            && p.exists()
        {
            match self.lock_for(p) {
                Ok(Some(l)) => self.lock = Some(l),
                Ok(None) => {}
                Err(LockError::HeldElsewhere(_)) => {
                    self.lock = None;
                    self.info(format!(
                        "{} is open in another window: the restored work is kept here; save it under another name.",
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
        self.autosave.write_now(&self.doc);
        let _ = orphan.remove();
        self.info(format!(
            "Restored unsaved work on “{}” (from {}). Save to keep it.",
            self.doc.briefing.title,
            entry
                .written
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
        ));
    }
}

impl BriefingApp {
    pub(super) fn store_settings(&mut self) {
        if self.settings_written.as_ref() == Some(&self.settings) {
            return;
        }
        if let Some(path) = self.places.settings_file()
            && self.settings.store(&path).is_ok()
        {
            self.settings_written = Some(self.settings.clone());
        }
    }
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}
