//! The board file: what we write, what we read back, and the message a user gets for each kind of
//! bad file (fixtures in `tests/fixtures/`). A bad file is never touched.

use crate::common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use common::{BAD_FIXTURES, copy_fixture, fixture, snapshot};
use ftz_board::model::{Board, Change, HistoryEntry, OpError, Operation, Status};
use ftz_board::plan::{PLAN_RON, builtin_plan};
use ftz_board::store::{self, Store, StoreError};
use proptest::prelude::*;

/// A change by `tester` at 2025-06-01 10:00 Beijing time.
fn apply(store: &Store, op: &Operation) -> Result<store::Applied, StoreError> {
    let now: chrono::DateTime<chrono::FixedOffset> = "2025-06-01T10:00:00+08:00".parse().unwrap();
    store.apply_at(op, "tester", Some(now.to_utc()))
}

/// A fresh board file made from the built-in plan in a temporary folder.
fn plan_file(dir: &Path) -> Store {
    let store = Store::new(dir.join("board.ron"));
    store.create(&builtin_plan().unwrap()).unwrap();
    store
}

/// The message for a fixture from the shared table, with its path in front.
fn expected_message(name: &str, path: &Path) -> String {
    let (_, message) = BAD_FIXTURES.iter().find(|(file, _)| *file == name).unwrap();
    format!("{}:{message}", path.display())
}

fn assert_load_error(name: &str) {
    let path = fixture(name);
    let err = Store::new(&path).load().unwrap_err();
    assert!(matches!(err, StoreError::Parse { .. }), "{err:?}");
    assert_eq!(err.to_string(), expected_message(name, &path));
}

#[test]
fn the_built_in_plan_reads_back_equal_after_saving() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    let loaded = store.load().unwrap();
    assert_eq!(loaded.board, builtin_plan().unwrap());
    assert_eq!(loaded.board.tasks.len(), 19);
}

#[test]
fn a_new_board_file_is_the_built_in_plan_text_exactly() {
    // People review data/plan.ron; the file `init` writes must read the same, line for line.
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    assert_eq!(std::fs::read_to_string(store.path()).unwrap(), PLAN_RON);
}

#[test]
fn the_written_file_keeps_chinese_readable_with_four_space_indent_and_a_version() {
    let text = store::to_text(&builtin_plan().unwrap());
    assert!(text.starts_with("(\n    version: 2,\n"), "{text}");
    assert!(text.contains("title: \"提升虹桥商务区保税物流中心（B 型）能级\","));
    assert!(text.contains("lead_units: [\"莘庄海关\", \"龙吴海关\"],"));
    assert!(!text.contains("\\u"), "Chinese must not be escaped");
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert_eq!(indent % 4, 0, "line {}: {line:?}", n + 1);
        assert!(!line.starts_with('\t'), "line {}: tab indent", n + 1);
    }
}

#[test]
fn tasks_are_written_in_id_order_whatever_order_the_board_holds_them_in() {
    let mut board = builtin_plan().unwrap();
    board.tasks.reverse();
    let text = store::to_text(&board);
    let ids: Vec<u32> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("id: "))
        .map(|id| id.trim_end_matches(',').parse().unwrap())
        .collect();
    assert_eq!(ids, (1..=19).collect::<Vec<_>>());
}

fn unit_name() -> impl Strategy<Value = String> {
    // Quotes, backslashes, brackets and commas are what could confuse writing lists on one line.
    proptest::string::string_regex("[区科委\"\\\\\\[\\],: a-z\n]{1,12}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_unit_names_and_titles_read_back_exactly(
        leads in proptest::collection::vec(unit_name(), 1..4),
        coops in proptest::collection::vec(unit_name(), 0..4),
        title in "[^\u{0}]{1,20}",
    ) {
        let mut board: Board = builtin_plan().unwrap();
        board.tasks[0].lead_units = leads;
        board.tasks[0].cooperating_units = coops;
        board.tasks[1].title = title;
        let text = store::to_text(&board);
        match store::parse(&text, Path::new("board.ron")) {
            Ok(back) => prop_assert_eq!(back, board),
            // Only the model's own rules may refuse it (e.g. a title of spaces), never the syntax.
            Err(StoreError::Parse { message, .. }) => {
                let rule = ["empty title", "no lead unit", "blank unit name"];
                prop_assert!(rule.iter().any(|r| message.contains(r)), "{}", message)
            }
            Err(other) => prop_assert!(false, "{other}"),
        }
    }
}

#[test]
fn a_missing_comma_is_placed_after_the_chinese_title_on_its_line() {
    assert_load_error("bad-missing-comma.ron");
}

#[test]
fn an_unknown_status_lists_the_four_statuses() {
    assert_load_error("bad-unknown-status.ron");
}

#[test]
fn a_duplicate_id_points_at_the_second_task_with_that_id() {
    assert_load_error("bad-duplicate-id.ron");
}

#[test]
fn a_thirteenth_month_is_not_a_date() {
    assert_load_error("bad-date.ron");
}

#[test]
fn a_blank_title_is_refused() {
    assert_load_error("bad-empty-title.ron");
}

#[test]
fn a_task_without_a_lead_unit_is_refused() {
    assert_load_error("bad-no-lead-unit.ron");
}

#[test]
fn an_unknown_field_names_the_fields_a_task_may_have() {
    assert_load_error("bad-unknown-field.ron");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    assert_load_error("bad-version.ron");
}

#[test]
fn a_truncated_file_says_it_ends_too_early() {
    assert_load_error("bad-truncated.ron");
}

#[test]
fn a_completion_date_on_a_task_not_done_is_refused() {
    assert_load_error("bad-completed-not-done.ron");
}

#[test]
fn a_bad_utc_offset_shows_an_example_of_a_good_one() {
    assert_load_error("bad-utc-offset.ron");
}

#[test]
fn a_blank_unit_name_is_refused() {
    assert_load_error("bad-blank-unit.ron");
}

#[test]
fn columns_count_characters_not_bytes_when_chinese_comes_first() {
    // Both errors follow a Chinese title on the same line: a syntax error (found by ron) and a rule
    // error (placed by our own search of the text).
    for (name, token) in [
        ("bad-missing-comma.ron", "deadline"),
        ("bad-no-lead-unit.ron", "[],"),
    ] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let Err(StoreError::Parse { line, column, .. }) = Store::new(fixture(name)).load() else {
            panic!("{name} should not load");
        };
        let row = text.lines().nth(line - 1).unwrap();
        let byte = row.find(token).unwrap();
        assert_eq!(column, row[..byte].chars().count() + 1, "{name}: {row}");
        assert_ne!(
            column,
            byte + 1,
            "{name}: the line has Chinese before the error"
        );
    }
}

#[test]
fn a_file_that_is_not_utf8_is_located_and_not_read_with_replacement_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.ron");
    // "区" in GBK is C7 F8, not UTF-8: the first bad byte is the 20th character of line 2.
    std::fs::write(&path, b"(\n    version: 1, // \xc7\xf8\n)\n").unwrap();
    let err = Store::new(&path).load().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2:20: the file is not UTF-8 text (expected UTF-8; was it saved as GBK?)",
            path.display()
        )
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(matches!(
        store::parse_bytes(bytes, &path),
        Err(StoreError::Parse { line: 2, .. })
    ));
}

#[test]
fn a_byte_order_mark_from_a_windows_editor_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(std::fs::read(fixture("good.ron")).unwrap());
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(Store::new(&path).load().unwrap().board.tasks.len(), 3);
}

#[test]
fn a_failed_load_leaves_the_file_and_its_folder_untouched() {
    for (name, _) in BAD_FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_fixture(name, dir.path());
        let before = snapshot(&path);
        assert!(Store::new(&path).load().is_err(), "{name}");
        assert_eq!(snapshot(&path), before, "{name} changed");
        let entries = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(entries, 1, "{name}: loading created files");
    }
}

#[test]
fn a_change_to_an_invalid_file_is_refused_and_the_file_left_as_it_was() {
    for (name, _) in BAD_FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_fixture(name, dir.path());
        let before = snapshot(&path);
        let store = Store::new(&path);
        let op = Operation::SetStatus {
            id: 2,
            to: Status::Blocked,
        };
        let err = apply(&store, &op).unwrap_err();
        assert_eq!(err.to_string(), expected_message(name, &path));
        assert_eq!(snapshot(&path), before, "{name} changed");
        assert!(store::list_backups(&path).is_empty(), "{name}: backup made");
    }
}

#[test]
fn a_change_to_a_missing_task_is_rejected_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    let before = snapshot(store.path());
    let op = Operation::SetStatus {
        id: 99,
        to: Status::Done,
    };
    let err = apply(&store, &op).unwrap_err();
    assert!(matches!(err, StoreError::Rejected(OpError::NoSuchTask(99))));
    assert_eq!(err.to_string(), "no task with id 99");
    assert_eq!(snapshot(store.path()), before);
    assert!(store::list_backups(store.path()).is_empty());
}

#[test]
fn a_change_is_saved_at_once_with_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    let op = Operation::SetStatus {
        id: 1,
        to: Status::InProgress,
    };
    let applied = apply(&store, &op).unwrap();
    // The entry holds the status and completion date before and after: enough to undo it.
    let expected = HistoryEntry {
        at: "2025-06-01T10:00:00+08:00".parse().unwrap(),
        user: "tester".into(),
        task: Some(1),
        change: Change::Status {
            from: Status::NotStarted,
            to: Status::InProgress,
            was_completed_on: None,
            completed_on: None,
        },
        via: None,
    };
    assert_eq!(applied.entries, vec![expected.clone()]);
    let board = store.load().unwrap().board;
    assert_eq!(board.task(1).unwrap().status, Status::InProgress);
    assert_eq!(store.load_history().unwrap().entries(), [expected]);
}

#[test]
fn saving_replaces_the_file_atomically_and_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    std::fs::set_permissions(store.path(), std::fs::Permissions::from_mode(0o640)).unwrap();
    let inode = std::fs::metadata(store.path()).unwrap().ino();
    let op = Operation::SetStatus {
        id: 3,
        to: Status::Blocked,
    };
    apply(&store, &op).unwrap();
    let meta = std::fs::metadata(store.path()).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o640);
    // A new file was renamed over the old one (so a reader never sees half a file) ...
    assert_ne!(meta.ino(), inode);
    // ... and no temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "board.ron",
            "board.ron.backups",
            "board.ron.history",
            "board.ron.journal",
            "board.ron.lock"
        ]
    );
}

#[test]
fn after_twelve_changes_the_ten_newest_versions_are_kept_and_each_reads() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    assert_eq!(store.backups, 10);
    let mut versions = vec![std::fs::read(store.path()).unwrap()];
    for i in 0..12 {
        let to = [Status::InProgress, Status::NotStarted][i % 2];
        apply(&store, &Operation::SetStatus { id: 5, to }).unwrap();
        versions.push(std::fs::read(store.path()).unwrap());
    }
    let backups = store::list_backups(store.path());
    assert_eq!(backups.len(), 10, "{backups:?}");
    // Oldest first: the versions replaced by changes 3 to 12.
    for (backup, version) in backups.iter().zip(&versions[2..12]) {
        let text = std::fs::read_to_string(backup).unwrap();
        assert_eq!(text.as_bytes(), version.as_slice(), "{}", backup.display());
        store::parse(&text, backup).unwrap();
    }
}

#[test]
fn files_people_put_in_the_backup_folder_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    let folder = store::backup_folder(store.path());
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("README.txt"), "keep me").unwrap();
    for i in 0..12 {
        let to = [Status::Blocked, Status::NotStarted][i % 2];
        apply(&store, &Operation::SetStatus { id: 6, to }).unwrap();
    }
    assert_eq!(store::list_backups(store.path()).len(), 10);
    assert!(folder.join("README.txt").exists());
}

#[test]
fn creating_a_board_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture("good.ron", dir.path());
    let before = snapshot(&path);
    let err = Store::new(&path)
        .create(&builtin_plan().unwrap())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: a board file exists already; not overwriting it",
            path.display()
        )
    );
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_board_reached_through_a_symbolic_link_is_changed_where_it_really_is() {
    // Colleagues share /srv/ftz/board.ron; one of them opens it as ~/board.ron, a link.
    let shared = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let real = plan_file(shared.path());
    let link = home.path().join("board.ron");
    std::os::unix::fs::symlink(real.path(), &link).unwrap();
    let via_link = Store::new(&link);
    let op = Operation::SetStatus {
        id: 7,
        to: Status::InProgress,
    };
    apply(&via_link, &op).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        real.load().unwrap().board.task(7).unwrap().status,
        Status::InProgress
    );
    // The lock and the backups are the shared ones, beside the real file.
    assert_eq!(store::list_backups(real.path()).len(), 1);
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 1);
    // And `init` does not replace the link with a file of its own.
    let err = via_link.create(&builtin_plan().unwrap()).unwrap_err();
    assert!(matches!(err, StoreError::Exists { .. }), "{err}");
}

#[test]
fn a_save_clears_temporary_files_a_killed_writer_left_but_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let store = plan_file(dir.path());
    let left_behind = dir.path().join(".board.ron.Xy12Ab.tmp");
    let unrelated = [
        dir.path().join(".other.ron.Xy12Ab.tmp"),
        dir.path().join("notes.txt"),
    ];
    std::fs::write(&left_behind, "(half a board").unwrap();
    for path in &unrelated {
        std::fs::write(path, "keep me").unwrap();
    }
    apply(
        &store,
        &Operation::SetStatus {
            id: 2,
            to: Status::Blocked,
        },
    )
    .unwrap();
    assert!(!left_behind.exists(), "the stale temporary file is gone");
    for path in &unrelated {
        assert_eq!(std::fs::read_to_string(path).unwrap(), "keep me");
    }
}

/// A board that stays open remembers the files its own changes left (`apply_cached`); a
/// colleague's change, a fold or a hand edit in between must still be seen, on a small board
/// (every change folded) and on a big one (changes in the journal).
#[test]
fn a_cached_change_sees_every_change_made_by_others_in_between() {
    for tasks in [19usize, 700] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        let sample = ftz_board::sample::generate_with_history(tasks, 0, 3);
        let mine = Store::new(&path);
        mine.create_with_history(&sample.board, &[]).unwrap();
        let colleague = Store::new(&path);
        let mut cache = store::ReadCache::default();
        let note = |id: u32, text: &str| Operation::AddNote {
            id,
            text: text.into(),
            decision: false,
        };
        mine.apply_cached(&note(1, "我的第一条"), "me", &mut cache)
            .unwrap();
        mine.apply_cached(&note(1, "我的第二条"), "me", &mut cache)
            .unwrap();
        colleague.apply(&note(2, "同事的"), "colleague").unwrap();
        let applied = mine
            .apply_cached(&note(1, "我的第三条"), "me", &mut cache)
            .unwrap();
        let texts = |board: &Board, id: u32| -> Vec<String> {
            board
                .task(id)
                .unwrap()
                .notes
                .iter()
                .map(|n| n.text.clone())
                .collect()
        };
        assert_eq!(
            texts(&applied.board, 2).last().map(String::as_str),
            Some("同事的"),
            "{tasks} tasks: the colleague's note is lost"
        );
        // A hand edit of the same length in place: the file's times change all the same.
        std::thread::sleep(std::time::Duration::from_millis(20));
        let text = std::fs::read_to_string(&path).unwrap();
        let title = applied.board.task(5).unwrap().title.clone();
        let first = title.chars().next().unwrap();
        assert_eq!(
            first.len_utf8(),
            3,
            "a title that starts with a Chinese character"
        );
        let new_title = title.replacen(first, "改", 1);
        let edited = text.replacen(&format!("\"{title}\""), &format!("\"{new_title}\""), 1);
        assert_ne!(edited, text);
        assert_eq!(edited.len(), text.len());
        std::fs::write(&path, edited).unwrap();
        let applied = mine
            .apply_cached(&note(3, "之后"), "me", &mut cache)
            .unwrap();
        assert_eq!(
            applied.board.task(5).unwrap().title,
            new_title,
            "{tasks} tasks"
        );
        // What the cached changes wrote is what a fresh read finds.
        assert_eq!(Store::new(&path).load().unwrap().board, applied.board);
        let history = Store::new(&path).load_history().unwrap();
        assert_eq!(history.len(), 5, "{tasks} tasks");
    }
}
