//! `report`: a dated progress report for upward reporting (定期上报) — summary counts, overdue and
//! blocked tasks, the per-unit table, the overdue ranking and the notes added since a date.
//!
//! Every figure comes from [`crate::model::stats`]; this module only lays them out as Markdown (for
//! minutes and email), CSV (one row per task, for Excel/WPS), JSON (for scripts) or an .xlsx
//! workbook. The report is written in Chinese: its readers are the district's offices.

pub mod changes;
mod csv;
mod cycle_tables;
mod document;
mod docx;
mod export_files;
pub use export_files::{numbered_report_path, write_new_reports};
mod json;
mod json_lights;
pub mod json_text;
mod lights;
pub use lights::LightFigures;
mod markdown;
mod tables;
mod xlsx;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};

use crate::model::sanitize::clean_line;
use crate::model::stage::Stage;
use crate::model::stats::{self, OverdueRank, Summary, UnitRow};
use crate::model::{Board, Completeness, Note, Status, Task, TaskId};

/// How the report is written. `md` also answers to `markdown` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[value(name = "md", alias = "markdown")]
    Markdown,
    Csv,
    Json,
    Xlsx,
    /// A Word document laid out as an official document (公文, GB/T 9704).
    Docx,
}

impl Format {
    /// A format that cannot go to the terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Docx)
    }

    /// The file name extension, also the name on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
        }
    }
}

/// Everything in a report, computed once for every format.
pub struct Report<'a> {
    pub board: &'a Board,
    pub today: NaiveDate,
    /// Notes from this date through `today` are listed.
    pub since: NaiveDate,
    pub summary: Summary,
    /// Overdue tasks, most days overdue first.
    pub overdue: Vec<(&'a Task, i64)>,
    /// Tasks marked 需协调, in id order.
    pub blocked: Vec<&'a Task>,
    pub units: Vec<UnitRow>,
    pub ranking: Vec<OverdueRank>,
    pub notes: Vec<(TaskId, &'a Note)>,
    /// How far the board at the report date can be trusted (a report on a past date is
    /// reconstructed from the history).
    pub completeness: Completeness,
    /// The stage evaluation, for `report --from --to`.
    pub stage: Option<Stage>,
    /// The unit whose tasks the report covers (`--unit`), for its title.
    pub unit: Option<String>,
    /// The board's name, when it is one board of a city view: in the title and the file name,
    /// so that reports of two boards kept side by side are told apart.
    pub board_name: Option<String>,
    /// Reporting timeliness per unit over the last periods, when the board has a cycle.
    pub timeliness: Option<crate::model::cycle::Timeliness>,
    /// Lights red first, per unit, and the red record (set by the caller from the history).
    pub lights: LightFigures,
}

/// How many reporting periods the timeliness table covers (half a year of months).
pub const TIMELINESS_PERIODS: usize = 6;

/// A task's deadline, with the original one (原定) once an extension moved it.
pub(crate) fn deadline_text(task: &Task) -> String {
    match task.original_deadline {
        Some(original) if original != task.deadline => {
            format!("{}（原定 {original}）", task.deadline)
        }
        _ => task.deadline.to_string(),
    }
}

impl<'a> Report<'a> {
    pub fn new(board: &'a Board, today: NaiveDate, since: NaiveDate) -> Report<'a> {
        Report {
            board,
            today,
            since,
            summary: stats::summary(board, today),
            overdue: stats::overdue_tasks(board, today),
            blocked: board
                .tasks
                .iter()
                .filter(|t| t.status == Status::Blocked)
                .collect(),
            units: stats::unit_table(board, today),
            ranking: stats::overdue_ranking(board, today),
            notes: stats::notes_since(board, since, today),
            completeness: Completeness::Complete,
            stage: None,
            unit: None,
            board_name: None,
            timeliness: crate::model::cycle::timeliness(board, today, TIMELINESS_PERIODS),
            lights: LightFigures::new(board, today),
        }
    }

    /// The note every format prints when the board at the report date may be incomplete.
    pub fn notice(&self) -> Option<String> {
        match self.completeness {
            Completeness::Complete => None,
            Completeness::IncompleteBefore(day) => Some(format!(
                "注：{day} 前的变更记录不完整（此日期前的变更记录不完整，来自版本 1 的文件），本报告所示情况可能与当时不符。"
            )),
            Completeness::BeforeBoard(day) => Some(format!(
                "注：本看板建立于 {day}，此前的变更没有记录，本报告按看板建立时的情况显示。"
            )),
        }
    }

    /// A task's latest note written on or before the report date: a report dated in the past does
    /// not quote what was written after it.
    pub fn latest_note(&self, task: &'a Task) -> Option<&'a Note> {
        task.notes
            .iter()
            .filter(|n| n.at.date_naive() <= self.today)
            .max_by_key(|n| n.at)
    }

    /// The rank of a unit in the overdue ranking, if it is ranked.
    pub fn rank_of(&self, unit: &str) -> Option<usize> {
        self.ranking.iter().find(|r| r.unit == unit).map(|r| r.rank)
    }
}

#[derive(Debug)]
pub enum ReportError {
    /// An .xlsx workbook cannot go to the terminal.
    OutputRequired(Format),
    /// The output file exists and `--force` was not given.
    Exists(PathBuf),
    SinceAfterToday {
        since: NaiveDate,
        today: NaiveDate,
    },
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    Xlsx(String),
    Docx(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::OutputRequired(format) => write!(
                f,
                "--format {} needs --output PATH (a workbook or a Word document cannot be written to the terminal)",
                format.extension()
            ),
            ReportError::Exists(path) => write!(
                f,
                "{}: exists already (use --force to replace it)",
                path.display()
            ),
            ReportError::SinceAfterToday { since, today } => write!(
                f,
                "--since {since} is after the report date {today} (expected an earlier date)"
            ),
            ReportError::Io {
                path,
                action,
                source,
            } => write!(f, "{}: cannot {action}: {source}", path.display()),
            ReportError::Xlsx(message) => write!(f, "cannot build the workbook: {message}"),
            ReportError::Docx(message) => write!(f, "cannot build the Word document: {message}"),
        }
    }
}

impl std::error::Error for ReportError {}

/// The report's title: "闵府发〔2024〕17号 区商务委 推进情况报告（2025-06-30）", or for a stage
/// evaluation "… 阶段性评估报告（2025-01-01 至 2025-06-30）".
pub fn report_title(r: &Report) -> String {
    let number = clean_line(&r.board.plan.document_number);
    let unit: String = [r.board_name.as_deref(), r.unit.as_deref()]
        .into_iter()
        .flatten()
        .map(|name| format!(" {}", clean_line(name)))
        .collect();
    match &r.stage {
        Some(stage) => format!(
            "{number}{unit} 阶段性评估报告（{} 至 {}）",
            stage.from, stage.to
        ),
        None => format!("{number}{unit} 推进情况报告（{}）", r.today),
    }
}

/// The default start of "notes added since": 30 days before the report date.
pub fn default_since(today: NaiveDate) -> NaiveDate {
    today.checked_sub_days(Days::new(30)).unwrap_or(today)
}

/// Where the board's export key writes: `DIR/ftz-report-2026-11-26.xlsx`.
pub fn default_report_path(dir: &Path, today: NaiveDate, format: Format) -> PathBuf {
    dir.join(format!("ftz-report-{today}.{}", format.extension()))
}

/// The report on the board as it stands, as the bytes of a file in `format`.
pub fn render(
    board: &Board,
    today: NaiveDate,
    since: NaiveDate,
    format: Format,
) -> Result<Vec<u8>, ReportError> {
    render_report(&Report::new(board, today, since), format)
}

/// A report as the bytes of a file in `format`.
pub fn render_report(report: &Report, format: Format) -> Result<Vec<u8>, ReportError> {
    let (since, today) = (report.since, report.today);
    if since > today {
        return Err(ReportError::SinceAfterToday { since, today });
    }
    Ok(match format {
        Format::Markdown => markdown::render(report).into_bytes(),
        Format::Csv => csv::render(report).into_bytes(),
        Format::Json => json::render(report).into_bytes(),
        Format::Xlsx => xlsx::render(report)?,
        Format::Docx => docx::render(report)?,
    })
}

/// The report as text, for stdout. A workbook is refused: it needs a file.
pub fn render_text(report: &Report, format: Format) -> Result<String, ReportError> {
    if format.is_binary() {
        return Err(ReportError::OutputRequired(format));
    }
    let bytes = render_report(report, format)?;
    // The text formats are built as Strings, so this is always UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Writes the report on the board as it stands to `path` (see [`write_report_to`]).
pub fn write_report(
    board: &Board,
    today: NaiveDate,
    since: NaiveDate,
    format: Format,
    path: &Path,
    force: bool,
) -> Result<(), ReportError> {
    write_report_to(&Report::new(board, today, since), format, path, force)
}

/// Writes a report to `path` atomically (temporary file in the same folder, then rename). Without
/// `force` an existing file is left untouched and the call fails with [`ReportError::Exists`].
pub fn write_report_to(
    report: &Report,
    format: Format,
    path: &Path,
    force: bool,
) -> Result<(), ReportError> {
    let bytes = render_report(report, format)?;
    write_file(path, &bytes, force)
}

/// Writes a text (a combined report on several boards) as [`write_report_to`] writes a report.
pub fn write_text_file(path: &Path, text: &str, force: bool) -> Result<(), ReportError> {
    write_file(path, text.as_bytes(), force)
}

fn io_error(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> ReportError {
    let path = path.to_path_buf();
    move |source| ReportError::Io {
        path,
        action,
        source,
    }
}

fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), ReportError> {
    if path.is_dir() {
        return Err(ReportError::Io {
            path: path.to_path_buf(),
            action: "write the report",
            source: std::io::Error::other("it is a folder (expected a file name)"),
        });
    }
    // A dangling symbolic link counts as existing too: replacing it is still an overwrite.
    if !force && path.symlink_metadata().is_ok() {
        return Err(ReportError::Exists(path.to_path_buf()));
    }
    let folder = crate::store::folder_of(path);
    let mut temp = tempfile::Builder::new()
        .prefix(".ftz-report.")
        .suffix(".tmp")
        // Readable by colleagues as any new file would be (0666 less the umask), not 0600.
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(&folder)
        .map_err(io_error(&folder, "create a temporary file in"))?;
    temp.write_all(bytes)
        .and_then(|_| temp.as_file().sync_all())
        .map_err(io_error(temp.path(), "write"))?;
    let persisted = if force {
        temp.persist(path)
    } else {
        // Refuses atomically if someone created the file since the check above.
        temp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(ReportError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(io_error(path, "write")(e.error)),
    }
}

/// "50.0%", or "—" when there is no figure (nothing done yet).
pub(crate) fn percent(share: Option<f64>) -> String {
    match share {
        Some(s) => format!("{:.1}%", s * 100.0),
        None => "—".to_string(),
    }
}

/// "2025-05-10 09:30": a note's time as its author's clock showed it.
pub(crate) fn note_time(note: &Note) -> String {
    note.at.format("%Y-%m-%d %H:%M").to_string()
}

/// One note as a line of the task sheet: "2025-05-10 09:30 张三：【会议决定】text". Not yet cleaned:
/// each format cleans the whole cell.
pub(crate) fn note_line(note: &Note) -> String {
    let decision = if note.decision {
        "【会议决定】"
    } else {
        ""
    };
    format!(
        "{} {}：{decision}{}",
        note_time(note),
        clean_line(&note.author),
        note.text.trim()
    )
}
