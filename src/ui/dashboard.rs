//! View 3, the dashboard: counts per status, overdue and due soon, share done on time, a table of
//! units, the overdue ranking (逾期排名) and the deadline timeline. Everything is computed in the
//! model (`model::stats`) when the board changes; this file only lays it out.
//!
//! The sections are drawn into an off-screen buffer as tall as they need and the visible part is
//! copied in, so the page scrolls as one on a small terminal and spreads into two columns on a
//! wide one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Cell, Row, Table, Widget};

use super::text::{fit, safe, width};
use crate::app::{App, Dashboard};
use crate::layout::DashboardPage;
use crate::model::Status;

/// Cells a unit's name keeps in the overdue ranking however narrow the screen (most names are
/// six characters): on a narrow English screen the words after the figures give way instead.
const MIN_RANKED_NAME: usize = 12;

/// How each section draws itself, in the order of `Dashboard::section_heights`.
type Draw = fn(&App, &Dashboard, Rect, &mut Buffer);
const SECTIONS: [Draw; 4] = [summary, timeline, units, ranking];

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(dash) = app.grouping().dashboard.as_ref() else {
        return;
    };
    let layout = DashboardPage::arrange(body.width, &dash.section_heights());
    let (column_width, page_height) = (layout.column_width, layout.height);
    let mut page = Buffer::empty(Rect::new(0, 0, body.width, page_height));
    for (x, list) in [(0, &layout.left), (column_width, &layout.right)] {
        let mut y = 0;
        for (section, h) in list.iter() {
            SECTIONS[*section](app, dash, Rect::new(x, y, column_width, *h), &mut page);
            y += h;
        }
    }
    // Copy the visible rows (the app keeps the scroll within the page; clamp again to be safe).
    let max_scroll = page_height.saturating_sub(body.height);
    let scroll = (app.dashboard_scroll().min(usize::from(max_scroll))) as u16;
    let copy_rows = body.height.min(page_height - scroll);
    for row in 0..copy_rows {
        for col in 0..body.width {
            buf[(body.x + col, body.y + row)] = page[(col, row + scroll)].clone();
        }
    }
    // When the page is taller than the screen, say which part is shown (on the top border).
    if max_scroll > 0 && body.width > 20 {
        let marker = format!(" [{}-{}/{}] ", scroll + 1, scroll + copy_rows, page_height);
        let x = body.right().saturating_sub(width(&marker) as u16 + 1);
        buf.set_string(x, body.y, marker, app.theme().key);
    }
}

fn section<'a>(app: &App, title: &'a str) -> Block<'a> {
    Block::bordered()
        .border_set(app.theme().border_set)
        .border_style(app.theme().border)
        .title(Line::styled(format!(" {title} "), app.theme().title))
}

fn percent(share: Option<f64>, app: &App) -> String {
    share.map_or_else(
        || app.lang().strings().not_applicable.to_string(),
        |s| format!("{:.0}%", s * 100.0),
    )
}

fn summary(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = &app.theme();
    let block = section(app, s.dash_summary);
    let inner = block.inner(area);
    block.render(area, buf);
    let sum = &dash.summary;
    // Words first: they carry the meaning on any terminal.
    let figures = Line::from(vec![
        Span::styled(
            format!("{} {}  ", s.urgency_overdue, sum.overdue),
            theme.overdue,
        ),
        Span::styled(
            format!("{} {}  ", s.urgency_due_soon, sum.due_soon),
            theme.due_soon,
        ),
        Span::styled(
            format!(
                "{} {}  ",
                s.dash_on_time_rate,
                percent(sum.on_time_share_of_done(), app)
            ),
            theme.text,
        ),
        Span::styled(
            format!("{} {}", s.total, app.lang().count_tasks(sum.total)),
            theme.dim,
        ),
    ]);
    figures.render(Rect { height: 1, ..inner }, buf);
    if inner.height < 4 {
        return;
    }
    let done = sum.count(Status::Done);
    let ratio = if sum.total == 0 {
        0.0
    } else {
        done as f64 / sum.total as f64
    };
    let label = format!(
        "{} {done}/{} ({:.0}%)",
        s.dash_done_share,
        sum.total,
        ratio * 100.0
    );
    gauge(
        app,
        ratio,
        &label,
        Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        },
        buf,
    );
    let bars: Vec<Bar> = Status::ALL
        .iter()
        .map(|status| {
            let n = sum.count(*status) as u64;
            Bar::default()
                .value(n)
                .label(Line::from(app.lang().status(*status)))
                .text_value(n.to_string())
        })
        .collect();
    // Four bars and their three gaps share the width; past 30 cells a bar only gets heavier.
    let bar_width = (inner.width.saturating_sub(3) / 4).clamp(3, 30);
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_set(bar_set(app))
        .bar_style(theme.info)
        .value_style(theme.header)
        .render(
            Rect {
                y: inner.y + 3,
                height: inner.height.saturating_sub(3),
                ..inner
            },
            buf,
        );
}

/// A one-line gauge drawn with the theme's bar glyph (`#` with `--ascii`): ratatui's Gauge always
/// uses block characters.
fn gauge(app: &App, ratio: f64, label: &str, area: Rect, buf: &mut Buffer) {
    let filled = ((ratio.clamp(0.0, 1.0) * f64::from(area.width)).round()) as usize;
    let label_width = width(label);
    let bar_room = usize::from(area.width).saturating_sub(label_width + 1);
    let bar = app.theme().bar.repeat(filled.min(bar_room));
    let rest = " ".repeat(bar_room - filled.min(bar_room));
    Line::from(vec![
        Span::styled(bar, app.theme().done),
        Span::raw(rest),
        Span::raw(" "),
        Span::styled(label.to_string(), app.theme().title),
    ])
    .render(area, buf);
}

/// Bar chart glyphs: block elements, or `#` throughout with `--ascii`.
fn bar_set(app: &App) -> ratatui::symbols::bar::Set<'static> {
    if app.theme().bar == "#" {
        ratatui::symbols::bar::Set {
            full: "#",
            seven_eighths: "#",
            three_quarters: "#",
            five_eighths: "#",
            half: "#",
            three_eighths: "#",
            one_quarter: "#",
            one_eighth: "#",
            empty: " ",
        }
    } else {
        ratatui::symbols::bar::NINE_LEVELS
    }
}

/// The deadlines on a line from the plan's start to the last deadline, with today marked; then one
/// line per deadline with its tasks' standing.
fn timeline(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = &app.theme();
    let block = section(app, s.dash_timeline);
    let inner = block.inner(area);
    block.render(area, buf);
    let tl = &dash.timeline;
    let start = app.board().plan.issued_on;
    let end = tl
        .milestones
        .last()
        .map_or(tl.today, |m| m.deadline)
        .max(tl.today);
    let span = (end - start).num_days().max(1) as f64;
    let w = inner.width.saturating_sub(2).max(1);
    let x_of = |date: chrono::NaiveDate| {
        let f = ((date - start).num_days().max(0) as f64 / span).min(1.0);
        inner.x + 1 + ((f * f64::from(w - 1)).round() as u16)
    };
    // ASCII marks: they are one cell wide on every terminal.
    let axis: String = "-".repeat(usize::from(w));
    buf.set_string(inner.x + 1, inner.y, &axis, theme.dim);
    for m in &tl.milestones {
        let style = if m.overdue() > 0 {
            theme.overdue
        } else {
            theme.on_track
        };
        buf.set_string(x_of(m.deadline), inner.y, "+", style);
    }
    let tick = x_of(tl.today);
    buf.set_string(tick, inner.y, "|", theme.key);
    // The caret points at the tick: the label starts there when it fits, else ends there (as it
    // does when today is past the last deadline, at the right end of the line).
    let words = format!("{} {}", s.today, tl.today);
    let after = format!("^ {words}");
    let (x, label) = if usize::from(tick) + width(&after) <= usize::from(inner.right()) {
        (tick, after)
    } else {
        let before = format!("{words} ^");
        let x = (usize::from(tick) + 1).saturating_sub(width(&before));
        (x.max(usize::from(inner.x)) as u16, before)
    };
    buf.set_string(x, inner.y + 1, label, theme.key);

    for (i, m) in tl.milestones.iter().enumerate() {
        let y = inner.y + 3 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let passed = m.deadline < tl.today;
        let mut spans = vec![Span::styled(format!("{}  ", m.deadline), theme.title)];
        spans.push(Span::raw(app.lang().count_tasks(m.tasks.len())));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!(
                "{} {}",
                app.lang().status(Status::Done),
                m.count(Status::Done)
            ),
            theme.done,
        ));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!("{} {}", s.urgency_overdue, m.overdue()),
            if m.overdue() > 0 {
                theme.overdue
            } else {
                theme.dim
            },
        ));
        if passed {
            spans.push(Span::styled(format!("  ({})", s.passed), theme.dim));
        }
        Line::from(spans).render(
            Rect::new(inner.x + 1, y, inner.width.saturating_sub(1), 1),
            buf,
        );
    }
}

fn units(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = &app.theme();
    let headers = [
        s.col_lead,
        s.col_coop,
        s.col_done,
        s.col_overdue,
        s.col_rate,
    ];
    let figures: Vec<[String; 5]> = dash
        .units
        .iter()
        .map(|u| {
            let counts = [u.lead, u.cooperating, u.done, u.overdue].map(|n| n.to_string());
            let [lead, coop, done, overdue] = counts;
            [lead, coop, done, overdue, percent(u.on_time_rate(), app)]
        })
        .collect();
    // A figure column is as wide as its header or its widest figure, so no header is cut; the
    // names get the rest.
    let widths: [usize; 5] = std::array::from_fn(|i| {
        figures
            .iter()
            .map(|r| width(&r[i]))
            .fold(width(headers[i]), usize::max)
    });
    let names_room = usize::from(area.width.saturating_sub(2))
        .saturating_sub(widths.iter().sum::<usize>() + widths.len());
    let name_width = dash
        .units
        .iter()
        .map(|u| width(&safe(&u.unit)))
        .fold(width(s.unit_label), usize::max)
        .min(names_room)
        .max(4);
    let row = |name: &str, cells: Vec<Cell<'static>>| {
        Row::new(std::iter::once(Cell::from(fit(name, name_width, theme.ellipsis))).chain(cells))
    };
    let header = row(s.unit_label, headers.map(Cell::from).to_vec()).style(theme.dim);
    let rows = dash.units.iter().zip(figures).map(|(u, figures)| {
        let overdue = if u.overdue > 0 {
            theme.overdue
        } else {
            theme.text
        };
        let cells = figures.into_iter().enumerate().map(|(i, figure)| match i {
            3 => Cell::from(figure).style(overdue),
            _ => Cell::from(figure),
        });
        row(&safe(&u.unit), cells.collect())
    });
    let widths = std::iter::once(name_width)
        .chain(widths)
        .map(|w| Constraint::Length(w as u16));
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .block(section(app, s.dash_units))
        .render(area, buf);
}

fn ranking(app: &App, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let s = app.lang().strings();
    let theme = &app.theme();
    let block = section(app, s.dash_ranking);
    let inner = block.inner(area);
    block.render(area, buf);
    if dash.ranking.is_empty() {
        buf.set_string(inner.x + 1, inner.y, s.no_overdue, theme.done);
        return;
    }
    let most = dash
        .ranking
        .iter()
        .map(|r| r.days())
        .max()
        .unwrap_or(1)
        .max(1);
    // Figures right-aligned in columns as wide as the largest, so the lines read as a table.
    let widths = dash.ranking.iter().fold((1, 1), |(t, d), r| {
        (
            t.max(r.tasks.len().to_string().len()),
            d.max(r.days().to_string().len()),
        )
    });
    let totals: Vec<String> = dash
        .ranking
        .iter()
        .map(|r| app.lang().overdue_total(r.tasks.len(), r.days(), widths))
        .collect();
    let total_width = totals.iter().map(|t| width(t)).max().unwrap_or(0);
    // A line is `NN. NAME TOTAL BAR` after a one-cell margin. The names are whole, as the table
    // above shows them, unless that takes half the line or the room of the figures.
    let line = usize::from(inner.width.saturating_sub(1));
    let name_width = dash
        .ranking
        .iter()
        .map(|r| width(&safe(&r.unit)))
        .max()
        .unwrap_or(0)
        .min(line / 2)
        .min(line.saturating_sub(total_width + 6))
        .max(MIN_RANKED_NAME);
    let total_room = line.saturating_sub(name_width + 6);
    for (i, (rank, total)) in dash.ranking.iter().zip(&totals).enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let head = format!(
            "{:>2}. {} {} ",
            rank.rank,
            fit(&safe(&rank.unit), name_width, theme.ellipsis),
            fit(total, total_width.min(total_room), theme.ellipsis),
        );
        let room = usize::from(inner.width).saturating_sub(width(&head) + 1);
        let bar_len = ((rank.days() as f64 / most as f64) * room as f64).ceil() as usize;
        Line::from(vec![
            Span::styled(head, theme.text),
            Span::styled(theme.bar.repeat(bar_len.min(room)), theme.overdue),
        ])
        .render(
            Rect::new(inner.x + 1, y, inner.width.saturating_sub(1), 1),
            buf,
        );
    }
}
