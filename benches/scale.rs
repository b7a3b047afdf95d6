//! `cargo bench --bench scale`: what a board costs as it grows in tasks and in history, at 19 (the
//! plan), 1,000 and 10,000 tasks with 0, 10,000 and 50,000 history entries (issues 12 and 17):
//! one change from the shell under the lock, opening to the first frame, `check`, and standing the
//! board at a past date; and `changes` over a year of the 10,000-task board's history.
//!
//! Each case is a real board directory written by `ftz-board sample`'s generator. Big cases take
//! whole milliseconds per iteration, so they run few flat samples.

mod support;

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, SamplingMode};
use ftz_board::model::{AsOf, check_history};
use ratatui::buffer::Buffer;
use support::{SCREEN, ScaleCase};

const TASKS: [usize; 3] = [19, 1_000, 10_000];
const HISTORY: [usize; 3] = [0, 10_000, 50_000];

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    let mut buf = Buffer::empty(SCREEN);
    for tasks in TASKS {
        for entries in HISTORY {
            // Writing a big sample board takes seconds: only for a case the filter can select.
            if !wanted(tasks, entries) {
                continue;
            }
            let case = ScaleCase::new(tasks, entries);
            let id = |name: &str| BenchmarkId::new(name, format!("{tasks}x{entries}"));
            let mut writer = case.writer();
            group.bench_function(id("change_under_lock"), |b| {
                b.iter(|| writer.apply_one().unwrap())
            });
            // The app is dropped outside the timing: the board never frees a whole board on
            // its way to the first frame, and at 10,000 tasks glibc's free was a fifth of it.
            group.bench_function(id("first_frame"), |b| {
                b.iter_with_large_drop(|| support::first_frame_from(case.store(), &mut buf))
            });
            group.bench_function(id("check"), |b| {
                b.iter(|| {
                    let store = case.store();
                    let board = store.load().unwrap().board;
                    let history = store.load_history().unwrap();
                    black_box(check_history(&board, &history))
                })
            });
            // Stepping the date in the board: the board and its history are in memory already.
            // The board stood at the date is dropped outside the timing: freeing a 10,000-task
            // board costs glibc 25 ms on its own, paid when the board goes back to today.
            let board = case.store().load().unwrap().board;
            let history = case.store().load_history().unwrap();
            let past = past_date(&history);
            group.bench_function(id("as_of_step"), |b| {
                b.iter_with_large_drop(|| AsOf::at(&board, &history, past))
            });
            if tasks == 10_000 && entries > 0 {
                let until = history.entries().last().map_or(past, |e| e.date());
                let since = until - chrono::Days::new(365);
                group.bench_function(id("changes_over_a_year"), |b| {
                    b.iter(|| {
                        black_box(ftz_board::model::changes::changes(
                            &board,
                            &history,
                            since,
                            until,
                            |_, _| true,
                        ))
                    })
                });
            }
        }
    }
    group.finish();
}

/// Whether the command line's filter (`cargo bench --bench scale -- first_frame/19x50000`) can
/// select a bench of this case. A filter with regex characters, or none, selects every case.
fn wanted(tasks: usize, entries: usize) -> bool {
    // Criterion's options that take a value: that value is not a filter.
    const WITH_VALUE: [&str; 12] = [
        "--save-baseline",
        "--baseline",
        "--load-baseline",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--output-format",
        "--profile-time",
    ];
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, arg)| {
            !arg.starts_with('-') && (*i == 0 || !WITH_VALUE.contains(&args[i - 1].as_str()))
        })
        .map(|(_, arg)| arg)
        .collect();
    let names = [
        "change_under_lock",
        "first_frame",
        "check",
        "as_of_step",
        "changes_over_a_year",
    ];
    filters.is_empty()
        || filters.iter().any(|filter| {
            filter.contains(|c: char| "^$.*+?()[]{}|\\".contains(c))
                || names
                    .iter()
                    .any(|name| format!("scale/{name}/{tasks}x{entries}").contains(filter.as_str()))
        })
}

/// Halfway through the recorded time, so half the history is undone.
fn past_date(history: &ftz_board::model::History) -> NaiveDate {
    let entries = history.entries();
    match (entries.first(), entries.last()) {
        (Some(first), Some(last)) => {
            first.date() + chrono::Days::new((last.date() - first.date()).num_days() as u64 / 2)
        }
        _ => NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}

criterion::criterion_group! {
    name = benches;
    config = config();
    targets = scale
}
criterion::criterion_main!(benches);
