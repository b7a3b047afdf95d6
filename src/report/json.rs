//! The report as JSON, for scripts. Keys are stable English names; shares are numbers from 0 to 1,
//! or `null` when there is no figure (nothing done yet).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::Report;
use super::json_lights::{JsonLight, JsonLightCounts, JsonUnitMilestones, by_unit, lights_of};
use crate::model::stage::Stage;
use crate::model::stats::Summary;
use crate::model::{Light, Status, TaskId};

#[derive(Serialize)]
struct JsonReport<'a> {
    document_number: &'a str,
    title: &'a str,
    today: NaiveDate,
    since: NaiveDate,
    summary: JsonSummary,
    overdue: Vec<JsonOverdue<'a>>,
    blocked: Vec<JsonBlocked<'a>>,
    units: Vec<JsonUnit<'a>>,
    overdue_ranking: Vec<JsonRank<'a>>,
    notes: Vec<JsonNote<'a>>,
    /// The unit the report covers (`--unit`), or null.
    unit: Option<&'a str>,
    /// Set when the board at the report date may be incomplete (reconstructed from a history that
    /// does not cover it): the sentence every format prints.
    notice: Option<String>,
    /// The stage evaluation (`report --from --to`), or null.
    stage: Option<JsonStage<'a>>,
    /// Reporting timeliness per lead unit over the last periods; absent without a cycle.
    #[serde(skip_serializing_if = "Option::is_none")]
    timeliness: Option<JsonTimeliness>,
    /// The open requests (待销号, 延期申请); absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    requests: Vec<JsonRequest<'a>>,
    /// Every task red first (`red`, `yellow`, `green`, `none`), with why and its red record.
    lights: Vec<JsonLight<'a>>,
    light_counts: JsonLightCounts,
    /// 近期节点: open milestones due within `warn_days`, by responsible unit.
    upcoming_milestones: Vec<JsonUnitMilestones<'a>>,
    /// Open milestones past their date, by responsible unit.
    missed_milestones: Vec<JsonUnitMilestones<'a>>,
}

#[derive(Serialize)]
struct JsonTimeliness {
    periods: Vec<String>,
    units: Vec<JsonTimelinessRow>,
    total: JsonTimelinessRow,
}

#[derive(Serialize)]
struct JsonTimelinessRow {
    unit: String,
    on_time: usize,
    late: usize,
    missing: usize,
    pending: usize,
    /// Percent of the reports due that were made; null when none were due.
    rate: Option<u32>,
    on_time_rate: Option<u32>,
}

impl From<&crate::model::cycle::TimelinessRow> for JsonTimelinessRow {
    fn from(row: &crate::model::cycle::TimelinessRow) -> Self {
        JsonTimelinessRow {
            unit: row.unit.clone(),
            on_time: row.on_time,
            late: row.late,
            missing: row.missing,
            pending: row.pending,
            rate: row.rate(),
            on_time_rate: row.on_time_rate(),
        }
    }
}

#[derive(Serialize)]
struct JsonRequest<'a> {
    task: TaskId,
    title: &'a str,
    deadline: NaiveDate,
    /// 原定: the deadline before the first extension granted.
    original_deadline: Option<NaiveDate>,
    request: &'a crate::model::Request,
}

#[derive(Serialize)]
struct JsonStage<'a> {
    from: NaiveDate,
    to: NaiveDate,
    summary_from: JsonSummary,
    summary_to: JsonSummary,
    completed: Vec<JsonCompleted<'a>>,
    became_overdue: Vec<JsonDeadline<'a>>,
    still_overdue: Vec<JsonStillOverdue<'a>>,
    newly_blocked: Vec<JsonTask<'a>>,
    units: Vec<JsonUnitChange<'a>>,
}

#[derive(Serialize)]
struct JsonCompleted<'a> {
    id: TaskId,
    title: &'a str,
    completed_on: NaiveDate,
    on_time: bool,
    days_late: Option<i64>,
}

#[derive(Serialize)]
struct JsonDeadline<'a> {
    id: TaskId,
    title: &'a str,
    deadline: NaiveDate,
}

#[derive(Serialize)]
struct JsonStillOverdue<'a> {
    id: TaskId,
    title: &'a str,
    days_overdue_from: i64,
    days_overdue_to: i64,
}

#[derive(Serialize)]
struct JsonTask<'a> {
    id: TaskId,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonUnitChange<'a> {
    unit: &'a str,
    done_from: usize,
    done_to: usize,
    overdue_from: usize,
    overdue_to: usize,
    tasks_from: usize,
    tasks_to: usize,
}

fn summary_of(s: &Summary) -> JsonSummary {
    JsonSummary {
        total: s.total,
        not_started: s.count(Status::NotStarted),
        in_progress: s.count(Status::InProgress),
        blocked: s.count(Status::Blocked),
        done: s.done(),
        overdue: s.overdue,
        due_soon: s.due_soon,
        on_track: s.on_track,
        done_on_time: s.done_on_time,
        done_late: s.done_late,
        on_time_share_of_done: s.on_time_share_of_done(),
        on_time_share_of_all: s.on_time_share_of_all(),
    }
}

fn stage_of(stage: &Stage) -> JsonStage<'_> {
    JsonStage {
        from: stage.from,
        to: stage.to,
        summary_from: summary_of(&stage.summary_start),
        summary_to: summary_of(&stage.summary_end),
        completed: stage
            .completed
            .iter()
            .map(|c| JsonCompleted {
                id: c.id,
                title: &c.title,
                completed_on: c.completed_on,
                on_time: c.days_late.is_none(),
                days_late: c.days_late,
            })
            .collect(),
        became_overdue: stage
            .became_overdue
            .iter()
            .map(|(id, title, deadline)| JsonDeadline {
                id: *id,
                title,
                deadline: *deadline,
            })
            .collect(),
        still_overdue: stage
            .still_overdue
            .iter()
            .map(|s| JsonStillOverdue {
                id: s.id,
                title: &s.title,
                days_overdue_from: s.days_at_start,
                days_overdue_to: s.days_at_end,
            })
            .collect(),
        newly_blocked: stage
            .newly_blocked
            .iter()
            .map(|(id, title)| JsonTask { id: *id, title })
            .collect(),
        units: stage
            .units
            .iter()
            .map(|u| JsonUnitChange {
                unit: &u.unit,
                done_from: u.start.as_ref().map_or(0, |s| s.done),
                done_to: u.end.done,
                overdue_from: u.start.as_ref().map_or(0, |s| s.overdue),
                overdue_to: u.end.overdue,
                tasks_from: u.start.as_ref().map_or(0, |s| s.tasks()),
                tasks_to: u.end.tasks(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct JsonSummary {
    total: usize,
    not_started: usize,
    in_progress: usize,
    blocked: usize,
    done: usize,
    overdue: usize,
    due_soon: usize,
    on_track: usize,
    done_on_time: usize,
    done_late: usize,
    on_time_share_of_done: Option<f64>,
    on_time_share_of_all: Option<f64>,
}

#[derive(Serialize)]
struct JsonOverdue<'a> {
    id: TaskId,
    title: &'a str,
    deadline: NaiveDate,
    days_overdue: i64,
    lead_units: &'a [String],
    status: Status,
}

#[derive(Serialize)]
struct JsonBlocked<'a> {
    id: TaskId,
    title: &'a str,
    deadline: NaiveDate,
    urgency: &'static str,
    lead_units: &'a [String],
    latest_note: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    unit: &'a str,
    lead: usize,
    cooperating: usize,
    done: usize,
    done_on_time: usize,
    overdue: usize,
    on_time_rate: Option<f64>,
    overdue_lead: usize,
    overdue_lead_days: i64,
    red: usize,
    yellow: usize,
    green: usize,
}

#[derive(Serialize)]
struct JsonRank<'a> {
    rank: usize,
    unit: &'a str,
    overdue_lead: usize,
    days_overdue: i64,
    tasks: Vec<TaskId>,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    task: TaskId,
    at: DateTime<FixedOffset>,
    author: &'a str,
    text: &'a str,
    decision: bool,
}

fn unit_count(r: &Report, unit: &str, light: Light) -> usize {
    r.lights.unit(unit).map_or(0, |u| u.counts.count(light))
}

pub fn render(r: &Report) -> String {
    let s = &r.summary;
    let report = JsonReport {
        document_number: &r.board.plan.document_number,
        title: &r.board.plan.title,
        today: r.today,
        since: r.since,
        summary: summary_of(s),
        overdue: r
            .overdue
            .iter()
            .map(|(t, days)| JsonOverdue {
                id: t.id,
                title: &t.title,
                deadline: t.deadline,
                days_overdue: *days,
                lead_units: &t.lead_units,
                status: t.status,
            })
            .collect(),
        blocked: r
            .blocked
            .iter()
            .map(|t| JsonBlocked {
                id: t.id,
                title: &t.title,
                deadline: t.deadline,
                urgency: r.board.urgency(t, r.today).name(),
                lead_units: &t.lead_units,
                latest_note: r.latest_note(t).map(|n| n.text.as_str()),
            })
            .collect(),
        units: r
            .units
            .iter()
            .map(|u| JsonUnit {
                unit: &u.unit,
                lead: u.lead,
                cooperating: u.cooperating,
                done: u.done,
                done_on_time: u.done_on_time,
                overdue: u.overdue,
                on_time_rate: u.on_time_rate(),
                overdue_lead: u.overdue_lead.len(),
                overdue_lead_days: u.overdue_lead_days(),
                red: unit_count(r, &u.unit, Light::Red),
                yellow: unit_count(r, &u.unit, Light::Yellow),
                green: unit_count(r, &u.unit, Light::Green),
            })
            .collect(),
        overdue_ranking: r
            .ranking
            .iter()
            .map(|u| JsonRank {
                rank: u.rank,
                unit: &u.unit,
                overdue_lead: u.tasks.len(),
                days_overdue: u.days(),
                tasks: u.tasks.iter().map(|(id, _)| *id).collect(),
            })
            .collect(),
        notes: r
            .notes
            .iter()
            .map(|(id, n)| JsonNote {
                task: *id,
                at: n.at,
                author: &n.author,
                text: &n.text,
                decision: n.decision,
            })
            .collect(),
        unit: r.unit.as_deref(),
        notice: r.notice(),
        stage: r.stage.as_ref().map(stage_of),
        timeliness: r.timeliness.as_ref().map(|t| JsonTimeliness {
            periods: t.periods.iter().map(|p| p.label.clone()).collect(),
            units: t.rows.iter().map(Into::into).collect(),
            total: (&t.total).into(),
        }),
        requests: crate::model::request::open_requests(r.board)
            .into_iter()
            .map(|(task, request)| JsonRequest {
                task: task.id,
                title: &task.title,
                deadline: task.deadline,
                original_deadline: task.original_deadline,
                request,
            })
            .collect(),
        lights: lights_of(r),
        light_counts: JsonLightCounts {
            red: r.lights.count(Light::Red),
            yellow: r.lights.count(Light::Yellow),
            green: r.lights.count(Light::Green),
            none: r.lights.count(Light::None),
        },
        upcoming_milestones: by_unit(
            r.board,
            &crate::model::milestones::upcoming(r.board, r.today),
        ),
        missed_milestones: by_unit(r.board, &crate::model::milestones::missed(r.board, r.today)),
    };
    super::json_text::to_safe_json(&report)
}
