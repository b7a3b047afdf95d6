//! `e` in the board: the report files next to the board file.

use crate::store::Store;

/// `e` in the board: today's report as a workbook (for the offices) and Markdown (for minutes and
/// email), next to the board file. Never over an earlier report: a second export the same day
/// gets the next free number (`-2`). With the board filtered to a unit, the report is that unit's
/// (its tasks, lead or cooperating, and its name in the title and the file name), as
/// `report --unit` gives it.
pub(super) fn export(
    app: &crate::app::App,
    session: &super::Session,
) -> Result<Vec<std::path::PathBuf>, crate::report::ReportError> {
    let unit = app.filter().unit.as_ref().map(|(unit, _)| unit.clone());
    export_board(app.board(), &session.store, app.today(), unit, None)
}

/// Today's report of `board` (narrowed to `unit`, if given) next to its file.
pub(super) fn export_board(
    board: &crate::model::Board,
    store: &Store,
    today: chrono::NaiveDate,
    unit: Option<String>,
    board_name: Option<&str>,
) -> Result<Vec<std::path::PathBuf>, crate::report::ReportError> {
    use crate::report::{Format, Report, default_since, write_new_reports};
    let folder = crate::store::folder_of(store.path());
    // The message names the folder: `/srv/board` says more than `.`.
    let folder = std::path::absolute(&folder).unwrap_or(folder);
    let board = match &unit {
        None => std::borrow::Cow::Borrowed(board),
        Some(unit) => std::borrow::Cow::Owned(unit_board(board, unit)),
    };
    let mut report = Report::new(&board, today, default_since(today));
    report.unit = unit;
    report.board_name = board_name.map(str::to_string);
    write_new_reports(&report, &folder, &[Format::Xlsx, Format::Markdown])
}

/// The board with only the tasks `unit` leads or cooperates on.
fn unit_board(board: &crate::model::Board, unit: &str) -> crate::model::Board {
    let mut narrowed = board.clone();
    narrowed
        .tasks
        .retain(|task| board.units_of(task).iter().any(|(u, _)| *u == unit));
    narrowed
}
