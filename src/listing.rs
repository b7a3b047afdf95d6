//! `list`: a plain-text listing grouped by status, for a pipe or an email.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::{Board, Status, join_units, sanitize::clean_line};

pub fn to_text(board: &Board, today: NaiveDate, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({} {today})",
        clean_line(&board.plan.document_number),
        clean_line(&board.plan.title),
        lang.strings().today
    );
    for status in Status::ALL {
        let tasks: Vec<_> = board.tasks.iter().filter(|t| t.status == status).collect();
        let _ = writeln!(out, "\n## {} ({})", lang.status(status), tasks.len());
        for task in tasks {
            let urgency = board.urgency(task, today);
            let _ = writeln!(
                out,
                "{:>3}. {}  [{} {}]  {}: {}",
                task.id,
                clean_line(&task.title),
                task.deadline,
                lang.urgency(urgency),
                lang.strings().lead_units,
                clean_line(&join_units(&task.lead_units)),
            );
        }
    }
    out
}
