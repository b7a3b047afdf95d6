//! The detail's light and milestones: the light in symbol, word and colour with its reasons, the
//! 曾亮红灯 record (computed from the task's history, never stored), and one line a milestone
//! with its number, due date, units and completion or urgency; the selected one highlighted.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::{safe, truncate, wrap};
use crate::app::App;
use crate::model::light::{Light, signal};
use crate::model::milestones::{after_deadline, responsible_units};
use crate::model::{Change, History, Milestone, Task};

/// The light's style: the urgency colours, which every theme (mono too) already tells apart.
fn light_style(app: &App, light: Light) -> Style {
    let theme = app.theme();
    match light {
        Light::Red => theme.overdue,
        Light::Yellow => theme.due_soon,
        Light::Green => theme.on_track,
        Light::None => theme.done,
    }
}

/// `红绿灯: ◉ 红灯  节点 1 逾期 3 天`, then `曾亮红灯：… 至 …` when the task was ever red.
pub fn light_lines(app: &App, task: &Task, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let theme = app.theme();
    let m = lang.milestone_board();
    let signal = signal(app.board(), task, app.today());
    // `--ascii` shows in the theme's ellipsis; the symbols have an ASCII form for it.
    let ascii = theme.ellipsis == "~";
    let mut lines = Vec::new();
    if signal.light != Light::None {
        let reasons: Vec<String> = signal
            .reasons
            .iter()
            .map(|r| lang.light_reason(*r))
            .collect();
        let mut spans = vec![
            Span::styled(format!("{}: ", m.light), theme.dim),
            Span::styled(
                lang.light_badge(signal.light, ascii),
                light_style(app, signal.light),
            ),
        ];
        if !reasons.is_empty() {
            let sep = if lang == crate::i18n::Lang::Zh {
                "；"
            } else {
                "; "
            };
            let room = w.saturating_sub(spans.iter().map(|s| super::text::width(&s.content)).sum());
            let text = format!("  {}", reasons.join(sep));
            spans.push(Span::styled(
                truncate(&text, room, theme.ellipsis).into_owned(),
                theme.text,
            ));
        }
        lines.push(Line::from(spans));
    }
    let own = History::new(app.detail_history().cloned().collect());
    let spells = crate::model::red_record::red_record(app.board(), &own, task.id, app.today());
    if let Some(record) = lang.red_record(&spells) {
        for part in wrap(&record, w) {
            lines.push(Line::styled(part, theme.overdue));
        }
    }
    lines
}

/// The milestones section: a heading, then one line each (or a line saying there are none).
pub fn milestone_lines(
    app: &App,
    task: &Task,
    selected: Option<usize>,
    w: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang();
    let theme = app.theme();
    let labels = lang.milestone_labels();
    let m = lang.milestone_board();
    let done = task.milestones.iter().filter(|m| m.is_done()).count();
    let mut lines = vec![Line::styled(
        format!("{} ({done}/{})", m.section, task.milestones.len()),
        theme.dim,
    )];
    if task.milestones.is_empty() {
        lines.push(Line::styled(labels.none_yet.to_string(), theme.dim));
    }
    for (index, milestone) in task.milestones.iter().enumerate() {
        let is_selected = selected == Some(index);
        lines.push(milestone_line(app, task, milestone, is_selected, w));
    }
    lines
}

/// `> 2  2025-06-30  逾期 3 天  区商务委  完成招商推介`, cut to `w`.
fn milestone_line(
    app: &App,
    task: &Task,
    milestone: &Milestone,
    selected: bool,
    w: usize,
) -> Line<'static> {
    let lang = app.lang();
    let theme = app.theme();
    let labels = lang.milestone_labels();
    let (state, state_style) = match milestone.completed_on {
        Some(on) => (format!("{} {on}", labels.completed_on), theme.done),
        None => {
            let urgency = milestone.urgency(app.today(), app.board().settings.warn_days);
            (lang.urgency(urgency), theme.urgency(urgency))
        }
    };
    let units: Vec<String> = responsible_units(app.board(), task, milestone)
        .into_iter()
        .map(String::from)
        .collect();
    let mut rest = format!(
        "  {}  {}",
        safe(&crate::model::join_units(&units)),
        safe(&milestone.title)
    );
    if after_deadline(task, milestone) {
        rest.push_str(&format!(" ({})", lang.milestone_board().late_mark));
    }
    // The selection is marked by a sign as well as the colour, for mono terminals.
    let marker = if selected { "> " } else { "  " };
    let head = format!("{marker}{}  {}  ", milestone.number, milestone.due);
    let used = super::text::width(&head) + super::text::width(&state);
    let rest = truncate(&rest, w.saturating_sub(used), theme.ellipsis).into_owned();
    let line = Line::from(vec![
        Span::styled(head, if selected { theme.key } else { theme.text }),
        Span::styled(state, state_style),
        Span::styled(rest, theme.text),
    ]);
    if selected {
        line.style(theme.selected)
    } else {
        line
    }
}

/// A milestone change in the detail's record: `节点 2: 已完成 2025-06-20`.
pub fn describe_milestone_change(app: &App, change: &Change) -> Option<String> {
    let Change::Milestone { number, from, to } = change else {
        return None;
    };
    let lang = app.lang();
    let word = lang.milestone_labels().milestone;
    let m = lang.milestone_board();
    let what = match (from, to) {
        (None, Some(new)) => format!("{} {}", m.added, safe(&new.title)),
        (Some(old), None) => format!("{} {}", m.deleted, safe(&old.title)),
        (Some(old), Some(new)) if old.completed_on != new.completed_on => match new.completed_on {
            Some(on) => format!("{} {on}", m.completed),
            None => m.reopened.to_string(),
        },
        _ => m.edited.to_string(),
    };
    Some(format!("{word} {number}: {what}"))
}
