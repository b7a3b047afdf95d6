//! Keeping the last N versions of a board next to it, so a bad edit can be undone by hand:
//! `board.ron.backups/board.ron.<date-time>` (a hard link to the replaced file, so it costs no copy).
//!
//! A backup is made only for a save that succeeds. The version about to be replaced is linked first
//! under a hidden pending name (after the rename it has no name left to link), and the link becomes a
//! backup once the new version is in place; a failed save removes it. Ten failed saves on a full
//! disk therefore leave the backups as they were, instead of ten links of the current file that
//! pushed every older version out.

use std::collections::HashSet;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

pub fn backup_folder(board: &Path) -> PathBuf {
    let mut name = board.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    board.with_file_name(name)
}

fn board_name(board: &Path) -> String {
    board
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The version of a board a save is about to replace, kept under a pending name until the save
/// succeeds ([`Pending::commit`]); dropped uncommitted, it is removed. Backups are a convenience:
/// failures are ignored rather than blocking a save.
pub struct Pending {
    link: PathBuf,
    board: PathBuf,
    keep: usize,
    committed: bool,
}

impl Pending {
    /// Links the current version of `board` under a pending name. None when there is nothing to
    /// keep (no backups wanted, no board yet) or the link cannot be made.
    pub fn make(board: &Path, keep: usize) -> Option<Pending> {
        if keep == 0 || !board.is_file() {
            return None;
        }
        let folder = backup_folder(board);
        fs::create_dir_all(&folder).ok()?;
        remove_abandoned(&folder, board);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let link = folder.join(format!(
            ".{}.{}.{nanos}.pending",
            board_name(board),
            std::process::id()
        ));
        if fs::hard_link(board, &link).is_err() && fs::copy(board, &link).is_err() {
            let _ = fs::remove_file(&link);
            return None;
        }
        Some(Pending {
            link,
            board: board.to_path_buf(),
            keep,
            committed: false,
        })
    }

    /// The save succeeded: the pending link becomes `board.ron.<date-time>`, and old versions
    /// beyond the newest `keep` are dropped.
    pub fn commit(mut self) {
        let folder = backup_folder(&self.board);
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S%.6f");
        let base = format!("{}.{stamp}", board_name(&self.board));
        // A link, not a rename: it never replaces an existing backup of the same microsecond.
        let kept = (0..10).any(|n| {
            let name = if n == 0 {
                base.clone()
            } else {
                format!("{base}.{n}")
            };
            fs::hard_link(&self.link, folder.join(name)).is_ok()
        });
        if kept {
            self.committed = true;
            let _ = fs::remove_file(&self.link);
            prune(&folder, &self.board, self.keep);
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.link);
        }
    }
}

/// Pending links left by a writer killed mid-save: those whose process is gone. (One of a live
/// writer can exist here only while the lock file was removed under it; it is left alone.)
fn remove_abandoned(folder: &Path, board: &Path) {
    let prefix = format!(".{}.", board_name(board));
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".pending"))
        else {
            continue;
        };
        let pid = rest.split('.').next().and_then(|p| p.parse::<i32>().ok());
        if pid.is_some_and(|pid| !process_exists(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn process_exists(pid: i32) -> bool {
    // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Backups, oldest first.
pub fn list_backups(board: &Path) -> Vec<PathBuf> {
    backups_in(&backup_folder(board), board)
}

/// The backups of `board` in `folder`, oldest first. Other files someone put in the folder are
/// neither listed nor pruned.
fn backups_in(folder: &Path, board: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}.", board_name(board));
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                })
                .collect()
        })
        .unwrap_or_default();
    // The time stamp in the name sorts in time order.
    files.sort();
    files
}

/// Keeps the newest `keep` distinct versions. A backup that is another name of the current file,
/// or of a newer backup (same device and inode: what failed saves used to leave behind), is not a
/// version of its own: it is removed and not counted, and removing it loses nothing.
fn prune(folder: &Path, board: &Path, keep: usize) {
    let id = |meta: &fs::Metadata| (meta.dev(), meta.ino());
    let current = fs::metadata(board).ok().map(|m| id(&m));
    let mut seen = HashSet::new();
    let mut versions = 0;
    for backup in backups_in(folder, board).iter().rev() {
        let Ok(meta) = fs::symlink_metadata(backup) else {
            continue;
        };
        let version = id(&meta);
        if Some(version) == current || !seen.insert(version) {
            let _ = fs::remove_file(backup);
            continue;
        }
        versions += 1;
        if versions > keep {
            let _ = fs::remove_file(backup);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_backup_dropped_without_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        fs::write(&board, "v1").unwrap();
        drop(Pending::make(&board, 10).unwrap());
        let left: Vec<_> = fs::read_dir(backup_folder(&board)).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_committed_backup_is_the_replaced_version() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        fs::write(&board, "v1").unwrap();
        let pending = Pending::make(&board, 10).unwrap();
        fs::write(dir.path().join("new"), "v2").unwrap();
        fs::rename(dir.path().join("new"), &board).unwrap();
        pending.commit();
        let backups = list_backups(&board);
        assert_eq!(backups.len(), 1);
        assert_eq!(fs::read_to_string(&backups[0]).unwrap(), "v1");
    }

    #[test]
    fn pending_links_of_writers_that_died_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        fs::write(&board, "v1").unwrap();
        let folder = backup_folder(&board);
        fs::create_dir_all(&folder).unwrap();
        // pid_max is at most 2^22 on Linux: this pid cannot exist.
        let dead = folder.join(".board.ron.99999999.1.pending");
        let live = folder.join(format!(".board.ron.{}.1.pending", std::process::id()));
        fs::write(&dead, "v0").unwrap();
        fs::write(&live, "v0").unwrap();
        drop(Pending::make(&board, 10));
        assert!(!dead.exists());
        assert!(live.exists());
    }
}
