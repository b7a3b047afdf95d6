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

    /// The Chinese label the task force uses.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Blocked => "需协调",
            Status::Done => "已完成",
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

    /// Accepts the English name (any case, `-` or `_`) or the Chinese label.
    pub fn parse(input: &str) -> Option<Status> {
        let wanted = input.trim().to_lowercase().replace('-', "_");
        Status::ALL
            .into_iter()
            .find(|s| s.name() == wanted || s.label_zh() == input.trim())
    }

    /// "not_started, in_progress, blocked, done (未启动, 推进中, 需协调, 已完成)" for error messages.
    pub fn expected_list() -> String {
        let names: Vec<_> = Status::ALL.iter().map(|s| s.name()).collect();
        let labels: Vec<_> = Status::ALL.iter().map(|s| s.label_zh()).collect();
        format!("{} ({})", names.join(", "), labels.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_english_and_chinese_names() {
        assert_eq!(Status::parse("in_progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("In-Progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("需协调"), Some(Status::Blocked));
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
