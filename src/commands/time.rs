//! The commands about time: recording meetings, listing them, and what changed in a window.

use chrono::NaiveDate;

use super::{Failure, change, print_out, resolve_unit, standing};
use crate::cli::{ChangesFormat, Cli};
use crate::i18n::Lang;
use crate::model::{Board, Operation, TaskId};
use crate::store::Store;

pub fn meeting(cli: &Cli, store: &Store, date: Option<NaiveDate>) -> Result<(), Failure> {
    let board = store.load()?.board;
    let date = date.unwrap_or_else(|| board.settings.today_at(crate::clock::system_now()));
    change(cli, store, Operation::RecordMeeting { date })
}

pub fn meetings(store: &Store) -> Result<(), Failure> {
    let board = store.load()?.board;
    let history = store.load_history()?;
    let mut out = String::new();
    for meeting in &board.meetings {
        // Who recorded it, from the history (a meeting merged in from elsewhere may have none).
        let by = history
            .entries()
            .iter()
            .rev()
            .find(
                |e| matches!(e.change, crate::model::Change::Meeting { date } if date == meeting.0),
            )
            .map(|e| crate::model::sanitize::clean_line(&e.user))
            .unwrap_or_default();
        out.push_str(&format!("{}\t{by}\n", meeting.0));
    }
    if board.meetings.is_empty() {
        eprintln!(
            "{}: no meeting recorded yet (record one with `ftz-board meeting`, or open the review)",
            store.path().display()
        );
    }
    print_out(&out)
}

/// `--since`: a date, or the day of the last meeting before `until`.
fn since_date(text: &str, board: &Board, until: NaiveDate) -> Result<NaiveDate, Failure> {
    if text.trim() == "last-meeting" {
        return board
            .meetings
            .iter()
            .rev()
            .map(|m| m.0)
            .find(|d| *d < until)
            .ok_or_else(|| {
                Failure(format!(
                    "no meeting recorded before {until} (record one with `ftz-board meeting`, or give --since YYYY-MM-DD)"
                ))
            });
    }
    text.trim().parse().map_err(|_| {
        Failure(format!(
            "`{}` is not a date (expected YYYY-MM-DD or last-meeting)",
            crate::model::sanitize::clean_line(text)
        ))
    })
}

pub fn changes(
    cli: &Cli,
    store: &Store,
    lang: Lang,
    since: &str,
    until: Option<NaiveDate>,
    format: ChangesFormat,
) -> Result<(), Failure> {
    let mut standing = standing(cli, store)?;
    let (current, history) = standing.with_history(store)?;
    let until = until.unwrap_or_else(|| super::today(cli, current));
    let since = since_date(since, current, until)?;
    if since > until {
        return Err(Failure(format!(
            "--since {since} is after --until {until} (expected an earlier date)"
        )));
    }
    let unit = cli
        .unit
        .as_deref()
        .map(|u| resolve_unit(current, u))
        .transpose()?;
    let keep = |board: &Board, id: TaskId| match &unit {
        None => true,
        Some(unit) => board
            .task(id)
            .is_some_and(|t| board.units_of(t).iter().any(|(u, _)| u == unit)),
    };
    let found = crate::model::changes::changes(current, history, since, until, keep);
    let text = match format {
        ChangesFormat::Text => crate::report::changes::text(&found, lang),
        ChangesFormat::Md => crate::report::changes::markdown(&found),
        ChangesFormat::Json => crate::report::changes::json(&found),
    };
    print_out(&text)
}
