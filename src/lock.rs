//! "This briefing is open in another window": an advisory lock per briefing, held while it
//! is open. The OS releases it when the process ends, crash included, so a stale lock never
//! keeps a user out.
//!
//! The lock is on a small file in the app's data directory named after the briefing's full
//! path, not on the briefing itself: saving replaces the briefing file (atomic rename), which
//! would leave a lock on the old file behind.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

#[derive(Debug)]
pub struct BriefingLock {
    _file: File,
    pub briefing: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{} is open in another briefing-notes window", .0.display())]
    HeldElsewhere(PathBuf),
    #[error("could not lock {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

fn lock_file(dir: &Path, briefing: &Path) -> PathBuf {
    let full = fs::canonicalize(briefing).unwrap_or_else(|_| briefing.to_owned());
    let digest = Sha256::digest(full.to_string_lossy().as_bytes());
    dir.join(format!("{}.lock", crate::model::hex(&digest[..16])))
}

/// Takes the lock for `briefing`, or says who has it. The lock files stay (a few bytes
/// each): deleting one while another process opens it would let two processes hold "the"
/// lock at once.
pub fn lock(dir: &Path, briefing: &Path) -> Result<BriefingLock, LockError> {
    let path = lock_file(dir, briefing);
    let io_err = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    fs::create_dir_all(dir).map_err(io_err)?;
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io_err)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Err(LockError::HeldElsewhere(briefing.to_owned()));
        }
        Err(TryLockError::Error(e)) => return Err(io_err(e)),
    }
    // Which briefing and process, for a person looking in the folder.
    let _ = file.set_len(0);
    let _ = writeln!(file, "{}\npid {}", briefing.display(), std::process::id());
    Ok(BriefingLock {
        _file: file,
        briefing: briefing.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let b = dir.path().join("b.ron");
        fs::write(&b, "x").unwrap();
        let locks = dir.path().join("locks");
        let first = lock(&locks, &b).unwrap();
        // Another path naming the same file is the same briefing.
        let other_name = dir.path().join(".").join("b.ron");
        assert!(matches!(
            lock(&locks, &other_name),
            Err(LockError::HeldElsewhere(_))
        ));
        drop(first);
        assert!(lock(&locks, &b).is_ok());
    }
}
