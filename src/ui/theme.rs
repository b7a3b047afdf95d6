//! Colours and glyphs. Meaning is always carried by words too; colour only helps.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::model::Urgency;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Default,
    /// For projectors: bright on black, bold.
    Contrast,
    /// No colour at all (also chosen by `NO_COLOR`).
    Mono,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s.trim().to_lowercase().as_str() {
            "default" => Some(ThemeName::Default),
            "contrast" | "high-contrast" => Some(ThemeName::Contrast),
            "mono" | "monochrome" | "none" => Some(ThemeName::Mono),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub header: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub overdue: Style,
    pub due_soon: Style,
    pub on_track: Style,
    pub done: Style,
    pub done_late: Style,
    pub error: Style,
    pub info: Style,
    pub key: Style,
    pub border_set: border::Set<'static>,
    pub ellipsis: &'static str,
    /// Fills bars on the dashboard.
    pub bar: &'static str,
}

impl Theme {
    pub fn new(name: ThemeName, ascii: bool) -> Theme {
        let mut theme = match name {
            ThemeName::Default => Theme::default_colours(),
            ThemeName::Contrast => Theme::contrast(),
            ThemeName::Mono => Theme::mono(),
        };
        if ascii {
            theme.border_set = ASCII_BORDER;
            theme.ellipsis = "~";
            theme.bar = "#";
        }
        theme
    }

    fn default_colours() -> Theme {
        Theme {
            name: ThemeName::Default,
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().fg(Color::Black).bg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan),
            selected: Style::new().bg(Color::Blue).fg(Color::White),
            overdue: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            due_soon: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            on_track: Style::new().fg(Color::Green),
            done: Style::new().fg(Color::Green),
            done_late: Style::new().fg(Color::Magenta),
            error: Style::new().fg(Color::White).bg(Color::Red),
            info: Style::new().fg(Color::Cyan),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border_set: border::PLAIN,
            ellipsis: "…",
            bar: "█",
        }
    }

    fn contrast() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            name: ThemeName::Contrast,
            text: Style::new().fg(Color::White),
            dim: Style::new().fg(Color::Gray),
            title: Style::new().fg(Color::White).add_modifier(bold),
            header: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(bold),
            border: Style::new().fg(Color::White),
            border_focus: Style::new().fg(Color::LightYellow).add_modifier(bold),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(bold),
            overdue: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            due_soon: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(bold),
            on_track: Style::new().fg(Color::LightGreen).add_modifier(bold),
            done: Style::new().fg(Color::LightGreen).add_modifier(bold),
            done_late: Style::new().fg(Color::LightMagenta).add_modifier(bold),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            info: Style::new().fg(Color::LightCyan).add_modifier(bold),
            key: Style::new().fg(Color::LightYellow).add_modifier(bold),
            border_set: border::THICK,
            ellipsis: "…",
            bar: "█",
        }
    }

    fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            name: ThemeName::Mono,
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            overdue: plain.add_modifier(Modifier::BOLD),
            due_soon: plain.add_modifier(Modifier::BOLD),
            on_track: plain,
            done: plain,
            done_late: plain,
            error: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            info: plain,
            key: plain.add_modifier(Modifier::BOLD),
            border_set: border::PLAIN,
            ellipsis: "…",
            bar: "█",
        }
    }

    pub fn urgency(&self, urgency: Urgency) -> Style {
        match urgency {
            Urgency::Overdue { .. } => self.overdue,
            Urgency::DueSoon { .. } => self.due_soon,
            Urgency::OnTrack { .. } => self.on_track,
            Urgency::DoneOnTime => self.done,
            Urgency::DoneLate { .. } => self.done_late,
        }
    }
}

pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};
