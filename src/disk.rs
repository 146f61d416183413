//! What a briefing file looked like when it was last read or written, to tell whether
//! another program (an editor, `git pull`, a second copy of the app) has changed it since.

use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    /// Size and modification time: when both still match, the file is taken as unchanged
    /// without reading it.
    pub len: Option<u64>,
    pub modified: Option<SystemTime>,
    /// The content's SHA-256: a file touched or rewritten with the same bytes is unchanged.
    pub sha256: [u8; 32],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    Unchanged,
    /// Different content, with its hash.
    Changed([u8; 32]),
    /// The file was deleted or moved away.
    Gone,
}

pub fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

impl DiskStamp {
    /// The stamp of `bytes`, just read from or written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        let meta = fs::metadata(path).ok();
        Self {
            len: meta.as_ref().map(|m| m.len()),
            modified: meta.and_then(|m| m.modified().ok()),
            sha256: hash(bytes),
        }
    }

    /// Only the content is known (a recovery journal records the hash of the file it was
    /// based on): the next check reads the file.
    pub fn from_hash(sha256: [u8; 32]) -> Self {
        Self {
            len: None,
            modified: None,
            sha256,
        }
    }

    /// Compares the file at `path` with this stamp, cheaply: an unchanged size and time
    /// are taken as an unchanged file.
    pub fn check(&self, path: &Path) -> io::Result<DiskState> {
        self.compare(path, false)
    }

    /// Compares the file's content, whatever its size and time say (before overwriting it:
    /// two writes within one tick of a coarse clock leave the time unchanged).
    pub fn check_content(&self, path: &Path) -> io::Result<DiskState> {
        self.compare(path, true)
    }

    fn compare(&self, path: &Path, thorough: bool) -> io::Result<DiskState> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Gone),
            Err(e) => return Err(e),
        };
        if !thorough
            && Some(meta.len()) == self.len
            && self.modified.is_some()
            && meta.modified().ok() == self.modified
        {
            return Ok(DiskState::Unchanged);
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Gone),
            Err(e) => return Err(e),
        };
        let now = hash(&bytes);
        Ok(if now == self.sha256 {
            DiskState::Unchanged
        } else {
            DiskState::Changed(now)
        })
    }

    /// The same content, with the file's current size and time (after a check found the
    /// file rewritten with identical bytes, so it is not read again next time).
    pub fn refreshed(&self, path: &Path) -> Self {
        let meta = fs::metadata(path).ok();
        Self {
            len: meta.as_ref().map(|m| m.len()),
            modified: meta.and_then(|m| m.modified().ok()),
            sha256: self.sha256,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_rewritten_is_unchanged_other_bytes_changed_deleted_gone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.ron");
        fs::write(&p, b"one").unwrap();
        let stamp = DiskStamp::of(&p, b"one");
        assert_eq!(stamp.check(&p).unwrap(), DiskState::Unchanged);
        fs::write(&p, b"one").unwrap();
        assert_eq!(stamp.check(&p).unwrap(), DiskState::Unchanged);
        fs::write(&p, b"two").unwrap();
        assert_eq!(stamp.check(&p).unwrap(), DiskState::Changed(hash(b"two")));
        // Same size, and a time that may not have moved on a coarse clock: the hash decides.
        let stamp = DiskStamp::from_hash(hash(b"one"));
        assert_eq!(stamp.check(&p).unwrap(), DiskState::Changed(hash(b"two")));
        fs::remove_file(&p).unwrap();
        assert_eq!(stamp.check(&p).unwrap(), DiskState::Gone);
    }
}
