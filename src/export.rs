//! `export --format json`: the board for scripts. Field names are documented in the README.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::model::milestones::responsible_units;
use crate::model::red_record::{RedSpell, red_records};
use crate::model::{Board, History, HistoryEntry, Note, Status, Task};

#[derive(Serialize)]
struct ExportBoard<'a> {
    title: &'a str,
    document_number: &'a str,
    today: NaiveDate,
    tasks: Vec<ExportTask<'a>>,
    history: &'a [HistoryEntry],
}

#[derive(Serialize)]
struct ExportTask<'a> {
    id: u32,
    title: &'a str,
    text: &'a str,
    deadline: NaiveDate,
    lead_units: &'a [String],
    cooperating_units: &'a [String],
    status: Status,
    completed_on: Option<NaiveDate>,
    urgency: &'static str,
    /// Days past the deadline for an overdue task (1 the day after it); null otherwise.
    days_overdue: Option<i64>,
    /// Days until the deadline for a task not done and not overdue (0 on the day); null otherwise.
    days_left: Option<i64>,
    /// For a task done after its deadline: by how many days.
    days_late: Option<i64>,
    notes: Vec<ExportNote<'a>>,
    /// 原定: the deadline before the first extension granted; null while never extended.
    original_deadline: Option<NaiveDate>,
    /// The open request (`{"close": {"at", "by", "note"}}` or `{"extend": {"at", "by", "to",
    /// "reason", "late"}}`), or null.
    request: Option<&'a crate::model::Request>,
    milestones: Vec<ExportMilestone<'a>>,
    /// `red`, `yellow`, `green` or `none` (done), as of `today`.
    light: &'static str,
    /// 曾亮红灯: each stretch the task was red, from the history; `until` null while still red.
    was_red: Vec<ExportSpell>,
}

#[derive(Serialize)]
struct ExportMilestone<'a> {
    number: u32,
    title: &'a str,
    due: NaiveDate,
    units: Vec<&'a str>,
    completed_on: Option<NaiveDate>,
    /// As a task's: `overdue`, `due_soon`, `on_track`, `done_on_time`, `done_late`.
    urgency: &'static str,
}

#[derive(Serialize)]
struct ExportSpell {
    from: NaiveDate,
    until: Option<NaiveDate>,
}

/// A note as the README documents it: `decision` always present, though the board file leaves it
/// out when it is false.
#[derive(Serialize)]
struct ExportNote<'a> {
    at: DateTime<FixedOffset>,
    author: &'a str,
    text: &'a str,
    decision: bool,
}

fn export_note(note: &Note) -> ExportNote<'_> {
    ExportNote {
        at: note.at,
        author: &note.author,
        text: &note.text,
        decision: note.decision,
    }
}

fn export_task<'a>(
    board: &'a Board,
    task: &'a Task,
    today: NaiveDate,
    red: &[RedSpell],
) -> ExportTask<'a> {
    let urgency = board.urgency(task, today);
    let (days_overdue, days_left) = match urgency {
        crate::model::Urgency::Overdue { days } => (Some(days), None),
        crate::model::Urgency::DueSoon { days_left }
        | crate::model::Urgency::OnTrack { days_left } => (None, Some(days_left)),
        _ => (None, None),
    };
    ExportTask {
        id: task.id,
        title: &task.title,
        text: &task.text,
        deadline: task.deadline,
        lead_units: &task.lead_units,
        cooperating_units: &task.cooperating_units,
        status: task.status,
        completed_on: task.completed_on,
        urgency: urgency.name(),
        days_overdue,
        days_left,
        days_late: match urgency {
            crate::model::Urgency::DoneLate { days_late } => Some(days_late),
            _ => None,
        },
        notes: task.notes.iter().map(export_note).collect(),
        original_deadline: task.original_deadline,
        request: task.request.as_ref(),
        milestones: task
            .milestones
            .iter()
            .map(|m| ExportMilestone {
                number: m.number,
                title: &m.title,
                due: m.due,
                units: responsible_units(board, task, m),
                completed_on: m.completed_on,
                urgency: m.urgency(today, board.settings.warn_days).name(),
            })
            .collect(),
        light: board.light(task, today).name(),
        was_red: red
            .iter()
            .map(|s| ExportSpell {
                from: s.from,
                until: s.until,
            })
            .collect(),
    }
}

pub fn to_json(board: &Board, history: &History, today: NaiveDate) -> String {
    // The board given is the board at `today` with `history` through `today`.
    let red = red_records(board, history, today);
    let export = ExportBoard {
        title: &board.plan.title,
        document_number: &board.plan.document_number,
        today,
        tasks: board
            .tasks
            .iter()
            .map(|t| export_task(board, t, today, red.get(&t.id).map_or(&[], Vec::as_slice)))
            .collect(),
        history: history.entries(),
    };
    crate::report::json_text::to_safe_json(&export)
}
