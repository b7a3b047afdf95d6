//! Messages built from what happened, in both languages: a colleague's change as the board takes
//! it in, an undo refused, a move past the ends of the status list. Kept apart from `Strings`
//! because each needs the values it speaks of.

use super::Lang;
use crate::model::{Change, HistoryEntry, Status, Via};
use crate::text::safe;

impl Lang {
    /// A colleague's changes, taken in from the file: the first of them said in full, the rest
    /// counted. "李娜 把 #3 移至 已完成 等 3 项", "Li Na moved #3 to Done, and 2 more changes".
    pub fn colleague_changes(self, first: &HistoryEntry, count: usize) -> String {
        let who = safe(&first.user);
        let what = self.change_by(first);
        let line = format!("{who} {what}");
        match (self, count) {
            (_, 0 | 1) => line,
            (Lang::Zh, n) => format!("{line} 等 {n} 项"),
            (Lang::En, 2) => format!("{line}, and 1 more change"),
            (Lang::En, n) => format!("{line}, and {} more changes", n - 1),
        }
    }

    /// What one entry did, said after its author's name: "把 #3 移至 已完成", "moved #3 to Done".
    fn change_by(self, entry: &HistoryEntry) -> String {
        // A city view's entries carry its numbers, which read `B12` (`model::city::label`).
        let task = entry
            .task
            .map(|id| format!("#{}", crate::model::city::label(id)))
            .unwrap_or_default();
        let zh = self == Lang::Zh;
        let done = match &entry.change {
            Change::Status { to, .. } => match self {
                Lang::Zh => format!("把 {task} 移至 {}", self.status(*to)),
                Lang::En => format!("moved {task} to {}", self.status(*to)),
            },
            Change::NoteAdded { note } if note.decision => {
                if zh {
                    format!("为 {task} 记录了会议决定")
                } else {
                    format!("recorded a meeting decision on {task}")
                }
            }
            Change::NoteAdded { .. } => {
                if zh {
                    format!("为 {task} 写了进展")
                } else {
                    format!("added a note to {task}")
                }
            }
            Change::NoteRemoved { .. } => {
                if zh {
                    format!("删除了 {task} 的一条进展")
                } else {
                    format!("removed a note from {task}")
                }
            }
            Change::Field { field, .. } => {
                let label = self
                    .field_named(field)
                    .map_or_else(|| safe(field), Into::into);
                if zh {
                    format!("修改了 {task} 的{label}")
                } else {
                    format!("changed the {} of {task}", label.to_lowercase())
                }
            }
            Change::TaskAdded { .. } => {
                if zh {
                    format!("新增了任务 {task}")
                } else {
                    format!("added task {task}")
                }
            }
            Change::TaskDeleted { .. } => {
                if zh {
                    format!("删除了任务 {task}")
                } else {
                    format!("deleted task {task}")
                }
            }
            Change::Milestone { number, .. } => {
                let id = entry.task.map(|id| id.to_string()).unwrap_or_default();
                if zh {
                    format!("修改了节点 {id}.{number}")
                } else {
                    format!("changed milestone {id}.{number}")
                }
            }
            Change::Meeting { date } => {
                if zh {
                    format!("记录了 {date} 的会议")
                } else {
                    format!("recorded the meeting of {date}")
                }
            }
            _ if zh => match entry.task {
                Some(_) => format!("修改了 {task}"),
                None => "修改了看板".to_string(),
            },
            _ => match entry.task {
                Some(_) => format!("changed {task}"),
                None => "changed the board".to_string(),
            },
        };
        match (entry.via, self) {
            (Some(Via::Undo), Lang::Zh) => format!("撤销：{done}"),
            (Some(Via::Redo), Lang::Zh) => format!("重做：{done}"),
            (Some(Via::Undo), Lang::En) => format!("undid a change: {done}"),
            (Some(Via::Redo), Lang::En) => format!("redid a change: {done}"),
            (None, _) => done,
        }
    }

    /// An undo (or redo) the store refused, before the reason: "无法撤销「#1 已移至 推进中」".
    pub fn revert_refused(self, redo: bool, label: &str) -> String {
        match (self, redo) {
            (Lang::Zh, false) => format!("无法撤销「{label}」"),
            (Lang::Zh, true) => format!("无法重做「{label}」"),
            (Lang::En, false) => format!("cannot undo \"{label}\""),
            (Lang::En, true) => format!("cannot redo \"{label}\""),
        }
    }

    /// Where an export wrote: the file names first (what tells one export from the next, and
    /// what a narrow footer keeps), then their folder: "已导出: a.xlsx, a.md（在 /srv/board）".
    pub fn exported_to(self, exported: &str, paths: &[std::path::PathBuf]) -> String {
        let folder = paths.first().and_then(|p| p.parent());
        let same_folder = paths.iter().all(|p| p.parent() == folder);
        let names: Vec<String> = paths
            .iter()
            .map(|p| match (same_folder, p.file_name()) {
                (true, Some(name)) => name.to_string_lossy().into_owned(),
                _ => p.display().to_string(),
            })
            .collect();
        let names = safe(&names.join(", ")).into_owned();
        match folder.filter(|f| same_folder && !f.as_os_str().is_empty()) {
            None => format!("{exported}: {names}"),
            Some(folder) => {
                let folder = folder.display().to_string();
                let folder = safe(&folder);
                match self {
                    Lang::Zh => format!("{exported}: {names}（在 {folder}）"),
                    Lang::En => format!("{exported}: {names} (in {folder})"),
                }
            }
        }
    }

    /// Beside the filter's unit row: what typing does, or what was typed and how many units
    /// have it. "可输入名称筛选", "商务：1 个单位", "商务x：无匹配单位".
    pub fn unit_typing(self, typed: &str, matches: usize) -> String {
        match (self, typed.is_empty(), matches) {
            (Lang::Zh, true, _) => " 可输入名称筛选".to_string(),
            (Lang::En, true, _) => " type to narrow".to_string(),
            (Lang::Zh, false, 0) => format!(" {typed}：无匹配单位"),
            (Lang::En, false, 0) => format!(" {typed}: no unit matches"),
            (Lang::Zh, false, n) => format!(" {typed}：{n} 个单位"),
            (Lang::En, false, 1) => format!(" {typed}: 1 unit"),
            (Lang::En, false, n) => format!(" {typed}: {n} units"),
        }
    }

    /// `H` on a task in the first status, `L` on one in the last: "已是第一个状态：未启动".
    pub fn no_status_beyond(self, next: bool, status: Status) -> String {
        let name = self.status(status);
        match (self, next) {
            (Lang::Zh, false) => format!("已是第一个状态：{name}"),
            (Lang::Zh, true) => format!("已是最后一个状态：{name}"),
            (Lang::En, false) => format!("already in the first status: {name}"),
            (Lang::En, true) => format!("already in the last status: {name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(user: &str, task: u32, change: Change) -> HistoryEntry {
        HistoryEntry {
            at: "2025-03-04T10:00:00+08:00".parse().unwrap(),
            user: user.into(),
            task: Some(task),
            change,
            via: None,
        }
    }

    #[test]
    fn a_colleagues_move_names_who_and_what_and_counts_the_rest() {
        let moved = entry(
            "李娜",
            3,
            Change::Status {
                from: Status::InProgress,
                to: Status::Done,
                was_completed_on: None,
                completed_on: None,
            },
        );
        assert_eq!(
            Lang::Zh.colleague_changes(&moved, 1),
            "李娜 把 #3 移至 已完成"
        );
        assert_eq!(
            Lang::En.colleague_changes(&moved, 1),
            "李娜 moved #3 to Done"
        );
        assert_eq!(
            Lang::Zh.colleague_changes(&moved, 3),
            "李娜 把 #3 移至 已完成 等 3 项"
        );
        assert_eq!(
            Lang::En.colleague_changes(&moved, 3),
            "李娜 moved #3 to Done, and 2 more changes"
        );
    }

    #[test]
    fn a_name_with_control_characters_is_cleaned() {
        let field = entry(
            "li\u{1b}[31mna",
            2,
            Change::Field {
                field: "deadline".into(),
                from: String::new(),
                to: String::new(),
            },
        );
        let text = Lang::En.colleague_changes(&field, 1);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(text.ends_with("changed the deadline of #2"), "{text}");
    }
}
