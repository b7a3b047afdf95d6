//! Reading a big canonical board for a change without holding all of it: the file streams through
//! a buffer in pieces of [`CHUNK`] bytes, and only the header, the blocks of the tasks the change touches
//! and what follows the tasks list are kept (the layout is `scan.rs`'s). The rest is hashed for
//! the stamp and dropped.
//!
//! Reading the whole file into memory was most of a change to the plan after 50,000 changes (7 MB
//! of notes): a fresh 7 MB buffer costs the kernel 1,800 zeroed pages a process, and checking all
//! of it is UTF-8 more (issue 17's profile). Only what is kept is checked: a bad byte elsewhere is
//! not this change's to find, and the next whole read (the fold, an open board, `check`) reports
//! it with its line and column; the change itself only appends to the journal.
//!
//! Anything out of the layout gives `None`, and the caller reads the file whole, as any RON.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use super::digest::{CHUNK, Digest};
use super::error::StoreError;
use super::regular::{BOARD_LIMIT, io_error, open_regular, too_large};
use super::scan::{BLOCK_CLOSE, BLOCK_OPEN, ID_LINE, TASKS_CLOSE, TASKS_LINE};
use crate::model::TaskId;

/// The kept text (a board that parses to the header's facts and the wanted tasks), and the file's
/// length and digest.
#[derive(Debug)]
pub struct Sieved {
    pub text: String,
    pub len: usize,
    pub digest: u64,
}

/// Which tasks to keep.
pub struct Wanted<'a> {
    pub ids: &'a BTreeSet<TaskId>,
    /// Also the block with the highest id (a task is being added after it).
    pub last: bool,
}

/// What the bytes at the front of `pending` are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the tasks list; `from` is where the search for its line goes on.
    Header { from: usize },
    /// At the start of a block, or of the list's closing line.
    Between,
    /// Inside block `id`; `from` is where the search for its closing line goes on.
    Block { id: TaskId, keep: bool, from: usize },
    /// After the tasks list.
    Tail,
}

/// Reads the board at `path` keeping only what `wanted` names; `Ok(None)` when the file is shorter
/// than `min_len` bytes or is not a canonical text the sieve can read (the caller reads it whole).
pub fn read(path: &Path, wanted: &Wanted, min_len: u64) -> Result<Option<Sieved>, StoreError> {
    let mut keeper = Keeper {
        wanted,
        kept: Vec::new(),
        last: Vec::new(),
    };
    let Some(fed) = feed(path, &mut keeper, min_len)? else {
        return Ok(None);
    };
    Ok(keeper.finish(fed.header, fed.tail).map(|text| Sieved {
        text,
        len: fed.len,
        digest: fed.digest,
    }))
}

/// What a sieve hands each task block to as it completes.
pub(super) trait Sink {
    /// Whether block `id` is wanted whole: its bytes are then held until its closing line.
    fn holds(&self, id: TaskId) -> bool;
    /// A held block, from its opening line to the end of its closing line; false stops the read
    /// (it then gives `None`, as a file out of the layout does).
    fn block(&mut self, id: TaskId, bytes: &[u8]) -> bool;
}

/// The parts of a board file around its blocks, once it has been fed through a [`Sink`].
pub(super) struct Fed {
    /// Up to and including the newline before `    tasks:`.
    pub header: Vec<u8>,
    /// After the tasks list's closing line.
    pub tail: Vec<u8>,
    pub len: usize,
    pub digest: u64,
}

/// Streams the board at `path` through a buffer, handing `sink` the blocks it holds; `Ok(None)`
/// when the file is shorter than `min_len` bytes, out of the layout, or the sink stopped.
pub(super) fn feed(
    path: &Path,
    sink: &mut dyn Sink,
    min_len: u64,
) -> Result<Option<Fed>, StoreError> {
    let (mut file, file_len) = open_regular(path, BOARD_LIMIT, "board")?;
    if file_len < min_len {
        return Ok(None);
    }
    let mut sieve = Sieve::new(sink);
    let mut digest = Digest::new();
    let mut len = 0usize;
    loop {
        // Read straight into the sieve's buffer: copying each piece in was a tenth of a change.
        let start = sieve.make_room();
        let n = (&mut file)
            .take(CHUNK as u64)
            .read_to_end(&mut sieve.pending)
            .map_err(io_error(path))?;
        len += n;
        if len as u64 > BOARD_LIMIT {
            return Err(too_large(path, BOARD_LIMIT, "board"));
        }
        digest.add(&sieve.pending[start..]);
        // A short piece is the end of the file (`read_to_end` reads until the piece is full).
        let at_end = n < CHUNK;
        if !sieve.sift(at_end) {
            // Out of the layout, or the sink has had enough: no need to read on.
            return Ok(None);
        }
        if at_end {
            break;
        }
    }
    Ok(sieve.finish().map(|(header, tail)| Fed {
        header,
        tail,
        len,
        digest: digest.finish(),
    }))
}

/// A board text: the header, a tasks list of these blocks, the tail.
pub(super) fn board_text(header: Vec<u8>, blocks: &[&[u8]], tail: &[u8]) -> Vec<u8> {
    let mut text = header;
    text.extend_from_slice(b"    tasks: [\n");
    for block in blocks {
        text.extend_from_slice(block);
    }
    text.extend_from_slice(TASKS_CLOSE.as_bytes());
    text.extend_from_slice(tail);
    text
}

/// The sink of a change's read: the wanted blocks, and the last one read when a task is added.
struct Keeper<'a> {
    wanted: &'a Wanted<'a>,
    kept: Vec<u8>,
    /// The last block read, when it was not kept (held for `Wanted::last` only).
    last: Vec<u8>,
}

impl Sink for Keeper<'_> {
    fn holds(&self, id: TaskId) -> bool {
        self.wanted.last || self.wanted.ids.contains(&id)
    }

    fn block(&mut self, id: TaskId, bytes: &[u8]) -> bool {
        if self.wanted.ids.contains(&id) {
            self.kept.extend_from_slice(bytes);
            // A kept block after it: the one last read is no longer the file's last.
            self.last.clear();
        } else {
            self.last.clear();
            self.last.extend_from_slice(bytes);
        }
        true
    }
}

impl Keeper<'_> {
    /// The kept text: a board of the header's facts and the kept blocks.
    fn finish(self, header: Vec<u8>, tail: Vec<u8>) -> Option<String> {
        // Held only for `Wanted::last`, and only while no kept block followed it: the file's
        // last block, after every kept one (ids ascend).
        let text = board_text(header, &[&self.kept, &self.last], &tail);
        // A bad byte in what is kept is left to the whole read, which places it.
        super::codec::utf8(text).ok()
    }
}

struct Sieve<'a> {
    sink: &'a mut dyn Sink,
    phase: Phase,
    /// Bytes read; those from `at` on are not yet placed, and start where `phase` says. Placed
    /// bytes are dropped only when the next piece comes: dropping them block by block moved the
    /// rest of the buffer for every block (10,000 small blocks).
    pending: Vec<u8>,
    at: usize,
    header: Vec<u8>,
    tail: Vec<u8>,
    previous_id: Option<TaskId>,
}

impl<'a> Sieve<'a> {
    fn new(sink: &'a mut dyn Sink) -> Sieve<'a> {
        Sieve {
            sink,
            phase: Phase::Header { from: 0 },
            pending: Vec::new(),
            at: 0,
            header: Vec::new(),
            tail: Vec::new(),
            previous_id: None,
        }
    }

    /// Drops the bytes already placed, before the next piece is read in after the rest; where
    /// that piece will start.
    fn make_room(&mut self) -> usize {
        self.pending.drain(..self.at);
        self.at = 0;
        self.pending.reserve(CHUNK);
        self.pending.len()
    }

    /// Places what the buffer holds; false when the file is out of the layout.
    fn sift(&mut self, at_end: bool) -> bool {
        loop {
            match self.step(at_end) {
                Step::Moved => {}
                Step::NeedMore => return true,
                Step::Stop => return false,
            }
        }
    }

    fn step(&mut self, at_end: bool) -> Step {
        match self.phase {
            Phase::Header { from } => self.in_header(from, at_end),
            Phase::Between => self.between(at_end),
            Phase::Block { id, keep, from } => self.in_block(id, keep, from, at_end),
            Phase::Tail => {
                self.tail.extend_from_slice(&self.pending[self.at..]);
                self.at = self.pending.len();
                Step::NeedMore
            }
        }
    }

    fn in_header(&mut self, from: usize, at_end: bool) -> Step {
        let rest = &self.pending[self.at..];
        let Some(found) = memchr::memmem::find(&rest[from..], TASKS_LINE.as_bytes()) else {
            if at_end {
                return Step::Stop;
            }
            let from = rest.len().saturating_sub(TASKS_LINE.len());
            self.phase = Phase::Header { from };
            return Step::NeedMore;
        };
        let open = from + found;
        let after = open + TASKS_LINE.len();
        // The list's line ends in `[` (then a block) or `],` (no tasks).
        if rest.len() < after + 3 && !at_end {
            self.phase = Phase::Header { from: open };
            return Step::NeedMore;
        }
        let list = &rest[after..];
        let empty = list.starts_with(b"],\n");
        if !empty && !list.starts_with(b"\n") {
            return Step::Stop;
        }
        self.header = rest[..open + 1].to_vec();
        self.at += after + if empty { 3 } else { 1 };
        self.phase = if empty { Phase::Tail } else { Phase::Between };
        Step::Moved
    }

    fn between(&mut self, at_end: bool) -> Step {
        let rest = &self.pending[self.at..];
        if rest.starts_with(TASKS_CLOSE.as_bytes()) {
            self.at += TASKS_CLOSE.len();
            self.phase = Phase::Tail;
            return Step::Moved;
        }
        let prefix = BLOCK_OPEN.len() + ID_LINE.len();
        let id_line = rest.get(prefix..).unwrap_or_default();
        let Some(digits) = memchr::memchr(b',', id_line) else {
            // Enough bytes and still no comma: not an id line.
            return if at_end || id_line.len() > 24 {
                Step::Stop
            } else {
                Step::NeedMore
            };
        };
        let starts_as_a_block = rest.starts_with(BLOCK_OPEN.as_bytes())
            && rest[BLOCK_OPEN.len()..].starts_with(ID_LINE.as_bytes());
        let id = std::str::from_utf8(&id_line[..digits])
            .ok()
            .and_then(|digits| digits.parse::<TaskId>().ok());
        let Some(id) = id.filter(|_| starts_as_a_block) else {
            return Step::Stop;
        };
        // Ids ascend in the canonical layout; anything else was edited by hand.
        if self.previous_id.is_some_and(|previous| previous >= id) {
            return Step::Stop;
        }
        self.previous_id = Some(id);
        let keep = self.sink.holds(id);
        self.phase = Phase::Block { id, keep, from: 0 };
        Step::Moved
    }

    fn in_block(&mut self, id: TaskId, keep: bool, from: usize, at_end: bool) -> Step {
        let close = BLOCK_CLOSE.as_bytes();
        let rest = &self.pending[self.at..];
        let Some(found) = memchr::memmem::find(&rest[from..], close) else {
            if at_end {
                return Step::Stop;
            }
            // Keep enough of the end to find a closing line that the next piece completes.
            let overlap = rest.len().saturating_sub(close.len() - 1);
            if keep {
                self.phase = Phase::Block {
                    id,
                    keep,
                    from: overlap,
                };
            } else {
                self.at += overlap;
                self.phase = Phase::Block { id, keep, from: 0 };
            }
            return Step::NeedMore;
        };
        let end = from + found + close.len();
        if keep && !self.sink.block(id, &rest[..end]) {
            return Step::Stop;
        }
        self.at += end;
        self.phase = Phase::Between;
        Step::Moved
    }

    /// The header and the tail, once the whole file has been fed.
    fn finish(mut self) -> Option<(Vec<u8>, Vec<u8>)> {
        if self.phase != Phase::Tail {
            return None;
        }
        self.tail.extend_from_slice(&self.pending[self.at..]);
        Some((self.header, self.tail))
    }
}

enum Step {
    Moved,
    NeedMore,
    /// Out of the layout, or the sink has had enough.
    Stop,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::scan;

    fn sieved(text: &str, ids: &[TaskId], last: bool) -> Option<Sieved> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        std::fs::write(&path, text).unwrap();
        let ids: BTreeSet<TaskId> = ids.iter().copied().collect();
        read(&path, &Wanted { ids: &ids, last }, 0).unwrap()
    }

    /// What `scan.rs` keeps of the same text: the sieve must agree with it byte for byte.
    fn scanned(text: &str, ids: &[TaskId], last: bool) -> String {
        let layout = scan::scan(text).unwrap();
        let mut ids: BTreeSet<TaskId> = ids.iter().copied().collect();
        if last {
            ids.extend(layout.max_id());
        }
        let blocks: Vec<scan::Block> = ids.iter().filter_map(|id| layout.find(*id)).collect();
        layout.with_only(text, &blocks)
    }

    #[test]
    fn a_board_bigger_than_a_piece_keeps_what_the_scan_keeps_and_hashes_the_whole_file() {
        // Blocks far longer than a piece: their closing lines straddle the pieces somewhere.
        let sample = crate::sample::generate_with_history(19, 6_000, 7);
        let text = crate::store::to_text(&sample.board);
        assert!(text.len() > 3 * CHUNK, "{} bytes", text.len());
        for (ids, last) in [(&[10][..], false), (&[1, 19][..], false), (&[3][..], true)] {
            let got = sieved(&text, ids, last).expect("a canonical board is sieved");
            assert_eq!(got.text, scanned(&text, ids, last), "ids {ids:?}");
            assert_eq!(got.len, text.len());
            assert_eq!(got.digest, crate::store::digest::of(text.as_bytes()));
        }
    }

    #[test]
    fn many_small_blocks_and_an_empty_list_are_sieved() {
        let board = crate::sample::generate_board(2_000, 3);
        let text = crate::store::to_text(&board);
        let got = sieved(&text, &[1, 777, 2_000], true).unwrap();
        assert_eq!(got.text, scanned(&text, &[1, 777, 2_000], true));
        let parsed = crate::store::parse(&got.text, Path::new("b")).unwrap();
        let ids: Vec<TaskId> = parsed.tasks.iter().map(|t| t.id).collect();
        assert_eq!(ids, [1, 777, 2_000]);

        let mut empty = crate::plan::builtin_plan().unwrap();
        empty.tasks.clear();
        let text = crate::store::to_text(&empty);
        let got = sieved(&text, &[1], true).unwrap();
        assert_eq!(got.text, scanned(&text, &[1], true));
        assert_eq!(
            crate::store::parse(&got.text, Path::new("b")).unwrap(),
            empty
        );
    }

    #[test]
    fn a_file_out_of_the_layout_is_left_to_the_whole_read() {
        let text = crate::store::to_text(&crate::plan::builtin_plan().unwrap());
        let hand_edited = text.replace("        (\n            id: 3,", "        (id: 3,");
        assert!(sieved(&hand_edited, &[3], false).is_none());
        assert!(sieved(&text.replace("id: 4,", "id: 2,"), &[2], false).is_none());
        assert!(sieved("(tasks: [])", &[1], false).is_none());
        let cut = &text[..text.len() - 200];
        assert!(sieved(cut, &[1], false).is_none(), "a file cut short");
    }

    #[test]
    fn a_bad_byte_is_found_only_in_what_is_kept() {
        let text = crate::store::to_text(&crate::plan::builtin_plan().unwrap());
        let layout = scan::scan(&text).unwrap();
        let block = layout.find(5).unwrap();
        let mut bytes = text.clone().into_bytes();
        bytes[block.start + 40] = 0xff;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        std::fs::write(&path, &bytes).unwrap();
        let ids = BTreeSet::from([5]);
        let wanted = Wanted {
            ids: &ids,
            last: false,
        };
        assert!(
            read(&path, &wanted, 0).unwrap().is_none(),
            "kept: read whole"
        );
        let ids = BTreeSet::from([6]);
        let wanted = Wanted {
            ids: &ids,
            last: false,
        };
        assert!(
            read(&path, &wanted, 0).unwrap().is_some(),
            "not kept: not looked at"
        );
    }
}
