//! Checks the built-in plan (`data/plan.ron`) against the document it was typed from,
//! 闵府发〔2024〕17号, by parsing the document's text independently of the plan file.
//!
//! The document is a PDF extraction (`tests/fixtures/source-document.txt`): every paragraph is
//! hard-wrapped with a blank line between its lines, and a line that starts a new page begins with
//! one extra space. Lines are joined without adding anything, and that page-break space is dropped.
//!
//! Section 三、重点任务 gives each task's wording and, in a trailing parenthetical, its units; the
//! annex table (重点任务分工) is authoritative for deadlines and units. The one place they disagree
//! on a unit's name is documented in [`DOCUMENTED_ALIASES`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ftz_board::model::{Board, Status};

/// Unit names the body spells differently from the annex: (body spelling, annex spelling).
/// The plan uses the annex spelling and keeps the body's as an alias so search still finds it.
const DOCUMENTED_ALIASES: [(&str, &str); 1] = [("区网信办", "区委网信办")];

/// Places where the annex words a task differently from the body, beyond spacing:
/// (task, body wording, annex wording). The plan follows the body.
const ANNEX_WORDING_DIFFERENCES: [(u32, &str, &str); 1] = [(1, "创新业务。支持", "创新业务；支持")];

/// Spaces the PDF extraction lost at a line break in the body, restored from the annex, which prints
/// the same words on one line: (task, as extracted, as printed). Every other number in the text
/// has a space before 日 ("200 日", "30 日").
const LINE_BREAK_SPACES: [(u32, &str, &str); 1] = [(10, "从 60日", "从 60 日")];

const SECTION_START: &str = "三、重点任务";
const SECTION_END: &str = "四、保障措施";
const ANNEX_HEADER: &str = "序号 任务内容 时间节点 牵头单位 配合单位";
const ANNEX_END: &str = "公开属性";
const UNITS_OPEN: &str = "（牵头单位：";
const COOPERATING: &str = "；配合单位：";
const DEADLINE_SUFFIX: &str = "年底前完成";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_path() -> PathBuf {
    manifest_dir().join("tests/fixtures/source-document.txt")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn document() -> String {
    read(&fixture_path())
}

fn board() -> Board {
    let path = manifest_dir().join("data/plan.ron");
    let text = read(&path);
    ron::from_str::<Board>(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The non-empty lines of `text`, each without the single space that marks a page break.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .filter(|line| !line.trim().is_empty())
        .collect()
}

/// The part of `text` after the first `start` and before the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let after = text
        .split_once(start)
        .unwrap_or_else(|| panic!("the document has no {start:?}"))
        .1;
    after
        .split_once(end)
        .unwrap_or_else(|| panic!("the document has no {end:?} after {start:?}"))
        .0
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One numbered paragraph of section 三, split into its parts.
struct BodyTask {
    number: u32,
    /// The paragraph without its number and its units parenthetical.
    wording: String,
    lead_units: Vec<String>,
    cooperating_units: Vec<String>,
}

/// "N." at the start of a line, as the number N.
fn paragraph_number(line: &str) -> Option<u32> {
    let (digits, _) = line.split_once('.')?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn split_units(list: &str) -> Vec<String> {
    list.split('、').map(str::to_string).collect()
}

fn body_tasks(document: &str) -> Vec<BodyTask> {
    let mut paragraphs: Vec<(u32, String)> = Vec::new();
    for line in lines(between(document, SECTION_START, SECTION_END)) {
        match paragraph_number(line) {
            Some(number) => {
                let rest = &line[line.find('.').map_or(0, |i| i + 1)..];
                paragraphs.push((number, rest.to_string()));
            }
            None => match paragraphs.last_mut() {
                Some((_, text)) => text.push_str(line),
                None => panic!("section 三 has text before task 1: {line:?}"),
            },
        }
    }
    paragraphs
        .into_iter()
        .map(|(number, paragraph)| {
            let open = paragraph
                .rfind(UNITS_OPEN)
                .unwrap_or_else(|| panic!("task {number} has no {UNITS_OPEN:?}: {paragraph}"));
            let units = paragraph[open + UNITS_OPEN.len()..]
                .strip_suffix('）')
                .unwrap_or_else(|| {
                    panic!("task {number} does not end with its units: {paragraph}")
                });
            let (leads, cooperating) = match units.split_once(COOPERATING) {
                Some((leads, cooperating)) => (leads, split_units(cooperating)),
                None => (units, Vec::new()),
            };
            BodyTask {
                number,
                wording: LINE_BREAK_SPACES
                    .iter()
                    .filter(|(task, _, _)| *task == number)
                    .fold(paragraph[..open].to_string(), |w, (_, lost, printed)| {
                        w.replace(lost, printed)
                    }),
                lead_units: split_units(leads),
                cooperating_units: cooperating,
            }
        })
        .collect()
}

/// One row of the annex table 重点任务分工.
struct AnnexRow {
    number: u32,
    /// 任务内容, its lines joined.
    wording: String,
    /// The year of "YYYY年底前完成".
    deadline_year: i32,
    /// Everything after the deadline: the lead units then the cooperating units, as printed.
    units: String,
}

fn annex_rows(document: &str) -> Vec<AnnexRow> {
    let mut rows: Vec<(u32, String)> = Vec::new();
    for line in lines(between(document, ANNEX_HEADER, ANNEX_END)) {
        let next = rows.len() as u32 + 1;
        if line.trim() == next.to_string() {
            rows.push((next, String::new()));
        } else {
            match rows.last_mut() {
                // Rows keep their line breaks: in the units column a break can separate two units.
                Some((_, text)) => {
                    text.push_str(line);
                    text.push('\n');
                }
                None => panic!("the annex has text before row 1: {line:?}"),
            }
        }
    }
    rows.into_iter()
        .map(|(number, row)| {
            let found: Vec<usize> = row.match_indices(DEADLINE_SUFFIX).map(|(i, _)| i).collect();
            let [at] = found[..] else {
                panic!(
                    "annex row {number} should give one deadline, found {}: {row}",
                    found.len()
                );
            };
            let year_at = row[..at]
                .char_indices()
                .rev()
                .nth(3)
                .map(|(i, _)| i)
                .unwrap_or_else(|| {
                    panic!("annex row {number} has no year before {DEADLINE_SUFFIX:?}")
                });
            let year = &row[year_at..at];
            AnnexRow {
                number,
                wording: row[..year_at].replace('\n', ""),
                deadline_year: year
                    .parse()
                    .unwrap_or_else(|e| panic!("annex row {number}: year {year:?}: {e}")),
                units: row[at + DEADLINE_SUFFIX.len()..].to_string(),
            }
        })
        .collect()
}

fn annex_spelling(body_spelling: &str) -> &str {
    DOCUMENTED_ALIASES
        .iter()
        .find(|(body, _)| *body == body_spelling)
        .map_or(body_spelling, |(_, annex)| annex)
}

/// Panics with every collected mismatch, so one run shows them all.
fn assert_no_mismatches(what: &str, mismatches: Vec<String>) {
    assert!(
        mismatches.is_empty(),
        "{what}: {} mismatch(es)\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn fixture_is_a_byte_for_byte_copy_of_the_shared_source_document() {
    let shared = manifest_dir().join("../shared/source-document.txt");
    if !shared.exists() {
        eprintln!(
            "{} is absent; nothing to compare the fixture with",
            shared.display()
        );
        return;
    }
    let original = std::fs::read(&shared).expect("the shared document exists but cannot be read");
    let fixture = std::fs::read(fixture_path()).expect("cannot read the fixture");
    assert!(
        original == fixture,
        "{} differs from {}: copy it again",
        fixture_path().display(),
        shared.display()
    );
}

#[test]
fn the_board_has_the_documents_nineteen_tasks_in_order() {
    let document = document();
    let body: Vec<u32> = body_tasks(&document).iter().map(|t| t.number).collect();
    let annex: Vec<u32> = annex_rows(&document).iter().map(|r| r.number).collect();
    let board: Vec<u32> = board().tasks.iter().map(|t| t.id).collect();
    let expected: Vec<u32> = (1..=19).collect();
    assert_eq!(body, expected, "task numbers in section 三");
    assert_eq!(annex, expected, "row numbers in the annex");
    assert_eq!(board, expected, "task ids in data/plan.ron");
}

#[test]
fn every_task_title_matches_the_document_word_for_word() {
    let board = board();
    let mut mismatches = Vec::new();
    for body in body_tasks(&document()) {
        let Some(task) = board.task(body.number) else {
            mismatches.push(format!("task {}: missing from plan.ron", body.number));
            continue;
        };
        let (first_sentence, _) = body.wording.split_once('。').unwrap_or((&body.wording, ""));
        if task.title != first_sentence {
            mismatches.push(format!(
                "task {}: title differs\n  document: {first_sentence}\n  plan.ron: {}",
                task.id, task.title
            ));
        }
    }
    assert_no_mismatches("titles", mismatches);
}

#[test]
fn every_task_text_matches_the_rest_of_its_paragraph_word_for_word() {
    let board = board();
    let mut mismatches = Vec::new();
    for body in body_tasks(&document()) {
        let Some(task) = board.task(body.number) else {
            mismatches.push(format!("task {}: missing from plan.ron", body.number));
            continue;
        };
        let whole = format!("{}。{}", task.title, task.text);
        if whole != body.wording {
            mismatches.push(format!(
                "task {}: title + 。 + text differs from the paragraph\n  document: {}\n  plan.ron: {whole}",
                task.id, body.wording
            ));
        }
    }
    assert_no_mismatches("texts", mismatches);
}

#[test]
fn every_task_names_the_lead_and_cooperating_units_the_document_names() {
    let board = board();
    let mut mismatches = Vec::new();
    for body in body_tasks(&document()) {
        let Some(task) = board.task(body.number) else {
            mismatches.push(format!("task {}: missing from plan.ron", body.number));
            continue;
        };
        let in_annex_spelling = |units: &[String]| -> Vec<String> {
            units
                .iter()
                .map(|u| annex_spelling(u).to_string())
                .collect()
        };
        let leads = in_annex_spelling(&body.lead_units);
        let cooperating = in_annex_spelling(&body.cooperating_units);
        if task.lead_units != leads {
            mismatches.push(format!(
                "task {}: 牵头单位 differ\n  document: {leads:?}\n  plan.ron: {:?}",
                task.id, task.lead_units
            ));
        }
        if task.cooperating_units != cooperating {
            mismatches.push(format!(
                "task {}: 配合单位 differ\n  document: {cooperating:?}\n  plan.ron: {:?}",
                task.id, task.cooperating_units
            ));
        }
    }
    assert_no_mismatches("units", mismatches);
}

#[test]
fn the_annex_lists_each_tasks_units_as_the_board_does() {
    let board = board();
    let mut mismatches = Vec::new();
    for row in annex_rows(&document()) {
        let Some(task) = board.task(row.number) else {
            mismatches.push(format!("task {}: missing from plan.ron", row.number));
            continue;
        };
        // The annex's unit columns wrap unpredictably, so compare the names in order, run together.
        let annex: String = without_whitespace(&row.units).replace('、', "");
        let plan: String = task.units().map(|(unit, _)| unit).collect();
        if annex != plan {
            mismatches.push(format!(
                "task {}: units in order differ\n  annex:    {annex}\n  plan.ron: {plan}",
                task.id
            ));
        }
    }
    assert_no_mismatches("annex units", mismatches);
}

#[test]
fn every_deadline_is_the_one_the_annex_gives() {
    let board = board();
    let mut mismatches = Vec::new();
    for row in annex_rows(&document()) {
        let Some(task) = board.task(row.number) else {
            mismatches.push(format!("task {}: missing from plan.ron", row.number));
            continue;
        };
        let Some(end_of_year) = NaiveDate::from_ymd_opt(row.deadline_year, 12, 31) else {
            mismatches.push(format!(
                "task {}: no such year {}",
                row.number, row.deadline_year
            ));
            continue;
        };
        if task.deadline != end_of_year {
            mismatches.push(format!(
                "task {}: deadline differs\n  annex:    {}{DEADLINE_SUFFIX} ({end_of_year})\n  plan.ron: {}",
                task.id, row.deadline_year, task.deadline
            ));
        }
    }
    assert_no_mismatches("deadlines", mismatches);
}

#[test]
fn the_annex_words_each_task_as_the_body_does_apart_from_known_typesetting() {
    // Guards the row parsing above (a row matched to the wrong task would differ here), and
    // surfaces any new difference between the two tables of the same tasks.
    let document = document();
    let bodies: BTreeMap<u32, String> = body_tasks(&document)
        .into_iter()
        .map(|b| (b.number, b.wording))
        .collect();
    let mut mismatches = Vec::new();
    for row in annex_rows(&document) {
        let Some(body) = bodies.get(&row.number) else {
            mismatches.push(format!(
                "task {}: in the annex but not in section 三",
                row.number
            ));
            continue;
        };
        let mut body = without_whitespace(body);
        for (task, in_body, in_annex) in ANNEX_WORDING_DIFFERENCES {
            if task == row.number {
                body = body.replace(in_body, in_annex);
            }
        }
        let annex = without_whitespace(&row.wording);
        if body != annex {
            mismatches.push(format!(
                "task {}: wording differs (spaces ignored)\n  body:  {body}\n  annex: {annex}",
                row.number
            ));
        }
    }
    assert_no_mismatches("annex wording", mismatches);
}

#[test]
fn the_bodys_other_spelling_of_a_unit_stays_findable_as_an_alias() {
    let board = board();
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (body, annex) in DOCUMENTED_ALIASES {
        expected
            .entry(annex.to_string())
            .or_default()
            .push(body.to_string());
    }
    assert_eq!(
        board.unit_aliases, expected,
        "unit_aliases in data/plan.ron"
    );

    // Each documented alias is really used: the body has the one spelling, the plan the other.
    let document = document();
    let body_units: Vec<String> = body_tasks(&document)
        .into_iter()
        .flat_map(|b| b.lead_units.into_iter().chain(b.cooperating_units))
        .collect();
    let plan_units = board.units_in_plan_order();
    for (body, annex) in DOCUMENTED_ALIASES {
        assert!(
            body_units.iter().any(|u| u == body),
            "section 三 no longer names {body}"
        );
        assert!(
            plan_units.contains(&annex),
            "plan.ron no longer names {annex}"
        );
        assert!(
            !plan_units.contains(&body),
            "plan.ron names {body}; the annex spells it {annex}"
        );
    }
}

#[test]
fn the_plan_header_matches_the_document() {
    let document = document();
    let document_lines = lines(&document);
    let joined: String = document_lines.concat();
    let plan = board().plan;

    let number = document_lines
        .iter()
        .find(|l| l.starts_with("闵府发"))
        .expect("the document has no 闵府发 number");
    assert_eq!(plan.document_number, number.trim(), "document_number");

    let issuer = document_lines
        .first()
        .and_then(|l| l.trim().strip_suffix("文件"))
        .expect("the document's first line is not \"<issuer>文件\"");
    assert_eq!(plan.issuer, issuer, "issuer");

    // The signature date of the notice, written like "2024 年 11 月 1 日" on a line of its own.
    let date_line = document_lines
        .iter()
        .map(|l| without_whitespace(l))
        .find(|l| {
            l.ends_with('日')
                && l.contains('年')
                && l.contains('月')
                && l.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        .expect("the document has no issue date line");
    let issued = NaiveDate::parse_from_str(&date_line, "%Y年%m月%d日")
        .unwrap_or_else(|e| panic!("issue date {date_line:?}: {e}"));
    assert_eq!(
        plan.issued_on, issued,
        "issued_on (document says {date_line})"
    );

    let title = between(&joined, "《", "》");
    assert_eq!(plan.title, title, "title as the notice quotes it");
    assert!(
        joined.contains(&format!("{}为进一步放大", plan.title)),
        "the plan's own heading is not {:?}",
        plan.title
    );
}

#[test]
fn the_board_starts_with_every_task_not_started() {
    let board = board();
    for task in &board.tasks {
        assert_eq!(task.status, Status::NotStarted, "task {}: status", task.id);
        assert_eq!(task.completed_on, None, "task {}: completed_on", task.id);
        assert!(task.notes.is_empty(), "task {}: has notes", task.id);
    }
    assert!(
        board.meetings.is_empty() && board.created_on.is_none(),
        "the built-in plan is the plan itself, untouched"
    );
}
