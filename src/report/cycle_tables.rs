//! The report's sections on reporting (定期上报及时情况) and on open requests (待审批申请).
//! Each appears only when it has something to say: a board without a cycle or without requests
//! reports as before.

use super::Report;
use super::document::{Section, table};
use crate::model::cycle::TimelinessRow;
use crate::model::{Request, join_units};

/// The timeliness table's columns, in every format.
pub const TIMELINESS_HEADER: [&str; 7] = [
    "单位",
    "按时上报",
    "逾期上报",
    "未报",
    "本期待报",
    "上报率",
    "按时上报率",
];

fn rate(share: Option<u32>) -> String {
    share.map_or_else(|| "—".to_string(), |p| format!("{p}%"))
}

fn cells(label: &str, row: &TimelinessRow) -> Vec<String> {
    vec![
        label.to_string(),
        row.on_time.to_string(),
        row.late.to_string(),
        row.missing.to_string(),
        row.pending.to_string(),
        rate(row.rate()),
        rate(row.on_time_rate()),
    ]
}

/// Per lead unit over the last periods: on time, late, missing, still to come, and the rates.
pub fn timeliness_section(r: &Report) -> Option<Section> {
    let t = r.timeliness.as_ref()?;
    let (first, last) = (t.periods.first()?, t.periods.last()?);
    let mut rows: Vec<Vec<String>> = t.rows.iter().map(|row| cells(&row.unit, row)).collect();
    rows.push(cells("合计", &t.total));
    Some(Section {
        title: format!(
            "定期上报及时情况（{} 至 {}，{} 期）",
            first.label,
            last.label,
            t.periods.len()
        ),
        blocks: vec![table(TIMELINESS_HEADER.to_vec(), rows, "")],
    })
}

/// The open requests: closures waiting for sign-off (待销号) and extensions asked.
pub fn requests_section(r: &Report) -> Option<Section> {
    let open = crate::model::request::open_requests(r.board);
    if open.is_empty() {
        return None;
    }
    let rows = open
        .iter()
        .map(|(task, request)| {
            let (kind, content) = match request {
                Request::Close { note, .. } => ("申请销号（待销号）".to_string(), note.clone()),
                Request::Extend {
                    to, reason, late, ..
                } => (
                    format!("延期申请至 {to}{}", if *late { "（逾期提出）" } else { "" }),
                    reason.clone(),
                ),
            };
            vec![
                task.id.to_string(),
                task.title.clone(),
                super::deadline_text(task),
                join_units(&task.lead_units),
                kind,
                format!("{} {}", request.by(), request.at().date_naive()),
                content,
            ]
        })
        .collect();
    Some(Section {
        title: format!("待审批申请（{} 项）", open.len()),
        blocks: vec![table(
            vec![
                "序号",
                "任务",
                "时间节点",
                "牵头单位",
                "申请",
                "申请人及日期",
                "内容",
            ],
            rows,
            "",
        )],
    })
}

/// Tasks whose deadline an extension moved: the original (原定) beside the current one.
pub fn extensions_section(r: &Report) -> Option<Section> {
    let rows: Vec<Vec<String>> = r
        .board
        .tasks
        .iter()
        .filter_map(|task| {
            let original = task.original_deadline.filter(|o| *o != task.deadline)?;
            Some(vec![
                task.id.to_string(),
                task.title.clone(),
                original.to_string(),
                task.deadline.to_string(),
                join_units(&task.lead_units),
            ])
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    Some(Section {
        title: format!("已批准延期的任务（{} 项）", rows.len()),
        blocks: vec![table(
            vec!["序号", "任务", "原定时间节点", "现时间节点", "牵头单位"],
            rows,
            "",
        )],
    })
}
