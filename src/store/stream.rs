//! Opening a big board without holding its text: the file streams through the sieve
//! (`sieve.rs`), and its task blocks go a few hundred kilobytes at a time to one parser thread a
//! core (`quick.rs`), so the text of the board never sits whole beside the board read from it.
//! At 10,000 tasks the text is 13 MB and the board 20; holding both was the peak of opening it
//! (issue 17's memory profile).
//!
//! Anything out of the layout, or any problem in a block or the header, gives `None`, and the
//! caller reads the file whole, as any RON, which places the problem exactly.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::error::StoreError;
use super::fast::{board_of, parse_block};
use super::sieve::{self, Sink};
use crate::model::{Board, Task, TaskId};

/// Below this a board is read whole: the text is small, and a whole read is simpler to follow.
pub const STREAM_FROM: u64 = 1 << 20;

/// How many bytes of blocks go to a parser at a time: big enough that handing them over costs
/// nothing, small enough that the batches in flight are a few hundred kilobytes.
const BATCH: usize = 256 * 1024;

/// A whole board read in a stream, with its file's length and digest.
pub struct Streamed {
    pub board: Board,
    pub len: usize,
    pub digest: u64,
}

/// The board at `path`, read in a stream; `Ok(None)` when it is smaller than [`STREAM_FROM`], out
/// of the canonical layout, or not a valid board (the caller then reads it whole).
pub fn read(path: &Path) -> Result<Option<Streamed>, StoreError> {
    // Before any thread is started: most boards are small. Whatever the metadata says, the
    // whole read (or the sieve's own look at the open file) has the last word.
    if std::fs::metadata(path).map_or(true, |meta| meta.len() < STREAM_FROM) {
        return Ok(None);
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let failed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let mut batcher = Batcher::new(&failed);
        let parsers: Vec<_> = (0..threads)
            .map(|_| {
                // One batch waits for each parser: the reader never runs far ahead of them.
                let (sender, receiver) = sync_channel(1);
                batcher.parsers.push(sender);
                let failed = &failed;
                scope.spawn(move || parse_batches(receiver, failed))
            })
            .collect();
        let fed = sieve::feed(path, &mut batcher, STREAM_FROM);
        let all_sent = batcher.send_current();
        // Dropping the senders ends the parsers' loops.
        drop(batcher);
        let mut parts = Vec::new();
        for parser in parsers {
            match parser.join() {
                Ok(Some(done)) => parts.extend(done),
                _ => failed.store(true, Ordering::Relaxed),
            }
        }
        let Some(fed) = fed? else {
            return Ok(None);
        };
        if !all_sent || failed.load(Ordering::Relaxed) {
            return Ok(None);
        }
        parts.sort_unstable_by_key(|(index, _)| *index);
        let mut tasks = Vec::with_capacity(parts.iter().map(|(_, tasks)| tasks.len()).sum());
        for (_, part) in parts {
            tasks.extend(part);
        }
        let header = sieve::board_text(fed.header, &[], &fed.tail);
        let Ok(header) = String::from_utf8(header) else {
            return Ok(None);
        };
        Ok(board_of(&header, tasks, path).map(|board| Streamed {
            board,
            len: fed.len,
            digest: fed.digest,
        }))
    })
}

/// Consecutive blocks, and where each ends in `bytes`.
struct Batch {
    index: usize,
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

/// The sink that gathers blocks into batches and hands them to the parsers in turn.
struct Batcher<'a> {
    parsers: Vec<SyncSender<Batch>>,
    current: Batch,
    failed: &'a AtomicBool,
}

impl<'a> Batcher<'a> {
    fn new(failed: &'a AtomicBool) -> Batcher<'a> {
        Batcher {
            parsers: Vec::new(),
            current: empty_batch(0),
            failed,
        }
    }

    /// Hands the current batch to its parser; false when that parser has stopped (it failed).
    fn send_current(&mut self) -> bool {
        if self.current.ends.is_empty() {
            return true;
        }
        let index = self.current.index;
        let batch = std::mem::replace(&mut self.current, empty_batch(index + 1));
        self.parsers[index % self.parsers.len()].send(batch).is_ok()
    }
}

fn empty_batch(index: usize) -> Batch {
    Batch {
        index,
        bytes: Vec::with_capacity(BATCH),
        ends: Vec::new(),
    }
}

impl Sink for Batcher<'_> {
    fn holds(&self, _: TaskId) -> bool {
        true
    }

    fn block(&mut self, _: TaskId, bytes: &[u8]) -> bool {
        self.current.bytes.extend_from_slice(bytes);
        self.current.ends.push(self.current.bytes.len());
        if self.current.bytes.len() >= BATCH && !self.send_current() {
            return false;
        }
        // A parser that found a problem: the whole read will place it, no need to read on.
        !self.failed.load(Ordering::Relaxed)
    }
}

/// The tasks of each batch a parser is handed, by batch index; `None` at the first problem.
fn parse_batches(batches: Receiver<Batch>, failed: &AtomicBool) -> Option<Vec<(usize, Vec<Task>)>> {
    let options = ron::Options::default();
    let mut done = Vec::new();
    for batch in batches {
        let tasks = parse_batch(batch.bytes, &batch.ends, &options);
        let Some(tasks) = tasks else {
            failed.store(true, Ordering::Relaxed);
            return None;
        };
        done.push((batch.index, tasks));
    }
    Some(done)
}

fn parse_batch(bytes: Vec<u8>, ends: &[usize], options: &ron::Options) -> Option<Vec<Task>> {
    // Batches end at block ends, so each is whole UTF-8 when the file is.
    let text = super::codec::utf8(bytes).ok()?;
    let mut start = 0;
    let mut tasks = Vec::with_capacity(ends.len());
    for &end in ends {
        tasks.push(parse_block(&text[start..end], options)?);
        start = end;
    }
    Some(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn a_big_board_read_in_a_stream_is_the_board_the_whole_read_gives() {
        // Many small blocks, and a few long ones that span several batches and pieces.
        for board in [
            crate::sample::generate_board(3_000, 5),
            crate::sample::generate_with_history(19, 8_000, 9).board,
        ] {
            let text = crate::store::to_text(&board);
            assert!(text.len() as u64 >= STREAM_FROM, "{} bytes", text.len());
            let (_dir, path) = written(text.as_bytes());
            let streamed = read(&path).unwrap().expect("a canonical board streams");
            assert_eq!(streamed.board, crate::store::parse(&text, &path).unwrap());
            assert_eq!(streamed.len, text.len());
            assert_eq!(streamed.digest, crate::store::digest::of(text.as_bytes()));
        }
    }

    #[test]
    fn a_small_board_or_one_out_of_the_layout_is_left_to_the_whole_read() {
        let plan = crate::store::to_text(&crate::plan::builtin_plan().unwrap());
        let (_dir, path) = written(plan.as_bytes());
        assert!(read(&path).unwrap().is_none(), "the plan is small");

        let text = crate::store::to_text(&crate::sample::generate_board(3_000, 5));
        let hand_edited = text.replacen("        (\n            id: 7,", "        (id: 7,", 1);
        let (_dir, path) = written(hand_edited.as_bytes());
        assert!(read(&path).unwrap().is_none(), "out of the layout");
    }

    #[test]
    fn a_problem_in_any_block_or_the_header_leaves_the_file_to_the_whole_read() {
        let text = crate::store::to_text(&crate::sample::generate_board(3_000, 5));
        let bad_status = text.replacen("status: done,", "status: finished,", 1);
        let late_block = text.rfind("status: ").unwrap();
        let mut bad_byte = text.clone().into_bytes();
        bad_byte[late_block + 2] = 0xff;
        let bad_header = text.replacen("warn_days: ", "warn_days: -", 1);
        for (what, bytes) in [
            ("a bad value", bad_status.into_bytes()),
            ("a bad byte in the last block", bad_byte),
            ("a bad header", bad_header.into_bytes()),
        ] {
            let (_dir, path) = written(&bytes);
            assert!(read(&path).unwrap().is_none(), "{what}");
        }
    }
}
