//! What the model's unit tests share.

use super::{Board, PlanInfo};

/// A board with a plan issued on 2024-11-01 and no tasks.
pub fn empty_board() -> Board {
    Board::empty(PlanInfo {
        title: "t".into(),
        document_number: "n".into(),
        issued_on: chrono::NaiveDate::from_ymd_opt(2024, 11, 1).unwrap_or_default(),
        issuer: "i".into(),
    })
}
