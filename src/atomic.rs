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

/// Writes `bytes` to `path` atomically: temp file in the same folder → write → fsync →
/// rename → fsync the folder. With `keep_backup`, the file being replaced stays as
/// `NAME.bak` (linked, or copied where links are not supported).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    let path = resolve_symlink(path);
    let tmp = temp_path(&path, "tmp");
    let result = write_then_swap(&path, &tmp, bytes, keep_backup);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_swap(path: &Path, tmp: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    if let Ok(meta) = fs::metadata(path) {
        // Keep the user's permissions on the replaced file.
        let _ = file.set_permissions(meta.permissions());
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    if keep_backup && path.exists() {
        make_backup(path)?;
    }
    fs::rename(tmp, path)?;
    sync_dir(path)
}

fn make_backup(path: &Path) -> io::Result<()> {
    let bak = backup_path(path);
    let bak_tmp = temp_path(path, "bak");
    if fs::hard_link(path, &bak_tmp).is_err() {
        let copied = fs::copy(path, &bak_tmp).and_then(|_| File::open(&bak_tmp)?.sync_all());
        if let Err(e) = copied {
            let _ = fs::remove_file(&bak_tmp);
            return Err(e);
        }
    }
    fs::rename(&bak_tmp, &bak).inspect_err(|_| {
        let _ = fs::remove_file(&bak_tmp);
    })
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
