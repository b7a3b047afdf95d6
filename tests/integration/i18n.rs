//! Both languages, every label, every view: nothing missing, no Chinese left in the English
//! interface, and nothing whose width differs between terminals.

use ftz_board::action::Action;
use ftz_board::app::{App, ChangeKind};
use ftz_board::i18n::{EN, Lang, Strings, ZH};
use ftz_board::keymap::Keymap;
use ftz_board::model::{
    Board, Change, History, HistoryEntry, Note, Operation, Role, Status, Urgency,
};
use ftz_board::ui::theme::{Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Every (field, text) of a `Strings`, read from its `Debug` form so that a field added later is
/// checked without this test being touched.
fn entries(strings: &Strings) -> Vec<(String, String)> {
    let debug = format!("{strings:#?}");
    debug
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().split_once(": ")?;
            let value = value.strip_suffix(',').unwrap_or(value);
            let value = value.strip_prefix('"')?.strip_suffix('"')?;
            Some((name.to_string(), value.replace("\\\"", "\"")))
        })
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// One cell in every terminal, whether it treats East Asian ambiguous-width characters as narrow
/// or wide.
fn same_width_everywhere(s: &str) -> bool {
    s.width() == s.width_cjk()
}

#[test]
fn every_label_exists_in_both_languages() {
    let (zh, en) = (entries(&ZH), entries(&EN));
    assert!(zh.len() > 40, "the Debug form was not read: {zh:?}");
    let names = |e: &[(String, String)]| e.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&zh), names(&en));
    for (name, text) in zh.iter().chain(&en) {
        assert!(!text.trim().is_empty(), "`{name}` is empty");
    }
}

#[test]
fn no_chinese_is_left_in_the_english_labels() {
    for ((name, zh), (_, en)) in entries(&ZH).iter().zip(entries(&EN)) {
        assert!(!has_cjk(&en), "`{name}` is Chinese in English: {en:?}");
        if has_cjk(zh) {
            assert_ne!(zh, &en, "`{name}`");
        }
    }
    for action in Action::ALL {
        let (zh, en) = action.describe();
        assert!(!zh.is_empty() && !en.is_empty(), "{action:?}");
        assert!(!has_cjk(en), "{action:?}: {en}");
    }
    for status in Status::ALL {
        assert!(!has_cjk(Lang::En.status(status)), "{status:?}");
    }
    for role in [Role::Lead, Role::Cooperating] {
        assert!(!has_cjk(Lang::En.role(role)), "{role:?}");
    }
}

#[test]
fn urgency_reads_as_english_words() {
    let en = Lang::En;
    assert_eq!(
        en.urgency(Urgency::Overdue { days: 152 }),
        "overdue 152 days"
    );
    assert_eq!(en.urgency(Urgency::Overdue { days: 1 }), "overdue 1 day");
    assert_eq!(
        en.urgency(Urgency::OnTrack { days_left: 12 }),
        "due in 12 days"
    );
    assert_eq!(en.urgency(Urgency::DueSoon { days_left: 0 }), "due today");
    assert_eq!(
        Lang::Zh.urgency(Urgency::Overdue { days: 152 }),
        "逾期 152 天"
    );
}

#[test]
fn no_label_key_or_glyph_changes_width_between_terminals() {
    for (name, text) in entries(&ZH).into_iter().chain(entries(&EN)) {
        assert!(same_width_everywhere(&text), "`{name}`: {text:?}");
    }
    for action in Action::ALL {
        let (zh, en) = action.describe();
        assert!(
            same_width_everywhere(zh) && same_width_everywhere(en),
            "{action:?}"
        );
    }
    for (key, _) in Keymap::default().bindings() {
        assert!(same_width_everywhere(&key.label()), "{key:?}");
    }
    for name in [ThemeName::Default, ThemeName::Contrast, ThemeName::Mono] {
        // Box-drawing borders and block-element bars are ambiguous width by nature; they are the
        // one exception, and `--ascii` replaces them.
        let theme = Theme::new(name, false);
        assert!(same_width_everywhere(theme.ellipsis), "{name:?}");
        let ascii = Theme::new(name, true);
        let b = ascii.border_set;
        for glyph in [
            b.top_left,
            b.top_right,
            b.bottom_left,
            b.bottom_right,
            b.vertical_left,
            b.vertical_right,
            b.horizontal_top,
            b.horizontal_bottom,
            ascii.ellipsis,
            ascii.bar,
        ] {
            assert!(
                glyph.is_ascii() && same_width_everywhere(glyph),
                "{glyph:?}"
            );
        }
    }
}

/// The plan with all task data (titles, units, texts, notes) in ASCII, so that any Chinese on an
/// English screen is an untranslated label.
fn ascii_board() -> Board {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    board.plan.title = "Plan for the linked innovation zone".into();
    board.plan.document_number = "MF-2024-17".into();
    board.unit_aliases.clear();
    for task in &mut board.tasks {
        let id = task.id;
        task.title = format!("Task number {id} with a title long enough to be cut on a card");
        task.text = format!("What task {id} asks for, in several words.");
        task.lead_units = vec![format!("Unit {}", id % 5)];
        task.cooperating_units = vec![format!("Unit {}", (id + 1) % 5 + 5)];
        task.status = Status::ALL[id as usize % 4];
        task.completed_on = (task.status == Status::Done).then_some(task.deadline);
    }
    let at = "2025-05-20T10:00:00+08:00".parse().unwrap();
    board.tasks[0].notes.push(Note {
        at,
        author: "li".into(),
        text: "Agreed at the meeting".into(),
        decision: true,
    });
    board
}

/// A status move, a deadline edit and a note on task 1, in English.
fn ascii_history() -> History {
    let at = "2025-05-20T10:00:00+08:00".parse().unwrap();
    let note = Note {
        at,
        author: "li".into(),
        text: "Agreed at the meeting".into(),
        decision: true,
    };
    let changes = [
        Change::Status {
            from: Status::NotStarted,
            to: Status::InProgress,
            was_completed_on: None,
            completed_on: None,
        },
        Change::Field {
            field: "deadline".into(),
            from: "2025-06-30".into(),
            to: "2025-09-30".into(),
        },
        Change::NoteAdded { note },
    ];
    History::new(
        changes
            .into_iter()
            .map(|change| HistoryEntry {
                at,
                user: "li".into(),
                task: Some(1),
                change,
                via: None,
            })
            .collect(),
    )
}

const W: u16 = 100;
const H: u16 = 30;

fn app(lang: Lang, theme: Theme) -> App {
    let mut app = App::new(
        ascii_board(),
        "board.ron".into(),
        "2025-06-01".parse().unwrap(),
        lang,
    );
    app.set_theme(theme);
    app.set_user("li".into());
    app.set_history(ascii_history());
    app.resize(W, H);
    app
}

/// Every screen a user can reach, named, as a list of steps from a fresh board.
fn screens(lang: Lang, theme: Theme) -> Vec<(&'static str, Buffer)> {
    let steps: Vec<(&str, Vec<Action>)> = vec![
        ("status view", vec![]),
        ("unit view", vec![Action::ShowUnitView]),
        ("dashboard", vec![Action::ShowDashboard]),
        ("help", vec![Action::ToggleHelp]),
        ("help, scrolled", vec![Action::ToggleHelp, Action::PageDown]),
        ("detail", vec![Action::Down, Action::OpenDetail]),
        // Scrolled to its end, where the record of changes is.
        (
            "detail of a task with history",
            vec![Action::OpenDetail, Action::Last],
        ),
        ("note dialog", vec![Action::AddNote]),
        ("edit form", vec![Action::EditTask]),
        ("new task form", vec![Action::AddTask]),
        ("delete confirmation", vec![Action::DeleteTask]),
        ("search", vec![Action::Search]),
        ("filter", vec![Action::Filter]),
        ("meeting review", vec![Action::Review]),
        ("nothing to undo", vec![Action::Undo]),
        ("changes view", vec![Action::ShowChanges]),
        ("changes start dialog", vec![Action::PickChangesStart]),
    ];
    let mut out = Vec::new();
    for (name, actions) in steps {
        let mut app = app(lang, theme.clone());
        if name == "detail of a task with history" {
            // Onto task 1 with the keys: the first card of its column.
            for _ in 0..4 {
                app.update(Action::First);
                if app.selected_task() == Some(1) {
                    break;
                }
                app.update(Action::Right);
            }
            assert_eq!(app.selected_task(), Some(1));
        }
        for action in actions {
            app.update(action);
        }
        out.push((name, draw(&app)));
    }
    let mut saved = app(lang, theme.clone());
    let mut board = saved.board().clone();
    let task = board.tasks.iter_mut().find(|t| t.id == 2).unwrap();
    let to = task.status.next().unwrap_or(Status::NotStarted);
    task.status = to;
    saved.on_applied(
        Operation::SetStatus { id: 2, to },
        ChangeKind::New,
        Ok((board, Vec::new())),
    );
    out.push(("message after a change", draw(&saved)));
    let mut read_only = app(lang, theme.clone());
    read_only.set_read_only(Some(ftz_board::app::ReadOnly::Requested));
    read_only.update(Action::AddNote);
    out.push(("read-only refusal", draw(&read_only)));
    let mut small = app(lang, theme);
    small.resize(30, 8);
    let area = Rect::new(0, 0, 30, 8);
    let mut buf = Buffer::empty(area);
    let _ = ftz_board::ui::render(&small, area, &mut buf);
    out.push(("too small", buf));
    out
}

fn draw(app: &App) -> Buffer {
    let area = Rect::new(0, 0, W, H);
    let mut buf = Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    buf
}

fn text_of(buf: &Buffer) -> String {
    let mut rows = Vec::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        rows.push(row);
    }
    rows.join("\n")
}

#[test]
fn every_english_screen_is_free_of_chinese_apart_from_task_data() {
    for (name, buf) in screens(Lang::En, Theme::new(ThemeName::Default, false)) {
        let text = text_of(&buf);
        let chinese: String = text.chars().filter(|c| is_cjk(*c)).collect();
        assert!(chinese.is_empty(), "{name}: {chinese:?} on screen\n{text}");
    }
    // The same screens in Chinese do show Chinese labels: the check above can see them.
    for (name, buf) in screens(Lang::Zh, Theme::new(ThemeName::Default, false)) {
        assert!(
            has_cjk(&text_of(&buf)),
            "{name} shows no Chinese label in Chinese"
        );
    }
}

#[test]
fn english_screens_name_statuses_and_urgency_in_english() {
    let screens = screens(Lang::En, Theme::new(ThemeName::Mono, false));
    let screen = |name: &str| {
        let (_, buf) = screens.iter().find(|(n, _)| *n == name).unwrap();
        text_of(buf)
    };
    let status = screen("status view");
    for label in [
        "Not started",
        "In progress",
        "Needs coordination",
        "Done",
        "By status",
    ] {
        assert!(status.contains(label), "{label} missing:\n{status}");
    }
    let detail = screen("detail of a task with history");
    assert!(
        detail.contains("Deadline: 2025-06-30 -> 2025-09-30"),
        "{detail}"
    );
    assert!(detail.contains("Not started -> In progress"), "{detail}");
    let message = screen("message after a change");
    assert!(message.contains("#2 moved to"), "{message}");
}

#[test]
fn with_ascii_no_cell_on_any_screen_changes_width_between_terminals() {
    for lang in [Lang::Zh, Lang::En] {
        for theme in [ThemeName::Default, ThemeName::Contrast, ThemeName::Mono] {
            for (name, buf) in screens(lang, Theme::new(theme, true)) {
                for (i, cell) in buf.content.iter().enumerate() {
                    let symbol = cell.symbol();
                    assert!(
                        same_width_everywhere(symbol),
                        "{lang:?} {theme:?} {name}: {symbol:?} at ({}, {})\n{}",
                        i % usize::from(buf.area.width),
                        i / usize::from(buf.area.width),
                        text_of(&buf)
                    );
                }
            }
        }
    }
}

#[test]
fn without_ascii_only_borders_and_bars_are_ambiguous_width() {
    // U+2500-U+257F box drawing, U+2580-U+259F block elements.
    let frame_glyph = |s: &str| s.chars().all(|c| ('\u{2500}'..='\u{259F}').contains(&c));
    for lang in [Lang::Zh, Lang::En] {
        for (name, buf) in screens(lang, Theme::new(ThemeName::Default, false)) {
            for cell in buf.content.iter() {
                let symbol = cell.symbol();
                assert!(
                    same_width_everywhere(symbol) || frame_glyph(symbol),
                    "{lang:?} {name}: {symbol:?}\n{}",
                    text_of(&buf)
                );
            }
        }
    }
}

#[test]
fn mono_screens_carry_no_colour_and_show_the_selection_in_reverse_video() {
    use ratatui::style::{Color, Modifier};
    for lang in [Lang::Zh, Lang::En] {
        for (name, buf) in screens(lang, Theme::new(ThemeName::Mono, false)) {
            for cell in buf.content.iter() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{lang:?} {name}: {:?} on {:?} at {:?}\n{}",
                    cell.fg,
                    cell.bg,
                    cell.symbol(),
                    text_of(&buf)
                );
            }
        }
        let status = &screens(lang, Theme::new(ThemeName::Mono, false))[0].1;
        // The selected card (task 4, first in the first column) is drawn in reverse video.
        let reversed = (0..W).any(|x| {
            let cell = &status[(x, 3)];
            cell.modifier.contains(Modifier::REVERSED) && cell.symbol() == "4"
        });
        assert!(reversed, "{lang:?}: the selection is not in reverse video");
    }
}

/// Every label in `Strings` is shown somewhere: one place for each label, none left behind when
/// the screen that used it changes (five were, before).
#[test]
fn every_label_is_used_by_the_code() {
    let fields = std::fs::read_to_string("src/i18n/strings.rs").unwrap();
    let names: Vec<&str> = fields
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.split_once(": &'static str").map(|(name, _)| name))
        .collect();
    assert!(names.len() > 100, "{names:?}");
    let mut code = String::new();
    let mut folders = vec![std::path::PathBuf::from("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.starts_with("src/i18n") {
                code.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    code.push_str(&std::fs::read_to_string("src/i18n/mod.rs").unwrap());
    let unused: Vec<&str> = names
        .into_iter()
        .filter(|name| {
            !code.match_indices(&format!(".{name}")).any(|(at, m)| {
                !code[at + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })
        })
        .collect();
    assert_eq!(unused, Vec::<&str>::new(), "labels nothing shows");
}
