//! Sign-off and extensions in the board, driven through `App` and saved through a real store
//! under its lock: a unit member's requests (`o`, `y`), the office's approvals list (`p`) and its
//! decisions, undo, and what the roles refuse, said as a refusal and never as a failed save.

use ftz_board::app::{App, Dialog, Effect, marks::Mark};
use ftz_board::i18n::Lang;
use ftz_board::model::{Decision, Operation, Request, Roles, Status};
use ftz_board::store::Store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TASK: u32 = 3;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, c: char) -> Effect {
    app.on_key(&key(KeyCode::Char(c)))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        assert_eq!(press(app, c), Effect::None, "typing {c:?}");
    }
}

/// A board whose office is `zhangwei`, with `lina` in task 3's first lead unit and `chenjie` in a
/// unit that has nothing to do with task 3.
fn shared_board() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("board.ron"));
    let mut board = ftz_board::plan::builtin_plan().unwrap();
    let task = board.task(TASK).unwrap().clone();
    let involved = board.units_of(&task);
    let other = board
        .units_in_plan_order()
        .into_iter()
        .find(|u| !involved.iter().any(|(i, _)| i == u))
        .unwrap()
        .to_string();
    let mut units = std::collections::BTreeMap::new();
    units.insert(task.lead_units[0].clone(), vec!["lina".to_string()]);
    units.insert(other, vec!["chenjie".to_string()]);
    board.roles = Some(Roles {
        office: vec!["zhangwei".into()],
        units,
    });
    store.create(&board).unwrap();
    (dir, store)
}

/// The board as `login` sees it, with task 3 selected (found by its number).
fn board_for(store: &Store, login: &str) -> (App, Store) {
    let mut store = store.clone();
    store.login = Some(login.to_string());
    let board = store.load().unwrap().board;
    let today = board.settings.today_at(chrono::Utc::now());
    let mut app = App::new(board, "board.ron".into(), today, Lang::Zh);
    app.set_login(Some(login.to_string()));
    app.set_user(login.to_string());
    app.resize(120, 40);
    press(&mut app, '/');
    type_text(&mut app, "#3");
    app.on_key(&key(KeyCode::Enter));
    // The one card shown may be in another status's column than the cursor.
    for _ in 0..3 {
        if app.selected_task() != Some(TASK) {
            press(&mut app, 'l');
        }
    }
    assert_eq!(app.selected_task(), Some(TASK));
    (app, store)
}

/// Carries out the effect as the main loop does: applied by the store, under the lock, as the
/// login the store has.
fn save(app: &mut App, store: &Store, effect: Effect) {
    let Effect::Apply { op, kind } = effect else {
        panic!("expected a change, got {effect:?}; footer: {}", footer(app));
    };
    app.on_save_started();
    let result = store
        .apply(&op, app.user())
        .map(|applied| (applied.board, applied.entries));
    app.on_applied(op, kind, result);
}

fn screen(app: &App) -> Vec<String> {
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let _ = ftz_board::ui::render(app, area, &mut buf);
    crate::common::screen_rows(&buf)
}

/// The footer and the line above it (the filter bar, while the search is kept).
fn footer(app: &App) -> String {
    let rows = screen(app);
    rows[rows.len() - 2..].join("\n")
}

/// `lina` asks for task 3 to be closed, with a note.
fn request_closure(store: &Store) {
    let (mut lina, store) = board_for(store, "lina");
    assert_eq!(press(&mut lina, 'o'), Effect::None);
    assert!(matches!(lina.dialog(), Some(Dialog::Request(_))));
    // Enter with no note says what is missing and keeps the dialog.
    assert_eq!(lina.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(
        footer(&lina).contains("请写明完成情况"),
        "{}",
        footer(&lina)
    );
    type_text(&mut lina, "已完成，附验收材料");
    let effect = lina.on_key(&key(KeyCode::Enter));
    save(&mut lina, &store, effect);
    assert!(footer(&lina).contains("#3 已申请销号"), "{}", footer(&lina));
    let task = lina.board().task(TASK).unwrap();
    assert!(task.awaiting_close());
    assert_eq!(
        ftz_board::app::marks::task_marks(lina.board(), task, lina.today()),
        vec![Mark::AwaitingClose {
            asked_on: task.request.as_ref().unwrap().at().date_naive()
        }]
    );
}

#[test]
fn a_members_closure_request_is_approved_in_the_offices_approvals_list_and_undone() {
    let (_dir, store) = shared_board();
    request_closure(&store);

    let (mut office, store) = board_for(&store, "zhangwei");
    assert_eq!(press(&mut office, 'p'), Effect::None);
    let rows = screen(&office);
    crate::common::find_row(&rows, "待审批申请 1");
    let row = crate::common::find_row(&rows, "#3   ");
    assert!(row.contains("申请销号") && row.contains("lina"), "{row}");
    crate::common::find_row(&rows, "完成情况: 已完成，附验收材料");
    office.on_key(&key(KeyCode::Enter));
    assert!(matches!(office.dialog(), Some(Dialog::Decide(_))));
    let asked_on = office.board().task(TASK).unwrap().request.clone().unwrap();
    let effect = office.on_key(&key(KeyCode::Enter));
    assert!(matches!(
        &effect,
        Effect::Apply {
            op: Operation::Decide {
                decision: Decision::Approve,
                ..
            },
            ..
        }
    ));
    save(&mut office, &store, effect);
    let task = office.board().task(TASK).unwrap();
    assert_eq!(task.status, Status::Done);
    assert_eq!(task.completed_on, Some(asked_on.at().date_naive()));
    assert!(task.request.is_none());
    assert!(
        footer(&office).contains("#3 已审批: 同意"),
        "{}",
        footer(&office)
    );
    crate::common::find_row(&screen(&office), "没有待审批的申请");
    // Recorded in the history, by the office's login.
    let history = store.load_history().unwrap();
    assert!(
        history
            .entries()
            .iter()
            .any(|e| e.task == Some(TASK) && e.user == "zhangwei"),
        "{history:?}"
    );
    // Undo from the list puts the request back, open.
    let undo = press(&mut office, 'u');
    save(&mut office, &store, undo);
    let task = store.load().unwrap().board.task(TASK).unwrap().clone();
    assert_ne!(task.status, Status::Done);
    assert!(task.awaiting_close(), "{:?}", task.request);
}

#[test]
fn returning_a_closure_needs_a_reason_and_puts_the_task_back_in_progress() {
    let (_dir, store) = shared_board();
    request_closure(&store);
    let (mut office, store) = board_for(&store, "zhangwei");
    press(&mut office, 'p');
    office.on_key(&key(KeyCode::Enter));
    office.on_key(&key(KeyCode::Tab));
    assert!(screen(&office).iter().any(|r| r.contains("[x] 退回")));
    assert_eq!(office.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(
        footer(&office).contains("请写明理由"),
        "{}",
        footer(&office)
    );
    type_text(&mut office, "缺验收材料");
    let effect = office.on_key(&key(KeyCode::Enter));
    save(&mut office, &store, effect);
    let task = office.board().task(TASK).unwrap();
    assert_eq!(task.status, Status::InProgress);
    assert!(task.request.is_none());
    assert!(footer(&office).contains("退回"), "{}", footer(&office));
}

#[test]
fn an_extension_needs_a_later_date_and_a_reason_and_the_office_may_refuse_it() {
    let (_dir, store) = shared_board();
    let (mut lina, lina_store) = board_for(&store, "lina");
    let deadline = lina.board().task(TASK).unwrap().deadline;
    press(&mut lina, 'y');
    type_text(&mut lina, &deadline.to_string());
    assert_eq!(lina.on_key(&key(KeyCode::Enter)), Effect::None);
    let text = footer(&lina);
    assert!(
        text.contains(&format!("延期日期须晚于现期限 {deadline}")),
        "{text}"
    );
    let Some(Dialog::Request(dialog)) = lina.dialog() else {
        panic!("the dialog closed");
    };
    assert!(dialog.on_date);
    for _ in 0..10 {
        lina.on_key(&key(KeyCode::Backspace));
    }
    type_text(&mut lina, "2027-06-30");
    // No reason yet: the focus goes to it.
    assert_eq!(lina.on_key(&key(KeyCode::Enter)), Effect::None);
    assert!(footer(&lina).contains("请写明理由"));
    type_text(&mut lina, "资金未到位");
    let effect = lina.on_key(&key(KeyCode::Enter));
    save(&mut lina, &lina_store, effect);
    let task = lina.board().task(TASK).unwrap();
    let Some(Request::Extend { to, late, .. }) = &task.request else {
        panic!("no extension asked: {:?}", task.request);
    };
    assert_eq!(to.to_string(), "2027-06-30");
    // The plan's deadlines have passed: asked late, and the list says so.
    assert!(*late);

    let (mut office, store) = board_for(&store, "zhangwei");
    press(&mut office, 'p');
    let rows = screen(&office);
    let row = crate::common::find_row(&rows, "#3   ");
    assert!(
        row.contains("延期申请") && row.contains("延至 2027-06-30 [逾期提出]"),
        "{row}"
    );
    office.on_key(&key(KeyCode::Enter));
    office.on_key(&key(KeyCode::Down));
    assert!(screen(&office).iter().any(|r| r.contains("[x] 不同意")));
    type_text(&mut office, "不符合延期条件");
    let effect = office.on_key(&key(KeyCode::Enter));
    save(&mut office, &store, effect);
    let task = office.board().task(TASK).unwrap();
    assert_eq!(task.deadline, deadline, "a refused extension moves nothing");
    assert!(task.request.is_none());
}

#[test]
fn what_the_roles_refuse_is_said_as_a_refusal_before_anything_is_saved() {
    let (_dir, store) = shared_board();
    // A member may move the task along, but closing it is the office's.
    let (mut lina, lina_store) = board_for(&store, "lina");
    for _ in 0..2 {
        let effect = press(&mut lina, 'L');
        save(&mut lina, &lina_store, effect);
    }
    assert_eq!(lina.board().task(TASK).unwrap().status, Status::Blocked);
    assert_eq!(press(&mut lina, 'L'), Effect::None);
    let text = footer(&lina);
    assert!(text.contains("只有专班办公室可以销号"), "{text}");
    assert!(!text.contains("保存失败"), "{text}");
    // The approvals list is open to all; deciding is the office's.
    press(&mut lina, 'p');
    lina.on_key(&key(KeyCode::Esc));
    assert!(lina.approvals().is_none());

    // A member of an unrelated unit may not file requests on the task.
    let (mut chenjie, _) = board_for(&store, "chenjie");
    assert_eq!(press(&mut chenjie, 'o'), Effect::None);
    assert!(chenjie.dialog().is_none());
    let text = footer(&chenjie);
    assert!(
        text.contains("只有任务 #3 的牵头、配合单位成员或专班办公室可以提出申请"),
        "{text}"
    );
    assert_eq!(press(&mut chenjie, 'n'), Effect::None);
    assert!(footer(&chenjie).contains("可以添加进展"));
}

#[test]
fn the_office_alone_decides_and_a_member_is_told_so_in_the_list() {
    let (_dir, store) = shared_board();
    request_closure(&store);
    let (mut lina, _) = board_for(&store, "lina");
    press(&mut lina, 'p');
    lina.on_key(&key(KeyCode::Enter));
    assert!(lina.dialog().is_none());
    assert!(footer(&lina).contains("只有专班办公室可以审批申请"));
}

#[test]
fn a_person_named_nowhere_in_the_roles_sees_the_board_read_only_and_why() {
    let (_dir, store) = shared_board();
    let before = std::fs::read(store.path()).unwrap();
    let (mut guest, _) = board_for(&store, "guest");
    let rows = screen(&guest);
    assert!(rows[0].contains("[只读：guest 未列入角色]"), "{}", rows[0]);
    // The footer offers no key that changes the board.
    let keys = footer(&guest);
    assert!(
        !keys.contains("移到下一状态") && !keys.contains("撤销"),
        "{keys}"
    );
    for c in ['n', 'o', 'y', 'L', 'c', 'a'] {
        assert_eq!(press(&mut guest, c), Effect::None, "{c}");
        assert!(guest.dialog().is_none(), "{c} opened a dialog");
        let text = footer(&guest);
        assert!(
            text.contains("guest 未列入看板的角色（roles），只能查看，不能修改"),
            "{c}: {text}"
        );
    }
    assert_eq!(std::fs::read(store.path()).unwrap(), before);

    let mut english = App::new(
        guest.board().clone(),
        "board.ron".into(),
        guest.today(),
        Lang::En,
    );
    english.set_login(Some("guest".into()));
    english.resize(120, 40);
    let rows = screen(&english);
    assert!(
        rows[0].contains("[read-only: guest not in the roles]"),
        "{}",
        rows[0]
    );
}

#[test]
fn an_open_request_shows_on_the_task_s_card_and_in_its_detail() {
    let (_dir, store) = shared_board();
    request_closure(&store);
    // The office may ask too (task 5 is not lina's unit's).
    let mut office = store.clone();
    office.login = Some("zhangwei".into());
    office
        .apply(
            &Operation::RequestExtend {
                id: 5,
                to: "2027-03-31".parse().unwrap(),
                reason: "需市级部门支持".into(),
            },
            "zhangwei",
        )
        .unwrap();
    let board = store.load().unwrap().board;
    let today = board.settings.today_at(chrono::Utc::now());
    let mut app = App::new(board, "board.ron".into(), today, Lang::Zh);
    app.set_login(Some("zhangwei".into()));
    app.resize(120, 40);
    // Compact cards (19 tasks in one column): the mark after the urgency.
    let rows = screen(&app);
    let card = crate::common::find_row(&rows, " 3 支持企业申请AEO认证");
    assert!(card.contains("待销号"), "{card}");
    let card = crate::common::find_row(&rows, " 5 探索医疗服务贸易创新");
    assert!(card.contains("延期申请"), "{card}");
    // Full cards: in place of 久未更新, on the units line.
    press(&mut app, 'z');
    press(&mut app, 'z');
    let rows = screen(&app);
    let title = rows
        .iter()
        .position(|r| r.contains(" 3 支持企业申请AEO认证"))
        .unwrap();
    assert!(rows[title + 1].contains("待销号"), "{}", rows[title + 1]);
    // The detail lists the request with its date.
    press(&mut app, 'z');
    press(&mut app, '/');
    type_text(&mut app, "#5");
    app.on_key(&key(KeyCode::Enter));
    for _ in 0..3 {
        if app.selected_task() != Some(5) {
            press(&mut app, 'l');
        }
    }
    app.on_key(&key(KeyCode::Enter));
    let text = screen(&app).join("\n");
    assert!(text.contains("延期申请至 2027-03-31"), "{text}");
}
