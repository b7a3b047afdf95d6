//! The report as an .xlsx workbook, because the offices live in Excel and WPS: sheets 汇总 (summary),
//! 任务 (one row per task, with a filter), 单位 (per-unit table with the overdue ranking) and 近期进展
//! (notes since the start date). Header rows are bold and frozen; numbers are numbers, shares are
//! percentages; column widths follow the display width of the text, a Chinese character counting two.

use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::{Report, ReportError, note_line, note_time};
use crate::i18n::Lang;
use crate::model::sanitize::{clean_line, clean_text};
use crate::model::{Light, Status, Urgency, join_units};

/// Excel's limit is 32,767 UTF-16 units a cell; stay under it with room for the ellipsis.
const MAX_CELL_UTF16: usize = 32_000;
/// Wider columns wrap instead.
const MAX_WIDTH: usize = 50;
const MIN_WIDTH: usize = 6;

enum Cell {
    Text(String),
    Int(i64),
    /// A share from 0 to 1 shown as a percentage; `None` shows "—" (no figure yet).
    Share(Option<f64>),
    Blank,
}

fn text(s: &str) -> Cell {
    let clean = clean_text(s);
    let mut used = 0;
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        used += c.len_utf16();
        if used > MAX_CELL_UTF16 {
            out.push('…');
            break;
        }
        out.push(c);
    }
    Cell::Text(out)
}

fn int(n: impl Into<i64>) -> Cell {
    Cell::Int(n.into())
}

fn count(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn display_width(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
        Cell::Int(n) => n.to_string().len(),
        Cell::Share(_) => 6,
        Cell::Blank => 0,
    }
}

fn xlsx_error(e: XlsxError) -> ReportError {
    ReportError::Xlsx(e.to_string())
}

/// Writes one sheet: a bold, frozen header row, then the rows, then the column widths; with
/// `filter`, the header gets Excel's filter buttons.
fn write_sheet(
    workbook: &mut Workbook,
    name: &str,
    header: &[&str],
    rows: &[Vec<Cell>],
    filter: bool,
) -> Result<(), XlsxError> {
    let bold = CellFormat::new().set_bold();
    let percent = CellFormat::new().set_num_format("0.0%");
    let wrap = CellFormat::new().set_text_wrap();
    let sheet: &mut Worksheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for (col, title) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                Cell::Text(s) if s.contains('\n') || s.width() > MAX_WIDTH => {
                    sheet.write_string_with_format(r, c, s.as_str(), &wrap)?;
                }
                Cell::Text(s) => {
                    sheet.write_string(r, c, s.as_str())?;
                }
                Cell::Int(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Cell::Share(Some(share)) => {
                    sheet.write_number_with_format(r, c, *share, &percent)?;
                }
                Cell::Share(None) => {
                    sheet.write_string(r, c, "—")?;
                }
                Cell::Blank => {}
            }
            if widths.len() <= col {
                widths.resize(col + 1, 0);
            }
            widths[col] = widths[col].max(display_width(cell));
        }
    }
    for (col, width) in widths.iter().enumerate() {
        let width = (*width).clamp(MIN_WIDTH, MAX_WIDTH) + 2;
        sheet.set_column_width(col as u16, width as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if filter && !rows.is_empty() {
        sheet.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;
    }
    Ok(())
}

fn summary_rows(r: &Report) -> Vec<Vec<Cell>> {
    let s = &r.summary;
    let plan = &r.board.plan;
    let label = |t: &str| Cell::Text(t.to_string());
    let mut rows = vec![
        vec![label("文号"), text(&clean_line(&plan.document_number))],
        vec![label("方案"), text(&clean_line(&plan.title))],
        vec![label("报告"), text(&super::report_title(r))],
        vec![label("报告日期"), Cell::Text(r.today.to_string())],
        vec![label("进展统计起始日期"), Cell::Text(r.since.to_string())],
        vec![label("任务总数"), count(s.total)],
    ];
    for status in Status::ALL {
        rows.push(vec![label(Lang::Zh.status(status)), count(s.count(status))]);
    }
    let warn = format!("{} 天内到期", r.board.settings.warn_days);
    rows.extend([
        vec![label("逾期未完成"), count(s.overdue)],
        vec![Cell::Text(warn), count(s.due_soon)],
        vec![label("按期完成"), count(s.done_on_time)],
        vec![label("超期完成"), count(s.done_late)],
        vec![
            label("按期完成率（占已完成）"),
            Cell::Share(s.on_time_share_of_done()),
        ],
        vec![
            label("按期完成占全部任务"),
            Cell::Share(s.on_time_share_of_all()),
        ],
    ]);
    rows
}

fn task_rows(r: &Report) -> Vec<Vec<Cell>> {
    r.board
        .tasks
        .iter()
        .map(|t| {
            let urgency = r.board.urgency(t, r.today);
            let (overdue, left) = match urgency {
                Urgency::Overdue { days } => (int(days), Cell::Blank),
                Urgency::DueSoon { days_left } | Urgency::OnTrack { days_left } => {
                    (Cell::Blank, int(days_left))
                }
                Urgency::DoneOnTime | Urgency::DoneLate { .. } => (Cell::Blank, Cell::Blank),
            };
            let notes: Vec<String> = t.notes.iter().map(note_line).collect();
            let stage = r
                .stage
                .as_ref()
                .map(|s| super::tables::stage_marks(s, t.id));
            let stage = stage.into_iter().flatten().map(|c| text(&c));
            let lights = super::csv::light_cells(r, t).map(|c| text(&c));
            let mut row = vec![
                int(t.id),
                text(&clean_line(&t.title)),
                text(&t.text),
                Cell::Text(super::deadline_text(t)),
                text(&join_units(&t.lead_units)),
                text(&join_units(&t.cooperating_units)),
                Cell::Text(Lang::Zh.status(t.status).into()),
                t.completed_on
                    .map_or(Cell::Blank, |d| Cell::Text(d.to_string())),
                Cell::Text(Lang::Zh.urgency(urgency)),
                overdue,
                left,
                text(&notes.join("\n")),
            ];
            row.extend(lights);
            row.extend(stage);
            row
        })
        .collect()
}

/// The stage evaluation's tables stacked on one sheet, each under its caption: (rows, widest).
fn stage_sheet_rows(stage: &crate::model::stage::Stage) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for table in super::tables::stage_tables(stage) {
        rows.push(vec![text(&table.caption)]);
        rows.push(
            table
                .header
                .iter()
                .map(|h| Cell::Text((*h).into()))
                .collect(),
        );
        if table.rows.is_empty() {
            rows.push(vec![Cell::Text("无".into())]);
        }
        for row in table.rows {
            rows.push(row.iter().map(|c| text(c)).collect());
        }
        rows.push(Vec::new());
    }
    rows
}

const UNIT_HEADER: [&str; 13] = [
    "单位",
    "牵头任务",
    "配合任务",
    "已完成",
    "按期完成",
    "逾期",
    "按期完成率",
    "逾期牵头任务",
    "逾期天数合计",
    "逾期排名",
    "红灯",
    "黄灯",
    "绿灯",
];

fn unit_rows(r: &Report) -> Vec<Vec<Cell>> {
    r.units
        .iter()
        .map(|u| {
            vec![
                text(&clean_line(&u.unit)),
                count(u.lead),
                count(u.cooperating),
                count(u.done),
                count(u.done_on_time),
                count(u.overdue),
                Cell::Share(u.on_time_rate()),
                count(u.overdue_lead.len()),
                int(u.overdue_lead_days()),
                r.rank_of(&u.unit).map_or(Cell::Blank, count),
                light_count(r, &u.unit, Light::Red),
                light_count(r, &u.unit, Light::Yellow),
                light_count(r, &u.unit, Light::Green),
            ]
        })
        .collect()
}

fn light_count(r: &Report, unit: &str, light: Light) -> Cell {
    count(r.lights.unit(unit).map_or(0, |u| u.counts.count(light)))
}

/// 灯 and 节点 sheets: tasks red first, then the milestones due soon and missed, by unit.
fn table_rows(tables: &[(String, super::tables::Table)]) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (caption, table) in tables {
        if !caption.is_empty() {
            rows.push(vec![text(caption)]);
            rows.push(
                table
                    .header
                    .iter()
                    .map(|h| Cell::Text((*h).into()))
                    .collect(),
            );
        }
        if table.rows.is_empty() {
            rows.push(vec![Cell::Text("无".into())]);
        }
        for row in &table.rows {
            rows.push(row.iter().map(|c| text(c)).collect());
        }
        rows.push(Vec::new());
    }
    rows
}

fn note_rows(r: &Report) -> Vec<Vec<Cell>> {
    r.notes
        .iter()
        .map(|(id, n)| {
            let title = r.board.task(*id).map(|t| clean_line(&t.title));
            vec![
                Cell::Text(note_time(n)),
                int(*id),
                text(&title.unwrap_or_default()),
                text(&clean_line(&n.author)),
                text(n.text.trim()),
                if n.decision {
                    Cell::Text("是".into())
                } else {
                    Cell::Blank
                },
            ]
        })
        .collect()
}

/// The timeliness table: one row a lead unit, then the total.
fn timeliness_rows(t: &crate::model::cycle::Timeliness) -> Vec<Vec<Cell>> {
    let share = |p: Option<u32>| Cell::Share(p.map(|p| f64::from(p) / 100.0));
    let row = |label: &str, r: &crate::model::cycle::TimelinessRow| {
        vec![
            text(label),
            count(r.on_time),
            count(r.late),
            count(r.missing),
            count(r.pending),
            share(r.rate()),
            share(r.on_time_rate()),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = t.rows.iter().map(|r| row(&r.unit, r)).collect();
    rows.push(row("合计", &t.total));
    rows
}

pub fn render(r: &Report) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let summary_header = ["项目", "数值"];
    let note_header = ["时间", "序号", "任务", "记录人", "进展", "会议决定"];
    let mut tasks_header: Vec<&str> = super::csv::HEADER.to_vec();
    tasks_header.extend(super::csv::LIGHT_COLUMNS);
    if r.stage.is_some() {
        tasks_header.extend(super::tables::STAGE_COLUMNS);
    }
    let mut summary = summary_rows(r);
    if let Some(notice) = r.notice() {
        summary.insert(0, vec![Cell::Text("注".into()), text(&notice)]);
    }
    write_sheet(&mut workbook, "汇总", &summary_header, &summary, false)
        .and_then(|_| match &r.stage {
            Some(stage) => write_sheet(
                &mut workbook,
                "阶段评估",
                &["阶段性评估"],
                &stage_sheet_rows(stage),
                false,
            ),
            None => Ok(()),
        })
        .and_then(|_| write_sheet(&mut workbook, "任务", &tasks_header, &task_rows(r), true))
        .and_then(|_| write_sheet(&mut workbook, "单位", &UNIT_HEADER, &unit_rows(r), true))
        .and_then(|_| {
            let lit = super::lights::light_table(r);
            let header = lit.header.clone();
            let rows = table_rows(&[(String::new(), lit)]);
            write_sheet(&mut workbook, "红黄绿灯", &header, &rows, true)
        })
        .and_then(|_| {
            let tables = [
                (
                    super::lights::upcoming_caption(r),
                    super::lights::upcoming_table(r),
                ),
                ("逾期节点".to_string(), super::lights::missed_table(r)),
            ];
            write_sheet(
                &mut workbook,
                "节点",
                &["工作节点"],
                &table_rows(&tables),
                false,
            )
        })
        .and_then(|_| write_sheet(&mut workbook, "近期进展", &note_header, &note_rows(r), true))
        .and_then(|_| match &r.timeliness {
            Some(t) => write_sheet(
                &mut workbook,
                "定期上报",
                &super::cycle_tables::TIMELINESS_HEADER,
                &timeliness_rows(t),
                true,
            ),
            None => Ok(()),
        })
        .map_err(xlsx_error)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}
