//! Reading a big board quickly: a file in the canonical layout is split at its task blocks (see
//! `scan.rs`) and the blocks are parsed on all cores at once, the header apart. Whatever goes
//! wrong — a file out of the layout, a bad value — is left to the ordinary parse, which places
//! the problem exactly; so this path only ever makes a valid board faster.

use std::path::Path;

use super::codec::parse_file;
use super::scan::{self, Layout};
use crate::model::{Board, Task, validate};

/// Below this many tasks one thread is as fast as several...
const PARALLEL_FROM: usize = 500;

/// ...unless the text is this big: a few tasks with a long record of notes (the plan after
/// 50,000 changes holds 7.4 MB of them). Parsed in pieces they take half the time on two cores,
/// and the scan for duplicate map keys, which only the header can hold, stays in the header
/// instead of reading every note (a tenth of the ordinary parse).
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// The board in `text`, when the text is a valid version 2 board in the canonical layout; `None`
/// otherwise (the caller parses it the ordinary way).
pub fn parse_canonical(text: &str, path: &Path) -> Option<Board> {
    let layout = scan::scan(text)?;
    if layout.blocks.len() < PARALLEL_FROM && text.len() < PARALLEL_FROM_BYTES {
        return None;
    }
    parse_layout(text, &layout, path)
}

/// [`parse_canonical`] whatever the size: for the few blocks a change reads (`sieve.rs`), which
/// may hold a long record of notes all the same.
pub fn parse_canonical_any(text: &str, path: &Path) -> Option<Board> {
    parse_layout(text, &scan::scan(text)?, path)
}

fn parse_layout(text: &str, layout: &Layout, path: &Path) -> Option<Board> {
    board_of(
        &scan::header_only(text, layout),
        parse_blocks(text, layout)?,
        path,
    )
}

/// The board of a header (the text with an empty tasks list) and the tasks of its blocks, when
/// it is a valid version 2 board.
pub(super) fn board_of(header: &str, tasks: Vec<Task>, path: &Path) -> Option<Board> {
    let header = parse_file(header, path).ok()?;
    if header.v1_history.is_some() {
        return None;
    }
    let mut board = header.board;
    board.tasks = tasks;
    validate(&board).is_empty().then_some(board)
}

/// The task of one block, from its opening line to the end of its closing line `        ),`.
pub(super) fn parse_block(block: &str, options: &ron::Options) -> Option<Task> {
    let body = block.trim_end();
    let body = body.strip_suffix(',').unwrap_or(body);
    super::quick::parse_task(body, options)
}

/// The tasks of every block, parsed in as many pieces as there are cores, in file order.
fn parse_blocks(text: &str, layout: &Layout) -> Option<Vec<Task>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let per = layout.blocks.len().div_ceil(threads);
    let pieces: Vec<&[scan::Block]> = layout.blocks.chunks(per.max(1)).collect();
    let parsed: Vec<Option<Vec<Task>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pieces
            .iter()
            .map(|blocks| scope.spawn(move || parse_piece(text, blocks)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut tasks = Vec::with_capacity(layout.blocks.len());
    for piece in parsed {
        tasks.extend(piece?);
    }
    Some(tasks)
}

/// Consecutive blocks, each parsed where it lies in the text: no copy of the piece is made (at
/// 10,000 tasks copying the pieces cost 19 MB of peak memory).
fn parse_piece(text: &str, blocks: &[scan::Block]) -> Option<Vec<Task>> {
    let options = ron::Options::default();
    blocks
        .iter()
        .map(|block| parse_block(&text[block.start..block.end], &options))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> &'static Path {
        Path::new("board.ron")
    }

    #[test]
    fn a_few_tasks_with_a_long_record_of_notes_are_parsed_in_pieces_to_the_same_board() {
        let sample = crate::sample::generate_with_history(19, 10_000, 42);
        let text = super::super::to_text(&sample.board);
        assert!(text.len() >= PARALLEL_FROM_BYTES, "{} bytes", text.len());
        let fast = parse_canonical(&text, path()).expect("the fast path takes a big text");
        assert_eq!(fast, super::super::parse(&text, path()).unwrap());
    }

    #[test]
    fn the_plan_is_left_to_the_ordinary_parse() {
        let plan = crate::plan::builtin_plan().unwrap();
        let text = super::super::to_text(&plan);
        assert!(parse_canonical(&text, path()).is_none());
    }
}
