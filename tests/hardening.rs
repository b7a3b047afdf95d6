//! Issue 11: each way the board once lost data or let data reach a terminal, repeated against the
//! real binary with real links, FIFOs, processes and a pseudo-terminal: a link as the lock file,
//! escape sequences quoted in messages, JSON outputs, the lock file removed under its holder,
//! failed saves, duplicate map keys, FIFOs and devices, a file the user may not write, the lock
//! holder's name and the export's `decision`. The soak test at the end repeats the attacks at scale
//! (ignored by default: it takes minutes).

mod common;

use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, Pty, snapshot};
use ftz_board::model::Board;
use ftz_board::plan::PLAN_RON;

/// `ftz-board ARGS` in `dir`, with the machine's settings out of the way: a private HOME (no keys
/// file), no board variables, a known user, no terminal on stdin.
fn ftz(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("USER", "tester")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("FTZ_BOARD_FILE")
        .env_remove("FTZ_BOARD_LANG")
        .env_remove("FTZ_BOARD_LOCK_TIMEOUT_MS")
        .stdin(Stdio::null());
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    ftz(dir, args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A folder holding `board.ron` made by `init`.
fn new_board() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["init"]);
    assert!(out.status.success(), "init: {}", text(&out.stderr));
    let board = dir.path().join("board.ron");
    (dir, board)
}

// ---------------------------------------------------------------------------------------------
// 3. JSON outputs and the sanitiser.

/// Characters serde_json leaves raw and a terminal acts on or hides text with.
const INVISIBLE: [char; 11] = [
    '\u{9b}',
    '\u{9d}',
    '\u{9c}',
    '\u{7f}',
    '\u{202e}',
    '\u{200b}',
    '\u{61c}',
    '\u{2028}',
    '\u{2029}',
    '\u{e0041}',
    '\u{e007f}',
];

fn invisible_text() -> String {
    let mut s = String::from("区商务委");
    for c in INVISIBLE {
        s.push(c);
        s.push('x');
    }
    s
}

#[test]
fn json_outputs_escape_c1_controls_bidi_zero_width_line_separators_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let odd = invisible_text();
    let title = "提升虹桥商务区保税物流中心（B 型）能级";
    let plan = PLAN_RON.replacen(title, &odd, 1).replacen(
        "关于推进上海自贸试验区闵行联动创新区建设的实施方案",
        &odd,
        1,
    );
    std::fs::write(dir.path().join("board.ron"), plan).unwrap();
    for args in [&["export"][..], &["report", "--format", "json"][..]] {
        let out = run(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let raw = text(&out.stdout);
        let raw_found: Vec<char> = raw.chars().filter(|c| INVISIBLE.contains(c)).collect();
        assert_eq!(raw_found, vec![], "{args:?} writes them raw");
        assert!(
            raw.contains("\\u009b") && raw.contains("\\udb40\\udc41"),
            "{args:?}"
        );
        // Escaped, not removed: a script reading the JSON gets the text as the file has it.
        let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(value["title"], odd.as_str(), "{args:?}");
    }
}

#[test]
fn the_listing_drops_arabic_letter_marks_line_separators_and_tag_characters_too() {
    let dir = tempfile::tempdir().unwrap();
    let title = "提升虹桥商务区保税物流中心（B 型）能级";
    let odd = "提升\u{61c}虹桥\u{2028}商务区\u{2029}保税\u{e0001}\u{e0041}\u{e007f}物流";
    std::fs::write(
        dir.path().join("board.ron"),
        PLAN_RON.replacen(title, odd, 1),
    )
    .unwrap();
    let out = run(dir.path(), &["list"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(listing.contains("提升虹桥商务区保税物流"), "{listing}");
}

#[test]
fn the_json_export_always_has_a_note_s_decision() {
    let (dir, board) = new_board();
    for args in [
        &["note", "1", "普通进展"][..],
        &["note", "1", "会议决定", "--decision"][..],
    ] {
        assert!(run(dir.path(), args).status.success());
    }
    assert!(
        !std::fs::read_to_string(&board)
            .unwrap()
            .contains("decision: false"),
        "the board file may keep leaving it out"
    );
    let out = run(dir.path(), &["export"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = value["tasks"][0]["notes"].as_array().unwrap();
    let decisions: Vec<&serde_json::Value> = notes.iter().map(|n| &n["decision"]).collect();
    assert_eq!(
        decisions,
        [&serde_json::json!(false), &serde_json::json!(true)]
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Escape sequences from the file in messages.

/// Characters that drive a terminal: C0 controls other than newline (ESC, BEL), DEL and C1.
fn terminal_controls(out: &[u8]) -> Vec<char> {
    text(out)
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect()
}

/// OSC 2 (set the title), OSC 52 (set the clipboard), and the same with C1 controls.
const OSC: [&str; 3] = [
    "\u{1b}]2;X\u{7}+08:00",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{9d}2;X\u{9c}\u{9b}31m",
];

/// The plan's text with one value replaced by `bad` (raw, as a hand edit leaves it).
fn plan_with(field: &str, bad: &str) -> String {
    let (from, to) = match field {
        "utc_offset" => (
            "utc_offset: Some(\"+08:00\")",
            format!("utc_offset: Some(\"{bad}\")"),
        ),
        "deadline" => ("deadline: \"2024-12-31\"", format!("deadline: \"{bad}\"")),
        "issued_on" => ("issued_on: \"2024-11-01\"", format!("issued_on: \"{bad}\"")),
        _ => unreachable!(),
    };
    assert!(PLAN_RON.contains(from));
    PLAN_RON.replacen(from, &to, 1)
}

#[test]
fn escape_sequences_in_a_bad_value_never_reach_the_terminal_through_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let commands: [&[&str]; 6] = [
        &["check"],
        &["list"],
        &["note", "1", "x"],
        &["export"],
        &["report", "--format", "md"],
        // The board itself: the message comes before the terminal is touched.
        &[],
    ];
    for field in ["utc_offset", "deadline", "issued_on"] {
        for bad in OSC {
            let board = dir.path().join("board.ron");
            std::fs::write(&board, plan_with(field, bad)).unwrap();
            for args in commands {
                let out = run(dir.path(), &[&["--file", "board.ron"], args].concat());
                let context = format!("{field} = {bad:?}, {args:?}");
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{context}: {}",
                    text(&out.stderr)
                );
                assert!(
                    text(&out.stderr).starts_with("ftz-board: board.ron:"),
                    "{context}: {}",
                    text(&out.stderr)
                );
                assert_eq!(terminal_controls(&out.stderr), vec![], "{context} stderr");
                assert_eq!(terminal_controls(&out.stdout), vec![], "{context} stdout");
            }
        }
    }
}

#[test]
fn escape_sequences_in_a_keys_file_never_reach_the_terminal_through_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("board.ron"), PLAN_RON).unwrap();
    let keys = dir.path().join("keys.ron");
    std::fs::write(&keys, format!("(bindings: {{\"{}\": [\"q\"]}})", OSC[0])).unwrap();
    let out = run(dir.path(), &["--keys", "keys.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("keys.ron:1:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(terminal_controls(&out.stderr), vec![]);
}

#[test]
fn a_file_gone_bad_under_an_open_board_warns_without_passing_its_escape_sequences_on() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.ron");
    std::fs::write(&board, PLAN_RON).unwrap();
    let mut pty = Pty::spawn(&["--lang", "en"], dir.path(), 120, 30);
    pty.wait_for_text("board.ron", Duration::from_secs(20));
    // A hand edit: the board reloads, finds the value bad and says so in the footer.
    let edited = dir.path().join("edited.tmp");
    std::fs::write(&edited, plan_with("utc_offset", OSC[1])).unwrap();
    std::fs::rename(&edited, &board).unwrap();
    pty.wait_for_text("is not a UTC offset", Duration::from_secs(20));
    pty.send(b"q");
    pty.wait_exit(Duration::from_secs(20));
    let raw = pty.raw();
    for (name, seq) in [
        ("OSC", &b"\x1b]"[..]),
        ("BEL", &b"\x07"[..]),
        ("C1 OSC", "\u{9d}".as_bytes()),
    ] {
        assert!(
            !raw.windows(seq.len()).any(|w| w == seq),
            "{name} reached the terminal"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Also: FIFOs, devices and files too large to be a board.

/// Waits for `child` up to `limit`; kills it and fails if it is still running then.
fn finish_within(mut child: Child, limit: Duration, what: &str) -> Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo");
}

#[test]
fn a_fifo_or_a_device_as_the_board_or_the_keys_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("board.ron"), PLAN_RON).unwrap();
    mkfifo(&dir.join("pipe"));
    let cases: [(&[&str], &str); 6] = [
        (
            &["--file", "pipe", "check"],
            "pipe: not a regular file (a FIFO)",
        ),
        (
            &["--file", "/dev/zero", "check"],
            "/dev/zero: not a regular file (a device)",
        ),
        (
            &["--file", "pipe", "note", "1", "x"],
            "pipe: not a regular file (a FIFO)",
        ),
        (&["--file", "pipe"], "pipe: not a regular file (a FIFO)"),
        (&["--keys", "pipe"], "pipe: not a regular file (a FIFO)"),
        (
            &["--keys", "/dev/zero"],
            "/dev/zero: not a regular file (a device)",
        ),
    ];
    for (args, expected) in cases {
        let child = ftz(dir, args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = finish_within(child, Duration::from_secs(20), &format!("{args:?}"));
        let message = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {message}");
        assert!(message.contains(expected), "{args:?}: {message}");
    }
    assert!(!dir.join("pipe.lock").exists());
}

#[test]
fn a_board_or_keys_file_too_large_to_be_one_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("board.ron"), PLAN_RON).unwrap();
    // Sparse: no disk space is used, and nothing may read it whole.
    let huge = std::fs::File::create(dir.join("huge.ron")).unwrap();
    huge.set_len(300 << 20).unwrap();
    let keys = std::fs::File::create(dir.join("keys.ron")).unwrap();
    keys.set_len(2 << 20).unwrap();
    let cases: [(&[&str], &str); 2] = [
        (
            &["--file", "huge.ron", "check"],
            "huge.ron: larger than 256 MiB (is it a board file?)",
        ),
        (
            &["--keys", "keys.ron"],
            "keys.ron: larger than 1 MiB (is it a keys file?)",
        ),
    ];
    for (args, expected) in cases {
        let out = run(dir, args);
        let message = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {message}");
        assert_eq!(message, format!("ftz-board: {expected}\n"), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 1. A symbolic link (or a hard link, or a FIFO) as the lock file.

/// The board as ftz-board reads it.
fn load(board: &Path) -> Board {
    let content = std::fs::read_to_string(board).unwrap();
    ftz_board::store::parse(&content, board).unwrap_or_else(|e| panic!("{e}"))
}

fn notes_of(board: &Board) -> Vec<String> {
    board
        .tasks
        .iter()
        .flat_map(|t| t.notes.iter().map(|n| n.text.clone()))
        .collect()
}

#[test]
fn a_symbolic_link_as_the_lock_file_is_refused_and_the_file_it_names_is_left_whole() {
    let (dir, board) = new_board();
    let elsewhere = tempfile::tempdir().unwrap();
    let victim = elsewhere.path().join("precious.txt");
    std::fs::write(&victim, "someone else's data\n").unwrap();
    // `init` left a lock file; the attacker replaces it.
    std::fs::remove_file(dir.path().join("board.ron.lock")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join("board.ron.lock")).unwrap();
    let before = snapshot(&board);

    let out = run(dir.path(), &["note", "1", "should not be written"]);
    let message = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(
        message.contains("board.ron.lock: the lock file is a symbolic link"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "someone else's data\n"
    );
    assert_eq!(snapshot(&board), before, "the board changed");
}

#[test]
fn a_hard_link_or_a_fifo_as_the_lock_file_is_refused_and_left_whole() {
    let (dir, board) = new_board();
    let lock = dir.path().join("board.ron.lock");
    let victim = dir.path().join("precious.txt");
    std::fs::write(&victim, "someone else's data\n").unwrap();
    std::fs::remove_file(&lock).unwrap();
    std::fs::hard_link(&victim, &lock).unwrap();
    let out = run(dir.path(), &["note", "1", "x"]);
    let message = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(
        message.contains("board.ron.lock: the lock file has 2 names"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "someone else's data\n"
    );

    std::fs::remove_file(&lock).unwrap();
    mkfifo(&lock);
    let child = ftz(dir.path(), &["note", "1", "x"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish_within(child, Duration::from_secs(20), "a FIFO as the lock file");
    let message = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(
        message.contains("board.ron.lock: the lock file is not a regular file (a FIFO)"),
        "{message}"
    );
    assert!(notes_of(&load(&board)).is_empty());
}

// ---------------------------------------------------------------------------------------------
// 4. The lock file removed while someone holds it; and the holder's name.

/// A board big enough that a change takes tens of milliseconds, so a writer can be caught inside.
fn big_board() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.ron");
    let text = ftz_board::store::to_text(&ftz_board::sample::generate_board(2000, 7));
    std::fs::write(&board, text).unwrap();
    (dir, board)
}

fn signal(child: &Child, signal: libc::c_int) {
    // SAFETY: kill(2) on our own child's pid; no memory is involved.
    let rc = unsafe { libc::kill(child.id() as libc::pid_t, signal) };
    assert_eq!(rc, 0, "kill");
}

/// A writer stopped (SIGSTOP) while it holds the lock, found by its note in the lock file: the note
/// is cleared before the lock is released, so a stopped writer whose note is there is inside.
fn stopped_holder(dir: &Path, cmd: impl Fn() -> Command) -> (Child, String) {
    let lock = dir.join("board.ron.lock");
    for _ in 0..50 {
        let mut child = cmd()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let pid = format!("(pid {})", child.id());
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            let note = std::fs::read_to_string(&lock).unwrap_or_default();
            if note.contains(&pid) {
                // Into its work: past reading the board, which comes first.
                std::thread::sleep(Duration::from_millis(100));
                signal(&child, libc::SIGSTOP);
                let note = std::fs::read_to_string(&lock).unwrap_or_default();
                if note.contains(&pid) {
                    return (child, note);
                }
                signal(&child, libc::SIGCONT);
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.wait();
    }
    panic!("never caught a writer holding the lock");
}

#[test]
fn removing_the_lock_file_under_its_holder_lets_no_second_writer_in() {
    let (dir, board) = big_board();
    let dir = dir.path();
    let (holder, _) = stopped_holder(dir, || ftz(dir, &["note", "1", "first writer"]));
    std::fs::remove_file(dir.join("board.ron.lock")).unwrap();

    // The second writer must wait for the first, not lock a new file of the same name and change
    // the board the first has read but not yet written.
    let second = ftz(dir, &["note", "2", "second writer"])
        .env("FTZ_BOARD_LOCK_TIMEOUT_MS", "60000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    signal(&holder, libc::SIGCONT);
    let first = holder.wait_with_output().unwrap();
    let second = finish_within(second, Duration::from_secs(60), "the second writer");
    assert!(first.status.success(), "the first writer failed");
    assert!(second.status.success(), "{}", text(&second.stderr));
    let notes = notes_of(&load(&board));
    for note in ["first writer", "second writer"] {
        assert!(notes.contains(&note.to_string()), "`{note}` was lost");
    }
}

#[test]
fn the_lock_holder_is_named_as_the_change_is_recorded_even_without_user_variables() {
    let (dir, _board) = big_board();
    let dir = dir.path();
    let as_alice = || {
        let mut cmd = ftz(dir, &["--user", "alice", "note", "1", "x"]);
        cmd.env_remove("USER").env_remove("LOGNAME");
        cmd
    };
    let (holder, note) = stopped_holder(dir, as_alice);
    assert!(note.starts_with("alice (pid "), "{note:?}");
    let out = ftz(dir, &["note", "2", "y"])
        .env("FTZ_BOARD_LOCK_TIMEOUT_MS", "300")
        .output()
        .unwrap();
    signal(&holder, libc::SIGCONT);
    let _ = holder.wait_with_output();
    let message = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(message.contains("locked by alice (pid "), "{message}");
}

// ---------------------------------------------------------------------------------------------
// 6. Failed saves and backups.

/// Runs a change with writes limited to `limit` bytes a file (RLIMIT_FSIZE): a write past it fails
/// with EFBIG, as it would with ENOSPC on a full disk. Hard links take no space and still work.
fn run_on_full_disk(dir: &Path, args: &[&str], limit: u64) -> Output {
    let mut cmd = ftz(dir, args);
    // SAFETY: only async-signal-safe calls (setrlimit, signal) between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let rl = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &rl) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // A write past the limit sends SIGXFSZ, which would kill the process outright.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    cmd.output().unwrap()
}

fn inode(path: &Path) -> (u64, u64) {
    let meta = std::fs::metadata(path).unwrap();
    (meta.dev(), meta.ino())
}

#[test]
fn failed_saves_on_a_full_disk_keep_the_older_backups_and_make_none() {
    let (dir, board) = new_board();
    let dir = dir.path();
    for i in 0..3 {
        assert!(
            run(dir, &["note", "1", &format!("saved {i}")])
                .status
                .success()
        );
    }
    let versions_before: Vec<String> = ftz_board::store::list_backups(&board)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(versions_before.len(), 3);
    let before = snapshot(&board);
    for i in 0..12 {
        let out = run_on_full_disk(dir, &["note", "1", &format!("failed {i}")], 1000);
        assert_eq!(out.status.code(), Some(1), "save {i} did not fail");
        assert!(
            text(&out.stderr).contains("cannot write"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(snapshot(&board), before, "a failed save changed the board");
    let backups = ftz_board::store::list_backups(&board);
    let versions_after: Vec<String> = backups
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    // Compared by count and content, without printing whole boards on a failure.
    assert_eq!(versions_after.len(), versions_before.len(), "{backups:?}");
    assert!(versions_after == versions_before, "the backups changed");
    assert!(backups.iter().all(|b| inode(b) != inode(&board)));
    let folder = ftz_board::store::backup_folder(&board);
    let pending: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.file_name())
        .collect();
    assert!(pending.is_empty(), "left behind: {pending:?}");
    // Once there is room again, the next save makes its backup as usual.
    assert!(run(dir, &["note", "1", "saved again"]).status.success());
    assert_eq!(ftz_board::store::list_backups(&board).len(), 4);
}

#[test]
fn pruning_keeps_ten_distinct_versions_and_never_counts_links_of_one_version_twice() {
    let (dir, board) = new_board();
    let dir = dir.path();
    let folder = ftz_board::store::backup_folder(&board);
    std::fs::create_dir_all(&folder).unwrap();
    // Twelve distinct old versions, then five links of the current file (what failed saves left
    // behind before this was fixed), all older than any backup the next save makes.
    for i in 0..12 {
        let name = folder.join(format!("board.ron.20250101T0000{i:02}.000000"));
        std::fs::write(name, format!("version {i}")).unwrap();
    }
    for i in 0..5 {
        let name = folder.join(format!("board.ron.20250102T0000{i:02}.000000"));
        std::fs::hard_link(&board, name).unwrap();
    }
    let replaced = inode(&board);
    assert!(run(dir, &["note", "1", "x"]).status.success());

    let backups = ftz_board::store::list_backups(&board);
    let inodes: std::collections::BTreeSet<(u64, u64)> = backups.iter().map(|b| inode(b)).collect();
    assert_eq!(backups.len(), 10, "{backups:?}");
    assert_eq!(inodes.len(), 10, "two backups are one version: {backups:?}");
    assert!(
        inodes.contains(&replaced),
        "the version just replaced is kept"
    );
    let oldest_kept: Vec<String> = backups
        .iter()
        .filter(|b| inode(b) != replaced)
        .map(|b| std::fs::read_to_string(b).unwrap())
        .collect();
    let expected: Vec<String> = (3..12).map(|i| format!("version {i}")).collect();
    assert_eq!(oldest_kept, expected);
}

// ---------------------------------------------------------------------------------------------
// 7. Duplicate map keys.

#[test]
fn a_unit_listed_twice_in_unit_aliases_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.ron");
    let edited = PLAN_RON.replacen(
        "        \"区委网信办\": [\"区网信办\"],\n",
        "        \"区委网信办\": [\"区网信办\"],\n        \"区商务委\": [\"商务委\"],\n        \"区委网信办\": [\"网信办\"],\n",
        1,
    );
    std::fs::write(&board, edited).unwrap();
    let before = snapshot(&board);
    for args in [&["check"][..], &["note", "1", "x"][..]] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            "ftz-board: board.ron:17:9: duplicate unit `区委网信办` in unit_aliases (expected each \
             unit once)\n"
        );
    }
    assert_eq!(snapshot(&board), before);
}

// ---------------------------------------------------------------------------------------------
// A file the user may not write.

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// The first screen of the board on `board`, run as `uid` (through setpriv) when given.
fn first_screen(dir: &Path, uid: Option<u32>) -> String {
    let mut cmd = match uid {
        Some(uid) => {
            let mut cmd = portable_pty::CommandBuilder::new("setpriv");
            cmd.args([
                &format!("--reuid={uid}"),
                &format!("--regid={uid}"),
                "--clear-groups",
                BIN,
            ]);
            cmd
        }
        None => portable_pty::CommandBuilder::new(BIN),
    };
    cmd.args(["--lang", "en"]);
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", dir);
    cmd.env("USER", "tester");
    let pair = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = reader.read(&mut chunk) {
            if n == 0 || tx.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let rows = std::num::NonZeroU16::new(24).unwrap();
    let cols = std::num::NonZeroU16::new(100).unwrap();
    let mut screen = vt100::Parser::new(rows, cols, 0);
    let started = Instant::now();
    let contents = loop {
        if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(50)) {
            screen.process(&bytes);
        }
        let contents = screen.screen().contents();
        if contents.contains("board.ron") || started.elapsed() > Duration::from_secs(20) {
            break contents;
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    contents
}

#[test]
fn a_file_the_user_may_not_write_is_read_only_for_the_board_and_the_command_line_alike() {
    let (dir, board) = new_board();
    let dir = dir.path();
    // As root every file is writable: the test takes the part of an ordinary user.
    let uid = is_root().then_some(65534);
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let as_user = |args: &[&str]| {
        let mut cmd = ftz(dir, args);
        if let Some(uid) = uid {
            cmd.uid(uid).gid(uid);
        }
        cmd.output().unwrap()
    };
    for (mode, read_only) in [(0o444, true), (0o666, false)] {
        std::fs::set_permissions(&board, std::fs::Permissions::from_mode(mode)).unwrap();
        let before = snapshot(&board);
        let out = as_user(&["note", "1", "x"]);
        let screen = first_screen(dir, uid);
        assert!(
            screen.contains("board.ron"),
            "the board did not start:\n{screen}"
        );
        assert_eq!(
            screen.contains("READ-ONLY"),
            read_only,
            "mode {mode:o}:\n{screen}"
        );
        if read_only {
            assert_eq!(out.status.code(), Some(1), "mode {mode:o}");
            assert_eq!(
                text(&out.stderr),
                "ftz-board: board.ron: read-only: changes are not allowed (you may not write \
                 this file)\n"
            );
            assert_eq!(snapshot(&board), before);
        } else {
            assert!(out.status.success(), "{}", text(&out.stderr));
        }
    }
}
