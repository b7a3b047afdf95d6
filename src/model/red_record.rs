//! 曾亮红灯: the times a task was red, computed from the history (never stored), so that a task
//! that caught up still shows that it slipped.
//!
//! A task is red on a day when, at some moment of it, it was not done and an open milestone's
//! due date or its deadline lay before that day. Red can begin only on the day after a due date
//! or on a day something changed the task, and end only on a day something changed it; so the
//! record looks at those days alone, each at its start (the board as the day before left it)
//! and its end, walking the board through time as `--as-of` does.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};

use super::{AsOf, Board, Change, Field, History, Status, Task, TaskId};

/// One stretch of red: from the first red day to the day it stopped being red (`None`: still red
/// on the last day looked at).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedSpell {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// Whether the task is red on `today` by its milestones and deadline.
pub fn is_red(task: &Task, today: NaiveDate) -> bool {
    task.status != Status::Done
        && (task.deadline < today
            || task
                .milestones
                .iter()
                .any(|m| m.completed_on.is_none() && m.due < today))
}

/// The red record of every task, from the board's start (the day it was made, or the plan's
/// date) through `until`. Tasks never red are left out.
pub fn red_records(
    current: &Board,
    history: &History,
    until: NaiveDate,
) -> BTreeMap<TaskId, Vec<RedSpell>> {
    records(current, history, until, None)
}

/// One task's red record (see [`red_records`]).
pub fn red_record(
    current: &Board,
    history: &History,
    id: TaskId,
    until: NaiveDate,
) -> Vec<RedSpell> {
    // Only the task's own entries change it: walking them alone is enough, and cheaper.
    let own = History::new(history.for_task(id).cloned().collect());
    records(current, &own, until, Some(id))
        .remove(&id)
        .unwrap_or_default()
}

fn day_after(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(1))
}

/// The days on which each task's red could begin or end.
fn event_days(current: &Board, history: &History) -> BTreeMap<NaiveDate, BTreeSet<TaskId>> {
    let mut days: BTreeMap<NaiveDate, BTreeSet<TaskId>> = BTreeMap::new();
    let mut due = |day: Option<NaiveDate>, id: TaskId| {
        if let Some(day) = day {
            days.entry(day).or_default().insert(id);
        }
    };
    let task_dates = |task: &Task, due: &mut dyn FnMut(Option<NaiveDate>, TaskId)| {
        due(day_after(task.deadline), task.id);
        for m in &task.milestones {
            due(day_after(m.due), task.id);
        }
    };
    for task in &current.tasks {
        task_dates(task, &mut due);
    }
    for entry in history.entries() {
        let Some(id) = entry.task else { continue };
        due(Some(entry.date()), id);
        match &entry.change {
            Change::Milestone { from, to, .. } => {
                for m in from.iter().chain(to) {
                    due(day_after(m.due), id);
                }
            }
            Change::TaskAdded { task } | Change::TaskDeleted { task } => task_dates(task, &mut due),
            Change::Field { field, from, to } if Field::named(field) == Some(Field::Deadline) => {
                for text in [from, to] {
                    due(text.parse().ok().and_then(day_after), id);
                }
            }
            _ => {}
        }
    }
    days
}

fn records(
    current: &Board,
    history: &History,
    until: NaiveDate,
    only: Option<TaskId>,
) -> BTreeMap<TaskId, Vec<RedSpell>> {
    let start = current.start_date();
    let mut out: BTreeMap<TaskId, Vec<RedSpell>> = BTreeMap::new();
    if until < start {
        return out;
    }
    let mut note = |id: TaskId, day: NaiveDate, red: bool| {
        let spells = out.entry(id).or_default();
        match (spells.last_mut(), red) {
            (Some(last), false) if last.until.is_none() => last.until = Some(day),
            (Some(last), true) if last.until.is_none() => {}
            (_, true) => spells.push(RedSpell {
                from: day,
                until: None,
            }),
            (_, false) => {}
        }
    };
    let wanted = |id: &TaskId| only.is_none_or(|o| o == *id);
    let mut as_of = AsOf::at(current, history, start);
    for task in as_of.board.tasks.iter().filter(|t| wanted(&t.id)) {
        note(task.id, start, is_red(task, start));
    }
    let first = day_after(start).unwrap_or(start);
    if first > until {
        return finish(out);
    }
    for (day, ids) in event_days(current, history).range(first..=until) {
        // The start of the day: the board as the day before left it, counted on this day.
        if let Some(before) = day.pred_opt() {
            as_of.step_to(history, before);
        }
        let state = |board: &Board, id: TaskId| board.task(id).is_some_and(|t| is_red(t, *day));
        for id in ids.iter().filter(|id| wanted(id)) {
            let red = state(&as_of.board, *id);
            note(*id, *day, red);
        }
        // Its end.
        as_of.step_to(history, *day);
        for id in ids.iter().filter(|id| wanted(id)) {
            let red = state(&as_of.board, *id);
            note(*id, *day, red);
        }
    }
    finish(out)
}

/// Leaves out the tasks never red.
fn finish(mut out: BTreeMap<TaskId, Vec<RedSpell>>) -> BTreeMap<TaskId, Vec<RedSpell>> {
    out.retain(|_, spells| !spells.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Context, Milestone, Operation, PlanInfo};
    use chrono::{FixedOffset, TimeZone};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A board made 2025-01-01 with one task due 2025-12-31 and its milestone due 2025-03-31,
    /// and the history of what was done to it.
    struct Fixture {
        board: Board,
        history: History,
    }

    impl Fixture {
        fn new() -> Fixture {
            let mut board = Board::empty(PlanInfo {
                title: "方案".into(),
                document_number: "文号".into(),
                issued_on: day("2024-11-01"),
                issuer: "区政府".into(),
            });
            board.created_on = Some(day("2025-01-01"));
            let mut task = Task::new(1, "任务", vec!["区科委".into()], day("2025-12-31"));
            task.milestones = vec![Milestone {
                number: 1,
                title: "节点".into(),
                due: day("2025-03-31"),
                units: vec!["区科委".into()],
                completed_on: None,
            }];
            board.tasks.push(task);
            Fixture {
                board,
                history: History::default(),
            }
        }

        fn apply(&mut self, on: &str, op: Operation) {
            let now = FixedOffset::east_opt(8 * 3600)
                .unwrap()
                .from_local_datetime(&day(on).and_hms_opt(10, 0, 0).unwrap())
                .unwrap();
            let ctx = Context {
                user: "lina".into(),
                now,
            };
            let entries = op.apply(&mut self.board, &ctx).unwrap();
            self.history.extend(entries);
        }
    }

    fn complete(on: &str) -> Operation {
        Operation::CompleteMilestone {
            id: 1,
            number: 1,
            on: Some(day(on)),
        }
    }

    #[test]
    fn a_milestone_missed_then_completed_leaves_a_red_spell_with_both_dates() {
        let mut f = Fixture::new();
        f.apply("2025-04-10", complete("2025-04-10"));
        let record = red_record(&f.board, &f.history, 1, day("2025-06-01"));
        assert_eq!(
            record,
            vec![RedSpell {
                from: day("2025-04-01"),
                until: Some(day("2025-04-10"))
            }]
        );
        // On the board as it stands the task is no longer red.
        assert!(!is_red(&f.board.tasks[0], day("2025-06-01")));
    }

    #[test]
    fn a_milestone_completed_on_its_day_after_was_red_that_morning() {
        let mut f = Fixture::new();
        f.apply("2025-04-01", complete("2025-04-01"));
        assert_eq!(
            red_record(&f.board, &f.history, 1, day("2025-06-01")),
            vec![RedSpell {
                from: day("2025-04-01"),
                until: Some(day("2025-04-01"))
            }]
        );
    }

    #[test]
    fn a_task_still_red_has_an_open_spell_and_one_on_time_has_none() {
        let f = Fixture::new();
        assert_eq!(
            red_records(&f.board, &f.history, day("2025-05-01")).get(&1),
            Some(&vec![RedSpell {
                from: day("2025-04-01"),
                until: None
            }])
        );
        let mut on_time = Fixture::new();
        on_time.apply("2025-03-30", complete("2025-03-30"));
        assert!(red_records(&on_time.board, &on_time.history, day("2025-12-31")).is_empty());
        // The deadline passes with the task not done: red from the next day.
        assert_eq!(
            red_record(&on_time.board, &on_time.history, 1, day("2026-01-05")),
            vec![RedSpell {
                from: day("2026-01-01"),
                until: None
            }]
        );
    }

    #[test]
    fn red_twice_gives_two_spells_and_nothing_before_the_board_was_made() {
        let mut f = Fixture::new();
        f.apply("2025-04-05", complete("2025-04-05"));
        f.apply(
            "2025-04-06",
            Operation::AddMilestone {
                id: 1,
                title: "第二节点".into(),
                due: "2025-05-15".into(),
                units: Vec::new(),
            },
        );
        f.apply(
            "2025-05-20",
            Operation::CompleteMilestone {
                id: 1,
                number: 2,
                on: None,
            },
        );
        assert_eq!(
            red_record(&f.board, &f.history, 1, day("2025-12-01")),
            vec![
                RedSpell {
                    from: day("2025-04-01"),
                    until: Some(day("2025-04-05"))
                },
                RedSpell {
                    from: day("2025-05-16"),
                    until: Some(day("2025-05-20"))
                },
            ]
        );
        assert!(red_record(&f.board, &f.history, 1, day("2024-12-31")).is_empty());
        // The day the board was made, and nothing after it yet.
        assert!(red_record(&f.board, &f.history, 1, day("2025-01-01")).is_empty());
    }
}
