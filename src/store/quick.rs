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
    whole_block(body, options).or_else(|| with_ron_fields(body, options))
}

/// Every line of the block read by hand: the task's own fields as the writer writes them, one a
/// line, and its notes and milestones. At 10,000 tasks the fields are two thirds of the file.
/// `None` for anything else (a request, a field twice or missing, a value of another shape):
/// ron then reads the task's fields.
fn whole_block(body: &str, options: &ron::Options) -> Option<Task> {
    let inner = body
        .strip_prefix("        (\n")?
        .strip_suffix("        )")?;
    let mut fields = Fields::default();
    let mut lines = LineIter::new(inner);
    while let Some(line) = lines.next() {
        let (key, value) = line.strip_prefix("            ")?.split_once(": ")?;
        match key {
            // A list of lines opens on its field's line.
            "notes" | "milestones" if value == "[" => {
                let items = lines.list()?;
                if key == "notes" {
                    set(&mut fields.notes, self::items(items, options, note)?)?;
                } else {
                    set(
                        &mut fields.milestones,
                        self::items(items, options, milestone)?,
                    )?;
                }
            }
            _ => fields.take(key, value.strip_suffix(',')?)?,
        }
    }
    fields.into_task()
}

/// The fields of a task block as read so far; a field read twice makes the block ron's (which
/// refuses it).
#[derive(Default)]
struct Fields {
    id: Option<crate::model::TaskId>,
    title: Option<String>,
    text: Option<String>,
    deadline: Option<chrono::NaiveDate>,
    original_deadline: Option<Option<chrono::NaiveDate>>,
    lead_units: Option<Vec<String>>,
    cooperating_units: Option<Vec<String>>,
    status: Option<crate::model::Status>,
    completed_on: Option<Option<chrono::NaiveDate>>,
    created_on: Option<Option<chrono::NaiveDate>>,
    updated_on: Option<Option<chrono::NaiveDate>>,
    updated_by: Option<Option<String>>,
    notes: Option<Vec<Note>>,
    milestones: Option<Vec<Milestone>>,
}

impl Fields {
    fn take(&mut self, key: &str, value: &str) -> Option<()> {
        match key {
            "id" => set(&mut self.id, number(value)?),
            "title" => set(&mut self.title, whole_string(value)?),
            "text" => set(&mut self.text, whole_string(value)?),
            "deadline" => set(&mut self.deadline, whole_string(value)?.parse().ok()?),
            "original_deadline" => set(&mut self.original_deadline, optional_date(value)?),
            "lead_units" => set(&mut self.lead_units, whole_list(value)?),
            "cooperating_units" => set(&mut self.cooperating_units, whole_list(value)?),
            "status" => set(
                &mut self.status,
                crate::model::Status::ALL
                    .into_iter()
                    .find(|s| s.name() == value)?,
            ),
            "completed_on" => set(&mut self.completed_on, optional_date(value)?),
            "created_on" => set(&mut self.created_on, optional_date(value)?),
            "updated_on" => set(&mut self.updated_on, optional_date(value)?),
            "updated_by" => set(&mut self.updated_by, optional_string(value)?),
            _ => None,
        }
    }

    /// The task, with the defaults the model's serde attributes give a missing field.
    fn into_task(self) -> Option<Task> {
        Some(Task {
            id: self.id?,
            title: self.title?,
            text: self.text.unwrap_or_default(),
            deadline: self.deadline?,
            original_deadline: self.original_deadline.flatten(),
            lead_units: self.lead_units?,
            cooperating_units: self.cooperating_units.unwrap_or_default(),
            status: self.status.unwrap_or_default(),
            completed_on: self.completed_on.flatten(),
            created_on: self.created_on.flatten(),
            updated_on: self.updated_on.flatten(),
            updated_by: self.updated_by.flatten(),
            notes: self.notes.unwrap_or_default(),
            milestones: self.milestones.unwrap_or_default(),
            request: None,
        })
    }
}

/// Sets a field not set yet.
fn set<T>(field: &mut Option<T>, value: T) -> Option<()> {
    field.is_none().then(|| *field = Some(value))
}

/// Plain decimal digits, without a leading zero (ron's other ways of writing a number are ron's).
fn number(value: &str) -> Option<u32> {
    let plain = value.bytes().all(|b| b.is_ascii_digit()) && !value.starts_with('0');
    (plain && !value.is_empty())
        .then(|| value.parse().ok())
        .flatten()
}

/// A value that is one plain string and nothing else.
fn whole_string(value: &str) -> Option<String> {
    match quoted(value)? {
        (text, "") => Some(text.to_string()),
        _ => None,
    }
}

fn optional_string(value: &str) -> Option<Option<String>> {
    if value == "None" {
        return Some(None);
    }
    let inner = value.strip_prefix("Some(")?.strip_suffix(')')?;
    whole_string(inner).map(Some)
}

fn optional_date(value: &str) -> Option<Option<chrono::NaiveDate>> {
    match optional_string(value)? {
        None => Some(None),
        Some(day) => day.parse().ok().map(Some),
    }
}

fn whole_list(value: &str) -> Option<Vec<String>> {
    match string_list(value)? {
        (list, "") => Some(list),
        _ => None,
    }
}

/// `["…", "…"]` at the start of `s`, and what follows it.
fn string_list(s: &str) -> Option<(Vec<String>, &str)> {
    let mut rest = s.strip_prefix('[')?;
    let mut out = Vec::new();
    if let Some(after) = rest.strip_prefix(']') {
        return Some((out, after));
    }
    loop {
        let (unit, after) = quoted(rest)?;
        out.push(unit.to_string());
        match after.strip_prefix(", ") {
            Some(after) => rest = after,
            None => {
                // A list of units holds one or two: room for four each was 2.5 MB at 10,000 tasks.
                out.shrink_to_fit();
                return Some((out, after.strip_prefix(']')?));
            }
        }
    }
}

/// The lines of a block, with the item lines of a list taken at once.
struct LineIter<'a> {
    text: &'a str,
}

impl<'a> LineIter<'a> {
    fn new(text: &'a str) -> LineIter<'a> {
        LineIter { text }
    }

    /// After a list's opening line: its item lines (each ending in a newline), and the list's
    /// closing line consumed.
    fn list(&mut self) -> Option<&'a str> {
        if let Some(rest) = self.text.strip_prefix(LIST_CLOSE) {
            self.text = rest;
            return Some("");
        }
        let close = format!("\n{LIST_CLOSE}");
        let at = memchr::memmem::find(self.text.as_bytes(), close.as_bytes())? + 1;
        let items = &self.text[..at];
        self.text = &self.text[at + LIST_CLOSE.len()..];
        Some(items)
    }
}

impl<'a> Iterator for LineIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.text.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', self.text.as_bytes()).unwrap_or(self.text.len());
        let line = &self.text[..end];
        self.text = self.text.get(end + 1..).unwrap_or("");
        Some(line)
    }
}

/// Each item line read by `quick`, or by ron when it will not.
fn items<T: serde::de::DeserializeOwned>(
    items: &str,
    options: &ron::Options,
    quick: fn(&str) -> Option<T>,
) -> Option<Vec<T>> {
    // Sized to the lines: collecting grew the list by doubling, and at 10,000 tasks the room
    // left over was a tenth of the board's memory.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', items.as_bytes()).count());
    for line in lines(items) {
        out.push(quick(line).or_else(|| options.from_str(line).ok())?);
    }
    Some(out)
}

/// The task's own fields read by ron, its notes and milestones by hand.
fn with_ron_fields(body: &str, options: &ron::Options) -> Option<Task> {
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
        task.notes = items(&body[start..end], options, note)?;
    }
    if let Some((start, end)) = milestones {
        task.milestones = items(&body[start..end], options, milestone)?;
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
    let (units, rest) = string_list(rest.strip_prefix(", units: ")?)?;
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

    /// The blocks the writer makes are read by hand whole, fields included; one with a request
    /// has its fields read by ron, and the result is the same.
    #[test]
    fn the_writer_s_blocks_are_read_whole_by_hand() {
        let options = ron::Options::default();
        let mut board = crate::sample::generate_board(300, 5);
        board.tasks[0].original_deadline = board.tasks[0].completed_on;
        board.tasks[0].created_on = Some(board.tasks[0].deadline);
        board.tasks[1].request = Some(crate::model::Request::Close {
            at: "2025-11-02T09:00:00+08:00".parse().unwrap(),
            by: "lina".into(),
            note: "已完成".into(),
        });
        let text = crate::store::to_text(&board);
        let layout = scan::scan(&text).unwrap();
        for (block, task) in layout.blocks.iter().zip(&board.tasks) {
            let body = text[block.start..block.end].trim_end();
            let body = body.strip_suffix(',').unwrap();
            let whole = whole_block(body, &options);
            if task.request.is_some() {
                assert!(whole.is_none());
            } else {
                assert_eq!(whole.as_ref(), Some(task), "task {}", task.id);
            }
            assert_eq!(parse_task(body, &options).as_ref(), Some(task));
        }
    }

    #[test]
    fn a_field_twice_missing_or_of_another_shape_is_ron_s_to_judge() {
        let text = crate::store::to_text(&with_notes_and_milestones());
        let edits = [
            (
                "            status: ",
                "            status: done,\n            status: ",
            ),
            ("            title: ", "            titel: "),
            ("            lead_units: [", "            lead_units: [1, "),
            ("            deadline: \"", "            deadline: \"x"),
        ];
        for (from, to) in edits {
            let bad = text.replacen(from, to, 1);
            let results = both(&bad);
            assert!(
                results.iter().any(|(q, r)| q.is_none() && r.is_none()),
                "{to}"
            );
            for (quick, ron) in results {
                assert_eq!(quick, ron, "{to}");
            }
        }
        // Fields left out take their defaults, as ron gives them.
        let sparse = text.replacen("            cooperating_units: [],\n", "", 3);
        for (quick, ron) in both(&sparse) {
            assert!(quick.is_some());
            assert_eq!(quick, ron);
        }
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
            board.tasks[2].title = texts[0].clone();
            board.tasks[2].text = texts.concat();
            board.tasks[2].lead_units = texts.clone();
            board.tasks[2].updated_by = Some(texts[texts.len() - 1].clone());
            let text = crate::store::to_text(&board);
            for (quick, ron) in both(&text) {
                proptest::prop_assert!(quick.is_some());
                proptest::prop_assert_eq!(quick, ron);
            }
        }
    }
}
