//! Crash-safe file replacement: a crash at any moment leaves the old file or the new one,
//! never a torn mix.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// `NAME.ext.bak` beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// A hidden, unique name in the same folder as `path` (so `rename` stays on one filesystem).
fn temp_path(path: &Path, tag: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{tag}-{}-{nanos}", std::process::id()))
}

/// The file-system calls an atomic write makes, so tests can make any one of them fail
/// the way a full disk, a dying drive or a vanished folder would.
pub trait Storage: Send + Sync {
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    fn sync(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsStorage;

impl Storage for OsStorage {}

/// Which call a [`FailingStorage`] makes fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailAt {
    /// Half the bytes are written, then the disk is full.
    Write,
    /// fsync reports an I/O error.
    Sync,
    /// The rename into place is refused (the folder became read-only or was removed).
    Rename,
}

/// A [`Storage`] whose chosen call fails, for testing failed saves end to end.
#[derive(Debug, Clone, Copy)]
pub struct FailingStorage(pub FailAt);

impl Storage for FailingStorage {
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if self.0 == FailAt::Write {
            file.write_all(&bytes[..bytes.len() / 2])?;
            return Err(io::Error::from_raw_os_error(28)); // ENOSPC
        }
        file.write_all(bytes)
    }
    fn sync(&self, file: &File) -> io::Result<()> {
        if self.0 == FailAt::Sync {
            return Err(io::Error::from_raw_os_error(5)); // EIO
        }
        file.sync_all()
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        if self.0 == FailAt::Rename {
            return Err(io::Error::from_raw_os_error(30)); // EROFS
        }
        fs::rename(from, to)
    }
}

/// Writes `bytes` to `path` atomically: temp file in the same folder → write → fsync →
/// rename → fsync the folder. With `keep_backup`, the file being replaced stays as
/// `NAME.bak` (linked, or copied where links are not supported).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    write_atomic_with(&OsStorage, path, bytes, keep_backup)
}

/// [`write_atomic`] through the given storage.
pub fn write_atomic_with(
    storage: &dyn Storage,
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
) -> io::Result<()> {
    let path = resolve_symlink(path);
    let tmp = temp_path(&path, "tmp");
    let result = write_then_swap(storage, &path, &tmp, bytes, keep_backup);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        remove_stale_temps(&path);
    }
    result
}

fn write_then_swap(
    storage: &dyn Storage,
    path: &Path,
    tmp: &Path,
    bytes: &[u8],
    keep_backup: bool,
) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    if let Ok(meta) = fs::metadata(path) {
        // Keep the user's permissions on the replaced file.
        let _ = file.set_permissions(meta.permissions());
    }
    storage.write(&mut file, bytes)?;
    storage.sync(&file)?;
    drop(file);
    if keep_backup && path.exists() {
        make_backup(storage, path)?;
    }
    storage.rename(tmp, path)?;
    sync_dir(path)
}

fn make_backup(storage: &dyn Storage, path: &Path) -> io::Result<()> {
    let bak = backup_path(path);
    let bak_tmp = temp_path(path, "bak");
    if fs::hard_link(path, &bak_tmp).is_err() {
        let copied = fs::copy(path, &bak_tmp).and_then(|_| storage.sync(&File::open(&bak_tmp)?));
        if let Err(e) = copied {
            let _ = fs::remove_file(&bak_tmp);
            return Err(e);
        }
    }
    storage.rename(&bak_tmp, &bak).inspect_err(|_| {
        let _ = fs::remove_file(&bak_tmp);
    })
}

/// A process killed mid-save leaves its temp file behind; the next good save of the same
/// file removes those whose writer is gone, so kills do not slowly fill the folder.
fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("tmp-")
            .or_else(|| rest.strip_prefix("bak-"))
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that wrote a temp file may still be writing it.
fn process_alive(pid: u32, entry: &fs::DirEntry) -> bool {
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    // Elsewhere: a temp file untouched for an hour belongs to no save in progress.
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age.as_secs() < 3600)
}

/// Saving through a symlink replaces the file it points to, not the link.
fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.into()),
        _ => path.to_path_buf(),
    }
}

/// Makes the rename itself durable.
fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_backup_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        write_atomic(&path, b"one", true).unwrap();
        assert!(!backup_path(&path).exists(), "nothing to back up at first");
        write_atomic(&path, b"two", true).unwrap();
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "no temp files left: {names:?}");
    }

    #[test]
    fn failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("b.ron");
        assert!(write_atomic(&path, b"x", true).is_err());
        assert!(!path.exists());
    }

    #[test]
    fn each_failing_step_leaves_the_old_file_and_no_temp() {
        for at in [FailAt::Write, FailAt::Sync, FailAt::Rename] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("b.ron");
            write_atomic(&path, b"old", true).unwrap();
            let err = write_atomic_with(&FailingStorage(at), &path, b"new new new", true);
            assert!(err.is_err(), "{at:?}");
            assert_eq!(fs::read(&path).unwrap(), b"old", "{at:?}");
            let names: Vec<_> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .filter(|n| n != "b.ron" && n != "b.ron.bak")
                .collect();
            assert!(names.is_empty(), "{at:?} left {names:?}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temps_of_dead_writers_are_removed_by_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        // pid 4194304 is above Linux's maximum pid, so no such process runs.
        let dead = dir.path().join(".b.ron.tmp-4194304-123");
        let other_file = dir.path().join(".c.ron.tmp-4194304-123");
        let alive = dir
            .path()
            .join(format!(".b.ron.tmp-{}-1", std::process::id()));
        for p in [&dead, &other_file, &alive] {
            fs::write(p, b"partial").unwrap();
        }
        write_atomic(&path, b"x", true).unwrap();
        assert!(!dead.exists());
        assert!(other_file.exists(), "another file's temps are not touched");
        assert!(alive.exists(), "a live writer's temp is not touched");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", false).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}
