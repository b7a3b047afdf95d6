//! `remind`: per unit, the open tasks not yet reported in a period (催报), for cron and mail.

use serde_json::json;

use super::Failure;
use crate::cli::{Cli, RemindFormat};
use crate::i18n::Lang;
use crate::model::cycle::{Period, Reminder, reminders};
use crate::model::sanitize::clean_line;
use crate::model::{Board, ReportState};
use crate::store::Store;

/// Prints the reminders; `Ok(true)` when some reports are missing (the caller exits 3).
pub fn remind(
    cli: &Cli,
    store: &Store,
    lang: Lang,
    format: RemindFormat,
    period: Option<&str>,
) -> Result<bool, Failure> {
    let board = store.load()?.board;
    let today = super::today(cli, &board);
    let Some(cycle) = &board.settings.report_cycle else {
        return Err(Failure(format!(
            "{}: no reporting cycle: set settings.report_cycle to Some(monthly(day: 5)) or Some(weekly(weekday: \"tue\"))",
            store.path().display()
        )));
    };
    let period = match period.map(str::trim) {
        None => cycle.period_of(today),
        Some(p) if p.eq_ignore_ascii_case("current") => cycle.period_of(today),
        Some(p) => Some(cycle.parse_period(p).map_err(Failure)?),
    }
    .ok_or_else(|| {
        Failure(format!(
            "{}: the report cycle's weekday is not valid (run check)",
            store.path().display()
        ))
    })?;
    let mut list = reminders(&board, &period, today);
    // `--unit`: that unit's own list, for a mail to it alone.
    if let Some(unit) = &cli.unit {
        let unit = super::resolve_unit(&board, unit)?;
        list.retain(|r| r.unit == unit);
    }
    let text = match format {
        RemindFormat::Text => text(&board, &period, &list, lang),
        RemindFormat::Json => json(&board, &period, today, &list),
    };
    super::print_out(&text)?;
    Ok(!list.is_empty())
}

fn state_label(state: ReportState, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => state.zh(),
        Lang::En => state.en(),
    }
}

fn text(board: &Board, period: &Period, list: &[Reminder], lang: Lang) -> String {
    let mut out = match lang {
        Lang::Zh => format!(
            "催报 {}（{} 至 {}，截止 {}）\n",
            period.label, period.start, period.end, period.due
        ),
        Lang::En => format!(
            "Reports for {} ({} to {}, due {})\n",
            period.label, period.start, period.end, period.due
        ),
    };
    if list.is_empty() {
        out.push_str(match lang {
            Lang::Zh => "各单位本期均已上报\n",
            Lang::En => "every unit has reported this period\n",
        });
    }
    for reminder in list {
        let unit = clean_line(&reminder.unit);
        let members: Vec<String> = reminder.members.iter().map(|m| clean_line(m)).collect();
        let n = reminder.tasks.len();
        out.push('\n');
        out.push_str(&match (lang, members.is_empty()) {
            (Lang::Zh, true) => format!("{unit}（{n} 项未报）\n"),
            (Lang::Zh, false) => format!("{unit}（{n} 项未报；{}）\n", members.join("、")),
            (Lang::En, true) => format!("{unit} ({n} not reported)\n"),
            (Lang::En, false) => {
                format!(
                    "{unit} ({n} not reported; members: {})\n",
                    members.join(", ")
                )
            }
        });
        for (id, state) in &reminder.tasks {
            let title = board
                .task(*id)
                .map(|t| clean_line(&t.title))
                .unwrap_or_default();
            out.push_str(&format!(
                "  #{id} {title} — {}\n",
                state_label(*state, lang)
            ));
        }
    }
    out
}

fn json(board: &Board, period: &Period, today: chrono::NaiveDate, list: &[Reminder]) -> String {
    let units: Vec<serde_json::Value> = list
        .iter()
        .map(|r| {
            let tasks: Vec<serde_json::Value> = r
                .tasks
                .iter()
                .map(|(id, state)| {
                    json!({
                        "id": id,
                        "title": board.task(*id).map(|t| t.title.as_str()).unwrap_or_default(),
                        "state": state.name(),
                    })
                })
                .collect();
            json!({ "unit": r.unit, "members": r.members, "tasks": tasks })
        })
        .collect();
    let missing: usize = list.iter().map(|r| r.tasks.len()).sum();
    let value = json!({
        "period": period.label,
        "start": period.start.to_string(),
        "end": period.end.to_string(),
        "due": period.due.to_string(),
        "today": today.to_string(),
        "missing": missing,
        "units": units,
    });
    crate::report::json_text::to_safe_json(&value)
}
