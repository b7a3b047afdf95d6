//! The real binary in pseudo-terminals (`driver.rs`, the one driver), in one test binary.
//!
//! To add tests that need a terminal: write `tests/pty/<area>.rs` (use `crate::driver::Pty` and
//! `crate::common`) and add `mod <area>;` below. Tests that need none go to `tests/integration/`.

#[allow(dead_code)]
#[path = "../common/mod.rs"]
mod common;
#[allow(dead_code)]
mod driver;

mod approvals;
mod changes;
mod city;
mod conflicts;
mod e2e;
mod first_sight;
mod hardening;
mod milestones;
mod refresh;
mod saving;
mod terminals;
mod time;
mod words;
