//! Keeping the last N versions of a board next to it, so a bad edit can be undone by hand:
//! `board.ron.backups/board.ron.<date-time>` (a hard link to the replaced file, so it costs no copy).

use std::fs;
use std::path::{Path, PathBuf};

pub fn backup_folder(board: &Path) -> PathBuf {
    let mut name = board.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    board.with_file_name(name)
}

/// Keeps the current version of `board` as a backup and drops all but the newest `keep`.
/// Backups are a convenience: failures are ignored rather than blocking a save.
pub fn keep_backup(board: &Path, keep: usize) {
    if keep == 0 || !board.exists() {
        return;
    }
    let folder = backup_folder(board);
    if fs::create_dir_all(&folder).is_err() {
        return;
    }
    let name = board.file_name().unwrap_or_default().to_string_lossy();
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S%.6f");
    let target = folder.join(format!("{name}.{stamp}"));
    if fs::hard_link(board, &target).is_err() {
        let _ = fs::copy(board, &target);
    }
    prune(&folder, board, keep);
}

/// Backups, oldest first.
pub fn list_backups(board: &Path) -> Vec<PathBuf> {
    backups_in(&backup_folder(board), board)
}

/// The backups of `board` in `folder`, oldest first. Other files someone put in the folder are
/// neither listed nor pruned.
fn backups_in(folder: &Path, board: &Path) -> Vec<PathBuf> {
    let prefix = format!(
        "{}.",
        board.file_name().unwrap_or_default().to_string_lossy()
    );
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

fn prune(folder: &Path, board: &Path, keep: usize) {
    let files = backups_in(folder, board);
    let excess = files.len().saturating_sub(keep);
    for old in &files[..excess] {
        let _ = fs::remove_file(old);
    }
}
