//! Looking back in the real board: stepping the date with the keys shows the board as it stood
//! then, marked 回顾 and read-only, and one key returns to today.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ftz_board::model::{Operation, Status};
use ftz_board::store::Store;

use crate::driver::{Launch, Pty};

const WAIT: Duration = Duration::from_secs(15);

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// #3 done on 2025-03-05, a meeting on 2025-05-02, #17 done on 2025-06-01.
pub fn board_with_history(dir: &std::path::Path) {
    let store = Store::new(dir.join("board.ron"));
    store
        .create(&ftz_board::plan::builtin_plan().unwrap())
        .unwrap();
    for (date, op) in [
        (
            "2025-03-05",
            Operation::SetStatus {
                id: 3,
                to: Status::Done,
            },
        ),
        (
            "2025-05-02",
            Operation::RecordMeeting {
                date: day("2025-05-02"),
            },
        ),
        (
            "2025-06-01",
            Operation::SetStatus {
                id: 17,
                to: Status::Done,
            },
        ),
    ] {
        let at = DateTime::<FixedOffset>::parse_from_rfc3339(&format!("{date}T10:00:00+08:00"))
            .unwrap()
            .to_utc();
        store.apply_at(&op, "lina", Some(at)).unwrap();
    }
}

pub fn open(dir: &std::path::Path) -> Pty {
    Launch::new(dir)
        .args(&["--file", "board.ron"])
        .env("FTZ_BOARD_NOW", "2025-06-30T10:00:00+08:00")
        .size(120, 30)
        .spawn()
}

#[test]
fn stepping_the_date_shows_the_board_as_it_stood_then_and_t_returns_to_today() {
    let dir = tempfile::tempdir().unwrap();
    board_with_history(dir.path());
    let mut pty = open(dir.path());
    pty.wait_for("today's board", WAIT, |s| {
        s.contains("今天 2025-06-30") && s.contains("已完成 2")
    });
    // `(`: back to the last meeting, when only #3 was done.
    pty.send(b"(");
    pty.wait_for("the board at the meeting", WAIT, |s| {
        s.contains("回顾 2025-05-02") && s.contains("[只读]") && s.contains("已完成 1")
    });
    pty.press(b"<", Some("回顾 2025-04-02"), None);
    pty.send(b"<");
    pty.wait_for(
        "two months earlier: #3 (done 03-05) not yet done",
        WAIT,
        |s| s.contains("回顾 2025-03-02") && s.contains("已完成 0"),
    );
    pty.send(b"]");
    pty.wait_for_text("回顾 2025-03-03", WAIT);
    // A change is refused while looking back, with the reason.
    pty.send(b"L");
    pty.wait_for_text("回顾模式，不能修改", WAIT);
    pty.send(b"t");
    pty.wait_for("back to today", WAIT, |s| {
        s.contains("今天 2025-06-30") && s.contains("已完成 2") && !s.contains("[只读]")
    });
    pty.send(b"q");
    assert_eq!(pty.wait_exit(WAIT), 0);
}

/// `--review` opens the board in the review, which records the day's meeting as `r` does: in
/// the file, through the lock, once the board is running.
#[test]
fn opening_the_board_with_review_records_the_day_s_meeting() {
    let dir = tempfile::tempdir().unwrap();
    board_with_history(dir.path());
    let mut tui = Launch::new(dir.path())
        .args(&["--file", "board.ron", "--review"])
        .env("FTZ_BOARD_NOW", "2025-06-30T10:00:00+08:00")
        .size(120, 30)
        .spawn();
    tui.wait_for_text("会议审阅", WAIT);
    let store = Store::new(dir.path().join("board.ron"));
    let started = std::time::Instant::now();
    let recorded = loop {
        let meetings = store.load().unwrap().board.meetings;
        if meetings.iter().any(|m| m.0 == day("2025-06-30")) {
            break true;
        }
        if started.elapsed() > WAIT {
            break false;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(recorded, "no meeting on 2025-06-30 in the file");
    // The board says so once the save is done (until then it would not quit: one change at a
    // time, and none dropped).
    tui.wait_for_text("已记录会议 2025-06-30", WAIT);
    // `q` leaves the review, a second quits.
    tui.send(b"q");
    tui.wait_until_gone("会议审阅");
    tui.send(b"q");
    assert_eq!(tui.finish().0, 0);
}
