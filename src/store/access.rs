//! One rule for whether this user may change a board, used by the open board (which shows `[只读]`
//! when the rule says no) and by every change, from the board or the command line (which is refused
//! with the board's words). A save replaces the file by renaming a new one over it, which a
//! writable folder allows even for a file its mode forbids us to write: without this rule a
//! command-line change went through on a 0444 board that an open board called read-only.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use super::error::StoreError;

/// Whether we may change `board` (its real path): write the file itself, create files in its folder
/// (the temporary file, the lock file, backups) and open its lock file. The kernel decides, as it
/// would for an open: ownership, mode, ACLs, a read-only mount. Root may write any file.
pub fn check_writable(board: &Path) -> Result<(), StoreError> {
    let refused = |reason: &'static str| StoreError::ReadOnly {
        path: board.to_path_buf(),
        reason,
    };
    if board.exists() && !may(board, libc::W_OK) {
        return Err(refused("you may not write this file"));
    }
    if !may(&super::folder_of(board), libc::W_OK | libc::X_OK) {
        return Err(refused("you may not create files in its folder"));
    }
    let lock = super::lock_path(board);
    // flock works on a descriptor opened for reading: a lock file we may read is enough.
    if std::fs::symlink_metadata(&lock).is_ok() && !may(&lock, libc::R_OK) {
        return Err(refused("you may not open its lock file"));
    }
    Ok(())
}

/// access(2) with the effective user and groups, as opening the file would check them.
fn may(path: &Path, mode: libc::c_int) -> bool {
    let Ok(c_path) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: c_path is a valid NUL-terminated string that outlives the call.
    unsafe { libc::faccessat(libc::AT_FDCWD, c_path.as_ptr(), mode, libc::AT_EACCESS) == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_board_in_a_folder_we_own_may_be_changed() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.ron");
        std::fs::write(&board, "").unwrap();
        assert!(check_writable(&board).is_ok());
    }

    #[test]
    fn the_refusal_uses_the_board_s_words() {
        let err = StoreError::ReadOnly {
            path: "board.ron".into(),
            reason: "you may not write this file",
        };
        assert_eq!(
            err.to_string(),
            "board.ron: read-only: changes are not allowed (you may not write this file)"
        );
    }
}
