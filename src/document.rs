//! An open briefing: the data, its undo history and where it lives on disk. Shared by every
//! front end; nothing here knows about the GUI.

use std::path::{Path, PathBuf};

use crate::atomic::{OsStorage, Storage};
use crate::disk::DiskStamp;
use crate::edit::{Edit, EditError, History, MergeKey};
use crate::file::{self, LoadError, LoadReport, SaveError};
use crate::model::{ArticleId, Briefing, ClaimId};

#[derive(Debug)]
pub struct Document {
    pub briefing: Briefing,
    pub history: History,
    /// Where it is saved; `None` until first saved.
    pub path: Option<PathBuf>,
    /// What the last load found and repaired.
    pub load_report: LoadReport,
    /// The file as last read or written, to notice another program changing it.
    pub disk: Option<DiskStamp>,
    /// Open elsewhere: changes are refused, saving needs a new name.
    pub read_only: bool,
}

impl Document {
    /// A new, empty, never-saved briefing. Nothing in it can be lost, so it is not dirty
    /// until the first change.
    pub fn untitled() -> Self {
        Self {
            briefing: Briefing::new("Untitled briefing", ""),
            history: History::saved(),
            path: None,
            load_report: LoadReport::default(),
            disk: None,
            read_only: false,
        }
    }

    /// A briefing from `text` (RON) with no file behind it, such as the bundled sample.
    pub fn from_ron(text: &str, name: &Path) -> Result<Self, LoadError> {
        let (briefing, load_report) = file::from_ron_str(text, name)?;
        Ok(Self {
            briefing,
            history: History::saved(),
            path: None,
            load_report,
            disk: None,
            read_only: false,
        })
    }

    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let (briefing, load_report, stamp) = file::load_stamped(path)?;
        let mut history = History::saved();
        if load_report.changed_anything() {
            // Repairs made on load are unsaved changes: the user decides whether to keep them.
            history = History::unsaved();
        }
        Ok(Self {
            briefing,
            history,
            path: Some(path.to_owned()),
            load_report,
            disk: Some(stamp),
            read_only: false,
        })
    }

    /// A briefing open in another window: shown, never changed; Save As makes a copy.
    pub fn open_read_only(path: &Path) -> Result<Self, LoadError> {
        let mut doc = Self::open(path)?;
        doc.read_only = true;
        // Repairs made on load cannot be kept in a read-only briefing.
        doc.history = History::saved();
        Ok(doc)
    }

    /// Work restored from a recovery journal: unsaved until the user saves it, with the
    /// file it belongs to (if any) and the hash that file had when the work began.
    pub fn restored(
        briefing: Briefing,
        path: Option<PathBuf>,
        base_sha256: Option<[u8; 32]>,
        load_report: LoadReport,
    ) -> Self {
        Self {
            briefing,
            history: History::unsaved(),
            path,
            load_report,
            disk: base_sha256.map(DiskStamp::from_hash),
            read_only: false,
        }
    }

    fn writable(&self) -> Result<(), EditError> {
        if self.read_only {
            Err(EditError::ReadOnly)
        } else {
            Ok(())
        }
    }

    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.writable()?;
        self.history.apply(&mut self.briefing, edit)
    }

    pub fn apply_merging(&mut self, edit: Edit, key: MergeKey) -> Result<(), EditError> {
        self.writable()?;
        self.history.apply_merging(&mut self.briefing, edit, key)
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        self.writable()?;
        self.history.undo(&mut self.briefing)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        self.writable()?;
        self.history.redo(&mut self.briefing)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Saves to `path` (atomically) and remembers it as the document's file. On failure
    /// nothing changes: the old file, the path and the unsaved state stay as they were.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        self.save_to_with(&OsStorage, path)
    }

    pub fn save_to_with(&mut self, storage: &dyn Storage, path: &Path) -> Result<(), SaveError> {
        let stamp = file::save_with(storage, path, &self.briefing)?;
        self.disk = Some(stamp);
        self.path = Some(path.to_owned());
        self.history.mark_saved();
        self.history.seal();
        Ok(())
    }

    /// The file name, or the title for a briefing never saved.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => format!("{} (not saved)", self.briefing.title),
        }
    }

    /// Claims whose words could not be found in their article.
    pub fn orphans(&self) -> Vec<(ArticleId, ClaimId)> {
        self.briefing
            .claims()
            .filter(|(_, c)| c.anchor.orphaned)
            .map(|(a, c)| (a.id, c.id))
            .collect()
    }
}
