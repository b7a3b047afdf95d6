//! The four kanban columns a task moves through.

use serde::{Deserialize, Serialize};

/// Where a task stands. The order of the variants is the order of the board's columns.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未启动
    #[default]
    NotStarted,
    /// 推进中
    InProgress,
    /// 需协调: needs coordination at the next meeting.
    Blocked,
    /// 已完成
    Done,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Blocked,
        Status::Done,
    ];

    /// The stable English name used in the file, the JSON export and the command line.
    pub fn name(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Blocked => "blocked",
            Status::Done => "done",
        }
    }

    /// Column index, 0-based.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Status> {
        Status::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Status> {
        self.index().checked_sub(1).map(|i| Status::ALL[i])
    }

    /// Accepts the stable name, in any case, with `-` or `_`. (The labels people type, in
    /// either language, are read by `i18n::status_from_words`: labels live in `i18n`.)
    pub fn parse(input: &str) -> Option<Status> {
        let wanted = input.trim().to_lowercase().replace('-', "_");
        Status::ALL.into_iter().find(|s| s.name() == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_stable_names_in_any_case() {
        assert_eq!(Status::parse("in_progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("In-Progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("doing"), None);
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        assert_eq!(Status::NotStarted.previous(), None);
        assert_eq!(Status::NotStarted.next(), Some(Status::InProgress));
        assert_eq!(Status::Done.next(), None);
        assert_eq!(Status::Done.previous(), Some(Status::Blocked));
    }
}
