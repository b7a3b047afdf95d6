//! The board's own fields (the plan's facts, the settings) by name and as text: what a merge
//! conflict about them holds, and what settling it sets (`Change::Setting`).

use super::values::{from_ron, ron_text};
use crate::model::Board;

/// Every board field a merge compares one by one, by the name a conflict gives it.
pub const NAMES: [&str; 9] = [
    "plan.title",
    "plan.document_number",
    "plan.issued_on",
    "plan.issuer",
    "settings.warn_days",
    "settings.stale_days",
    "settings.behind_yellow",
    "settings.report_cycle",
    "settings.utc_offset",
];

/// The field's value as text; `None` for a name this build does not know.
pub fn get(board: &Board, name: &str) -> Option<String> {
    let (plan, s) = (&board.plan, &board.settings);
    Some(match name {
        "plan.title" => plan.title.clone(),
        "plan.document_number" => plan.document_number.clone(),
        "plan.issued_on" => plan.issued_on.to_string(),
        "plan.issuer" => plan.issuer.clone(),
        "settings.warn_days" => s.warn_days.to_string(),
        "settings.stale_days" => s.stale_days.to_string(),
        "settings.behind_yellow" => s.behind_yellow.to_string(),
        "settings.report_cycle" => ron_text(&s.report_cycle),
        "settings.utc_offset" => ron_text(&s.utc_offset),
        _ => return None,
    })
}

/// Sets the field from the text [`get`] gives; `None` (and the board unchanged) for an unknown
/// name or text that does not read as the field's value.
pub fn set(board: &mut Board, name: &str, text: &str) -> Option<()> {
    let number = || text.trim().parse::<u32>().ok();
    let (plan, s) = (&mut board.plan, &mut board.settings);
    match name {
        "plan.title" => plan.title = text.to_string(),
        "plan.document_number" => plan.document_number = text.to_string(),
        "plan.issued_on" => plan.issued_on = text.trim().parse().ok()?,
        "plan.issuer" => plan.issuer = text.to_string(),
        "settings.warn_days" => s.warn_days = number()?,
        "settings.stale_days" => s.stale_days = number()?,
        "settings.behind_yellow" => s.behind_yellow = number()?,
        "settings.report_cycle" => s.report_cycle = from_ron(text)?,
        "settings.utc_offset" => s.utc_offset = from_ron(text)?,
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_it_wrote() {
        let board = crate::plan::builtin_plan().unwrap();
        for name in NAMES {
            let text = get(&board, name).unwrap();
            let mut copy = board.clone();
            copy.settings = Default::default();
            copy.plan.title.clear();
            set(&mut copy, name, &text).unwrap();
            assert_eq!(get(&copy, name).unwrap(), text, "{name}");
        }
        let mut copy = board.clone();
        assert_eq!(set(&mut copy, "settings.warn_days", "soon"), None);
        assert_eq!(copy, board);
    }
}
