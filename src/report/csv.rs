//! The report as CSV: one row per task with all its fields, for Excel and WPS.
//!
//! UTF-8 with a byte-order mark, because without one Excel and WPS read the file as GBK and garble
//! the Chinese. Records end in CRLF (RFC 4180). A text cell starting with `=`, `+`, `-` or `@` gets
//! a leading apostrophe so a spreadsheet never runs it as a formula.

use super::{Report, note_line};
use crate::i18n::Lang;
use crate::model::sanitize::clean_text;
use crate::model::{Task, Urgency, join_units};

pub const HEADER: [&str; 12] = [
    "序号",
    "任务",
    "任务内容",
    "时间节点",
    "牵头单位",
    "配合单位",
    "状态",
    "完成日期",
    "期限情况",
    "逾期天数",
    "剩余天数",
    "进展",
];

/// The light columns after [`HEADER`]: the task's light with why, its milestones done out of all,
/// its next milestone, and its red record.
pub const LIGHT_COLUMNS: [&str; 4] = ["灯", "节点", "下一节点", "曾亮红灯"];

/// A task's cells under [`LIGHT_COLUMNS`], not yet cleaned.
pub fn light_cells(r: &Report, task: &Task) -> [String; 4] {
    let item = r.lights.tasks.iter().find(|t| t.id == task.id);
    let next = crate::model::milestones::next_open(task)
        .map(|m| format!("{}.{} {} {}", task.id, m.number, m.due, m.title))
        .unwrap_or_default();
    [
        item.map(super::lights::light_words).unwrap_or_default(),
        super::lights::progress(task),
        next,
        super::lights::red_words(&r.lights, task.id),
    ]
}

/// Quotes a field when it holds a comma, a quote or a line break; doubles quotes inside.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A text cell from the board: cleaned, defused against formula injection, quoted.
fn text_cell(text: &str) -> String {
    let mut text = clean_text(text);
    if text.starts_with(['=', '+', '-', '@']) {
        text.insert(0, '\'');
    }
    quote(&text)
}

/// Every note on its own line.
fn notes_cell(task: &Task) -> String {
    let lines: Vec<String> = task.notes.iter().map(note_line).collect();
    text_cell(&lines.join("\n"))
}

fn row(r: &Report, task: &Task) -> Vec<String> {
    let urgency = r.board.urgency(task, r.today);
    let (overdue, left) = match urgency {
        Urgency::Overdue { days } => (days.to_string(), String::new()),
        Urgency::DueSoon { days_left } | Urgency::OnTrack { days_left } => {
            (String::new(), days_left.to_string())
        }
        Urgency::DoneOnTime | Urgency::DoneLate { .. } => (String::new(), String::new()),
    };
    vec![
        task.id.to_string(),
        text_cell(&task.title),
        text_cell(&task.text),
        text_cell(&super::deadline_text(task)),
        text_cell(&join_units(&task.lead_units)),
        text_cell(&join_units(&task.cooperating_units)),
        Lang::Zh.status(task.status).to_string(),
        task.completed_on.map(|d| d.to_string()).unwrap_or_default(),
        Lang::Zh.urgency(urgency),
        overdue,
        left,
        notes_cell(task),
    ]
}

pub fn render(r: &Report) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut header: Vec<&str> = HEADER.to_vec();
    header.extend(LIGHT_COLUMNS);
    if r.stage.is_some() {
        header.extend(super::tables::STAGE_COLUMNS);
    }
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for task in &r.board.tasks {
        let mut cells = row(r, task);
        cells.extend(light_cells(r, task).map(|c| text_cell(&c)));
        if let Some(stage) = &r.stage {
            cells.extend(super::tables::stage_marks(stage, task.id).map(|c| text_cell(&c)));
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    // A report on a past date the record does not fully cover says so, in a last row of its own.
    if let Some(notice) = r.notice() {
        out.push_str(&text_cell(&notice));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(quote("区科委、区经委"), "区科委、区经委");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(quote("一\n二"), "\"一\n二\"");
    }

    #[test]
    fn cells_that_look_like_formulas_get_an_apostrophe() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text_cell("+1"), "'+1");
        assert_eq!(text_cell("-2"), "'-2");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("a=b"), "a=b");
    }

    #[test]
    fn control_characters_are_removed_before_quoting() {
        // Removing the zero-width space exposes the `=`: the guard must see the cleaned text.
        assert_eq!(text_cell("\u{200B}=1\u{1b}"), "'=1");
    }
}
