//! Merge conflicts from the shell: how one reads, and `resolve`, which settles one.

use super::Failure;
use super::change::change;
use crate::cli::{Cli, SideArg};
use crate::i18n::Lang;
use crate::model::sanitize::clean_line;
use crate::model::{Conflict, Operation, Side};
use crate::store::Store;

/// One conflict as a line: what, both values, both authors, and how to settle it. Everything in
/// it comes from the file, so it is cleaned before it is printed.
pub fn conflict_line(c: &Conflict, lang: Lang) -> String {
    let task = c.task.map_or("board".to_string(), |id| id.to_string());
    let value = |v: &str| match (v.is_empty(), c.field == "deleted", lang) {
        (true, true, Lang::Zh) => "（已删除）".to_string(),
        (true, true, Lang::En) => "(deleted)".to_string(),
        (true, false, _) => "\"\"".to_string(),
        _ => format!("\"{}\"", clean_line(v)),
    };
    let by = |b: &str| match b {
        "" => "?".to_string(),
        b => clean_line(b),
    };
    let field = clean_line(&c.field);
    let quoted = if field.contains(' ') {
        format!("\"{field}\"")
    } else {
        field.clone()
    };
    match lang {
        Lang::Zh => format!(
            "任务 {task} {field}：本方 {}（{}），对方 {}（{}）；处理：ftz-board resolve {task} {quoted} ours|theirs",
            value(&c.ours),
            by(&c.ours_by),
            value(&c.theirs),
            by(&c.theirs_by)
        ),
        Lang::En => format!(
            "task {task} {field}: ours {} ({}), theirs {} ({}); settle: ftz-board resolve {task} {quoted} ours|theirs",
            value(&c.ours),
            by(&c.ours_by),
            value(&c.theirs),
            by(&c.theirs_by)
        ),
    }
}

/// `resolve TASK FIELD ours|theirs`: one change, under the lock, into the history.
pub fn resolve(
    cli: &Cli,
    store: &Store,
    task: &str,
    field: &str,
    side: SideArg,
) -> Result<(), Failure> {
    let task = match task.trim().trim_start_matches('#') {
        "board" | "看板" => None,
        number => Some(number.parse().map_err(|_| {
            Failure(format!(
                "`{}` is not a task number (expected a number, or `board` for the board's own fields)",
                clean_line(task)
            ))
        })?),
    };
    let chose = match side {
        SideArg::Ours => Side::Ours,
        SideArg::Theirs => Side::Theirs,
    };
    let op = Operation::ResolveConflict {
        task,
        field: field.trim().to_string(),
        chose,
    };
    change(cli, store, op)
}
