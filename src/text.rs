//! Display-width aware text handling for Chinese: two cells per Han character, never split one.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::sanitize::{clean_line, is_clean_line};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Text from the file, made safe to draw on one line (see `model::sanitize`).
pub fn safe(s: &str) -> Cow<'_, str> {
    if is_clean_line(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(clean_line(s))
    }
}

/// Cuts `s` to at most `max` cells at a character boundary, ending with `ellipsis` when cut.
pub fn truncate<'a>(s: &'a str, max: usize, ellipsis: &str) -> Cow<'a, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let room = max.saturating_sub(width(ellipsis));
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width(ellipsis) <= max {
        out.push_str(ellipsis);
    }
    Cow::Owned(out)
}

/// Pads with spaces to exactly `cells` cells (after truncating if needed).
pub fn fit(s: &str, cells: usize, ellipsis: &str) -> String {
    let cut = truncate(s, cells, ellipsis);
    let pad = cells.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// Like `fit`, but right-aligned: the padding goes in front.
pub fn fit_right(s: &str, cells: usize, ellipsis: &str) -> String {
    let cut = truncate(s, cells, ellipsis);
    let pad = cells.saturating_sub(width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

/// Punctuation that Chinese typesetting never puts at the start of a line.
fn no_line_start(c: char) -> bool {
    "，。、；：？！）》」』】〕”’,.;:?!)".contains(c)
}

/// Wraps text to `max` cells per line. Chinese breaks between any two characters (but not before
/// closing punctuation); runs of Latin letters and digits break at spaces when they can.
/// Newlines in the text start new lines.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = safe(paragraph);
        let mut line = String::new();
        let mut used = 0;
        for c in paragraph.chars() {
            let w = char_width(c);
            if used + w > max && !line.is_empty() {
                let mut carry = String::new();
                if no_line_start(c) {
                    // Bring the last character down with the punctuation.
                    if let Some(last) = line.pop() {
                        carry.push(last);
                    }
                } else if c.is_ascii_alphanumeric() {
                    // Do not split a Latin word if a space earlier on the line allows a clean break.
                    if let Some(space) = line.rfind(' ') {
                        let tail = &line[space + 1..];
                        if tail.chars().all(|t| t.is_ascii_alphanumeric()) && width(tail) < max {
                            carry = tail.to_string();
                            line.truncate(space);
                        }
                    }
                }
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                used = width(&carry);
                line = carry;
            }
            if c == ' ' && line.is_empty() && !lines.is_empty() {
                continue; // no leading space on a wrapped line
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_never_splits_a_wide_character() {
        // 8 cells of room for "提升虹桥商务区": 3 characters (6 cells) + "…" (1 cell).
        assert_eq!(truncate("提升虹桥商务区", 8, "…"), "提升虹…");
        assert_eq!(width(&truncate("提升虹桥商务区", 8, "…")), 7);
        assert_eq!(truncate("提升", 4, "…"), "提升");
        assert_eq!(truncate("提升虹", 0, "…"), "");
    }

    #[test]
    fn fit_pads_to_the_exact_width() {
        assert_eq!(width(&fit("区科委", 10, "…")), 10);
        assert_eq!(width(&fit("区人力资源社会保障局", 9, "…")), 9);
        assert_eq!(fit_right("逾期695天", 10, "…"), " 逾期695天");
    }

    #[test]
    fn wrapping_respects_width_and_keeps_every_character() {
        let text = "支持企业申请AEO认证。依托闵行区AEO认证指导中心，支持更多符合条件的区域内企业申请成为海关高级认证企业。";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn closing_punctuation_does_not_start_a_line() {
        let lines = wrap("一二三四。五", 8);
        assert!(lines.iter().all(|l| !l.starts_with('。')), "{lines:?}");
        assert_eq!(lines.concat(), "一二三四。五");
    }

    #[test]
    fn latin_words_are_not_split_when_a_space_allows() {
        let lines = wrap("开展 eVTOL 适航", 8);
        assert_eq!(lines, vec!["开展", "eVTOL 适", "航"]);
    }

    #[test]
    fn control_characters_never_survive_into_drawn_text() {
        let lines = wrap("a\u{1b}[2Jb\u{202e}c", 40);
        assert_eq!(lines, vec!["a[2Jbc"]);
    }
}
