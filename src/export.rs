//! `export --format json`: the board for scripts. Field names are documented in the README.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

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

fn export_task<'a>(board: &Board, task: &'a Task, today: NaiveDate) -> ExportTask<'a> {
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
    }
}

pub fn to_json(board: &Board, history: &History, today: NaiveDate) -> String {
    let export = ExportBoard {
        title: &board.plan.title,
        document_number: &board.plan.document_number,
        today,
        tasks: board
            .tasks
            .iter()
            .map(|t| export_task(board, t, today))
            .collect(),
        history: history.entries(),
    };
    crate::report::json_text::to_safe_json(&export)
}
