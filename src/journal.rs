//! The recovery journal: unsaved work, written (atomically) a moment after each change to a
//! file in the app's data directory, and deleted once the work is saved or discarded. After a
//! crash, `kill -9` or a power cut, the next start finds it and offers to restore it.
//!
//! Each running app has its own journal, `<id>.ron`, and holds an advisory lock on
//! `<id>.lock` while it runs; a journal whose lock is free belongs to a process that has
//! ended without cleaning up, which is exactly the work to offer back.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::atomic::{Storage, write_atomic_with};
use crate::file::{self, LoadError, LoadReport};
use crate::model::{Briefing, ClaimId, now};

const JOURNAL_VERSION: u32 = 1;

/// What a journal holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub journal_version: u32,
    /// The briefing's own file; `None` for a briefing never saved.
    pub path: Option<PathBuf>,
    /// When the journal was written.
    pub written: DateTime<Utc>,
    /// SHA-256 of the file the unsaved work started from, so a restore can tell whether
    /// that file has changed since.
    pub base_sha256: Option<[u8; 32]>,
    pub briefing: Briefing,
}

impl Entry {
    pub fn new(path: Option<PathBuf>, base: Option<[u8; 32]>, briefing: Briefing) -> Self {
        Self {
            journal_version: JOURNAL_VERSION,
            path,
            written: now(),
            base_sha256: base,
            briefing,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Compact: the journal is for the app, not for people, and is written often.
        ron::Options::default()
            .to_string(self)
            .unwrap_or_default()
            .into_bytes()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("the recovery folder could not be used: {0}")]
    Io(#[from] io::Error),
    #[error("the recovery journal {} is damaged: {message}", path.display())]
    Damaged { path: PathBuf, message: String },
}

/// This process's journal.
#[derive(Debug)]
pub struct Journal {
    file: PathBuf,
    _lock: File,
}

impl Journal {
    /// Starts a journal for this run in `dir` (created if missing).
    pub fn start(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        let id = uuid::Uuid::now_v7().simple().to_string();
        let lock_path = dir.join(format!("{id}.lock"));
        let lock = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock_path)?;
        lock.lock()?;
        Ok(Self {
            file: dir.join(format!("{id}.ron")),
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.file
    }

    pub fn write(&self, storage: &dyn Storage, entry: &Entry) -> io::Result<()> {
        write_atomic_with(storage, &self.file, &entry.to_bytes(), false)
    }

    /// Deletes the journal (the work was saved or discarded).
    pub fn clear(&self) -> io::Result<()> {
        match fs::remove_file(&self.file) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        // A clean exit leaves nothing behind but a journal of unsaved work, which is kept.
        if !self.file.exists() {
            let _ = fs::remove_file(self.file.with_extension("lock"));
        }
    }
}

/// A journal left by a process that ended without saving or discarding its work. It stays
/// locked by this process while offered, so two apps starting at once do not both offer it.
#[derive(Debug)]
pub struct Abandoned {
    pub file: PathBuf,
    _lock: File,
    pub entry: Result<Entry, String>,
}

impl Abandoned {
    /// Deletes the journal: the user restored it (it is now in this run's own journal) or
    /// discarded it.
    pub fn remove(self) -> io::Result<()> {
        fs::remove_file(&self.file)?;
        let _ = fs::remove_file(self.file.with_extension("lock"));
        Ok(())
    }
}

/// Journals in `dir` whose process has ended, newest first.
pub fn abandoned(dir: &Path) -> Vec<Abandoned> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let lock_path = path.with_extension("lock");
        let Ok(lock) = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
        else {
            continue;
        };
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) | Err(TryLockError::Error(_)) => continue,
        }
        let entry = read_entry(&path).map_err(|e| e.to_string());
        found.push(Abandoned {
            file: path,
            _lock: lock,
            entry,
        });
    }
    found.sort_by_key(|o| std::cmp::Reverse(o.entry.as_ref().ok().map(|e| e.written)));
    found
}

/// Reads a journal and checks its briefing as a briefing file is checked on load.
pub fn read_entry(path: &Path) -> Result<Entry, JournalError> {
    let damaged = |message: String| JournalError::Damaged {
        path: path.to_owned(),
        message,
    };
    if fs::metadata(path)?.len() > file::MAX_FILE_BYTES * 2 {
        return Err(damaged("it is too large".into()));
    }
    let bytes = fs::read(path)?;
    let text = String::from_utf8(bytes).map_err(|_| damaged("not UTF-8 text".into()))?;
    let entry: Entry = ron::Options::default()
        .from_str(&text)
        .map_err(|e| damaged(e.to_string()))?;
    if entry.journal_version > JOURNAL_VERSION {
        return Err(damaged(format!(
            "written by a newer version (journal {})",
            entry.journal_version
        )));
    }
    Ok(entry)
}

/// Checks a recovered briefing's anchors and ids as loading a file does.
pub fn verify(entry: &mut Entry) -> Result<LoadReport, LoadError> {
    let name = entry
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from("recovered briefing"));
    file::check_briefing(&mut entry.briefing, &name)
}

/// What the unsaved work changed, against the file it started from (or, for a briefing
/// never saved, everything in it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub articles_added: usize,
    pub articles_removed: usize,
    pub claims_added: usize,
    pub claims_removed: usize,
    pub claims_changed: usize,
    /// Title, analyst, bottom line, or an article's details.
    pub details_changed: usize,
}

impl Changes {
    pub fn between(base: Option<&Briefing>, now: &Briefing) -> Self {
        let empty = Briefing::new("", "");
        let base = base.unwrap_or(&empty);
        let mut c = Changes::default();
        let base_claims: std::collections::HashMap<ClaimId, &crate::model::Claim> =
            base.claims().map(|(_, cl)| (cl.id, cl)).collect();
        let now_claims: std::collections::HashMap<ClaimId, &crate::model::Claim> =
            now.claims().map(|(_, cl)| (cl.id, cl)).collect();
        for (id, claim) in &now_claims {
            match base_claims.get(id) {
                None => c.claims_added += 1,
                Some(old) if *old != *claim => c.claims_changed += 1,
                Some(_) => {}
            }
        }
        c.claims_removed = base_claims
            .keys()
            .filter(|id| !now_claims.contains_key(id))
            .count();
        for a in &now.articles {
            match base.article(a.id) {
                None => c.articles_added += 1,
                Some(old) if old.meta() != a.meta() => c.details_changed += 1,
                Some(_) => {}
            }
        }
        c.articles_removed = base
            .articles
            .iter()
            .filter(|a| now.article(a.id).is_none())
            .count();
        // A briefing never saved has no earlier title to compare with.
        c.details_changed += [
            base.title != now.title && !base.title.is_empty(),
            base.analyst != now.analyst,
            base.summary != now.summary,
        ]
        .iter()
        .filter(|x| **x)
        .count();
        c
    }

    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// "2 claims added, 1 claim changed, 1 article added".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut push = |n: usize, one: &str, many: &str, what: &str| {
            if n > 0 {
                parts.push(format!("{n} {} {what}", if n == 1 { one } else { many }));
            }
        };
        push(self.claims_added, "claim", "claims", "added");
        push(self.claims_changed, "claim", "claims", "changed");
        push(self.claims_removed, "claim", "claims", "deleted");
        push(self.articles_added, "article", "articles", "added");
        push(self.articles_removed, "article", "articles", "removed");
        push(self.details_changed, "detail", "details", "edited");
        if parts.is_empty() {
            "no changes to the saved file".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atomic::OsStorage;

    fn entry(title: &str) -> Entry {
        Entry::new(
            Some("/x/b.ron".into()),
            Some([7; 32]),
            Briefing::new(title, "me"),
        )
    }

    #[test]
    fn a_live_journal_is_not_abandoned_a_dead_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::start(dir.path()).unwrap();
        j.write(&OsStorage, &entry("live")).unwrap();
        assert!(abandoned(dir.path()).is_empty(), "its writer is running");
        let path = j.path().to_owned();
        drop(j);
        assert!(path.exists(), "unsaved work outlives the process");
        let found = abandoned(dir.path());
        assert_eq!(found.len(), 1);
        let e = found[0].entry.as_ref().unwrap();
        assert_eq!(e.briefing.title, "live");
        assert_eq!(e.base_sha256, Some([7; 32]));
        // While offered here, another app does not see it.
        assert!(abandoned(dir.path()).is_empty());
        found.into_iter().next().unwrap().remove().unwrap();
        assert!(abandoned(dir.path()).is_empty());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "no litter");
    }

    #[test]
    fn cleared_journal_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::start(dir.path()).unwrap();
        j.write(&OsStorage, &entry("x")).unwrap();
        j.clear().unwrap();
        drop(j);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_damaged_journal_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("abc.ron"), b"(journal_version: 1, pa").unwrap();
        let found = abandoned(dir.path());
        assert_eq!(found.len(), 1);
        assert!(found[0].entry.is_err());
    }

    #[test]
    fn changes_are_counted_against_the_base() {
        use crate::anchor::Anchor;
        use crate::model::{Article, ArticleMeta, Claim, Status};
        use crate::text::TextIndex;
        let mut base = Briefing::new("t", "");
        let article = Article::new(ArticleMeta::default(), "One two three four.", now());
        let idx = TextIndex::new(&article.text);
        let claim = |r| Claim::new(Status::Reported, Anchor::new(&idx, r).unwrap(), now());
        let mut a = article.clone();
        a.claims.push(claim(0..3));
        a.claims.push(claim(4..7));
        base.articles.push(a);
        let mut now_b = base.clone();
        now_b.title = "t2".into();
        now_b.articles[0].claims[0].note = "checked".into();
        now_b.articles[0].claims.remove(1);
        now_b.articles[0].claims.push(claim(8..13));
        let c = Changes::between(Some(&base), &now_b);
        assert_eq!(
            c.describe(),
            "1 claim added, 1 claim changed, 1 claim deleted, 1 detail edited"
        );
        let never_saved = Changes::between(None, &now_b);
        assert_eq!(never_saved.claims_added, 2);
        assert_eq!(never_saved.articles_added, 1);
    }
}
