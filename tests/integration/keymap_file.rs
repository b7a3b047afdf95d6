//! The keys file: overrides replace an action's keys, and every mistake is reported with the place
//! in the file where it is, before the board starts.

use std::path::{Path, PathBuf};
use std::process::Command;

use ftz_board::action::Action;
use ftz_board::app::App;
use ftz_board::i18n::Lang;
use ftz_board::keymap::{Key, Keymap};
use ftz_board::keymap_file::{Problem, action_from_name, action_name, default_path, load, parse};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

fn keys(text: &str) -> Result<Keymap, Vec<String>> {
    parse(text, Path::new("keys.ron")).map_err(|ps| ps.iter().map(Problem::to_string).collect())
}

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn char_key(c: char) -> KeyEvent {
    press(KeyCode::Char(c), KeyModifiers::NONE)
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    let mut text = String::new();
    for y in 0..h {
        for x in 0..w {
            text.push_str(buf[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

const VALID: &str = r#"// My keys: b moves a task on, Q quits (letters no default key uses).
(
    bindings: {
        "MoveNext": ["L", "Shift-Right", "b"],
        "Quit": ["Q", "Ctrl-c"],
        "Export": [],
    },
)
"#;

#[test]
fn a_listed_action_gets_exactly_its_listed_keys_and_others_keep_theirs() {
    let map = keys(VALID).unwrap();
    assert_eq!(map.action_for(&char_key('b')), Some(Action::MoveNext));
    assert_eq!(map.action_for(&char_key('L')), Some(Action::MoveNext));
    assert_eq!(map.action_for(&char_key('Q')), Some(Action::Quit));
    // `q` was Quit's default key; listing Quit replaced it.
    assert_eq!(map.action_for(&char_key('q')), None);
    // An empty list unbinds.
    assert_eq!(map.label_for(Action::Export), None);
    // Unlisted actions are untouched.
    assert_eq!(map.action_for(&char_key('j')), Some(Action::Down));
    assert_eq!(
        map.label_for(Action::Down),
        Keymap::default().label_for(Action::Down)
    );
}

#[test]
fn help_and_footer_show_the_keys_from_the_file() {
    let board = ftz_board::plan::builtin_plan().unwrap();
    let mut app = App::new(
        board,
        "board.ron".into(),
        "2025-06-01".parse().unwrap(),
        Lang::En,
    );
    app.set_keymap(keys(VALID).unwrap());
    app.resize(160, 40);
    let footer = screen(&app, 160, 40).lines().last().unwrap().to_string();
    assert!(footer.contains(" Q quit"), "footer: {footer}");
    app.update(Action::ToggleHelp);
    let help = screen(&app, 120, 40);
    assert!(
        help.contains("L/Shift-Right/b  move task to next status"),
        "{help}"
    );
    assert!(help.contains("Q/Ctrl-c"), "{help}");
    assert!(
        !help.contains("export progress report"),
        "an unbound action is listed:\n{help}"
    );
}

#[test]
fn a_key_taken_from_a_default_binding_is_a_conflict_at_that_key() {
    let text = "(\n    bindings: {\n        \"MoveNext\": [\"L\", \"l\"],\n    },\n)\n";
    assert_eq!(
        keys(text).unwrap_err(),
        vec![
            "keys.ron:3:27: `l` is bound to both `MoveNext` and `Right` (its default key; list \
             `Right` in this file to give it other keys)"
        ]
    );
}

#[test]
fn one_key_for_two_listed_actions_is_a_conflict_naming_the_first_line() {
    let text = "(\n  bindings: {\n    \"Undo\": [\"b\"],\n    \"Redo\": [\"Z\", \"b\"],\n  },\n)\n";
    assert_eq!(
        keys(text).unwrap_err(),
        vec!["keys.ron:4:19: `b` is bound to both `Redo` and `Undo` (bound at line 3)"]
    );
}

#[test]
fn a_syntax_error_names_the_line_and_column() {
    // The comma after the first list is missing.
    let text =
        "(\n    bindings: {\n        \"Undo\": [\"z\"]\n        \"Redo\": [\"Z\"],\n    },\n)\n";
    assert_eq!(
        keys(text).unwrap_err(),
        vec![
            "keys.ron:4:9: expected `,` before this (a comma is missing after the previous value)"
        ]
    );
    let truncated = "(\n    bindings: {\n        \"Undo\": [\"z\"";
    let problems = keys(truncated).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("keys.ron:3:"), "{problems:?}");
    let misspelt = "(\n    binding: {},\n)\n";
    assert_eq!(
        keys(misspelt).unwrap_err(),
        vec!["keys.ron:2:5: unknown field `binding` (expected `bindings`)"]
    );
}

#[test]
fn an_unknown_action_is_reported_at_its_name_with_the_known_names() {
    let text = "(bindings: {\n  \"Quitt\": [\"q\"],\n})";
    let problems = keys(text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("keys.ron:2:3: unknown action `Quitt` (expected one of `Up`, "),
        "{problems:?}"
    );
    assert!(problems[0].contains("`Quit`"), "{problems:?}");
}

#[test]
fn an_unknown_key_is_reported_at_the_key() {
    let text = "(bindings: {\n  \"Quit\": [\"q\", \"Ctrl-Foo\"],\n})";
    let problems = keys(text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("keys.ron:2:17: unknown key `Ctrl-Foo` (expected a character"),
        "{problems:?}"
    );
    let shifted_digit = keys("(bindings: {\"Undo\": [\"Shift-1\"]})").unwrap_err();
    assert_eq!(
        shifted_digit,
        vec![
            "keys.ron:1:22: `Shift-1` depends on the keyboard layout: write the character it types \
             instead of `1` with Shift"
        ]
    );
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let text = r#"(
    bindings: {
        "Redo": ["nope"],
        "Flip": ["f"],
        "Quit": [],
        "Redo": ["y"],
    },
)"#;
    let problems = keys(text).unwrap_err();
    let places: Vec<&str> = problems
        .iter()
        .map(|p| p.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        places,
        [
            "keys.ron:3:18",
            "keys.ron:4:9",
            "keys.ron:5:9",
            "keys.ron:6:9"
        ],
        "{problems:#?}"
    );
    assert!(problems[2].ends_with("`Quit` needs at least one key, or the board could not be left"));
    assert!(problems[3].contains("`Redo` is listed twice (first at line 3)"));
}

#[test]
fn comments_and_escapes_do_not_shift_the_reported_place() {
    let text = "/* \"Quit\": [\"q\"] */ (bindings: { // \"x\": [\n \"Search\": [\"\\u{2f}\", r#\"?\"#],\n})";
    // `\u{2f}` is `/` (Search's default) and `?` is ToggleHelp's default key.
    assert_eq!(
        keys(text).unwrap_err(),
        vec![
            "keys.ron:2:23: `?` is bound to both `Search` and `ToggleHelp` (its default key; list \
             `ToggleHelp` in this file to give it other keys)"
        ]
    );
}

#[test]
fn every_action_has_a_name_that_reads_back() {
    for action in Action::ALL {
        assert_eq!(action_from_name(&action_name(action)), Some(action));
    }
    assert_eq!(action_from_name("MoveNext"), Some(Action::MoveNext));
    assert_eq!(action_from_name("movenext"), None);
}

#[test]
fn an_empty_file_keeps_the_default_keymap() {
    let map = keys("()").unwrap();
    assert_eq!(map.bindings(), Keymap::default().bindings());
    assert_eq!(Key::parse("Ctrl-r"), Some(Key::ctrl('r')));
}

#[test]
fn the_default_file_lives_under_xdg_config_home_or_home_config() {
    assert_eq!(
        default_path(Some("/etc/xdg-user"), Some("/home/li")),
        Some(PathBuf::from("/etc/xdg-user/ftz-board/keys.ron"))
    );
    // A relative XDG_CONFIG_HOME is ignored, as the XDG rules say.
    assert_eq!(
        default_path(Some("cfg"), Some("/home/li")),
        Some(PathBuf::from("/home/li/.config/ftz-board/keys.ron"))
    );
    assert_eq!(default_path(None, None), None);
}

#[test]
fn a_keys_file_given_on_the_command_line_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let err = load(Some(&missing)).unwrap_err();
    assert!(err.starts_with(&format!("{}: cannot read the keys file", missing.display())));
    std::fs::write(dir.path().join("ok.ron"), VALID).unwrap();
    let (map, warning) = load(Some(&dir.path().join("ok.ron"))).unwrap();
    assert_eq!(map.action_for(&char_key('Q')), Some(Action::Quit));
    assert_eq!(warning, None);
}

fn board_cmd(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ftz-board"));
    cmd.current_dir(dir)
        .env_remove("FTZ_BOARD_FILE")
        .env_remove("FTZ_BOARD_LANG")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir);
    cmd
}

#[test]
fn the_board_refuses_to_start_with_a_bad_keys_file_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("keys.ron"),
        "(bindings: {\n  \"MoveNext\": [\"l\"],\n})\n",
    )
    .unwrap();
    let out = board_cmd(dir.path())
        .args(["--keys", "keys.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "ftz-board: keys.ron:2:16: `l` is bound to both `MoveNext` and `Right` (its default key; \
         list `Right` in this file to give it other keys)\n"
    );
    assert!(
        !dir.path().join("board.ron").exists(),
        "a board file was created"
    );
}

#[test]
fn a_bad_file_in_the_config_folder_is_reported_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("config/ftz-board");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("keys.ron"), "(bindings: {\"Help\": [\"h\"]})").unwrap();
    let out = board_cmd(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!(
        "ftz-board: {}:1:13: unknown action `Help`",
        folder.join("keys.ron").display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
}

/// Review on `v`, help on F1, back on `z`, status on `p`/`P`, notes on `w`: every key the review
/// bar, help and the footer used to name is moved.
const REBOUND: &str = r#"(
    bindings: {
        "Review": ["v"],
        "ToggleHelp": ["F1"],
        "Back": ["Z"],
        "MoveNext": ["b"],
        "MovePrevious": ["B"],
        "AddNote": ["w"],
    },
)
"#;

#[test]
fn a_keys_file_that_moves_review_and_help_changes_every_hint_that_names_them() {
    let mut app = App::new(
        ftz_board::plan::builtin_plan().unwrap(),
        "board.ron".into(),
        "2025-06-01".parse().unwrap(),
        Lang::Zh,
    );
    app.set_keymap(keys(REBOUND).unwrap());
    app.resize(120, 30);
    let rows = |app: &App| {
        let mut buf = Buffer::empty(Rect::new(0, 0, 120, 30));
        let _ = ftz_board::ui::render(app, buf.area, &mut buf);
        crate::common::screen_rows(&buf)
    };
    let press = |app: &mut App, key: KeyEvent| {
        app.on_key(&key);
    };

    let board = rows(&app);
    let footer = board.last().unwrap().clone();
    assert!(footer.contains(" F1 帮助 "), "{footer}");
    assert!(!footer.contains('?'), "{footer}");
    assert!(footer.contains(" b/B 状态 "), "{footer}");
    assert!(!footer.contains(" L "), "{footer}");

    // The old review key does nothing; the new one starts the review.
    press(&mut app, char_key('r'));
    assert!(app.review().is_none());
    press(&mut app, char_key('v'));
    assert!(app.review().is_some());
    let review = rows(&app);
    let bar = &review[review.len() - 2];
    let footer = review.last().unwrap();
    for line in [bar, footer] {
        for new in ["j 下一项", "k 上一项", "b/B 改状态", "w 写进展", "Z 退出"] {
            assert!(line.contains(new), "{new:?} missing from {line:?}");
        }
        for old in ["L/H", "n 写进展", "Esc", "下/右"] {
            assert!(!line.contains(old), "{old:?} still in {line:?}");
        }
    }

    // Help opens with F1 (not `?`), lists the new keys, and says it closes with them.
    press(&mut app, char_key('?'));
    assert!(!rows(&app).join("\n").contains("快捷键"));
    press(&mut app, press_key(KeyCode::F(1)));
    let help = rows(&app);
    let text = help.join("\n");
    assert!(text.contains("快捷键"), "{text}");
    // The key help shows before a description (help may put two entries on a row).
    let keys_of = |label: &str| -> Vec<String> {
        help.iter()
            .flat_map(|row| {
                row.match_indices(label)
                    .filter_map(|(at, _)| row[..at].split_whitespace().last().map(String::from))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(keys_of("会议审阅模式"), ["v"], "{text}");
    assert_eq!(keys_of("返回 / 关闭 / 清除筛选"), ["Z"], "{text}");
    assert_eq!(keys_of("  帮助"), ["F1"], "{text}");
    // Its bottom border says how to close it.
    let closing = help
        .iter()
        .find(|r| r.contains("关闭") && r.contains('─'))
        .unwrap_or_else(|| panic!("no closing line:\n{text}"));
    assert!(closing.contains("Z/F1 关闭"), "{closing}");
    assert!(
        !closing.contains("Esc") && !closing.contains('?'),
        "{closing}"
    );
    assert_eq!(keys_of("写进展"), ["w"], "{text}");
    press(&mut app, char_key('Z'));
    assert!(!rows(&app).join("\n").contains("快捷键"));
}

fn press_key(code: KeyCode) -> KeyEvent {
    press(code, KeyModifiers::NONE)
}
