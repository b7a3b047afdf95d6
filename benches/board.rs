//! `cargo bench`: load, save, one change under the lock, start-up to the first frame, and one key
//! handled plus one frame drawn in each view, for the plan (19 tasks) and generated boards of 1,000
//! and 10,000 tasks. Sample counts and times are kept small so the whole run fits in a few minutes
//! on a shared 2-core machine; pass criterion options (e.g. `-- --warm-up-time 1`) to change them.

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode};
use ftz_board::store::{parse, to_text};
use ratatui::buffer::Buffer;
use support::{SCREEN, SIZES, SaveFixture, ViewCase, app_in, board_of, file_path};

/// Big boards take whole milliseconds per iteration: few flat samples keep their share of the run
/// to a couple of seconds each without losing the median.
fn sized(group: &mut BenchmarkGroup<'_, WallTime>, size: usize) {
    if size >= 10_000 {
        group.sample_size(10).sampling_mode(SamplingMode::Flat);
    } else {
        group.sample_size(20).sampling_mode(SamplingMode::Auto);
    }
}

fn store_paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    for size in SIZES {
        sized(&mut group, size);
        let board = board_of(size);
        let text = to_text(&board);
        let path = file_path();
        group.bench_with_input(BenchmarkId::new("load", size), &text, |b, text| {
            b.iter(|| parse(black_box(text), &path).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("to_text", size), &board, |b, board| {
            b.iter(|| to_text(black_box(board)))
        });
        let mut fixture = SaveFixture::new(&board);
        group.bench_function(BenchmarkId::new("apply_under_lock", size), |b| {
            b.iter(|| fixture.apply_one().unwrap())
        });
    }
    group.finish();
}

fn ui_paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui");
    let mut buf = Buffer::empty(SCREEN);
    for size in SIZES {
        sized(&mut group, size);
        let board = board_of(size);
        let text = to_text(&board);
        group.bench_with_input(BenchmarkId::new("first_frame", size), &text, |b, text| {
            b.iter(|| support::first_frame(text, &mut buf))
        });
        for view in ViewCase::ALL {
            let mut app = app_in(board.clone(), view);
            let mut down = true;
            let id = BenchmarkId::new(format!("key_and_frame/{}", view.name()), size);
            group.bench_function(id, |b| {
                b.iter(|| {
                    support::key_and_frame(&mut app, down, &mut buf);
                    down = !down;
                })
            });
        }
        // What the board does after each save or reload: take the new board, regroup, keep the
        // selection. The clone that hands the board over is set-up, not measured.
        let mut app = app_in(board.clone(), ViewCase::Status);
        group.bench_function(BenchmarkId::new("set_board", size), |b| {
            b.iter_batched(
                || board.clone(),
                |board| app.set_board(board),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}

criterion::criterion_group! {
    name = benches;
    config = config();
    targets = store_paths, ui_paths
}
criterion::criterion_main!(benches);
