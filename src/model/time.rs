//! The board as it stood at any date, from the board as it stands and its history; and the check
//! that the two agree.
//!
//! The board is walked back from the present by undoing, newest first, every entry made after the
//! date. Stepping to a nearby date undoes or redoes only the entries in between, so moving the
//! date in the board costs what changed in that time.

use chrono::NaiveDate;

use super::{Board, HistoryEntry, Mismatch, TaskId};

/// The history of a board, ordered by time (stably: the entries of one change stay together).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    entries: Vec<HistoryEntry>,
}

impl History {
    pub fn new(mut entries: Vec<HistoryEntry>) -> History {
        if !entries.is_sorted_by_key(|e| e.at) {
            entries.sort_by_key(|e| e.at);
        }
        History { entries }
    }

    pub fn entries(&self) -> &[HistoryEntry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds entries just made (they are the newest).
    pub fn extend(&mut self, entries: impl IntoIterator<Item = HistoryEntry>) {
        let before = self.entries.len();
        self.entries.extend(entries);
        if !self.entries[before.saturating_sub(1)..].is_sorted_by_key(|e| e.at) {
            self.entries.sort_by_key(|e| e.at);
        }
    }

    /// How many entries lie on or before the end of `date`.
    pub fn count_through(&self, date: NaiveDate) -> usize {
        self.entries.partition_point(|e| e.date() <= date)
    }

    /// The entries from `since` through `until`, both days included.
    pub fn between(&self, since: NaiveDate, until: NaiveDate) -> &[HistoryEntry] {
        let from = self.entries.partition_point(|e| e.date() < since);
        let to = self.count_through(until).max(from);
        &self.entries[from..to]
    }

    pub fn for_task(&self, id: TaskId) -> impl DoubleEndedIterator<Item = &HistoryEntry> {
        self.entries.iter().filter(move |e| e.task == Some(id))
    }

    /// The day of the newest entry that a version 1 file recorded without what undoing it needs:
    /// the board as of any earlier day may be wrong, and says so.
    pub fn incomplete_until(&self) -> Option<NaiveDate> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.is_incomplete())
            .map(HistoryEntry::date)
    }
}

/// The board as it stood at the end of a day.
#[derive(Debug, Clone)]
pub struct AsOf {
    pub date: NaiveDate,
    pub board: Board,
    /// How many history entries the board contains (those made on or before `date`).
    applied: usize,
}

/// How far the board at a date can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    /// Some change after the date was recorded by version 1 without what undoing it needs; the
    /// record is complete from this day on.
    IncompleteBefore(NaiveDate),
    /// The board file did not exist yet: nothing was recorded before this day.
    BeforeBoard(NaiveDate),
}

impl AsOf {
    /// The board now, standing at the newest entry.
    pub fn now(board: &Board, history: &History, today: NaiveDate) -> AsOf {
        AsOf {
            date: today,
            board: board.clone(),
            applied: history.len(),
        }
    }

    /// The board at the end of `date`, walked back from `current` (the board with every entry of
    /// `history` applied).
    pub fn at(current: &Board, history: &History, date: NaiveDate) -> AsOf {
        let mut as_of = AsOf {
            date,
            board: current.clone(),
            applied: history.len(),
        };
        as_of.step_to(history, date);
        as_of
    }

    /// Moves to another date, undoing or redoing only the entries in between.
    pub fn step_to(&mut self, history: &History, date: NaiveDate) {
        let target = history.count_through(date);
        let entries = history.entries();
        let mut touched: Vec<TaskId> = Vec::new();
        while self.applied > target {
            self.applied -= 1;
            let entry = &entries[self.applied];
            let _ = entry.undo(&mut self.board);
            touched.extend(entry.task);
        }
        while self.applied < target {
            let _ = entries[self.applied].redo(&mut self.board);
            self.applied += 1;
        }
        self.date = date;
        if !touched.is_empty() {
            touched.sort_unstable();
            touched.dedup();
            self.recompute_updated_on(&entries[..self.applied], &touched);
        }
    }

    /// A task's last activity as of the date is its newest entry until then.
    /// `tasks` is sorted. One walk back through the kept entries finds every task's newest one
    /// (a search per task was quadratic: 330 ms when 8,000 tasks were touched in 50,000 entries).
    fn recompute_updated_on(&mut self, kept: &[HistoryEntry], tasks: &[TaskId]) {
        let mut newest: Vec<Option<&HistoryEntry>> = vec![None; tasks.len()];
        let mut missing = tasks.len();
        for entry in kept.iter().rev() {
            if missing == 0 {
                break;
            }
            let Some(index) = entry.task.and_then(|id| tasks.binary_search(&id).ok()) else {
                continue;
            };
            if newest[index].is_none() {
                newest[index] = Some(entry);
                missing -= 1;
            }
        }
        for (&id, newest) in tasks.iter().zip(newest) {
            if let Some(task) = self.board.task_mut(id) {
                task.updated_on = newest.map(HistoryEntry::date);
                task.updated_by = newest.map(|e| e.user.clone());
            }
        }
    }

    pub fn completeness(&self, history: &History) -> Completeness {
        let board_start = self.board.created_on;
        match (history.incomplete_until(), board_start) {
            (_, Some(created)) if self.date < created => Completeness::BeforeBoard(created),
            (Some(until), _) if self.date < until => Completeness::IncompleteBefore(until),
            _ => Completeness::Complete,
        }
    }
}

/// Where the history and the board part ways.
#[derive(Debug, Clone, PartialEq)]
pub struct Inconsistency {
    /// Position of the entry in the history (time order).
    pub index: usize,
    pub entry: HistoryEntry,
    pub problem: String,
}

/// What `check` found when walking the history back from the board.
#[derive(Debug, Clone, PartialEq)]
pub enum HistoryCheck {
    /// Every entry matches: replaying the history reproduces the board.
    Consistent,
    /// The newest entry that the board does not show: the board was changed without a record
    /// after it (a hand edit).
    Inconsistent(Inconsistency),
    /// Consistent back to this version 1 entry; before it the record is incomplete.
    ConsistentBackTo(Inconsistency),
}

pub fn check_history(current: &Board, history: &History) -> HistoryCheck {
    let mut board = current.clone();
    for (index, entry) in history.entries().iter().enumerate().rev() {
        let found = |problem: String| Inconsistency {
            index,
            entry: entry.clone(),
            problem,
        };
        if !entry.shows_after(&board) {
            let task = entry
                .task
                .map_or(String::new(), |id| format!("task {id}: "));
            let problem = if entry.task.is_some_and(|id| board.task(id).is_none()) {
                format!("{task}the board has no such task, but this change is recorded on it")
            } else {
                format!("{task}the board does not show what this change left")
            };
            return HistoryCheck::Inconsistent(found(problem));
        }
        match entry.undo(&mut board) {
            Ok(()) => {}
            Err(Mismatch::Incomplete) => {
                return HistoryCheck::ConsistentBackTo(found(
                    "recorded by version 1 without what undoing it needs".into(),
                ));
            }
            Err(other) => return HistoryCheck::Inconsistent(found(format!("{other:?}"))),
        }
    }
    HistoryCheck::Consistent
}
