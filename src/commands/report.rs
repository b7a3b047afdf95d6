//! `report`: the dated progress report (定期上报) and, with `--from`, the stage evaluation
//! (阶段性评估). A report on a past date shows the board as it then stood.

use std::path::Path;

use chrono::{Days, NaiveDate};

use super::{Failure, Standing, narrowed, resolve_unit, standing};
use crate::cli::Cli;
use crate::model::{AsOf, Board, Completeness, TaskId};
use crate::report::{Format, Report, default_since, render_text, write_report_to};
use crate::store::Store;

/// What the command line asked for.
pub struct Asked<'a> {
    pub format: Format,
    pub since: Option<NaiveDate>,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

pub fn report(cli: &Cli, store: &Store, asked: &Asked) -> Result<(), Failure> {
    with_report(cli, store, asked, |report| match asked.output {
        Some(path) => {
            write_report_to(report, asked.format, path, asked.force)?;
            println!("{}: report written", path.display());
            Ok(())
        }
        None => super::print_out(&render_text(report, asked.format)?),
    })
}

/// Builds the report `asked` for the board in `store` and hands it to `use_it` (several boards'
/// reports are combined by `commands::boards`).
pub(crate) fn with_report<R>(
    cli: &Cli,
    store: &Store,
    asked: &Asked,
    use_it: impl FnOnce(&Report) -> Result<R, Failure>,
) -> Result<R, Failure> {
    let mut standing = standing(cli, store)?;
    if asked.to.is_some() && asked.from.is_none() {
        return Err(Failure(
            "--to needs --from (the stage evaluation compares the board at two dates)".into(),
        ));
    }
    let (board, completeness, stage) = match asked.from {
        None => (
            narrowed(cli, standing.board.clone())?,
            standing.completeness,
            None,
        ),
        Some(from) => {
            let to = asked.to.unwrap_or(standing.date);
            if from >= to {
                return Err(Failure(format!(
                    "--from {from} is not before --to {to} (expected an earlier date)"
                )));
            }
            let (board, completeness, stage) = evaluate(cli, store, &mut standing, from, to)?;
            (board, completeness, Some(stage))
        }
    };
    let today = stage.as_ref().map_or(standing.date, |s| s.to);
    let since = asked.since.unwrap_or_else(|| match &stage {
        // A stage evaluation lists the notes and decisions of its period.
        Some(stage) => stage
            .from
            .checked_add_days(Days::new(1))
            .unwrap_or(stage.from),
        None => default_since(today),
    });
    let mut report = Report::new(&board, today, since);
    report.completeness = completeness;
    report.stage = stage;
    report.unit = cli
        .unit
        .as_deref()
        .map(|u| resolve_unit(&standing.current, u))
        .transpose()?;
    // 曾亮红灯 through the report date, from the history.
    let (current, history) = standing.with_history(store)?;
    report.lights.red_record = crate::model::red_record::red_records(current, history, today);
    use_it(&report)
}

/// The board at `to`, how far it can be trusted (the weaker of both dates), and the stage
/// evaluation of the period.
fn evaluate(
    cli: &Cli,
    store: &Store,
    standing: &mut Standing,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(Board, Completeness, crate::model::stage::Stage), Failure> {
    let (current, history) = standing.with_history(store)?;
    let at = |date| AsOf::at(current, history, date);
    let (start, end) = (at(from), at(to));
    let completeness = match (start.completeness(history), end.completeness(history)) {
        (Completeness::Complete, other) => other,
        (weaker, _) => weaker,
    };
    let unit = cli
        .unit
        .as_deref()
        .map(|u| resolve_unit(current, u))
        .transpose()?;
    let keep = |board: &Board, id: TaskId| {
        unit.as_ref().is_none_or(|unit| {
            board
                .task(id)
                .is_some_and(|t| board.units_of(t).iter().any(|(u, _)| u == unit))
        })
    };
    let first = from.checked_add_days(Days::new(1)).unwrap_or(from);
    let happened = crate::model::changes::changes(current, history, first, to, keep);
    let (start, end) = (narrowed(cli, start.board)?, narrowed(cli, end.board)?);
    let stage = crate::model::stage::stage(&start, &end, &happened, from, to);
    Ok((end, completeness, stage))
}
