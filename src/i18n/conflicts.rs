//! The words of merge conflicts on the board (the line at the top, the card mark, the picker), in
//! both languages, each label with both.

use super::Lang;
use crate::model::Field;
use crate::model::sanitize::clean_line;

/// Labels of the conflicts line and the conflict picker (`C`).
#[derive(Debug)]
pub struct ConflictLabels {
    /// The picker's title (合并冲突).
    pub title: &'static str,
    /// The list once the last conflict is settled.
    pub all_settled: &'static str,
    /// A conflict about the board's own fields rather than a task.
    pub board: &'static str,
    pub ours: &'static str,
    pub theirs: &'static str,
    /// A side that deleted the task.
    pub deleted: &'static str,
    /// A side whose value is empty.
    pub empty: &'static str,
    /// An author the file does not name.
    pub unknown_author: &'static str,
    /// Above the two sides while one is being picked.
    pub pick_prompt: &'static str,
    /// The card's mark (冲突).
    pub mark: &'static str,
    pub key_pick: &'static str,
    pub key_switch: &'static str,
    pub key_keep: &'static str,
    pub key_back: &'static str,
    /// The message after a conflict is settled: `#3 合并冲突已处理：采用本方`.
    pub settled: &'static str,
    pub kept: &'static str,
}

static ZH: ConflictLabels = ConflictLabels {
    title: "合并冲突",
    all_settled: "合并冲突已全部处理",
    board: "看板",
    ours: "本方",
    theirs: "对方",
    deleted: "（已删除）",
    empty: "（空）",
    unknown_author: "未知",
    pick_prompt: "采用哪一方：",
    mark: "冲突",
    key_pick: "选定一方",
    key_switch: "切换",
    key_keep: "采用",
    key_back: "返回",
    settled: "合并冲突已处理",
    kept: "采用",
};

static EN: ConflictLabels = ConflictLabels {
    title: "Merge conflicts",
    all_settled: "All merge conflicts are settled",
    board: "board",
    ours: "ours",
    theirs: "theirs",
    deleted: "(deleted)",
    empty: "(empty)",
    unknown_author: "unknown",
    pick_prompt: "Keep which side:",
    mark: "conflict",
    key_pick: "pick a side",
    key_switch: "switch",
    key_keep: "keep",
    key_back: "back",
    settled: "conflict settled",
    kept: "kept",
};

impl Lang {
    pub fn conflict_labels(self) -> &'static ConflictLabels {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The line under the headline: `合并冲突 3 处，按 C 处理` / `3 merge conflicts, C to settle`
    /// (without the key when the keymap binds none).
    pub fn conflicts_line(self, count: usize, key: Option<&str>) -> String {
        match (self, key) {
            (Lang::Zh, Some(key)) => format!("合并冲突 {count} 处，按 {key} 处理"),
            (Lang::Zh, None) => format!("合并冲突 {count} 处待处理"),
            (Lang::En, Some(key)) => format!("{count} merge conflict(s), {key} to settle"),
            (Lang::En, None) => format!("{count} merge conflict(s) to settle"),
        }
    }

    /// A conflict's field in words: a task field's label, 状态, 工作节点 2, 删除; a board setting
    /// by its name in the file. The name comes from the file: cleaned.
    pub fn conflict_field(self, field: &str) -> String {
        let s = self.strings();
        let zh = self == Lang::Zh;
        if let Some(field) = Field::named(field) {
            return self.field(field).to_string();
        }
        match field {
            "status" => s.status.to_string(),
            "deleted" if zh => "删除任务".into(),
            "deleted" => "task deleted".into(),
            "request" if zh => "申请".into(),
            "request" => "request".into(),
            "roles" if zh => "角色".into(),
            _ => match field.strip_prefix("milestone ") {
                Some(rest) => format!("{} {}", self.milestone_labels().milestone, clean_line(rest)),
                None => clean_line(field),
            },
        }
    }

    /// A side's value as the picker shows it: cleaned, `（已删除）` for the side that deleted the
    /// task, `（空）` for an empty one.
    pub fn conflict_value(self, field: &str, value: &str) -> String {
        let l = self.conflict_labels();
        match (value.is_empty(), field == "deleted") {
            (true, true) => l.deleted.to_string(),
            (true, false) => l.empty.to_string(),
            _ => clean_line(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_in_words_and_a_strange_one_is_cleaned() {
        assert_eq!(
            Lang::Zh.conflict_field("deadline"),
            Lang::Zh.field(Field::Deadline)
        );
        assert_eq!(Lang::Zh.conflict_field("deleted"), "删除任务");
        assert_eq!(Lang::En.conflict_field("deleted"), "task deleted");
        assert_eq!(
            Lang::Zh.conflict_field("milestone 2"),
            format!("{} 2", Lang::Zh.milestone_labels().milestone)
        );
        assert_eq!(Lang::En.conflict_field("warn\u{1b}[2Jdays"), "warn[2Jdays");
    }

    #[test]
    fn the_top_line_names_the_key_in_either_language() {
        assert_eq!(
            Lang::Zh.conflicts_line(3, Some("C")),
            "合并冲突 3 处，按 C 处理"
        );
        assert_eq!(
            Lang::En.conflicts_line(1, Some("C")),
            "1 merge conflict(s), C to settle"
        );
        assert_eq!(Lang::Zh.conflicts_line(2, None), "合并冲突 2 处待处理");
    }
}
