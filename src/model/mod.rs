//! The domain: tasks, statuses, deadlines, units, changes. No terminal and no IO here.

mod board;
mod dates;
mod history;
mod operation;
pub mod sanitize;
pub mod search;
pub mod stats;
mod status;
mod task;
mod units;
mod urgency;
mod validate;

pub use board::{Board, CURRENT_VERSION, PlanInfo, Settings, parse_utc_offset};
pub use history::{Change, HistoryEntry, Via};
pub use operation::{Check, Context, Field, OpError, Operation, join_units, parse_units};
pub use search::{Filter, RoleFilter, UrgencyFilter, known_unit};
pub use stats::{DiscussionGroup, DiscussionItem, Summary, UnitRow};
pub use status::Status;
pub use task::{Note, Role, Task, TaskId};
pub use units::{UnitLane, unit_lanes};
pub use urgency::Urgency;
pub use validate::{Place, Problem, validate};
