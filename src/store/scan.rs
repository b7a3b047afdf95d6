//! Finding the tasks in a board file written in the canonical layout (see `canonical.rs`) without
//! parsing it: the header before `    tasks: [`, one block per task from `        (` to `        ),`,
//! and what follows the list. ron writes a newline inside a string as `\n`, so a line of the file
//! never begins inside a string, and these lines can only be what they look like.
//!
//! A file that does not keep the layout (edited by hand, reformatted) is not scanned: the callers
//! then parse it whole, as any RON.

use crate::model::TaskId;

pub(super) const TASKS_LINE: &str = "\n    tasks: [";
const TASKS_OPEN: &str = "\n    tasks: [\n";
const TASKS_EMPTY: &str = "\n    tasks: [],\n";
pub(super) const BLOCK_OPEN: &str = "        (\n";
pub(super) const BLOCK_CLOSE: &str = "\n        ),\n";
pub(super) const TASKS_CLOSE: &str = "    ],\n";
pub(super) const ID_LINE: &str = "            id: ";

/// One task's block: its id and its bytes (from its opening line to the end of its closing line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub id: TaskId,
    pub start: usize,
    pub end: usize,
}

/// Where the parts of a canonical board text are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Bytes before the tasks list, up to and including the newline before `    tasks:`.
    pub header_end: usize,
    /// Bytes from here to the end follow the list (`conflicts`, the closing parenthesis).
    pub after_tasks: usize,
    /// In file order, which is id order.
    pub blocks: Vec<Block>,
}

impl Layout {
    // Finding a block by id is the sieve's job now (`sieve.rs`); its tests compare with these.
    #[cfg(test)]
    pub fn find(&self, id: TaskId) -> Option<Block> {
        self.blocks
            .binary_search_by_key(&id, |b| b.id)
            .ok()
            .map(|i| self.blocks[i])
    }

    #[cfg(test)]
    pub fn max_id(&self) -> Option<TaskId> {
        self.blocks.last().map(|b| b.id)
    }

    /// The board text with only these blocks in its tasks list: a board that parses to the
    /// header's facts and just these tasks.
    pub fn with_only(&self, text: &str, blocks: &[Block]) -> String {
        let kept: usize = blocks.iter().map(|b| b.end - b.start).sum();
        let mut out =
            String::with_capacity(self.header_end + kept + text.len() - self.after_tasks + 32);
        out.push_str(&text[..self.header_end]);
        out.push_str("    tasks: [\n");
        for block in blocks {
            out.push_str(&text[block.start..block.end]);
        }
        out.push_str(TASKS_CLOSE);
        out.push_str(&text[self.after_tasks..]);
        out
    }
}

/// The layout of `text`, or `None` when it is not in the canonical layout.
///
/// Searches with memchr's SIMD `memmem` and looks for the tasks line once: on the plan after
/// 50,000 changes (7 MB of notes) std's `str::find` over the whole text, twice, was a fifth of a
/// change's time (issue 17's profile).
pub fn scan(text: &str) -> Option<Layout> {
    let bytes = text.as_bytes();
    let open = memchr::memmem::find(bytes, TASKS_LINE.as_bytes())?;
    let header_end = open + 1;
    let after_line = &text[open + TASKS_LINE.len()..];
    if after_line.starts_with("],\n") {
        return Some(Layout {
            header_end,
            after_tasks: open + TASKS_EMPTY.len(),
            blocks: Vec::new(),
        });
    }
    if !after_line.starts_with('\n') {
        return None;
    }
    let block_close = memchr::memmem::Finder::new(BLOCK_CLOSE);
    let mut at = open + TASKS_OPEN.len();
    let mut blocks = Vec::new();
    loop {
        let rest = &text[at..];
        if rest.starts_with(TASKS_CLOSE) {
            return Some(Layout {
                header_end,
                after_tasks: at + TASKS_CLOSE.len(),
                blocks,
            });
        }
        let id_line = rest.strip_prefix(BLOCK_OPEN)?.strip_prefix(ID_LINE)?;
        let digits = id_line.find(',')?;
        let id: TaskId = id_line[..digits].parse().ok()?;
        // Ids ascend in the canonical layout; anything else was edited by hand.
        if blocks.last().is_some_and(|b: &Block| b.id >= id) {
            return None;
        }
        let close = block_close.find(rest.as_bytes())?;
        let end = at + close + BLOCK_CLOSE.len();
        blocks.push(Block { id, start: at, end });
        at = end;
    }
}

/// The header and the tail of a canonical text around an empty tasks list: the board's own facts
/// to parse apart from its tasks.
pub fn header_only(text: &str, layout: &Layout) -> String {
    layout.with_only(text, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_text() -> String {
        crate::store::to_text(&crate::plan::builtin_plan().unwrap())
    }

    #[test]
    fn the_plan_s_blocks_are_found_by_id_and_parse_alone() {
        let text = plan_text();
        let layout = scan(&text).unwrap();
        assert_eq!(layout.blocks.len(), 19);
        assert_eq!(layout.max_id(), Some(19));
        let block = layout.find(9).unwrap();
        let alone = layout.with_only(&text, &[block]);
        let board = crate::store::parse(&alone, std::path::Path::new("x")).unwrap();
        assert_eq!(board.tasks.len(), 1);
        assert_eq!(board.tasks[0].title, "推动重点领域专利快速审查");
        let header = crate::store::parse(&header_only(&text, &layout), std::path::Path::new("x"));
        assert_eq!(header.unwrap().tasks.len(), 0);
    }

    #[test]
    fn a_file_out_of_the_layout_is_not_scanned() {
        let text = plan_text();
        assert!(scan(&text.replace("        (\n            id: 3,", "        (id: 3,")).is_none());
        assert!(
            scan(&text.replace("id: 4,", "id: 2,")).is_none(),
            "ids out of order"
        );
        assert!(scan("(tasks: [])").is_none());
        // A title holding what looks like the layout's lines is one line all the same.
        let mut board = crate::plan::builtin_plan().unwrap();
        board.tasks[0].title = "a\n        ),\n    ],\nb".into();
        let text = crate::store::to_text(&board);
        assert_eq!(scan(&text).unwrap().blocks.len(), 19);
    }
}
