//! Cleaning untrusted text so that nothing from a file or a paste can drive a terminal.
//!
//! ratatui drops C0 controls when drawing, but not C1 controls, bidi overrides or zero-width
//! characters; a hand-edited board file is read by other users' terminals, so we clean twice:
//! when text is entered and again before it is drawn.

/// True for characters that must never reach the terminal or the file as they are. JSON output
/// escapes the same set (`report::json_text`), so what is removed here is never written raw there.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and C1 (U+0080–U+009F)
        || matches!(c,
            '\u{061C}'                // Arabic letter mark (a bidi mark)
            | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{2028}' | '\u{2029}' // line and paragraph separators: line breaks to a terminal
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}'              // zero-width no-break space / BOM
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotations
            | '\u{E0000}'..='\u{E007F}' // tag characters: invisible text a model or a font may read
        )
}

/// Cleans one line of text: every unsafe character, newlines included, is dropped,
/// except tabs and newlines, which become a space.
pub fn clean_line(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        if c == '\n' || c == '\t' || c == '\r' {
            out.push(' ');
        } else if !is_unsafe(c) {
            out.push(c);
        }
    }
    out
}

/// Cleans text that may span lines (notes, task text): newlines are kept, `\r\n` becomes `\n`.
pub fn clean_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        if c == '\n' {
            out.push('\n');
        } else if c == '\t' {
            out.push(' ');
        } else if !is_unsafe(c) {
            out.push(c);
        }
    }
    out
}

/// True when the text is already clean (so display code can skip the copy).
pub fn is_clean_line(input: &str) -> bool {
    !input
        .chars()
        .any(|c| c == '\n' || c == '\t' || is_unsafe(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape_byte() {
        assert_eq!(clean_line("a\u{1b}[31mred\u{1b}[0m"), "a[31mred[0m");
        assert_eq!(clean_line("bell\u{7}"), "bell");
    }

    #[test]
    fn c1_controls_bidi_overrides_and_zero_width_are_removed() {
        assert_eq!(clean_line("x\u{9b}31my"), "x31my");
        assert_eq!(clean_line("区\u{202E}科委"), "区科委");
        assert_eq!(clean_line("区\u{200B}科\u{FEFF}委\u{2066}"), "区科委");
    }

    #[test]
    fn arabic_letter_marks_line_separators_and_tag_characters_are_removed() {
        assert_eq!(clean_line("区\u{61C}科\u{2028}委\u{2029}"), "区科委");
        assert_eq!(clean_text("一\u{2028}二"), "一二");
        assert_eq!(clean_line("a\u{E0001}\u{E0041}\u{E0062}\u{E007F}b"), "ab");
        assert!(!is_clean_line("\u{E0020}"));
    }

    #[test]
    fn chinese_and_ordinary_punctuation_are_kept() {
        let s = "提升虹桥商务区保税物流中心（B 型）能级。“跨境通”";
        assert_eq!(clean_line(s), s);
        assert!(is_clean_line(s));
    }

    #[test]
    fn multi_line_text_keeps_newlines_but_not_carriage_returns() {
        assert_eq!(clean_text("一\r\n二\t三"), "一\n二 三");
        assert_eq!(clean_line("一\n二"), "一 二");
    }
}
