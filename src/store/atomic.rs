//! Replacing a file so that a reader, or a crash at any moment, sees the old or the new version
//! whole: temporary file in the same folder, fsync, rename, fsync the folder.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::error::StoreError;

fn io_error(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action,
        source,
    }
}

pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The name temporary files for `path` start with; `write_atomic` adds random characters and `.tmp`.
fn temp_prefix(path: &Path) -> String {
    path.file_name()
        .map(|n| format!(".{}.", n.to_string_lossy()))
        .unwrap_or_else(|| ".board.".into())
}

/// Removes temporary files a writer killed mid-save left behind. Only the lock holder writes
/// them, so a caller holding the lock may remove any it finds.
pub fn remove_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` atomically, keeping the old file's permissions (and its group, where we
/// may). A new file gets the usual 0666 less the umask.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_like(path, bytes, path).map(drop)
}

/// [`write_atomic`], a new file taking the permissions and group of `like` (the board beside it),
/// so that everyone who may change the board may change it too. The new file is flock()ed before it
/// takes the name and returned: a writer who holds the version lock (see `lock.rs`) keeps the new
/// version locked until it is done, so nobody who finds the lock file gone gets in meanwhile.
pub fn write_atomic_like(path: &Path, bytes: &[u8], like: &Path) -> Result<fs::File, StoreError> {
    let folder = folder_of(path);
    let old = fs::metadata(path).or_else(|_| fs::metadata(like)).ok();
    let mut builder = tempfile::Builder::new();
    let name = temp_prefix(path);
    builder.prefix(&name).suffix(".tmp");
    builder.permissions(fs::Permissions::from_mode(0o666));
    let mut temp = builder
        .tempfile_in(&folder)
        .map_err(io_error(&folder, "create a temporary file in"))?;
    temp.write_all(bytes)
        .map_err(io_error(temp.path(), "write"))?;
    if let Some(old) = &old {
        // Best effort: keep the group so colleagues in it can still write; mode always.
        let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(old.gid()));
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))
            .map_err(io_error(temp.path(), "set permissions of"))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(io_error(temp.path(), "sync"))?;
    // Nobody else has the temporary file open, so this cannot wait.
    let _ = temp.as_file().try_lock();
    let file = temp
        .persist(path)
        .map_err(|e| io_error(path, "replace")(e.error))?;
    // Make the rename itself durable.
    if let Ok(dir) = fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(file)
}
