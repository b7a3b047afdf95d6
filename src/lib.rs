//! ftz-board: a kanban progress board for the task force of 闵府发〔2024〕17号.
//!
//! `model` is the domain and knows nothing of terminals or files; `store` reads and writes board
//! files; `app` holds the interactive state and turns actions into effects; `ui` draws it. `layout`
//! (screen geometry), `text` (cell widths, cleaning for the screen) and `theme` are shared by `app`
//! and `ui`, so neither imports the other's internals and `app` does not import `ui` at all.

pub mod action;
pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod export;
pub mod i18n;
pub mod identity;
pub mod keymap;
pub mod keymap_file;
pub mod layout;
pub mod listing;
pub mod model;
pub mod plan;
pub mod report;
mod ron_text;
pub mod sample;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
