//! A status as people type it on the command line: its stable name (`in_progress`), or its label
//! in either language (`推进中`, `In progress`). The labels are `Lang::status`'s, so there is one
//! place for each.

use super::Lang;
use crate::model::Status;

pub fn status_from_words(input: &str) -> Option<Status> {
    let typed = input.trim();
    Status::parse(typed).or_else(|| {
        Status::ALL.into_iter().find(|&status| {
            [Lang::Zh, Lang::En]
                .iter()
                .any(|lang| lang.status(status).eq_ignore_ascii_case(typed))
        })
    })
}

/// "not_started, in_progress, blocked, done (未启动, 推进中, 需协调, 已完成)" for error messages.
pub fn expected_statuses() -> String {
    let names: Vec<_> = Status::ALL.iter().map(|s| s.name()).collect();
    let labels: Vec<_> = Status::ALL.iter().map(|&s| Lang::Zh.status(s)).collect();
    format!("{} ({})", names.join(", "), labels.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_and_the_labels_of_both_languages() {
        assert_eq!(status_from_words("in_progress"), Some(Status::InProgress));
        assert_eq!(status_from_words(" 需协调 "), Some(Status::Blocked));
        assert_eq!(
            status_from_words("needs coordination"),
            Some(Status::Blocked)
        );
        assert_eq!(status_from_words("doing"), None);
        assert!(expected_statuses().contains("blocked") && expected_statuses().contains("已完成"));
    }
}
