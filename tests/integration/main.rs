//! The integration tests that need no pseudo-terminal, in one test binary so that the heavy
//! dev-dependencies (calamine, zip, proptest) are compiled and linked once, not once per file.
//! The pseudo-terminal runs are the other binary, `tests/pty/main.rs`.
//!
//! To add tests: write `tests/integration/<area>.rs` (use `crate::common` for fixtures and screen
//! dumps) and add `mod <area>;` below, in alphabetical order. `cargo test --test integration
//! <area>::` runs only that module. A new file directly in `tests/` works too, but it is a test
//! binary of its own and costs a link of every dev-dependency: prefer a module here.

#[allow(dead_code)]
#[path = "../common/mod.rs"]
mod common;

// The benches' fixtures, so that `bench_paths` runs every benched path once, untimed.
#[path = "../../benches/support/mod.rs"]
mod support;

mod app_approvals;
mod app_changes;
mod app_conflicts;
mod app_editing;
mod app_meeting;
mod app_milestones;
mod app_time;
mod bench_paths;
mod city;
mod cli;
mod cli_unit;
mod concurrency;
mod dashboard;
mod first_sight;
mod format;
mod i18n;
mod keymap_file;
mod layout;
mod merge;
mod milestones;
mod mouse;
mod operations;
mod plan_document;
mod report;
mod roles;
mod selection;
mod stats;
mod store;
mod sync;
mod time;
mod views;
mod words;
