//! The merge driver's file side: three board files in, one canonical board file out (the rules
//! are in `model::merge`). Nothing is written unless all three parse.

use std::path::Path;

use super::{StoreError, atomic, canonical, codec, read_regular};
use crate::model::merge::{Merged, merge};
use crate::model::{Board, Place};

/// The three versions git hands a merge driver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Base,
    Ours,
    Theirs,
}

impl Version {
    fn name(self) -> &'static str {
        match self {
            Version::Base => "the common ancestor (%O)",
            Version::Ours => "ours (%A)",
            Version::Theirs => "theirs (%B)",
        }
    }
}

/// Merges the board files `base`, `ours` and `theirs` and writes the result into `ours`, as git
/// expects of a driver. `shown` is the file's name in the repository (git's `%P`), used in
/// messages: the three paths are temporary files. On any error `ours` is left as it was.
pub fn merge_files(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    shown: &Path,
) -> Result<Merged, StoreError> {
    let read = |path: &Path, version| -> Result<String, StoreError> {
        let bytes = read_regular(path, super::BOARD_LIMIT, "board")?;
        codec::decode(bytes, shown).map_err(|e| in_version(e, version))
    };
    let base_text = read(base, Version::Base)?;
    let ours_board = parse_version(&read(ours, Version::Ours)?, shown, Version::Ours)?;
    let theirs_board = parse_version(&read(theirs, Version::Theirs)?, shown, Version::Theirs)?;
    // A file added on both sides has an empty common ancestor.
    let base_board = match base_text.trim() {
        "" => None,
        _ => Some(parse_version(&base_text, shown, Version::Base)?),
    };
    let base_board = base_board.unwrap_or_else(|| Board {
        tasks: Vec::new(),
        meetings: Vec::new(),
        conflicts: Vec::new(),
        ..ours_board.clone()
    });
    let merged = merge(&base_board, &ours_board, &theirs_board);
    atomic::write_atomic(ours, canonical::to_text(&merged.board).as_bytes())?;
    Ok(merged)
}

/// Parses one version. Ours or theirs as a version 1 file is refused: its history lives inside
/// it, and a merge of the board alone would drop it. The common ancestor may be one (both sides
/// upgraded since): only its board is compared.
fn parse_version(text: &str, shown: &Path, version: Version) -> Result<Board, StoreError> {
    let parsed = codec::parse_file(text, shown).map_err(|e| in_version(e, version))?;
    if parsed.v1_history.is_some() && version != Version::Base {
        let (line, column) = super::locate::locate(text, &Place::Version);
        return Err(StoreError::Parse {
            path: shown.to_path_buf(),
            line,
            column,
            message: format!(
                "{} is a version 1 file (expected version 2: make one change with this build on that side, which upgrades it, then merge)",
                version.name()
            ),
        });
    }
    Ok(parsed.board)
}

/// Says which of the three versions a problem is in.
fn in_version(e: StoreError, version: Version) -> StoreError {
    match e {
        StoreError::Parse {
            path,
            line,
            column,
            message,
        } => StoreError::Parse {
            path,
            line,
            column,
            message: format!("{message} (in {})", version.name()),
        },
        other => other,
    }
}
