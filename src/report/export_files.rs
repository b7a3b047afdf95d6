//! Where the board's export key (`e`) writes: today's report next to the board file, under a
//! name no earlier file has. An export never replaces a file: the second export of a day is
//! `ftz-report-DATE-2.xlsx` / `.md`, the third `-3`, and so on.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Format, Report, ReportError, write_report_to};

/// How many numbered names an export tries before giving up (a folder with a thousand reports of
/// one day is not one to add to).
const MAX_TRIES: u32 = 1000;

/// `DIR/ftz-report-2026-11-26.xlsx`; for one unit `DIR/ftz-report-2026-11-26-区商务委.xlsx`; the
/// `n`th export of the day (from 2) ends `-n`.
pub fn numbered_report_path(
    dir: &Path,
    today: NaiveDate,
    unit: Option<&str>,
    n: u32,
    format: Format,
) -> PathBuf {
    let unit = unit
        .map(|u| format!("-{}", file_safe(u)))
        .unwrap_or_default();
    let number = if n > 1 {
        format!("-{n}")
    } else {
        String::new()
    };
    dir.join(format!(
        "ftz-report-{today}{unit}{number}.{}",
        format.extension()
    ))
}

/// Writes `report` once in each of `formats` into `dir`, all under the first number for which
/// none of the files exists, and returns the paths written. An existing file is never replaced:
/// should one appear between the look and the write, the next number is tried.
pub fn write_new_reports(
    report: &Report,
    dir: &Path,
    formats: &[Format],
) -> Result<Vec<PathBuf>, ReportError> {
    // The board's name (in a city view) and the unit's, as the title has them.
    let names: Vec<&str> = [report.board_name.as_deref(), report.unit.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let tag = names.join("-");
    let unit = (!tag.is_empty()).then_some(tag.as_str());
    let mut last = None;
    for n in 1..=MAX_TRIES {
        let paths: Vec<PathBuf> = formats
            .iter()
            .map(|f| numbered_report_path(dir, report.today, unit, n, *f))
            .collect();
        if paths.iter().any(|p| p.symlink_metadata().is_ok()) {
            last = paths.into_iter().next();
            continue;
        }
        let mut written = Vec::new();
        for (path, format) in paths.into_iter().zip(formats) {
            match write_report_to(report, *format, &path, false) {
                Ok(()) => written.push(path),
                // Someone took this name since the look: the next number, if nothing of this
                // one is written yet.
                Err(ReportError::Exists(taken)) if written.is_empty() => {
                    last = Some(taken);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if written.len() == formats.len() {
            return Ok(written);
        }
    }
    Err(ReportError::Exists(
        last.unwrap_or_else(|| dir.to_path_buf()),
    ))
}

/// A unit's name as part of a file name: characters a file name or a shell would trip on become
/// `_` (unit names come from the board file, which anyone may have edited).
fn file_safe(unit: &str) -> String {
    crate::model::sanitize::clean_line(unit)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_and_a_number_go_into_the_name_and_odd_characters_do_not() {
        let day: NaiveDate = "2026-11-26".parse().unwrap();
        let dir = Path::new("/d");
        assert_eq!(
            numbered_report_path(dir, day, None, 1, Format::Markdown),
            Path::new("/d/ftz-report-2026-11-26.md")
        );
        assert_eq!(
            numbered_report_path(dir, day, Some("区商务委"), 2, Format::Xlsx),
            Path::new("/d/ftz-report-2026-11-26-区商务委-2.xlsx")
        );
        assert_eq!(
            numbered_report_path(dir, day, Some("../a b"), 1, Format::Markdown),
            Path::new("/d/ftz-report-2026-11-26-___a_b.md")
        );
    }
}
