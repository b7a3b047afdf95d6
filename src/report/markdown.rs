//! The report in Markdown, for minutes and email. All text from the board is cleaned of control
//! and invisible characters, and table cells escape `|` so a title cannot break a table.

use std::fmt::Write;

use super::{Report, note_time, percent};
use crate::i18n::Lang;
use crate::model::sanitize::clean_line;
use crate::model::{Status, Task, join_units};

/// One table cell: a single clean line with `\` and `|` escaped.
fn cell(text: &str) -> String {
    clean_line(text).replace('\\', "\\\\").replace('|', "\\|")
}

fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
}

fn leads(task: &Task) -> String {
    cell(&join_units(&task.lead_units))
}

pub fn render(r: &Report) -> String {
    let zh = Lang::Zh;
    let plan = &r.board.plan;
    let s = &r.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} 推进情况报告（{}）\n",
        clean_line(&plan.document_number),
        r.today
    );
    let _ = writeln!(out, "- 方案：{}", clean_line(&plan.title));
    let _ = writeln!(out, "- 报告日期：{}", r.today);
    let _ = writeln!(out, "- 进展统计区间：{} 至 {}\n", r.since, r.today);

    let _ = writeln!(out, "## 一、总体情况\n");
    let mut rows = vec![vec!["任务总数".to_string(), s.total.to_string()]];
    for status in Status::ALL {
        rows.push(vec![zh.status(status).into(), s.count(status).to_string()]);
    }
    let warn_days = r.board.settings.warn_days;
    rows.extend([
        vec!["逾期未完成".into(), s.overdue.to_string()],
        vec![format!("{warn_days} 天内到期"), s.due_soon.to_string()],
        vec!["按期完成".into(), s.done_on_time.to_string()],
        vec!["超期完成".into(), s.done_late.to_string()],
        vec![
            "按期完成率（占已完成）".into(),
            percent(s.on_time_share_of_done()),
        ],
        vec![
            "按期完成占全部任务".into(),
            percent(s.on_time_share_of_all()),
        ],
    ]);
    table(&mut out, &["项目", "数值"], &rows);

    let _ = writeln!(out, "\n## 二、逾期任务（{} 项）\n", r.overdue.len());
    if r.overdue.is_empty() {
        let _ = writeln!(out, "无逾期任务。");
    } else {
        let rows: Vec<Vec<String>> = r
            .overdue
            .iter()
            .map(|(t, days)| {
                vec![
                    t.id.to_string(),
                    cell(&t.title),
                    t.deadline.to_string(),
                    days.to_string(),
                    leads(t),
                    zh.status(t.status).into(),
                ]
            })
            .collect();
        let header = ["序号", "任务", "时间节点", "逾期天数", "牵头单位", "状态"];
        table(&mut out, &header, &rows);
    }

    let _ = writeln!(out, "\n## 三、需协调任务（{} 项）\n", r.blocked.len());
    if r.blocked.is_empty() {
        let _ = writeln!(out, "无需协调任务。");
    } else {
        let rows: Vec<Vec<String>> = r
            .blocked
            .iter()
            .map(|t| {
                let latest = r
                    .latest_note(t)
                    .map(|n| format!("{} {}", note_time(n), cell(&n.text)))
                    .unwrap_or_else(|| "—".into());
                vec![
                    t.id.to_string(),
                    cell(&t.title),
                    t.deadline.to_string(),
                    zh.urgency(r.board.urgency(t, r.today)),
                    leads(t),
                    latest,
                ]
            })
            .collect();
        let header = [
            "序号",
            "任务",
            "时间节点",
            "期限情况",
            "牵头单位",
            "最新进展",
        ];
        table(&mut out, &header, &rows);
    }

    let _ = writeln!(out, "\n## 四、各单位情况\n");
    let rows: Vec<Vec<String>> = r
        .units
        .iter()
        .map(|u| {
            vec![
                cell(&u.unit),
                u.lead.to_string(),
                u.cooperating.to_string(),
                u.done.to_string(),
                u.overdue.to_string(),
                percent(u.on_time_rate()),
            ]
        })
        .collect();
    let header = ["单位", "牵头", "配合", "已完成", "逾期", "按期完成率"];
    table(&mut out, &header, &rows);

    let _ = writeln!(out, "\n## 五、逾期排名（按逾期牵头任务数、逾期天数合计）\n");
    if r.ranking.is_empty() {
        let _ = writeln!(out, "无单位牵头的任务逾期。");
    } else {
        let rows: Vec<Vec<String>> = r
            .ranking
            .iter()
            .map(|u| {
                let ids: Vec<String> = u.tasks.iter().map(|(id, _)| id.to_string()).collect();
                vec![
                    u.rank.to_string(),
                    cell(&u.unit),
                    u.tasks.len().to_string(),
                    u.days().to_string(),
                    ids.join("、"),
                ]
            })
            .collect();
        let header = ["名次", "单位", "逾期牵头任务", "逾期天数合计", "任务序号"];
        table(&mut out, &header, &rows);
    }

    let _ = writeln!(
        out,
        "\n## 六、近期进展（{} 至 {}，{} 条）\n",
        r.since,
        r.today,
        r.notes.len()
    );
    if r.notes.is_empty() {
        let _ = writeln!(out, "此期间无新进展。");
    }
    for (id, note) in &r.notes {
        let title = r.board.task(*id).map(|t| clean_line(&t.title));
        let decision = if note.decision {
            "【会议决定】"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- {} 任务 {id}「{}」 {}：{decision}{}",
            note_time(note),
            title.unwrap_or_default(),
            clean_line(&note.author),
            clean_line(&note.text),
        );
    }
    out
}
