//! Sign-off and extensions from the shell: `request close|extend`, `decide`, `requests`.

use super::Failure;
use super::change::change;
use crate::cli::{Cli, DecisionArg, RequestKind};
use crate::i18n::Lang;
use crate::model::sanitize::clean_line;
use crate::model::{Decision, Operation, Request};
use crate::store::Store;

/// `request close TASK NOTE`, `request extend TASK --to DATE REASON`.
pub fn request(cli: &Cli, store: &Store, kind: &RequestKind) -> Result<(), Failure> {
    let op = match kind {
        RequestKind::Close { id, note } => Operation::RequestClose {
            id: *id,
            note: note.clone(),
        },
        RequestKind::Extend { id, to, reason } => Operation::RequestExtend {
            id: *id,
            to: *to,
            reason: reason.clone(),
        },
    };
    change(cli, store, op)
}

/// `decide TASK approve|return|refuse [--reason TEXT]`: the open request on that task.
pub fn decide(
    cli: &Cli,
    store: &Store,
    id: u32,
    decision: DecisionArg,
    reason: Option<&str>,
) -> Result<(), Failure> {
    let reason = reason.unwrap_or_default().to_string();
    let decision = match decision {
        DecisionArg::Approve => Decision::Approve,
        DecisionArg::Return => Decision::Return(reason),
        DecisionArg::Refuse => Decision::Refuse(reason),
    };
    change(cli, store, Operation::Decide { id, decision })
}

/// `requests`: the open ones, oldest first, one a line.
pub fn list(store: &Store, lang: Lang) -> Result<(), Failure> {
    let board = store.load()?.board;
    let open = crate::model::request::open_requests(&board);
    let mut out = String::new();
    if open.is_empty() {
        out.push_str(match lang {
            Lang::Zh => "没有待审批的申请\n",
            Lang::En => "no open requests\n",
        });
    }
    for (task, request) in open {
        let title = clean_line(&task.title);
        let by = clean_line(request.by());
        let on = request.at().date_naive();
        let what = match (request, lang) {
            (Request::Close { note, .. }, Lang::Zh) => format!("申请销号：{}", clean_line(note)),
            (Request::Close { note, .. }, Lang::En) => format!("closure: {}", clean_line(note)),
            (
                Request::Extend {
                    to, reason, late, ..
                },
                Lang::Zh,
            ) => format!(
                "延期申请至 {to}（原期限 {}）{}：{}",
                task.deadline,
                if *late { "，逾期提出" } else { "" },
                clean_line(reason)
            ),
            (
                Request::Extend {
                    to, reason, late, ..
                },
                Lang::En,
            ) => format!(
                "extension to {to} (deadline {}){}: {}",
                task.deadline,
                if *late { ", asked late" } else { "" },
                clean_line(reason)
            ),
        };
        out.push_str(&format!("#{} {title}\t{by} {on}\t{what}\n", task.id));
    }
    super::print_out(&out)
}
