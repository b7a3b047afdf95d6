//! View 3, the dashboard: the figures of the board on the date in use, in sections (see
//! `app::Section`): summary with lights, the chart over time, the deadline timeline, the units
//! with their lights, the overdue ranking, milestones due soon or missed, and, with a report
//! cycle, the reporting table. Everything is computed when the board changes; this module only
//! lays it out.
//!
//! The sections are drawn into an off-screen page as tall as they need and the visible part is
//! copied in, so the page scrolls as one on a small terminal and spreads into two columns on a
//! wide one. Each section has a title rule and a one-cell margin each side, and draws only text
//! that fits whole in its cells (figures that do not fit are left out, names are cut with the
//! theme's ellipsis), so no text is drawn over another.

mod chart;
mod lists;
mod summary;
mod tables;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{truncate, width};
use crate::action::Action;
use crate::app::{App, Dashboard, Section};
use crate::model::Light;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(dash) = app.grouping().dashboard.as_ref() else {
        return;
    };
    let sections = dash.sections();
    let layout = dash.page(body.width);
    let (column_width, page_height) = (layout.column_width, layout.height);
    let mut page = Buffer::empty(Rect::new(0, 0, body.width, page_height));
    for (x, list) in [(0, &layout.left), (column_width, &layout.right)] {
        let mut y = 0;
        for (index, h) in list.iter() {
            let area = Rect::new(x, y, column_width, *h);
            draw(app, dash, sections[*index], (area, body.width), &mut page);
            y += h;
        }
    }
    let view = layout.view_height(body.height).min(body.height);
    let max_scroll = layout.max_scroll(body.height);
    let scroll = (app.dashboard_scroll().min(usize::from(max_scroll))) as u16;
    let copy_rows = view.min(page_height - scroll);
    for row in 0..copy_rows {
        for col in 0..body.width {
            buf[(body.x + col, body.y + row)] = page[(col, row + scroll)].clone();
        }
    }
    // When the page is taller than the screen, its own last row says which part is shown and
    // how to move a screen: on a row of its own, so it never covers the page's text.
    if view < body.height {
        let keys = [Action::PageUp, Action::PageDown]
            .map(|a| app.keymap().label_for(a).unwrap_or_default())
            .join("/");
        let marker = format!(
            "[{}-{}/{}] {keys} {}",
            scroll + 1,
            scroll + copy_rows,
            page_height,
            app.lang().dashboard_labels().screens
        );
        let marker = truncate(&marker, usize::from(body.width), app.theme().ellipsis);
        let x = body.right().saturating_sub(width(&marker) as u16);
        buf.set_string(x, body.y + view, marker, app.theme().dim);
    }
}

/// Draws a section into `area` of a page `page_width` wide.
fn draw(app: &App, dash: &Dashboard, section: Section, at: (Rect, u16), buf: &mut Buffer) {
    let (area, page_width) = at;
    let s = app.lang().strings();
    let labels = app.lang().dashboard_labels();
    let title = match section {
        Section::Boards => app.lang().city_labels().boards.to_string(),
        Section::Summary => s.dash_summary.to_string(),
        Section::Progress => labels.progress.to_string(),
        Section::Timeline => s.dash_timeline.to_string(),
        Section::Units => s.dash_units.to_string(),
        Section::Ranking => s.dash_ranking.to_string(),
        Section::Milestones => labels.milestones.to_string(),
        Section::Reporting => app
            .lang()
            .reporting_title(dash.reporting.as_ref().map_or(0, |t| t.periods.len())),
    };
    let inner = heading(app, &title, area, buf);
    match section {
        Section::Boards => tables::boards(app, dash, inner, buf),
        Section::Summary => summary::summary(app, dash, inner, buf),
        Section::Progress => chart::progress(app, dash, inner, buf),
        Section::Timeline => timeline::timeline(app, dash, inner, buf),
        Section::Units => tables::units(app, dash, inner, buf),
        Section::Ranking => lists::ranking(app, dash, page_width, inner, buf),
        Section::Milestones => lists::milestones(app, dash, inner, buf),
        Section::Reporting => tables::reporting(app, dash, inner, buf),
    }
}

/// The section's title on a rule across its top row; returns the area under it, less a margin
/// of one cell on each side.
fn heading(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    if area.height == 0 || area.width < 4 {
        return Rect::default();
    }
    let theme = app.theme();
    let rule = theme
        .border_set
        .horizontal_top
        .repeat(usize::from(area.width));
    buf.set_string(area.x, area.y, rule, theme.border);
    let title = format!(" {title} ");
    let title = truncate(&title, usize::from(area.width - 2), theme.ellipsis);
    buf.set_string(area.x + 1, area.y, title, theme.title);
    Rect::new(
        area.x + 1,
        area.y + 1,
        area.width - 2,
        area.height.saturating_sub(1),
    )
}

/// Whether the theme draws ASCII only (`--ascii`).
fn ascii(app: &App) -> bool {
    app.theme().bar == "#"
}

/// A light's colour (the word and symbol beside it carry the meaning without colour).
fn light_style(app: &App, light: Light) -> Style {
    let theme = app.theme();
    match light {
        Light::Red => theme.overdue,
        Light::Yellow => theme.due_soon,
        Light::Green => theme.on_track,
        Light::None => theme.dim,
    }
}

fn percent(share: Option<f64>, app: &App) -> String {
    share.map_or_else(
        || app.lang().strings().not_applicable.to_string(),
        |s| format!("{:.0}%", s * 100.0),
    )
}

/// The parts, two spaces apart, as many whole ones as fit in `area`'s first row: a figure is
/// never cut in half, the later ones give way.
fn fitting_parts(parts: Vec<(String, Style)>, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let room = usize::from(area.width);
    let mut used = 0;
    let mut spans = Vec::new();
    for (text, style) in parts {
        let gap = if spans.is_empty() { 0 } else { 2 };
        if used + gap + width(&text) > room {
            break;
        }
        if gap > 0 {
            spans.push(Span::raw("  "));
        }
        used += gap + width(&text);
        spans.push(Span::styled(text, style));
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
}

/// Writes `text` at (x, y), cut to `max` cells (with the ellipsis when cut).
fn put(app: &App, buf: &mut Buffer, x: u16, y: u16, text: &str, max: usize, style: Style) {
    let text = truncate(text, max, app.theme().ellipsis);
    buf.set_string(x, y, text, style);
}
