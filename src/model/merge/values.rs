//! A conflict's two values as text (what `conflicts` in the file holds and people read), and
//! back again when the office picks a side.

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::Status;

/// A task's status as a conflict shows it: `done 2025-03-05` (with its completion day), or
/// `in_progress`.
pub fn status_text(status: Status, completed_on: Option<NaiveDate>) -> String {
    match completed_on {
        Some(day) => format!("{} {day}", status.name()),
        None => status.name().to_string(),
    }
}

/// [`status_text`] read back.
pub fn parse_status_text(text: &str) -> Option<(Status, Option<NaiveDate>)> {
    let mut words = text.split_whitespace();
    let status = Status::parse(words.next()?)?;
    let day = match words.next() {
        Some(day) => Some(day.parse().ok()?),
        None => None,
    };
    words.next().is_none().then_some((status, day))
}

/// A value as one line of RON (a request, a milestone, the roles, a setting).
pub fn ron_text<T: Serialize>(value: &T) -> String {
    // Our own plain data always serialises; should it not, the conflict still says something.
    ron::to_string(value).unwrap_or_else(|e| format!("<{e}>"))
}

/// [`ron_text`] read back.
pub fn from_ron<T: DeserializeOwned>(text: &str) -> Option<T> {
    ron::from_str(text).ok()
}

/// An optional day as text: "" for none.
pub fn day_text(day: Option<NaiveDate>) -> String {
    day.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_reads_back_with_its_completion_day() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 5);
        let text = status_text(Status::Done, day);
        assert_eq!(text, "done 2025-03-05");
        assert_eq!(parse_status_text(&text), Some((Status::Done, day)));
        assert_eq!(parse_status_text("blocked"), Some((Status::Blocked, None)));
        assert_eq!(parse_status_text("done tomorrow"), None);
    }
}
