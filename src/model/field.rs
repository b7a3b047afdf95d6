//! The fields of a task that are edited as text, and how their text reads and writes them.

use chrono::NaiveDate;

use super::Task;
use super::sanitize::{clean_line, clean_text};

/// A field of a task that can be edited in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Text,
    Deadline,
    LeadUnits,
    CooperatingUnits,
    /// The deadline before the first extension (原定): set when an extension is granted.
    OriginalDeadline,
}

/// Why a field's new text is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    EmptyTitle,
    NoLeadUnit,
    /// The text is not a date (YYYY-MM-DD); carries the text, cleaned.
    BadDate(String),
}

impl Field {
    /// The fields the task form edits, in its order.
    pub const EDITABLE: [Field; 5] = [
        Field::Title,
        Field::Text,
        Field::Deadline,
        Field::LeadUnits,
        Field::CooperatingUnits,
    ];

    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Text,
        Field::Deadline,
        Field::LeadUnits,
        Field::CooperatingUnits,
        Field::OriginalDeadline,
    ];

    /// The name in the file, the history and the JSON export.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Deadline => "deadline",
            Field::LeadUnits => "lead_units",
            Field::CooperatingUnits => "cooperating_units",
            Field::OriginalDeadline => "original_deadline",
        }
    }

    pub fn named(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The field's value as text: units joined with 、, dates as YYYY-MM-DD, "" for no date.
    pub fn get(self, task: &Task) -> String {
        match self {
            Field::Title => task.title.clone(),
            Field::Text => task.text.clone(),
            Field::Deadline => task.deadline.to_string(),
            Field::LeadUnits => join_units(&task.lead_units),
            Field::CooperatingUnits => join_units(&task.cooperating_units),
            Field::OriginalDeadline => task
                .original_deadline
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    /// Sets the field from text as typed (cleaned here). On error the task is unchanged.
    pub fn set(self, task: &mut Task, value: &str) -> Result<(), FieldError> {
        match self {
            Field::Title => {
                let title = clean_line(value.trim());
                if title.is_empty() {
                    return Err(FieldError::EmptyTitle);
                }
                task.title = title;
            }
            Field::Text => task.text = clean_text(value.trim()),
            Field::Deadline => task.deadline = parse_date(value)?,
            Field::OriginalDeadline => {
                task.original_deadline = match value.trim() {
                    "" => None,
                    text => Some(parse_date(text)?),
                }
            }
            Field::LeadUnits => {
                let units = parse_units(value);
                if units.is_empty() {
                    return Err(FieldError::NoLeadUnit);
                }
                task.lead_units = units;
            }
            Field::CooperatingUnits => task.cooperating_units = parse_units(value),
        }
        Ok(())
    }
}

fn parse_date(value: &str) -> Result<NaiveDate, FieldError> {
    value
        .trim()
        .parse::<NaiveDate>()
        .map_err(|_| FieldError::BadDate(clean_line(value)))
}

/// Splits "区科委、大零号湾集团" or "区科委, 大零号湾集团" into clean, non-empty unit names.
pub fn parse_units(value: &str) -> Vec<String> {
    value
        .split(['、', ',', '，', ';', '；', '\n'])
        .map(|u| clean_line(u).trim().to_string())
        .filter(|u| !u.is_empty())
        .collect()
}

pub fn join_units(units: &[String]) -> String {
    units.join("、")
}
