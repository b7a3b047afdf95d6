//! The domain: tasks, statuses, deadlines, units, changes and their history. No terminal and no
//! IO here, and no clock: "now" is always passed in.

mod board;
pub mod changes;
pub mod city;
pub mod cycle;
pub(crate) mod dates;
mod field;
mod history;
pub mod light;
pub mod lights;
pub mod merge;
mod milestone_ops;
pub mod milestones;
mod op_error;
mod operation;
pub mod permission;
pub mod red_record;
mod replay;
pub mod request;
pub mod resolve;
pub mod sanitize;
pub mod search;
pub mod stage;
pub mod stats;
mod status;
mod task;
#[cfg(test)]
mod testing;
pub mod time;
mod units;
mod urgency;
mod validate;

pub use board::{
    Board, CURRENT_VERSION, Conflict, Meeting, PlanInfo, ReportCycle, Roles, Settings, Side,
    parse_utc_offset,
};
pub use cycle::{Period, ReportState};
pub use field::{Field, FieldError, join_units, parse_units};
pub use history::{Change, Decision, HistoryEntry, LegacyChange, Via};
pub use light::Light;
pub use operation::{Context, OpError, Operation};
pub use replay::Mismatch;
pub use search::{Filter, RoleFilter, UrgencyFilter, known_unit};
pub use stats::{DiscussionGroup, DiscussionItem, Summary, UnitRow};
pub use status::Status;
pub use task::{Milestone, Note, Request, Role, Task, TaskId};
pub use time::{AsOf, Completeness, History, HistoryCheck, check_history};
pub use units::{UnitLane, UnitMatch, match_unit, unit_lanes};
pub use urgency::Urgency;
pub use validate::{Place, Problem, parse_weekday, unsupported_version, validate};
