//! A task block's note and milestone lines, parsed by hand. In the canonical layout each note and
//! each milestone is one line of a fixed shape, and they are most of a board that has lived: the
//! plan after 50,000 changes is 7 MB of note lines, and at 10,000 tasks notes and milestones are a
//! third of the file. ron reads them at about 140 MB/s; reading the fixed shape directly is many
//! times faster (issue 17's profile of opening the board).
//!
//! Only the exact shape the canonical writer makes is read here: a line holding a backslash (an
//! escaped character), another field, or anything else unexpected is handed to ron, line by line,
//! so the result is always what ron gives. The rest of the block (the task's own fields) is ron's.

use crate::model::{Milestone, Note, Task};

const NOTES_OPEN: &str = "\n            notes: [\n";
const MILESTONES_OPEN: &str = "\n            milestones: [\n";
const LIST_CLOSE: &str = "            ],\n";

/// The task in `body` (one block of the canonical layout, from its opening line to its closing
/// parenthesis); `None` when ron would refuse it.
pub fn parse_task(body: &str, options: &ron::Options) -> Option<Task> {
    let notes = lines_of(body, NOTES_OPEN);
    let milestones = lines_of(body, MILESTONES_OPEN);
    if notes.is_none() && milestones.is_none() {
        return options.from_str(body).ok();
    }
    // The block without the lines of its lists, which are parsed apart.
    let mut cuts: Vec<(usize, usize)> = [notes, milestones].into_iter().flatten().collect();
    cuts.sort_unstable();
    let mut rest = String::with_capacity(body.len());
    let mut from = 0;
    for (start, end) in &cuts {
        rest.push_str(&body[from..*start]);
        from = *end;
    }
    rest.push_str(&body[from..]);
    let mut task: Task = options.from_str(&rest).ok()?;
    if let Some((start, end)) = notes {
        task.notes = lines(&body[start..end])
            .map(|line| note(line).or_else(|| options.from_str(line).ok()))
            .collect::<Option<_>>()?;
    }
    if let Some((start, end)) = milestones {
        task.milestones = lines(&body[start..end])
            .map(|line| milestone(line).or_else(|| options.from_str(line).ok()))
            .collect::<Option<_>>()?;
    }
    Some(task)
}

/// Where the item lines of the list that `open` starts are: from the line after it to the start
/// of its closing line.
fn lines_of(body: &str, open: &str) -> Option<(usize, usize)> {
    let start = memchr::memmem::find(body.as_bytes(), open.as_bytes())? + open.len();
    let close = format!("\n{LIST_CLOSE}");
    // An empty list closes on the next line.
    if body[start..].starts_with(LIST_CLOSE) {
        return Some((start, start));
    }
    let end = start + memchr::memmem::find(&body.as_bytes()[start..], close.as_bytes())? + 1;
    Some((start, end))
}

/// Each item line, without its indent and its trailing comma.
fn lines(items: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    memchr::memchr_iter(b'\n', items.as_bytes()).map(move |end| {
        let line = items[from..end].trim_start_matches(' ');
        from = end + 1;
        line.strip_suffix(',').unwrap_or(line)
    })
}

/// `2025-03-04T10:00:00+08:00`, the shape the writer gives every time, read directly; any other
/// shape (fractions of a second, `Z`) the way chrono's serde reads it. Chrono's general parser
/// was an eighth of opening the plan after 50,000 changes.
fn date_time(text: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let b = text.as_bytes();
    let shaped = b.len() == 25
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b'T'
        && [13, 16, 22].iter().all(|&i| b[i] == b':')
        && (b[19] == b'+' || b[19] == b'-');
    if !shaped {
        return text.parse().ok();
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = &b[range];
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let direct = || {
        let date =
            chrono::NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
        let time =
            chrono::NaiveTime::from_hms_opt(number(11..13)?, number(14..16)?, number(17..19)?)?;
        let minutes = number(23..25).filter(|m| *m < 60)?;
        let offset = (number(20..22)? * 3600 + minutes * 60) as i32;
        let offset = if b[19] == b'-' { -offset } else { offset };
        let offset = chrono::FixedOffset::east_opt(offset)?;
        date.and_time(time).and_local_timezone(offset).single()
    };
    // What the direct read does not take (a leap second, a bad day) chrono decides.
    direct().or_else(|| text.parse().ok())
}

/// `(at: "…", author: "…", text: "…")`, or with `, decision: true` before the parenthesis.
fn note(line: &str) -> Option<Note> {
    let (at, rest) = quoted(line.strip_prefix("(at: ")?)?;
    let (author, rest) = quoted(rest.strip_prefix(", author: ")?)?;
    let (text, rest) = quoted(rest.strip_prefix(", text: ")?)?;
    let decision = match rest {
        ")" => false,
        ", decision: true)" => true,
        ", decision: false)" => false,
        _ => return None,
    };
    Some(Note {
        at: date_time(at)?,
        author: author.to_string(),
        text: text.to_string(),
        decision,
    })
}

/// `(number: 1, title: "…", due: "2025-06-30", units: ["…", …], completed_on: None)`, the last
/// field also `Some("…")`.
fn milestone(line: &str) -> Option<Milestone> {
    let rest = line.strip_prefix("(number: ")?;
    let digits = rest.find(',')?;
    let number = rest[..digits].parse().ok()?;
    let (title, rest) = quoted(rest[digits..].strip_prefix(", title: ")?)?;
    let (due, rest) = quoted(rest.strip_prefix(", due: ")?)?;
    let mut rest = rest.strip_prefix(", units: [")?;
    let mut units = Vec::new();
    if let Some(after) = rest.strip_prefix(']') {
        rest = after;
    } else {
        loop {
            let (unit, after) = quoted(rest)?;
            units.push(unit.to_string());
            if let Some(after) = after.strip_prefix(", ") {
                rest = after;
            } else {
                rest = after.strip_prefix(']')?;
                break;
            }
        }
    }
    let completed = rest.strip_prefix(", completed_on: ")?;
    let completed_on = match completed {
        "None)" => None,
        _ => {
            let (day, rest) = quoted(completed.strip_prefix("Some(")?)?;
            (rest == "))").then_some(())?;
            Some(day.parse().ok()?)
        }
    };
    Some(Milestone {
        number,
        title: title.to_string(),
        // What the board's date fields read (`model::dates`).
        due: due.parse().ok()?,
        units,
        completed_on,
    })
}

/// The text of a string at the start of `s` and what follows it; `None` when it is not a plain
/// string (no escapes: ron reads those).
fn quoted(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('"')?;
    let end = memchr::memchr2(b'"', b'\\', inner.as_bytes())?;
    (inner.as_bytes()[end] == b'"').then(|| (&inner[..end], &inner[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::scan;

    /// Every block of the text, parsed here and by ron.
    fn both(text: &str) -> Vec<(Option<Task>, Option<Task>)> {
        let options = ron::Options::default();
        let layout = scan::scan(text).expect("canonical");
        layout
            .blocks
            .iter()
            .map(|block| {
                let body = text[block.start..block.end].trim_end();
                let body = body.strip_suffix(',').unwrap_or(body);
                (parse_task(body, &options), options.from_str(body).ok())
            })
            .collect()
    }

    /// Three tasks that each have notes and milestones.
    fn with_notes_and_milestones() -> crate::model::Board {
        let mut board = crate::sample::generate_board(200, 1);
        board
            .tasks
            .retain(|t| !t.notes.is_empty() && !t.milestones.is_empty());
        board.tasks.truncate(3);
        assert_eq!(board.tasks.len(), 3);
        board
    }

    #[test]
    fn sample_boards_parse_as_ron_parses_them() {
        let boards = [
            crate::plan::builtin_plan().unwrap(),
            crate::sample::generate_board(300, 5),
            crate::sample::generate_with_history(19, 3_000, 9).board,
        ];
        for board in boards {
            let text = crate::store::to_text(&board);
            for (quick, ron) in both(&text) {
                assert!(quick.is_some());
                assert_eq!(quick, ron);
            }
        }
    }

    /// The point of the module: the writer's lines are read here, not handed to ron.
    #[test]
    fn every_note_and_milestone_line_the_writer_makes_is_read_by_hand() {
        let text = crate::store::to_text(&crate::sample::generate_board(300, 5));
        let (mut notes, mut milestones) = (0, 0);
        for line in text.lines().filter(|l| l.starts_with("                (")) {
            let line = line.trim_start().strip_suffix(',').unwrap();
            if line.starts_with("(at: ") {
                assert!(note(line).is_some(), "{line}");
                notes += 1;
            } else {
                assert!(milestone(line).is_some(), "{line}");
                milestones += 1;
            }
        }
        assert!(
            notes > 100 && milestones > 100,
            "{notes} notes, {milestones} milestones"
        );
    }

    #[test]
    fn escapes_odd_text_and_empty_lists_parse_as_ron_parses_them() {
        let mut board = with_notes_and_milestones();
        let task = &mut board.tasks[0];
        let at: chrono::DateTime<chrono::FixedOffset> =
            "2025-03-04T10:00:00+08:00".parse().unwrap();
        for text in [
            "引号\"在内",
            "反斜杠\\n",
            "",
            "(at: \"x\"), decision: true)",
            "换行\n两行",
        ] {
            task.notes.push(Note {
                at,
                author: text.into(),
                text: text.into(),
                decision: text.is_empty(),
            });
        }
        task.milestones[0].units.clear();
        task.milestones[0].title = "含\"引号\"".into();
        board.tasks[1].notes.clear();
        board.tasks[1].milestones.clear();
        board.tasks[2].milestones[0].completed_on = None;
        let text = crate::store::to_text(&board);
        for (quick, ron) in both(&text) {
            assert!(quick.is_some());
            assert_eq!(quick, ron);
        }
    }

    #[test]
    fn times_are_read_as_chrono_reads_them() {
        for text in [
            "2025-03-04T10:00:00+08:00",
            "2025-12-31T23:59:59-05:30",
            "2024-02-29T00:00:00+00:00",
            "2025-02-29T00:00:00+08:00",
            "2025-03-04T24:00:00+08:00",
            "2025-03-04T10:00:60+08:00",
            "2025-03-04T10:00:00.5+08:00",
            "2025-03-04T10:00:00Z",
            "2025-03-04 10:00:00+08:00",
            "2025-0a-04T10:00:00+08:00",
            "2025-03-04T10:00:00+99:00",
            "2025-03-04T10:00:00+08:60",
            "2025-03-04T10:00:00+23:59",
            "2025-03-04T10:00:00-00:00",
        ] {
            let chrono: Option<chrono::DateTime<chrono::FixedOffset>> = text.parse().ok();
            assert_eq!(date_time(text), chrono, "{text}");
        }
    }

    #[test]
    fn a_line_ron_refuses_is_refused() {
        let text = crate::store::to_text(&with_notes_and_milestones());
        let bad = text.replacen(", author: ", ", writer: ", 1);
        assert!(
            both(&bad)
                .iter()
                .any(|(quick, ron)| quick.is_none() && ron.is_none())
        );
        let bad = text.replacen("due: \"20", "due: \"x0", 1);
        assert!(
            both(&bad)
                .iter()
                .any(|(quick, ron)| quick.is_none() && ron.is_none())
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Whatever the text of notes and milestones, the block parses as ron parses it.
        #[test]
        fn any_text_parses_as_ron_parses_it(
            texts in proptest::collection::vec(".{0,12}", 1..6),
            decision in proptest::bool::ANY,
            seconds in 0i64..2_000_000_000,
        ) {
            let mut board = with_notes_and_milestones();
            let at = chrono::DateTime::from_timestamp(seconds, 0)
                .unwrap()
                .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
            for text in &texts {
                board.tasks[0].notes.push(Note {
                    at,
                    author: text.clone(),
                    text: text.clone(),
                    decision,
                });
            }
            board.tasks[1].milestones[0].title = texts[0].clone();
            board.tasks[1].milestones[0].units = texts.clone();
            let text = crate::store::to_text(&board);
            for (quick, ron) in both(&text) {
                proptest::prop_assert!(quick.is_some());
                proptest::prop_assert_eq!(quick, ron);
            }
        }
    }
}
