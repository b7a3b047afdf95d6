//! The dashboard (view 3) and meeting review as a user at 80x24 or at a projector sees them: no
//! label cut into another at any size, at most three screens on the built-in plan, a ranking
//! whose bars show what it sorts by, a dated timeline, a review that fills 200x60 and puts red
//! lights first, and the meeting recorded once a day when the review opens.

use crate::common;

use common::{assert_rows_aligned, find_row, screen_rows};
use ftz_board::action::Action;
use ftz_board::app::{App, Effect};
use ftz_board::i18n::Lang;
use ftz_board::model::{Board, Context, History, Light, Meeting, Milestone, Operation, Status};
use ratatui::buffer::Buffer;

const TODAY: &str = "2026-11-26";

fn app_with(board: Board, today: &str, lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(board, "board.ron".into(), today.parse().unwrap(), lang);
    app.set_history(History::default());
    app.resize(width, height);
    app
}

fn app(lang: Lang, width: u16, height: u16) -> App {
    app_with(
        ftz_board::plan::builtin_plan().unwrap(),
        TODAY,
        lang,
        width,
        height,
    )
}

fn rows(app: &App) -> Vec<String> {
    let mut buf = Buffer::empty(app.screen());
    let _cursor = ftz_board::ui::render(app, app.screen(), &mut buf);
    assert_rows_aligned(&buf);
    screen_rows(&buf)
}

/// Every screen of the dashboard, top to bottom, paging down until the page ends.
fn screens(app: &mut App) -> Vec<Vec<String>> {
    app.update(Action::ShowDashboard);
    app.update(Action::First);
    let mut out = vec![rows(app)];
    loop {
        let before = app.dashboard_scroll();
        app.update(Action::PageDown);
        if app.dashboard_scroll() == before || out.len() > 100 {
            return out;
        }
        out.push(rows(app));
    }
}

/// The words the dashboard draws as labels (titles, headers, legends) in a language.
fn labels(lang: Lang) -> Vec<String> {
    let s = lang.strings();
    let d = lang.dashboard_labels();
    let mut out: Vec<String> = [
        s.unit_label,
        s.total,
        s.dash_summary,
        s.dash_timeline,
        s.dash_units,
        s.dash_ranking,
        s.dash_on_time_rate,
        s.col_lead,
        s.col_coop,
        s.col_overdue,
        s.col_rate,
        s.urgency_due_soon,
        d.progress,
        d.milestones,
        d.no_milestones,
        d.screens,
    ]
    .iter()
    .map(|l| l.to_string())
    .collect();
    out.extend(Status::ALL.iter().map(|st| lang.status(*st).to_string()));
    out.extend(
        [Light::Red, Light::Yellow, Light::Green]
            .iter()
            .map(|l| lang.light(*l).to_string()),
    );
    out
}

/// A label cut short: the start of a label (two thirds or more of it) followed by something
/// other than its next character, where that start is not itself a label.
fn cut_label(row: &str, labels: &[String]) -> Option<String> {
    for label in labels {
        let chars: Vec<char> = label.chars().collect();
        for k in (chars.len() * 2).div_ceil(3).max(2)..chars.len() {
            let prefix: String = chars[..k].iter().collect();
            if labels.contains(&prefix) {
                continue;
            }
            let mut from = 0;
            while let Some(at) = row[from..].find(&prefix) {
                let after = &row[from + at + prefix.len()..];
                // A cut label ends at a space, a mark or the edge; a letter after it makes
                // another word (按期 in 按期完成率).
                let next = after.chars().next();
                let before = row[..from + at].chars().next_back();
                let word_start = !before.is_some_and(char::is_alphanumeric) || !label.is_ascii();
                if word_start && next != Some(chars[k]) && !next.is_some_and(char::is_alphanumeric)
                {
                    return Some(format!("{label:?} cut to {prefix:?} in {row:?}"));
                }
                from += at + prefix.len();
            }
        }
    }
    None
}

#[test]
fn the_dashboard_cuts_no_label_and_splits_no_character_at_any_width_in_either_language() {
    for lang in [Lang::Zh, Lang::En] {
        let labels = labels(lang);
        for height in [10, 24, 60] {
            for width in 44..=200 {
                let mut app = app(lang, width, height);
                let body = app.body();
                let (top, bottom) = (usize::from(body.y), usize::from(body.bottom()));
                for screen in screens(&mut app) {
                    // The dashboard's own rows (the header and footer are other views' work).
                    for row in &screen[top..bottom] {
                        if let Some(problem) = cut_label(row, &labels) {
                            panic!("{width}x{height}: {problem}\n{}", screen.join("\n"));
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_built_in_plan_dashboard_fits_three_screens_at_80x24_and_page_down_moves_a_screen() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app(lang, 80, 24);
        let screens = screens(&mut app);
        assert!(screens.len() <= 3, "{} screens", screens.len());
        let all: Vec<&String> = screens.iter().flatten().collect();
        let s = lang.strings();
        for title in [
            s.dash_summary,
            lang.dashboard_labels().progress,
            s.dash_timeline,
            s.dash_units,
            s.dash_ranking,
            lang.dashboard_labels().milestones,
        ] {
            assert!(
                all.iter().any(|r| r.contains(title)),
                "{title} is on no screen"
            );
        }
        // The second screen starts where the first ended: the marker says so on a row of its own.
        let first = find_row(&screens[0], "[1-").trim().to_string();
        assert!(first.starts_with("[1-"), "{first}");
        let shown: u16 = first[3..first.find('/').unwrap()].parse().unwrap();
        app.update(Action::First);
        app.update(Action::PageDown);
        assert_eq!(app.dashboard_scroll(), usize::from(shown));
    }
}

#[test]
fn the_ranking_bars_show_the_count_it_sorts_by_and_the_delay_as_longest_and_median() {
    let mut app = app(Lang::Zh, 200, 60);
    app.update(Action::ShowDashboard);
    let rows = rows(&app);
    let ranked: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains(" 项 最长 ") && r.contains("中位"))
        .collect();
    assert!(ranked.len() >= 10, "{}", rows.join("\n"));
    assert!(!rows.iter().any(|r| r.contains("累计逾期")));
    let count = |r: &str| -> usize {
        let at = r.find(" 项 最长").unwrap();
        r[..at].rsplit(' ').next().unwrap().parse().unwrap()
    };
    let bar = |r: &str| r.matches('█').count();
    for pair in ranked.windows(2) {
        assert!(count(pair[0]) >= count(pair[1]), "sorted by count");
        assert!(
            bar(pair[0]) >= bar(pair[1]),
            "bars follow the order:\n{}\n{}",
            pair[0],
            pair[1]
        );
        if count(pair[0]) > count(pair[1]) {
            assert!(bar(pair[0]) > bar(pair[1]), "{}\n{}", pair[0], pair[1]);
        }
    }
    // 区市场监管局 leads four overdue tasks, all due at the end of 2024: 695 days on 2026-11-26.
    assert!(find_row(&rows, " 1. 区市场监管局").contains("4 项 最长 695 天 中位 695 天"));
}

#[test]
fn the_timeline_axis_has_dates_under_it_and_marks_today() {
    let mut app = app(Lang::En, 100, 40);
    app.update(Action::ShowDashboard);
    let rows = rows(&app);
    let axis = rows.iter().position(|r| r.contains("-+-")).unwrap();
    let dates = &rows[axis + 1];
    for month in ["2024-11", "2025-12", "2026-11"] {
        assert!(dates.contains(month), "{month} in {dates}");
    }
    assert!(
        rows[axis + 2].contains("Today 2026-11-26 ^"),
        "{}",
        rows[axis + 2]
    );
}

#[test]
fn the_chart_over_time_counts_overdue_tasks_week_by_week_in_words() {
    let mut app = app(Lang::Zh, 100, 40);
    app.update(Action::ShowDashboard);
    let rows = rows(&app);
    // All 19 overdue on the date in use; the series are named in words.
    let overdue = rows
        .iter()
        .position(|r| r.contains(" 逾期") && r.contains("19 ") && r.contains('█'))
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    assert!(
        rows[overdue - 2].contains("已完成  0"),
        "{}",
        rows[overdue - 2]
    );
    assert!(rows[overdue + 2].contains("需协调  0"));
    assert!(rows[overdue + 4].contains("2024-11") && rows[overdue + 4].contains("2026-11"));
}

/// A task with much to show: long text, six notes, a dozen changes, milestones.
fn busy_board() -> (Board, History) {
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    let task = board.task_mut(9).unwrap();
    task.text = "推进知识产权保护中心建设，".repeat(20);
    task.milestones = vec![
        Milestone {
            number: 1,
            title: "签约".into(),
            due: "2026-06-30".parse().unwrap(),
            units: Vec::new(),
            completed_on: Some("2026-06-20".parse().unwrap()),
        },
        Milestone {
            number: 2,
            title: "挂牌运行".into(),
            due: "2026-09-30".parse().unwrap(),
            units: Vec::new(),
            completed_on: None,
        },
    ];
    let mut entries = Vec::new();
    for (i, (op, day)) in (0..6)
        .map(|i| {
            (
                Operation::AddNote {
                    id: 9,
                    text: format!(
                        "第{i}次进展：已与浦东知识产权保护中心对接，材料准备中，请区科委配合"
                    ),
                    decision: false,
                },
                10 + i,
            )
        })
        .chain((0..6).map(|i| {
            let to = if i % 2 == 0 {
                Status::InProgress
            } else {
                Status::Blocked
            };
            (Operation::SetStatus { id: 9, to }, 20 + i)
        }))
        .enumerate()
    {
        let ctx = Context {
            user: format!("用户{i}"),
            now: format!("2026-10-{day}T10:00:00+08:00").parse().unwrap(),
        };
        entries.extend(op.apply(&mut board, &ctx).unwrap());
    }
    (board, History::new(entries))
}

#[test]
fn review_at_200x60_shows_the_whole_text_milestones_notes_and_history_over_most_rows() {
    let (board, history) = busy_board();
    let mut app = app_with(board, TODAY, Lang::Zh, 200, 60);
    app.set_history(history);
    app.update(Action::Review);
    while app.review().and_then(|r| r.current()) != Some(9) {
        let before = app.review().map(|r| r.index);
        app.update(Action::Down);
        assert_ne!(
            app.review().map(|r| r.index),
            before,
            "task 9 is in the review"
        );
    }
    let rows = rows(&app);
    let text = rows.join("\n");
    // The whole text: its twentieth sentence is there.
    assert_eq!(
        text.matches("推进知识产权保护中心建设").count(),
        20,
        "{text}"
    );
    find_row(&rows, "1. 2026-06-30  签约");
    find_row(&rows, "2. 2026-09-30  挂牌运行");
    for i in 0..6 {
        find_row(&rows, &format!("第{i}次进展"));
    }
    find_row(&rows, "近期变更");
    find_row(&rows, "用户11");
    let used: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.starts_with('│') && !r.trim_matches(|c| c == '│' || c == ' ').is_empty())
        .map(|(i, _)| i)
        .collect();
    assert!(used.len() > 40, "{} rows used:\n{text}", used.len());
    // Still whole at 80x24: the title and the start of the text are on the first screen.
    app.resize(80, 24);
    let small = render_rows(&app);
    find_row(&small, "#9 ");
}

#[test]
fn review_puts_red_lights_first() {
    // On 2025-06-01: task 19 (due end-2025) has a missed milestone, so it is red though its
    // deadline is far; task 5 is blocked and not late (yellow or green).
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    board.task_mut(5).unwrap().status = Status::Blocked;
    board.task_mut(19).unwrap().milestones = vec![Milestone {
        number: 1,
        title: "方案".into(),
        due: "2025-05-01".parse().unwrap(),
        units: Vec::new(),
        completed_on: None,
    }];
    let today = "2025-06-01".parse().unwrap();
    assert_eq!(board.light(board.task(19).unwrap(), today), Light::Red);
    let mut app = app_with(board, "2025-06-01", Lang::Zh, 120, 40);
    app.update(Action::Review);
    let review = app.review().unwrap();
    let lights: Vec<Light> = review
        .items
        .iter()
        .map(|(id, _)| app.board().light(app.board().task(*id).unwrap(), today))
        .collect();
    let first_other = lights.iter().position(|l| *l != Light::Red).unwrap();
    assert!(
        lights[first_other..].iter().all(|l| *l != Light::Red),
        "{lights:?}"
    );
    let place = |id| review.items.iter().position(|(i, _)| *i == id).unwrap();
    assert!(place(19) < first_other, "task 19 is among the reds");
    assert!(place(5) >= first_other);
}

/// Carries out an effect the way the main loop does, on the app's own board.
fn apply(app: &mut App, effect: Effect) {
    let Effect::Apply { op, kind } = effect else {
        panic!("expected a change, got {effect:?}");
    };
    let mut board = app.board().clone();
    let ctx = Context {
        user: "办公室".into(),
        now: "2026-11-26T09:00:00+08:00".parse().unwrap(),
    };
    let result = op
        .apply(&mut board, &ctx)
        .map(|entries| (board, entries))
        .map_err(Into::into);
    app.on_applied(op, kind, result);
}

#[test]
fn opening_the_review_records_the_meeting_once_a_day_and_never_when_looking_back() {
    let mut app = app(Lang::Zh, 120, 40);
    let effect = app.update(Action::Review);
    assert_eq!(
        effect,
        Effect::Apply {
            op: Operation::RecordMeeting {
                date: TODAY.parse().unwrap()
            },
            kind: ftz_board::app::ChangeKind::New,
        }
    );
    apply(&mut app, effect);
    assert!(
        app.board()
            .meetings
            .contains(&Meeting(TODAY.parse().unwrap()))
    );
    assert!(
        app.history()
            .entries()
            .iter()
            .any(|e| e.change.kind() == "meeting")
    );
    assert!(
        app.message()
            .unwrap()
            .text
            .contains("已记录会议 2026-11-26")
    );
    // Leaving and opening again the same day records nothing more.
    app.update(Action::Back);
    assert_eq!(app.update(Action::Review), Effect::None);
    app.update(Action::Back);
    // Looking back at an earlier day is read-only: the review opens, nothing is recorded.
    app.look_at("2026-06-01".parse().unwrap());
    assert_eq!(app.update(Action::Review), Effect::None);
    assert!(app.review().is_some());
}

fn render_rows(app: &App) -> Vec<String> {
    rows(app)
}

/// The dashboard's figures are made when it is shown (opening a 10,000-task board on the status
/// view no longer pays for them). A colleague's change that arrives while another view is shown
/// is in them all the same when the dashboard is opened, and one that arrives while it is shown
/// changes them at once.
#[test]
fn the_dashboard_counts_a_change_that_arrived_while_another_view_was_shown() {
    let mut app = app(Lang::En, 160, 48);
    // The summary, the status counts and the head of the units table. (The week-by-week chart
    // is walked from the history, which this change does not add to.)
    let done_row = |app: &mut App| {
        app.update(Action::ShowDashboard);
        let rows = rows(app)[..9].to_vec();
        app.update(Action::ShowStatusView);
        rows
    };
    let before = done_row(&mut app);
    let mut board = app.board().clone();
    let open: Vec<u32> = board
        .tasks
        .iter()
        .filter(|t| t.status != Status::Done)
        .map(|t| t.id)
        .take(3)
        .collect();
    for id in &open {
        board.task_mut(*id).unwrap().status = Status::Done;
    }
    app.set_board(board.clone());
    let after = done_row(&mut app);
    assert_ne!(
        before, after,
        "the dashboard still shows the board before the change"
    );
    let fresh = done_row(&mut app_with(board.clone(), TODAY, Lang::En, 160, 48));
    assert_eq!(after, fresh);

    // Shown while the change comes.
    app.update(Action::ShowDashboard);
    board.task_mut(open[0]).unwrap().status = Status::Blocked;
    app.set_board(board.clone());
    let live = rows(&app)[..9].to_vec();
    app.update(Action::ShowStatusView);
    assert_eq!(
        live,
        done_row(&mut app_with(board, TODAY, Lang::En, 160, 48))
    );
}
