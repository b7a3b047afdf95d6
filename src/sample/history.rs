//! A sample board with a history of a chosen length: the figures at scale depend on how much a
//! board has recorded as much as on how many tasks it holds.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::words::AUTHORS;
use super::{BEIJING, FIRST_ACTIVITY, Rng, Sample, generate, note_text};
use crate::model::{Change, HistoryEntry, Note};

/// How long the added notes spread over when the board has no past of its own.
const TWO_YEARS: TimeDelta = TimeDelta::days(730);

/// [`generate`] with exactly `entries` history entries. Fewer than the board's own past keeps its
/// newest ones (the board still replays: walking back from it undoes those entries); more adds
/// progress notes spread over the same time as that past, each on its task and in the history as
/// a save would have left it. Notes only, so that the added entries cannot contradict the status
/// moves of the board's own past whatever their order.
pub fn generate_with_history(tasks: usize, entries: usize, seed: u64) -> Sample {
    let mut sample = generate(tasks, seed);
    let own = sample.history.len();
    if entries <= own {
        sample.history.drain(..own - entries);
        return sample;
    }
    if sample.board.tasks.is_empty() {
        return sample;
    }
    let mut rng = Rng(seed ^ 0x4157_0B1A_11CE_2025);
    let start = DateTime::from_naive_utc_and_offset(
        FIRST_ACTIVITY.and_time(chrono::NaiveTime::MIN),
        BEIJING,
    );
    let end = sample.history.last().map_or(start + TWO_YEARS, |h| h.at);
    let span = (end - start).num_seconds().max(1) as usize;
    let mut added: Vec<(DateTime<FixedOffset>, usize)> = (own..entries)
        .map(|_| {
            let at = start + TimeDelta::seconds(rng.below(span) as i64);
            (at, rng.below(sample.board.tasks.len()))
        })
        .collect();
    added.sort();
    for (at, index) in added {
        let task = &mut sample.board.tasks[index];
        let user = rng.pick(&AUTHORS).to_string();
        let note = Note {
            at,
            author: user.clone(),
            text: note_text(task, "相关工作", &mut rng),
            decision: rng.chance(10),
        };
        task.notes.push(note.clone());
        sample.history.push(HistoryEntry {
            at,
            user,
            task: Some(task.id),
            change: Change::NoteAdded { note },
            via: None,
        });
    }
    // Oldest first, as the history file and each task's notes keep them.
    sample.history.sort_by_key(|h| h.at);
    for task in &mut sample.board.tasks {
        task.notes.sort_by_key(|n| n.at);
        let newest = sample
            .history
            .iter()
            .rev()
            .find(|h| h.task == Some(task.id));
        task.updated_on = newest.map(HistoryEntry::date);
        task.updated_by = newest.map(|h| h.user.clone());
    }
    sample
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{History, HistoryCheck, check_history};

    #[test]
    fn the_history_has_the_length_asked_and_the_board_replays_from_it() {
        for (tasks, entries) in [(19, 0), (19, 5), (19, 400), (200, 100), (200, 2000)] {
            let Sample { board, history } = generate_with_history(tasks, entries, 11);
            assert_eq!(history.len(), entries, "{tasks} tasks");
            assert!(history.windows(2).all(|w| w[0].at <= w[1].at));
            assert_eq!(
                check_history(&board, &History::new(history)),
                HistoryCheck::Consistent,
                "{tasks} tasks, {entries} entries"
            );
        }
    }

    #[test]
    fn added_notes_fall_within_the_boards_own_past() {
        let own = generate(19, 3).history;
        let last = own.last().map(|h| h.at);
        let Sample { history, .. } = generate_with_history(19, 5000, 3);
        assert_eq!(history.last().map(|h| h.at), last);
    }

    #[test]
    fn the_same_arguments_give_the_same_sample() {
        let a = generate_with_history(30, 300, 4);
        let b = generate_with_history(30, 300, 4);
        assert_eq!((a.board, a.history), (b.board, b.history));
    }
}
