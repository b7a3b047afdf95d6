//! The header (plan, views, date, read-only mark), the headline under it (the counts that
//! matter, as of the date in use) and the footer (message or keys, file path).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{safe, truncate, width};
use crate::app::{App, Hint};

/// What follows the tabs at the right of the header, styled: the date and the read-only mark.
fn trailing(app: &App) -> Vec<Span<'static>> {
    let (date, mark) = app.header_trailing();
    let mut spans = vec![Span::styled(date, app.theme().header)];
    spans.extend(mark.map(|mark| Span::styled(mark, app.theme().error)));
    spans
}

pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    buf.set_style(area, theme.header);
    let current = if app.review().is_some() {
        None
    } else {
        Some(app.view())
    };
    let mut right: Vec<Span> = app
        .header_tabs()
        .into_iter()
        .map(|(view, _, text)| {
            let style = if current == Some(view) {
                theme
                    .header
                    .add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                theme.header
            };
            Span::styled(text, style)
        })
        .collect();
    right.extend(trailing(app));
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let plan = &app.board().plan;
    let left_room = usize::from(area.width).saturating_sub(right_width + 1);
    let left = format!(" {} {}", safe(&plan.document_number), safe(&plan.title));
    let left = truncate(&left, left_room, theme.ellipsis);
    let pad = usize::from(area.width).saturating_sub(width(&left) + right_width);
    let mut spans = vec![
        Span::styled(left.into_owned(), theme.header),
        Span::raw(" ".repeat(pad)),
    ];
    spans.extend(right);
    Line::from(spans).render(area, buf);
}

/// One line of counts over the tasks shown: total, overdue, due soon, to coordinate, done, and
/// the lights, each in words (the colour only adds to them). Figures give way from the least
/// needed when the line is short; the order on screen stays. Two spaces between figures, not
/// `·`, which is two cells wide in some terminals.
pub fn headline(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let lang = app.lang();
    let words = lang.board_words();
    let h = &app.grouping().headline;
    let lit = |n: usize, style: Style| if n > 0 { style } else { theme.dim };
    let ascii = theme.ellipsis != "⋯";
    let light = |i: usize, l: crate::model::Light, style: Style| {
        let symbol = crate::i18n::light_symbol(l, ascii);
        let text = match lang {
            crate::i18n::Lang::Zh => format!("{symbol} {}{}", words.lights[i], h.lights[i]),
            crate::i18n::Lang::En => format!("{symbol} {} {}", h.lights[i], words.lights[i]),
        };
        (text, lit(h.lights[i], style))
    };
    use crate::model::Light;
    // (text, style, priority: lower stays longer)
    let mut pieces: Vec<(String, Style, u8)> = vec![
        (
            lang.figure(
                if h.total == 1 {
                    words.total_one
                } else {
                    words.total
                },
                h.total,
            ),
            theme.title,
            0,
        ),
        (
            lang.figure(words.overdue, h.overdue),
            lit(h.overdue, theme.overdue),
            0,
        ),
        (
            lang.figure(words.due_soon, h.due_soon),
            lit(h.due_soon, theme.due_soon),
            2,
        ),
        (
            lang.figure(words.blocked, h.blocked),
            lit(h.blocked, theme.due_soon),
            3,
        ),
        (lang.figure(words.done, h.done), lit(h.done, theme.done), 2),
        {
            let (t, st) = light(0, Light::Red, theme.overdue);
            (t, st, 1)
        },
        {
            let (t, st) = light(1, Light::Yellow, theme.due_soon);
            (t, st, 1)
        },
        {
            let (t, st) = light(2, Light::Green, theme.on_track);
            (t, st, 1)
        },
    ];
    // A city view says first which boards the figures are over: all of them, or the one shown.
    let city_piece = app.is_city().then(|| {
        let shown = app.city_board_shown().and_then(|i| app.board_label(i));
        let text = lang.city_shown(
            app.city().len(),
            shown.as_ref().map(|(l, n)| (l.as_str(), *n)),
        );
        (safe(&text).into_owned(), theme.key, 0)
    });
    let lead = usize::from(city_piece.is_some());
    if let Some(piece) = city_piece {
        pieces.insert(0, piece);
    }
    let w = usize::from(area.width);
    let cost = |keep: u8| -> usize {
        pieces
            .iter()
            .filter(|p| p.2 <= keep)
            .map(|p| width(&p.0) + 2)
            .sum::<usize>()
            + 1
    };
    let keep = (0..=3).rev().find(|&k| cost(k) <= w).unwrap_or(0);
    let mut spans = vec![Span::raw(" ")];
    for (i, (text, style, priority)) in pieces.into_iter().enumerate() {
        if priority > keep {
            continue;
        }
        // A wider gap between the counts and the lights.
        let gap = if i == 5 + lead || (lead == 1 && i == 1) {
            "   "
        } else {
            "  "
        };
        if spans.len() > 1 {
            spans.push(Span::raw(gap));
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans).render(area, buf);
}

/// Below this many cells a file path says nothing useful, and the footer leaves it out.
const MIN_FILE_ROOM: usize = 12;

pub fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme();
    let s = app.lang().strings();
    let w = usize::from(area.width);
    let notice = if let Some(message) = &app.message() {
        let style = if message.is_error {
            theme.error
        } else {
            theme.info
        };
        Some((safe(&message.text).into_owned(), style))
    } else {
        app.file_problem().as_ref().map(|problem| {
            (
                format!("{}: {}", s.file_invalid, safe(problem)),
                theme.error,
            )
        })
    };
    // A message is what the user must read now: it gets the line first, the file path what is
    // left. Otherwise the path keeps up to a third of the line and the keys get the rest.
    let file_room = match &notice {
        Some((text, style)) => {
            let text = truncate(text, w, theme.ellipsis);
            let used = width(&text);
            Line::styled(text.into_owned(), *style).render(area, buf);
            w.saturating_sub(used + 2)
        }
        None => {
            // The path up to a third of the line, the file's name even beyond (up to half).
            let file_room = file_width(app)
                .min(w / 3)
                .max(file_name_width(app).min(w / 2));
            key_hints(app, w.saturating_sub(file_room + 1)).render(area, buf);
            file_room
        }
    };
    if file_room < MIN_FILE_ROOM.min(file_width(app)) {
        return;
    }
    let file = file_label(app, file_room);
    let x = area.x + area.width.saturating_sub(width(&file) as u16);
    buf.set_string(x, area.y, file, theme.dim);
}

fn file_width(app: &App) -> usize {
    width(app.lang().strings().file) + width(&safe(app.file_label())) + 2
}

/// ` 文件 PATH` in at most `room` cells. A long path loses its folders first (`⋯/boards/b.ron`),
/// then the label, and the file's own name only last, from its end.
fn file_label(app: &App, room: usize) -> String {
    let prefix = format!(" {} ", app.lang().strings().file);
    let path = safe(app.file_label()).into_owned();
    let ellipsis = app.theme().ellipsis;
    let name = path.rsplit('/').next().unwrap_or(&path).to_string();
    let mut candidates = vec![format!("{prefix}{path}")];
    // Each shorter ending that starts at a folder boundary.
    for (at, _) in path.match_indices('/') {
        candidates.push(format!("{prefix}{ellipsis}{}", &path[at..]));
    }
    candidates.push(format!("{prefix}{name}"));
    candidates.push(format!(" {name}"));
    candidates
        .into_iter()
        .find(|c| width(c) <= room)
        .unwrap_or_else(|| format!(" {}", truncate(&name, room.saturating_sub(1), ellipsis)))
}

/// The least room the file label keeps beside the keys: the file's name with its label.
fn file_name_width(app: &App) -> usize {
    let path = safe(app.file_label()).into_owned();
    let name = path.rsplit('/').next().unwrap_or(&path);
    width(app.lang().strings().file) + width(name) + 2
}

/// The keys that work in the current state, as many as fit: a dialog's own keys while one is
/// open, the overlay's or the review's, else the board's. Keys of actions come from the keymap;
/// editing keys are left out when changes are refused.
fn key_hints(app: &App, room: usize) -> Line<'static> {
    let theme = &app.theme();
    let mut spans = Vec::new();
    let mut used = 0;
    for Hint { keys: key, label } in app.footer_hints() {
        let cost = width(&key) + width(label) + 3;
        if used + cost > room {
            break;
        }
        used += cost;
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {label} "), Style::new()));
    }
    Line::from(spans)
}
