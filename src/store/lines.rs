//! Files of one RON value a line — the history and the journal (see `docs/FORMAT.md`): reading
//! them with each bad line placed, appending to them durably, and the torn last line a writer
//! killed mid-append leaves behind.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::error::{StoreError, describe_ron_error};

/// `board.ron.history` for `board.ron`.
pub fn history_path(board: &Path) -> PathBuf {
    sibling(board, "history")
}

/// `board.ron.journal` for `board.ron`.
pub fn journal_path(board: &Path) -> PathBuf {
    sibling(board, "journal")
}

fn sibling(board: &Path, suffix: &str) -> PathBuf {
    let mut name = board.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    board.with_file_name(name)
}

fn io(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action,
        source,
    }
}

/// Opens the history or the journal as files no one can plant: never through a symbolic link
/// (`O_NOFOLLOW`), only a regular file with a single name — otherwise an appended line, or the
/// journal being emptied, would land in whatever file a colleague linked there. `None` when the
/// file does not exist and `create` is false.
fn open_own(path: &Path, write: bool, create: bool) -> Result<Option<File>, StoreError> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let options = |create_new: bool| {
        let mut options = OpenOptions::new();
        options
            .read(true)
            .write(write)
            .create(create && !create_new)
            .create_new(create_new)
            .truncate(false)
            .mode(0o666)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        options
    };
    // A file made now takes the board's group and permission bits, so that colleagues who may
    // change the board may append to it too (the umask would make it the creator's alone).
    if create && let Ok(file) = options(true).open(path) {
        super::lock::share_like_board(&file, &path.with_extension(""));
        return Ok(Some(file));
    }
    let file = match options(false).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(StoreError::NotRegular {
                path: path.to_path_buf(),
                kind: "a symbolic link",
                what: "history or journal",
            });
        }
        Err(e) => return Err(io(path, "open")(e)),
    };
    let meta = file.metadata().map_err(io(path, "open"))?;
    if !meta.file_type().is_file() {
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: super::regular::kind_of(&meta.file_type()),
            what: "history or journal",
        });
    }
    if meta.nlink() > 1 {
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: "a file with other names (a hard link)",
            what: "history or journal",
        });
    }
    Ok(Some(file))
}

/// The values of the file's complete lines, and the length of those lines in bytes. A missing file
/// holds nothing. A last line without its newline is a write that never finished (its writer was
/// killed before the change was acknowledged) and is left out. Blank lines and `//` comments are
/// skipped.
pub fn read<T: DeserializeOwned>(path: &Path) -> Result<(Vec<T>, u64), StoreError> {
    let Some(file) = open_own(path, false, false)? else {
        return Ok((Vec::new(), 0));
    };
    // Read a piece of whole lines at a time, not the whole file: the history of the plan after
    // 50,000 changes is 11 MB of text, which the values read from it need not sit beside.
    const PIECE: u64 = 1 << 20;
    let file_len = file.metadata().map_or(0, |meta| meta.len());
    let mut file = file.take(super::BOARD_LIMIT * 16);
    let (mut values, mut complete, mut line) = (Vec::new(), 0u64, 1usize);
    let mut buffer = Vec::new();
    loop {
        // Exactly a piece of room: left to `read_to_end`, the buffer doubled to 2 MB.
        buffer.reserve_exact(PIECE as usize);
        let n = (&mut file)
            .take(PIECE)
            .read_to_end(&mut buffer)
            .map_err(io(path, "read"))?;
        // `read_to_end` fills the piece unless the file ends.
        let at_end = n < PIECE as usize;
        let cut = if at_end {
            buffer.len()
        } else {
            memchr::memrchr(b'\n', &buffer).map_or(0, |i| i + 1)
        };
        let Ok(text) = simdutf8::basic::from_utf8(&buffer[..cut]) else {
            // Not UTF-8: read again whole, so that the message places the first bad byte.
            return read_whole(path);
        };
        let (mut more, length) = parse_lines(text, path, line)?;
        if values.is_empty() && !at_end {
            // Room for the whole file at the first piece's rate: grown by doubling instead, the
            // history of the 10,000-task board left 3 MB of room unused.
            let rate = more.len() as f64 / cut.max(1) as f64;
            values.reserve((rate * file_len as f64 * 1.02) as usize);
        }
        values.append(&mut more);
        complete += length;
        line += memchr::memchr_iter(b'\n', text.as_bytes()).count();
        buffer.drain(..cut);
        if at_end {
            return Ok((values, complete));
        }
    }
}

/// [`read`] of the whole file at once: for the message about a byte that is not UTF-8.
fn read_whole<T: DeserializeOwned>(path: &Path) -> Result<(Vec<T>, u64), StoreError> {
    let Some(file) = open_own(path, false, false)? else {
        return Ok((Vec::new(), 0));
    };
    let mut bytes = Vec::new();
    file.take(super::BOARD_LIMIT * 16)
        .read_to_end(&mut bytes)
        .map_err(io(path, "read"))?;
    let text = super::decode(bytes, path)?;
    parse_lines(&text, path, 1)
}

/// Parses `text`, whose first line is line `first_line` of the file.
pub fn parse_lines<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<(Vec<T>, u64), StoreError> {
    let complete = text.rfind('\n').map_or(0, |i| i + 1);
    let mut values = Vec::new();
    for (n, line) in text[..complete].lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        let value = ron::Options::default()
            .from_str(line)
            .map_err(|e| StoreError::Parse {
                path: path.to_path_buf(),
                line: first_line + n,
                column: e.span.start.col,
                message: describe_ron_error(&e.code),
            })?;
        values.push(value);
    }
    Ok((values, complete as u64))
}

/// Appends one line per value and makes it durable. A torn last line left by a killed writer is
/// cut off first, so the new line starts on a line of its own. Returns the file's new length.
pub fn append<T: serde::Serialize>(path: &Path, values: &[T]) -> Result<u64, StoreError> {
    let text = to_text(values);
    let Some(mut file) = open_own(path, true, true)? else {
        return Err(io(path, "open")(std::io::ErrorKind::NotFound.into()));
    };
    let end = cut_torn_tail(&mut file).map_err(io(path, "repair the end of"))?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.sync_data())
        .map_err(io(path, "write"))?;
    Ok(end + text.len() as u64)
}

/// The file's text for these values: one compact RON value a line.
pub fn to_text<T: serde::Serialize>(values: &[T]) -> String {
    let mut text = String::new();
    for value in values {
        text.push_str(&super::canonical::compact(value));
        text.push('\n');
    }
    text
}

/// Truncates the file after its last newline and leaves the position at the end.
fn cut_torn_tail(file: &mut File) -> std::io::Result<u64> {
    let len = file.seek(SeekFrom::End(0))?;
    if len == 0 {
        return Ok(0);
    }
    // Read back from the end until a newline; lines are short, so this is one read.
    let mut end = len;
    let mut chunk = vec![0u8; 4096];
    loop {
        let from = end.saturating_sub(chunk.len() as u64);
        let size = (end - from) as usize;
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut chunk[..size])?;
        if let Some(i) = chunk[..size].iter().rposition(|b| *b == b'\n') {
            let keep = from + i as u64 + 1;
            if keep < len {
                file.set_len(keep)?;
            }
            file.seek(SeekFrom::Start(keep))?;
            return Ok(keep);
        }
        if from == 0 {
            file.set_len(0)?;
            file.seek(SeekFrom::Start(0))?;
            return Ok(0);
        }
        end = from;
    }
}

/// The last `n` complete lines' values (fewer if the file is shorter), oldest first: the end of a
/// long history without reading all of it.
pub fn read_tail<T: DeserializeOwned>(path: &Path, n: usize) -> Result<Vec<T>, StoreError> {
    let Some(mut file) = open_own(path, false, false)? else {
        return Ok(Vec::new());
    };
    let len = file.seek(SeekFrom::End(0)).map_err(io(path, "read"))?;
    let mut window = 64 * 1024u64;
    loop {
        let from = len.saturating_sub(window);
        file.seek(SeekFrom::Start(from)).map_err(io(path, "read"))?;
        let mut bytes = Vec::with_capacity((len - from) as usize);
        (&mut file)
            .take(len - from)
            .read_to_end(&mut bytes)
            .map_err(io(path, "read"))?;
        // Start after the first newline unless at the start: that line may be cut.
        let start = if from == 0 {
            0
        } else {
            bytes
                .iter()
                .position(|b| *b == b'\n')
                .map_or(bytes.len(), |i| i + 1)
        };
        let text = super::decode(bytes[start..].to_vec(), path)?;
        let complete = text.rfind('\n').map_or(0, |i| i + 1);
        let lines = text[..complete]
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
            .count();
        if lines >= n || from == 0 {
            let (values, _) = parse_lines::<T>(&text, path, 0)?;
            let skip = values.len().saturating_sub(n);
            return Ok(values.into_iter().skip(skip).collect());
        }
        window *= 4;
    }
}

/// Empties the file (a fold has written its lines elsewhere). Not synced: should the emptying be
/// lost in a crash, the lines are found again in the history and skipped.
pub fn clear(path: &Path) -> Result<(), StoreError> {
    match open_own(path, true, false)? {
        Some(file) => file.set_len(0).map_err(io(path, "empty")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read in pieces of a mebibyte: values across the pieces all come back, a bad line in a
    /// later piece is placed on its own line, and a bad byte there too.
    #[test]
    fn a_file_of_many_pieces_reads_whole_and_places_its_problems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h");
        let values: Vec<String> = (0..60_000)
            .map(|i| format!("第{i}条进展记录，已报送材料"))
            .collect();
        let text = to_text(&values);
        assert!(text.len() > 2 << 20, "{} bytes", text.len());
        std::fs::write(&path, format!("{text}\"torn")).unwrap();
        let (got, length) = read::<String>(&path).unwrap();
        assert_eq!(got, values);
        assert_eq!(length, text.len() as u64);

        let mut lines: Vec<&str> = text.lines().collect();
        lines[50_000] = "not a string";
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        let err = read::<String>(&path).unwrap_err().to_string();
        assert!(err.contains(":50001:1:"), "{err}");

        let mut bytes = text.clone().into_bytes();
        let at = text.match_indices('\n').nth(49_999).unwrap().0 + 2;
        bytes[at] = 0xff;
        std::fs::write(&path, &bytes).unwrap();
        let err = read::<String>(&path).unwrap_err().to_string();
        assert!(err.contains(":50001:"), "{err}");
    }

    #[test]
    fn a_torn_last_line_is_left_out_and_cut_before_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        append(&path, &[1u32, 2]).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"3")
            .unwrap();
        let (values, len): (Vec<u32>, u64) = read(&path).unwrap();
        assert_eq!((values, len), (vec![1, 2], 4));
        append(&path, &[4u32]).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "1\n2\n4\n");
        assert_eq!(read_tail::<u32>(&path, 2).unwrap(), vec![2, 4]);
        assert_eq!(read_tail::<u32>(&path, 10).unwrap(), vec![1, 2, 4]);
    }

    #[test]
    fn a_bad_line_is_placed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h");
        std::fs::write(&path, "1\n// note\nx\n").unwrap();
        let err = read::<u32>(&path).unwrap_err().to_string();
        assert!(err.contains(":3:1:"), "{err}");
    }
}
