//! The tables: units with their figures and lights, and the reporting table. A column is as wide
//! as its header or widest figure, so no header is cut; when the columns do not all fit, the
//! least needed give way (the whole column, never part of it) and the names take the rest.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{ascii, light_style, percent, put};
use crate::app::{App, Dashboard};
use crate::model::Light;
use crate::ui::text::{fit, safe, width};

/// Cells a name keeps before figure columns give way.
const MIN_NAME: usize = 8;

struct Column {
    header: String,
    cells: Vec<(String, Style)>,
    /// Lower gives way first.
    keep: u8,
}

impl Column {
    fn width(&self) -> usize {
        self.cells
            .iter()
            .map(|(c, _)| width(c))
            .fold(width(&self.header), usize::max)
    }
}

/// Draws a header row and one row per name; `names` and every column's cells line up.
fn table(
    app: &App,
    name_header: &str,
    names: &[String],
    mut columns: Vec<Column>,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let room = usize::from(area.width);
    let widest_name = names
        .iter()
        .map(|n| width(n))
        .fold(width(name_header), usize::max);
    let needed = |cols: &[Column]| cols.iter().map(|c| c.width() + 1).sum::<usize>();
    while !columns.is_empty() && needed(&columns) + widest_name.min(MIN_NAME) > room {
        let Some(least) = columns
            .iter()
            .enumerate()
            .min_by_key(|(_, c)| c.keep)
            .map(|(i, _)| i)
        else {
            break;
        };
        columns.remove(least);
    }
    let name_width = widest_name.min(room.saturating_sub(needed(&columns)));
    let rows = std::iter::once((name_header.to_string(), None))
        .chain(names.iter().enumerate().map(|(i, n)| (n.clone(), Some(i))));
    for (row, (name, index)) in rows.enumerate() {
        let y = area.y + row as u16;
        if y >= area.bottom() {
            break;
        }
        let name_style = if index.is_none() {
            theme.dim
        } else {
            theme.text
        };
        buf.set_string(
            area.x,
            y,
            fit(&name, name_width, theme.ellipsis),
            name_style,
        );
        let mut x = area.x + name_width as u16 + 1;
        for column in &columns {
            let w = column.width();
            let (text, style) = match index {
                None => (column.header.clone(), theme.dim),
                Some(i) => column.cells.get(i).cloned().unwrap_or_default(),
            };
            put(app, buf, x, y, &text, w, style);
            x += w as u16 + 1;
        }
    }
}

fn figure(n: usize, style: Style, quiet: Style) -> (String, Style) {
    (n.to_string(), if n > 0 { style } else { quiet })
}

pub(super) fn units(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = app.theme();
    let names: Vec<String> = dash
        .units
        .iter()
        .map(|u| safe(&u.unit).into_owned())
        .collect();
    let column = |header: &str, keep: u8, cells: Vec<(String, Style)>| Column {
        header: header.to_string(),
        cells,
        keep,
    };
    let plain = |f: &dyn Fn(&crate::model::UnitRow) -> usize| {
        dash.units
            .iter()
            .map(|u| (f(u).to_string(), theme.text))
            .collect()
    };
    let lights = |light: Light| {
        dash.unit_lights
            .iter()
            .map(|c| figure(c.count(light), light_style(app, light), theme.dim))
            .collect()
    };
    let badge = |light: Light| app.lang().light_badge(light, ascii(app));
    let columns = vec![
        column(s.col_lead, 9, plain(&|u| u.lead)),
        column(s.col_coop, 2, plain(&|u| u.cooperating)),
        column(s.col_done, 4, plain(&|u| u.done)),
        column(
            s.col_overdue,
            8,
            dash.units
                .iter()
                .map(|u| figure(u.overdue, theme.overdue, theme.text))
                .collect(),
        ),
        column(
            s.col_rate,
            3,
            dash.units
                .iter()
                .map(|u| (percent(u.on_time_rate(), app), theme.text))
                .collect(),
        ),
        column(&badge(Light::Red), 7, lights(Light::Red)),
        column(&badge(Light::Yellow), 6, lights(Light::Yellow)),
        column(&badge(Light::Green), 5, lights(Light::Green)),
    ];
    table(app, s.unit_label, &names, columns, area, buf);
}

pub(super) fn reporting(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let Some(t) = dash.reporting.as_ref() else {
        return;
    };
    let s = app.lang().strings();
    let labels = app.lang().dashboard_labels();
    let theme = app.theme();
    let rows: Vec<_> = t.rows.iter().chain(std::iter::once(&t.total)).collect();
    let mut names: Vec<String> = t.rows.iter().map(|r| safe(&r.unit).into_owned()).collect();
    names.push(labels.all_units.to_string());
    let na = s.not_applicable;
    let columns = vec![
        Column {
            header: labels.on_time.into(),
            cells: rows
                .iter()
                .map(|r| (r.on_time.to_string(), theme.done))
                .collect(),
            keep: 5,
        },
        Column {
            header: labels.late.into(),
            cells: rows
                .iter()
                .map(|r| figure(r.late, theme.due_soon, theme.text))
                .collect(),
            keep: 3,
        },
        Column {
            header: labels.missing.into(),
            cells: rows
                .iter()
                .map(|r| figure(r.missing, theme.overdue, theme.text))
                .collect(),
            keep: 4,
        },
        Column {
            header: labels.rate.into(),
            cells: rows
                .iter()
                .map(|r| {
                    (
                        r.rate().map_or(na.to_string(), |p| format!("{p}%")),
                        theme.title,
                    )
                })
                .collect(),
            keep: 6,
        },
    ];
    table(app, s.unit_label, &names, columns, area, buf);
}

/// The city view's comparison: a row a board (letter and name), its tasks, done, overdue,
/// reporting rate and lights.
pub(super) fn boards(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let words = app.lang().city_labels();
    let theme = app.theme();
    let na = app.lang().strings().not_applicable;
    let names: Vec<String> = dash
        .boards
        .iter()
        .map(|row| {
            let name = app.city().get(row.index).map_or("", String::as_str);
            format!("{} {}", crate::model::city::letter(row.index), safe(name))
        })
        .collect();
    let cells = |f: &dyn Fn(&crate::model::city::BoardRow) -> (String, Style)| {
        dash.boards.iter().map(f).collect()
    };
    let lights = |light: Light| {
        cells(&|row| figure(row.lights.count(light), light_style(app, light), theme.dim))
    };
    let badge = |light: Light| app.lang().light_badge(light, ascii(app));
    let column = |header: &str, keep: u8, cells: Vec<(String, Style)>| Column {
        header: header.to_string(),
        cells,
        keep,
    };
    let columns = vec![
        column(
            words.tasks,
            6,
            cells(&|r| (r.summary.total.to_string(), theme.text)),
        ),
        column(
            words.done,
            5,
            cells(&|r| figure(r.summary.done(), theme.done, theme.text)),
        ),
        column(
            words.overdue,
            9,
            cells(&|r| figure(r.summary.overdue, theme.overdue, theme.text)),
        ),
        column(
            words.rate,
            4,
            cells(&|r| {
                (
                    r.reporting.map_or(na.to_string(), |p| format!("{p}%")),
                    theme.title,
                )
            }),
        ),
        column(&badge(Light::Red), 8, lights(Light::Red)),
        column(&badge(Light::Yellow), 7, lights(Light::Yellow)),
        column(&badge(Light::Green), 3, lights(Light::Green)),
    ];
    table(app, words.board, &names, columns, area, buf);
}
