//! What changed in a window (`model::changes`) as text for the terminal (in the interface's
//! language), Markdown for minutes, and JSON for scripts. Text from the board is cleaned.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::model::Status;
use crate::model::changes::{ChangeItem, Changes};
use crate::model::sanitize::clean_line;

/// The change in words: "状态 推进中 -> 已完成（按期完成）", "note: 已对接".
pub fn describe(item: &ChangeItem, lang: Lang, arrow: &str) -> String {
    let zh = lang == Lang::Zh;
    let text = || clean_line(item.text.as_deref().unwrap_or(""));
    let status = |name: &Option<String>| {
        name.as_deref().and_then(Status::parse).map_or_else(
            || clean_line(name.as_deref().unwrap_or("")),
            |s| lang.status(s).to_string(),
        )
    };
    let mut out = match item.kind {
        "status" => {
            let mut out = format!(
                "{} {} {arrow} {}",
                if zh { "状态" } else { "status" },
                status(&item.from),
                status(&item.to)
            );
            match (item.completion, item.days_late, zh) {
                (Some("late"), Some(days), true) => {
                    out.push_str(&format!("（超期 {days} 天完成）"))
                }
                (Some("late"), Some(days), false) => out.push_str(&format!(" ({days} days late)")),
                (Some(_), _, true) => out.push_str("（按期完成）"),
                (Some(_), _, false) => out.push_str(" (on time)"),
                _ => {}
            }
            out
        }
        "note" => format!("{}{}", if zh { "进展：" } else { "note: " }, text()),
        "decision" => format!("{}{}", if zh { "会议决定：" } else { "decision: " }, text()),
        "note_removed" => format!(
            "{}{}",
            if zh {
                "删除进展："
            } else {
                "note removed: "
            },
            text()
        ),
        "field" => {
            let name = item.field.as_deref().unwrap_or("");
            let label = lang
                .field_named(name)
                .map_or_else(|| clean_line(name), str::to_string);
            let value = |v: &Option<String>| clean_line(v.as_deref().unwrap_or(""));
            let sep = if zh { "：" } else { ": " };
            format!(
                "{label}{sep}{} {arrow} {}",
                value(&item.from),
                value(&item.to)
            )
        }
        "task_added" => format!(
            "{}{}",
            if zh {
                "新增任务："
            } else {
                "task added: "
            },
            clean_line(&item.title)
        ),
        "task_deleted" => format!(
            "{}{}",
            if zh {
                "删除任务："
            } else {
                "task deleted: "
            },
            clean_line(&item.title)
        ),
        "became_overdue" => {
            let deadline = item.deadline.map(|d| d.to_string()).unwrap_or_default();
            if zh {
                format!("逾期（时间节点 {deadline}）")
            } else {
                format!("became overdue (deadline {deadline})")
            }
        }
        "milestone" => {
            let number = item.field.as_deref().unwrap_or("");
            let value = |v: &Option<String>| clean_line(v.as_deref().unwrap_or("—"));
            let due = item.deadline.map(|d| d.to_string()).unwrap_or_default();
            let how = match (item.days_late, zh) {
                (Some(days), true) => format!("超期 {days} 天"),
                (None, true) => "按期".to_string(),
                (Some(days), false) => {
                    format!("{days} {} late", if days == 1 { "day" } else { "days" })
                }
                (None, false) => "on time".to_string(),
            };
            match (item.milestone, zh) {
                (Some("added"), true) => format!("新增节点 {number}：{}（{due}）", value(&item.to)),
                (Some("added"), false) => {
                    format!("milestone {number} added: {} (due {due})", value(&item.to))
                }
                (Some("done"), true) => format!("节点 {number} 完成：{}（{how}）", value(&item.to)),
                (Some("done"), false) => {
                    format!("milestone {number} done: {} ({how})", value(&item.to))
                }
                (Some("reopened"), true) => format!("节点 {number} 重新打开：{}", value(&item.to)),
                (Some("reopened"), false) => {
                    format!("milestone {number} reopened: {}", value(&item.to))
                }
                (Some("deleted"), true) => format!("删除节点 {number}：{}", value(&item.from)),
                (Some("deleted"), false) => {
                    format!("milestone {number} deleted: {}", value(&item.from))
                }
                (_, true) => format!(
                    "节点 {number}：{} {arrow} {}（{due}）",
                    value(&item.from),
                    value(&item.to)
                ),
                (_, false) => format!(
                    "milestone {number}: {} {arrow} {} (due {due})",
                    value(&item.from),
                    value(&item.to)
                ),
            }
        }
        "meeting" => {
            let date = item.to.as_deref().unwrap_or("");
            if zh {
                format!("召开协调会 {date}")
            } else {
                format!("coordination meeting on {date}")
            }
        }
        other => other.to_string(),
    };
    match (item.via, zh) {
        (Some(crate::model::Via::Undo), true) => out.push_str(" [已撤销]"),
        (Some(crate::model::Via::Redo), true) => out.push_str(" [已重做]"),
        (Some(crate::model::Via::Undo), false) => out.push_str(" [undone]"),
        (Some(crate::model::Via::Redo), false) => out.push_str(" [redone]"),
        (None, _) => {}
    }
    out
}

/// The heading of one task's group: "#3 支持企业申请AEO认证", or the board's own for meetings.
fn group_heading(task: Option<u32>, items: &[&ChangeItem], lang: Lang) -> String {
    match task {
        Some(id) => {
            let title = items
                .iter()
                .rev()
                .find(|i| !i.title.is_empty())
                .map_or("", |i| &i.title);
            format!("#{id} {}", clean_line(title))
        }
        None if lang == Lang::Zh => "全局".to_string(),
        None => "Board".to_string(),
    }
}

pub fn text(changes: &Changes, lang: Lang) -> String {
    let mut out = String::new();
    let count = changes.changes.len();
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "变化 {} 至 {}（共 {count} 项）",
            changes.since, changes.until
        ),
        Lang::En => writeln!(
            out,
            "Changes {} to {} ({count})",
            changes.since, changes.until
        ),
    };
    for (task, items) in changes.by_task() {
        let _ = writeln!(out, "\n{}", group_heading(task, &items, lang));
        for item in items {
            let who = if item.user.is_empty() {
                "-".to_string()
            } else {
                clean_line(&item.user)
            };
            let _ = writeln!(
                out,
                "  {}  {who}  {}",
                item.at.format("%Y-%m-%d %H:%M"),
                describe(item, lang, "->")
            );
        }
    }
    out
}

pub fn markdown(changes: &Changes) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# 变化情况（{} 至 {}）\n\n共 {} 项。",
        changes.since,
        changes.until,
        changes.changes.len()
    );
    let cell = |t: &str| clean_line(t).replace('\\', "\\\\").replace('|', "\\|");
    for (task, items) in changes.by_task() {
        let _ = writeln!(
            out,
            "\n## {}\n",
            cell(&group_heading(task, &items, Lang::Zh))
        );
        let _ = writeln!(out, "| 时间 | 人员 | 变化 |\n| --- | --- | --- |");
        for item in items {
            let who = if item.user.is_empty() {
                "—".to_string()
            } else {
                cell(&item.user)
            };
            let _ = writeln!(
                out,
                "| {} | {who} | {} |",
                item.at.format("%Y-%m-%d %H:%M"),
                cell(&describe(item, Lang::Zh, "→"))
            );
        }
    }
    out
}

pub fn json(changes: &Changes) -> String {
    // Plain data with string keys: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(changes).unwrap_or_default();
    text.push('\n');
    text
}
