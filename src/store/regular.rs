//! Reading a file the user named (the board, the keys file) only when it is a regular file of a
//! size such a file can have. `--file` naming a FIFO would otherwise block forever, and `/dev/zero`
//! would be read until memory runs out.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use super::error::StoreError;

/// The largest board file read: a realistic board of 10,000 tasks with notes and history is 16.5 MB.
pub const BOARD_LIMIT: u64 = 256 << 20;
/// The largest keys file read: a complete one is a few kilobytes.
pub const KEYS_LIMIT: u64 = 1 << 20;

/// The whole file at `path`, refused with a message when it is not a regular file or is larger than
/// `limit` bytes. `what` names the kind of file for the message ("board", "keys").
pub fn read_regular(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, StoreError> {
    let (file, len) = open_regular(path, limit, what)?;
    // The file may grow while we read it: never read more than the limit.
    let mut bytes = Vec::with_capacity(len as usize);
    read_at_most(file, limit + 1, &mut bytes).map_err(io_error(path))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit, what));
    }
    Ok(bytes)
}

/// The file at `path` open for reading, and its length: refused as [`read_regular`] refuses it.
/// Whoever reads it must still stop at `limit`, for the file may grow meanwhile.
pub(super) fn open_regular(
    path: &Path,
    limit: u64,
    what: &'static str,
) -> Result<(File, u64), StoreError> {
    // O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting for one. It
    // changes nothing for a regular file.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(io_error(path))?;
    let meta = file.metadata().map_err(io_error(path))?;
    let file_type = meta.file_type();
    if !file_type.is_file() {
        let kind = kind_of(&file_type);
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind,
            what,
        });
    }
    if meta.len() > limit {
        return Err(too_large(path, limit, what));
    }
    Ok((file, meta.len()))
}

pub(super) fn io_error(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        action: "read",
        source,
    }
}

pub(super) fn too_large(path: &Path, limit: u64, what: &'static str) -> StoreError {
    StoreError::TooLarge {
        path: path.to_path_buf(),
        limit,
        what,
    }
}

/// Refuses a path that does not name a regular file (following a symbolic link, as reading does).
/// A missing file passes: reading it says so.
pub fn ensure_regular(path: &Path, what: &'static str) -> Result<(), StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(&meta.file_type()),
            what,
        }),
        _ => Ok(()),
    }
}

/// What a file that is not a regular file is, for messages: "a FIFO", "a device", ….
pub(super) fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "not a file"
    }
}

fn read_at_most(file: File, limit: u64, into: &mut Vec<u8>) -> std::io::Result<usize> {
    file.take(limit).read_to_end(into)
}

/// "256 MiB", "1 MiB": the limit as people say it.
pub(super) fn size_in_words(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        std::fs::write(&path, "(version: 1)").unwrap();
        assert_eq!(read_regular(&path, 100, "board").unwrap(), b"(version: 1)");
        let err = read_regular(&path, 5, "board").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: larger than 5 bytes (is it a board file?)",
                path.display()
            )
        );
    }

    #[test]
    fn a_folder_or_a_device_is_refused_by_kind() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(dir.path(), 100, "board").unwrap_err();
        assert!(
            err.to_string()
                .ends_with(": not a regular file (a folder); expected a board file")
        );
        let err = read_regular(Path::new("/dev/null"), 100, "keys").unwrap_err();
        assert_eq!(
            err.to_string(),
            "/dev/null: not a regular file (a device); expected a keys file"
        );
    }

    #[test]
    fn limits_are_said_in_mebibytes() {
        assert_eq!(size_in_words(BOARD_LIMIT), "256 MiB");
        assert_eq!(size_in_words(KEYS_LIMIT), "1 MiB");
    }
}
