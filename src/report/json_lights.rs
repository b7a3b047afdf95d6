//! The report's lights in JSON: every task red first with its reasons and red record, the counts,
//! and milestones due soon or missed, by unit.

use chrono::NaiveDate;
use serde::Serialize;

use super::Report;
use crate::model::TaskId;

#[derive(Serialize)]
pub(super) struct JsonLight<'a> {
    id: TaskId,
    title: &'a str,
    light: &'static str,
    /// The causes in words (Chinese, as the report).
    reasons: Vec<String>,
    milestones_done: usize,
    milestones: usize,
    was_red: Vec<JsonSpell>,
}

#[derive(Serialize)]
struct JsonSpell {
    from: NaiveDate,
    until: Option<NaiveDate>,
}

#[derive(Serialize)]
pub(super) struct JsonLightCounts {
    pub red: usize,
    pub yellow: usize,
    pub green: usize,
    pub none: usize,
}

#[derive(Serialize)]
pub(super) struct JsonUnitMilestones<'a> {
    unit: &'a str,
    milestones: Vec<JsonMilestone<'a>>,
}

#[derive(Serialize)]
struct JsonMilestone<'a> {
    task: TaskId,
    number: u32,
    title: &'a str,
    due: NaiveDate,
    urgency: &'static str,
    days_left: Option<i64>,
    days_overdue: Option<i64>,
}

pub(super) fn lights_of<'a>(r: &Report<'a>) -> Vec<JsonLight<'a>> {
    r.lights
        .tasks
        .iter()
        .filter_map(|item| {
            let task = r.board.task(item.id)?;
            Some(JsonLight {
                id: item.id,
                title: &task.title,
                light: item.light.name(),
                reasons: item
                    .reasons
                    .iter()
                    .map(|x| crate::i18n::Lang::Zh.light_reason(*x))
                    .collect(),
                milestones_done: task.milestones.iter().filter(|m| m.is_done()).count(),
                milestones: task.milestones.len(),
                was_red: r
                    .lights
                    .red_record
                    .get(&item.id)
                    .into_iter()
                    .flatten()
                    .map(|s| JsonSpell {
                        from: s.from,
                        until: s.until,
                    })
                    .collect(),
            })
        })
        .collect()
}

pub(super) fn by_unit<'a>(
    board: &'a crate::model::Board,
    items: &[crate::model::milestones::MilestoneItem<'a>],
) -> Vec<JsonUnitMilestones<'a>> {
    use crate::model::Urgency;
    crate::model::milestones::by_unit(board, items)
        .into_iter()
        .map(|(unit, list)| JsonUnitMilestones {
            unit,
            milestones: list
                .iter()
                .map(|i| JsonMilestone {
                    task: i.task.id,
                    number: i.milestone.number,
                    title: &i.milestone.title,
                    due: i.milestone.due,
                    urgency: i.urgency.name(),
                    days_left: match i.urgency {
                        Urgency::DueSoon { days_left } | Urgency::OnTrack { days_left } => {
                            Some(days_left)
                        }
                        _ => None,
                    },
                    days_overdue: match i.urgency {
                        Urgency::Overdue { days } => Some(days),
                        _ => None,
                    },
                })
                .collect(),
        })
        .collect()
}
