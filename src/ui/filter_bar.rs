//! The line that says what the views are narrowed to, shown whenever a search or filter is on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{safe, truncate, width};
use crate::app::App;
use crate::i18n::Lang;
use crate::model::{Filter, RoleFilter, UrgencyFilter};

/// "搜索「AEO」 单位 区商务委（牵头） …" — the active conditions in words.
pub fn describe(filter: &Filter, lang: Lang) -> String {
    let s = lang.strings();
    let mut parts = Vec::new();
    if let Some(text) = filter.text.as_deref().filter(|t| !t.trim().is_empty()) {
        parts.push(format!("{} \"{}\"", s.search_label, safe(text.trim())));
    }
    if let Some((unit, role)) = &filter.unit {
        parts.push(format!(
            "{} {} ({})",
            s.unit_label,
            safe(unit),
            role_label(*role, lang)
        ));
    }
    if let Some(status) = filter.status {
        parts.push(format!("{} {}", lang.strings().status, lang.status(status)));
    }
    if let Some(urgency) = filter.urgency {
        parts.push(urgency_label(urgency, lang).to_string());
    }
    if let Some(year) = filter.year {
        parts.push(format!("{} {year}", s.year_label));
    }
    parts.join("  ")
}

pub fn role_label(role: RoleFilter, lang: Lang) -> &'static str {
    match role {
        RoleFilter::Either => lang.strings().role_either,
        RoleFilter::Lead => lang.role(crate::model::Role::Lead),
        RoleFilter::Cooperating => lang.role(crate::model::Role::Cooperating),
    }
}

pub fn urgency_label(urgency: UrgencyFilter, lang: Lang) -> &'static str {
    let s = lang.strings();
    match urgency {
        UrgencyFilter::Overdue => s.urgency_overdue,
        UrgencyFilter::DueSoon => s.urgency_due_soon,
        UrgencyFilter::OnTrack => s.urgency_on_track,
        UrgencyFilter::Done => s.urgency_done,
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let s = app.lang().strings();
    let theme = &app.theme();
    let shown: usize = app.grouping().columns.iter().map(Vec::len).sum();
    let tail = format!(
        "  {} {shown}/{}  {} ",
        s.shown_of,
        app.tasks_in_scope(),
        s.esc_clears
    );
    let head = format!(" {}: ", s.filter_label);
    let room = usize::from(area.width).saturating_sub(width(&head) + width(&tail));
    let conditions = describe(app.filter(), app.lang());
    buf.set_style(area, theme.info);
    Line::from(vec![
        Span::styled(head, theme.key),
        Span::styled(
            truncate(&conditions, room, theme.ellipsis).into_owned(),
            theme.info,
        ),
        Span::styled(tail, theme.dim),
    ])
    .render(area, buf);
}
