//! The tables of the stage evaluation as rows of text, shared by the formats that print tables
//! (Markdown, the workbook, the Word document). Text from the board is cleaned by each format.

use crate::i18n::Lang;
use crate::model::Status;
use crate::model::stage::Stage;
use crate::model::stats::Summary;

/// A titled table: its caption, header and rows.
pub struct Table {
    pub caption: String,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// Chinese section numbers for headings: 一、二、…
pub fn numeral(n: usize) -> &'static str {
    const NUMERALS: [&str; 12] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];
    NUMERALS.get(n).copied().unwrap_or("…")
}

fn change(from: usize, to: usize) -> String {
    let delta = to as i64 - from as i64;
    match delta {
        0 => "0".into(),
        d if d > 0 => format!("+{d}"),
        d => d.to_string(),
    }
}

/// The stage columns added to each task's row in the CSV and the workbook.
pub const STAGE_COLUMNS: [&str; 5] = [
    "期初状态",
    "期内完成",
    "期内新增逾期",
    "持续逾期",
    "新增需协调",
];

/// A task's cells under [`STAGE_COLUMNS`].
pub fn stage_marks(stage: &Stage, id: crate::model::TaskId) -> [String; 5] {
    let yes = |b: bool| if b { "是".to_string() } else { String::new() };
    let completed = stage.completed.iter().find(|c| c.id == id).map(|c| {
        c.days_late
            .map_or_else(|| "按期完成".to_string(), |d| format!("超期 {d} 天完成"))
    });
    [
        stage.start_status_of(id).map_or_else(
            || "（期初尚无）".to_string(),
            |s| Lang::Zh.status(s).to_string(),
        ),
        completed.unwrap_or_default(),
        yes(stage.became_overdue.iter().any(|(t, _, _)| *t == id)),
        yes(stage.still_overdue.iter().any(|s| s.id == id)),
        yes(stage.newly_blocked.iter().any(|(t, _)| *t == id)),
    ]
}

/// The stage evaluation's tables, in the order they are printed.
pub fn stage_tables(stage: &Stage) -> Vec<Table> {
    let zh = Lang::Zh;
    let (a, b) = (&stage.summary_start, &stage.summary_end);
    let line = |label: &str, f: fn(&Summary) -> usize| {
        vec![
            label.to_string(),
            f(a).to_string(),
            f(b).to_string(),
            change(f(a), f(b)),
        ]
    };
    let mut summary = vec![line("任务总数", |s| s.total)];
    for status in Status::ALL {
        let label = zh.status(status);
        summary.push(vec![
            label.into(),
            a.count(status).to_string(),
            b.count(status).to_string(),
            change(a.count(status), b.count(status)),
        ]);
    }
    summary.extend([
        line("逾期未完成", |s| s.overdue),
        line("按期完成", |s| s.done_on_time),
        line("超期完成", |s| s.done_late),
    ]);
    let on_time = stage
        .completed
        .iter()
        .filter(|c| c.days_late.is_none())
        .count();
    let completed = stage
        .completed
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                c.title.clone(),
                c.completed_on.to_string(),
                c.days_late
                    .map_or_else(|| "按期完成".to_string(), |d| format!("超期 {d} 天完成")),
            ]
        })
        .collect();
    let became = stage
        .became_overdue
        .iter()
        .map(|(id, title, deadline)| vec![id.to_string(), title.clone(), deadline.to_string()])
        .collect();
    let still = stage
        .still_overdue
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                s.title.clone(),
                s.days_at_start.to_string(),
                s.days_at_end.to_string(),
            ]
        })
        .collect();
    let blocked = stage
        .newly_blocked
        .iter()
        .map(|(id, title)| vec![id.to_string(), title.clone()])
        .collect();
    let units = stage
        .units
        .iter()
        .map(|u| {
            let (done_a, overdue_a) = u.start.as_ref().map_or((0, 0), |s| (s.done, s.overdue));
            vec![
                u.unit.clone(),
                done_a.to_string(),
                u.end.done.to_string(),
                change(done_a, u.end.done),
                overdue_a.to_string(),
                u.end.overdue.to_string(),
                change(overdue_a, u.end.overdue),
            ]
        })
        .collect();
    let (from, to) = (stage.from.to_string(), stage.to.to_string());
    vec![
        Table {
            caption: format!("期初与期末（{from} 至 {to}）"),
            header: vec!["项目", "期初", "期末", "变化"],
            rows: summary,
        },
        Table {
            caption: format!(
                "期内完成（{} 项：按期 {on_time} 项，超期 {} 项）",
                stage.completed.len(),
                stage.completed.len() - on_time
            ),
            header: vec!["序号", "任务", "完成日期", "完成情况"],
            rows: completed,
        },
        Table {
            caption: format!("期内新增逾期（{} 项）", stage.became_overdue.len()),
            header: vec!["序号", "任务", "时间节点"],
            rows: became,
        },
        Table {
            caption: format!("持续逾期（{} 项）", stage.still_overdue.len()),
            header: vec!["序号", "任务", "期初逾期天数", "期末逾期天数"],
            rows: still,
        },
        Table {
            caption: format!("新增需协调（{} 项）", stage.newly_blocked.len()),
            header: vec!["序号", "任务"],
            rows: blocked,
        },
        Table {
            caption: "各单位期初与期末".into(),
            header: vec![
                "单位",
                "期初已完成",
                "期末已完成",
                "变化",
                "期初逾期",
                "期末逾期",
                "变化",
            ],
            rows: units,
        },
    ]
}
