//! The built-in plan: `data/plan.ron`, compiled into the binary so a new board needs no other file.

use std::path::Path;

use crate::model::Board;
use crate::store::{StoreError, parse};

pub const PLAN_RON: &str = include_str!("../data/plan.ron");

/// The plan as the document gives it. A test checks that the built-in text always parses.
pub fn builtin_plan() -> Result<Board, StoreError> {
    parse(PLAN_RON, Path::new("data/plan.ron"))
}
