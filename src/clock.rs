//! The one place the program reads the clock. The model never does ("now" is passed in), so
//! tests fix the time by passing it, and the binary's tests by `FTZ_BOARD_NOW`.

use chrono::{DateTime, Utc};

/// What supplies "now".
pub type Clock = fn() -> DateTime<Utc>;

/// The system clock, unless `FTZ_BOARD_NOW` holds an RFC 3339 time (e.g.
/// `2025-06-30T10:00:00+08:00`): tests of the real binary, and demonstrations at a chosen date,
/// use it. The time of a change is thus set by whoever runs the command, as with any clock the
/// user controls (faketime does the same); the file's permissions and the office's review are what
/// guard the record.
pub fn system_now() -> DateTime<Utc> {
    std::env::var("FTZ_BOARD_NOW")
        .ok()
        .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}
