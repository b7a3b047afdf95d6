//! The lights and milestones of a report as rows of text, shared by every format: the tasks red
//! first with why, the lights per unit, and the milestones due soon (近期节点) and missed, by
//! responsible unit. Text from the board is cleaned by each format.

use std::collections::BTreeMap;

use super::Report;
use super::tables::Table;
use crate::i18n::Lang;
use crate::model::Light;
use crate::model::lights::{LitTask, UnitLights};
use crate::model::milestones::{self, MilestoneItem};
use crate::model::red_record::RedSpell;
use crate::model::{Board, Task, TaskId};

/// What a report says about lights and milestones, computed once for every format.
#[derive(Debug, Clone, Default)]
pub struct LightFigures {
    /// Every task, red first.
    pub tasks: Vec<LitTask>,
    pub units: Vec<UnitLights>,
    /// 曾亮红灯 of each task that was ever red (from the history; empty without it).
    pub red_record: BTreeMap<TaskId, Vec<RedSpell>>,
}

impl LightFigures {
    pub fn new(board: &Board, today: chrono::NaiveDate) -> LightFigures {
        LightFigures {
            tasks: crate::model::lights::red_first(board, today),
            units: crate::model::lights::unit_lights(board, today),
            red_record: BTreeMap::new(),
        }
    }

    pub fn count(&self, light: Light) -> usize {
        self.tasks.iter().filter(|t| t.light == light).count()
    }

    pub fn light_of(&self, id: TaskId) -> Light {
        self.tasks
            .iter()
            .find(|t| t.id == id)
            .map_or(Light::None, |t| t.light)
    }

    pub fn unit(&self, unit: &str) -> Option<&UnitLights> {
        self.units.iter().find(|u| u.unit == unit)
    }
}

/// The words of a task's light and its causes: `红灯（节点 2 逾期 3 天；任务逾期 10 天）`.
pub fn light_words(item: &LitTask) -> String {
    let zh = Lang::Zh;
    let word = zh.light(item.light);
    if item.reasons.is_empty() {
        return word.to_string();
    }
    let reasons: Vec<String> = item.reasons.iter().map(|r| zh.light_reason(*r)).collect();
    format!("{word}（{}）", reasons.join("；"))
}

/// `1/3`, or "" for a task without milestones.
pub fn progress(task: &Task) -> String {
    if task.milestones.is_empty() {
        return String::new();
    }
    let done = task.milestones.iter().filter(|m| m.is_done()).count();
    format!("{done}/{}", task.milestones.len())
}

/// The red record in words, "" for a task never red.
pub fn red_words(figures: &LightFigures, id: TaskId) -> String {
    figures
        .red_record
        .get(&id)
        .and_then(|spells| Lang::Zh.red_record(spells))
        .unwrap_or_default()
}

/// Every task red first: 序号, 任务, 灯, 节点, 曾亮红灯.
pub fn light_table(r: &Report) -> Table {
    let rows = r
        .lights
        .tasks
        .iter()
        .filter_map(|item| {
            let task = r.board.task(item.id)?;
            Some(vec![
                item.id.to_string(),
                task.title.clone(),
                light_words(item),
                progress(task),
                red_words(&r.lights, item.id),
            ])
        })
        .collect();
    Table {
        caption: String::new(),
        header: vec!["序号", "任务", "灯", "节点", "曾亮红灯"],
        rows,
    }
}

/// Milestones grouped by unit: 单位, 任务, 节点, 节点日期, 期限情况.
pub fn milestone_table(r: &Report, items: &[MilestoneItem]) -> Table {
    let mut rows = Vec::new();
    for (unit, list) in milestones::by_unit(r.board, items) {
        for item in list {
            rows.push(vec![
                unit.to_string(),
                format!("{} {}", item.task.id, item.task.title),
                format!(
                    "{}.{} {}",
                    item.task.id, item.milestone.number, item.milestone.title
                ),
                item.milestone.due.to_string(),
                Lang::Zh.urgency(item.urgency),
            ]);
        }
    }
    Table {
        caption: String::new(),
        header: vec!["单位", "任务", "节点", "节点日期", "期限情况"],
        rows,
    }
}

pub fn upcoming_table(r: &Report) -> Table {
    milestone_table(r, &milestones::upcoming(r.board, r.today))
}

pub fn missed_table(r: &Report) -> Table {
    milestone_table(r, &milestones::missed(r.board, r.today))
}

/// The caption of the upcoming milestones: 近期节点（30 天内到期）.
pub fn upcoming_caption(r: &Report) -> String {
    format!("近期节点（{} 天内到期）", r.board.settings.warn_days)
}
