//! `ftz-board` in a pseudo-terminal, its screen reconstructed by vt100, and readers for the parts
//! of the screen the tests look at.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_ftz-board");
pub const ROWS: u16 = 32;
/// 120 columns: four status columns of exactly 30 cells each.
pub const COLS: u16 = 120;
pub const COLUMN_WIDTH: u16 = COLS / 4;
/// Long enough for a board starting on a busy two-core machine.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// What the reader thread keeps: the emulated screen and, for claims about what never appeared,
/// the screen's text after every chunk of output.
struct Shared {
    parser: vt100::Parser,
    frames: Vec<(Instant, String)>,
}

/// `ftz-board` running in a pseudo-terminal.
pub struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<JoinHandle<()>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// Opens `board.ron` in `dir` (by its relative name, as a user who `cd`s there would).
    pub fn open(dir: &Path, extra: &[&str]) -> Tui {
        let mut argv: Vec<OsString> = vec![BIN.into(), "-f".into(), "board.ron".into()];
        argv.extend(extra.iter().map(OsString::from));
        Tui::spawn(dir, argv)
    }

    pub fn spawn(dir: &Path, argv: Vec<OsString>) -> Tui {
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).unwrap();
        let mut cmd = CommandBuilder::from_argv(argv);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("USER", "tester");
        // Nothing from the machine's user: no keys file (a private HOME), no NO_COLOR (the
        // selected card is found by its background colour), no board or lock settings.
        cmd.env("HOME", dir);
        for name in [
            "XDG_CONFIG_HOME",
            "NO_COLOR",
            "FTZ_BOARD_FILE",
            "FTZ_BOARD_LANG",
            "FTZ_BOARD_LOCK_TIMEOUT_MS",
        ] {
            cmd.env_remove(name);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Our copy of the slave would keep the terminal open after the board has gone.
        drop(pair.slave);
        let rows = NonZeroU16::new(ROWS).unwrap();
        let cols = NonZeroU16::new(COLS).unwrap();
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(rows, cols, 0),
            frames: Vec::new(),
        }));
        let mut input = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&shared);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = input.read(&mut buf) {
                let mut s = sink.lock().unwrap_or_else(|e| e.into_inner());
                s.parser.process(&buf[..n]);
                let text = s.parser.screen().contents();
                s.frames.push((Instant::now(), text));
            }
        });
        Tui {
            child,
            writer: pair.master.take_writer().unwrap(),
            shared,
            reader: Some(reader),
            _master: pair.master,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self
            .shared
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .parser
            .screen())
    }

    /// Waits until `ready` holds for the screen; panics with the screen when it never does.
    /// Returns how long it took. A frame may arrive in several reads and is drawn top to bottom,
    /// so `ready` should include what is expected on the lowest row it cares about.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> Duration {
        let started = Instant::now();
        loop {
            if self.with_screen(&ready) {
                return started.elapsed();
            }
            if started.elapsed() > PATIENCE {
                let screen = self.with_screen(|s| s.contents());
                panic!("waited {PATIENCE:?} for {what}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Whether any screen since `since` contained `text`.
    pub fn showed_since(&self, since: Instant, text: &str) -> bool {
        let shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        shared
            .frames
            .iter()
            .any(|(at, screen)| *at >= since && screen.contains(text))
    }

    pub fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The rest of the output (the terminal being restored) arrives before EOF.
                if let Some(reader) = self.reader.take() {
                    reader.join().unwrap();
                }
                return status;
            }
            assert!(started.elapsed() < PATIENCE, "the board did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = signal(self.pid(), "KILL");
            let _ = self.child.wait();
        }
    }
}

pub fn signal(pid: u32, name: &str) -> bool {
    Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn header(screen: &vt100::Screen) -> String {
    screen.contents_between(0, 0, 0, COLS)
}

pub fn footer(screen: &vt100::Screen) -> String {
    screen.contents_between(ROWS - 1, 0, ROWS - 1, COLS)
}

/// The text of one status column (0 未启动, 1 推进中, 2 需协调, 3 已完成), row by row.
pub fn column(screen: &vt100::Screen, index: u16) -> String {
    let x = index * COLUMN_WIDTH;
    (1..ROWS - 1)
        .map(|row| screen.contents_between(row, x, row, x + COLUMN_WIDTH))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first line of the highlighted card, e.g. " 3 推动…".
pub fn selected_card(screen: &vt100::Screen) -> Option<String> {
    (0..4).find_map(|index| {
        let x = index * COLUMN_WIDTH + 1;
        (2..ROWS - 1).find_map(|row| {
            let cell = screen.cell(row, x + 1)?;
            (cell.bgcolor() != vt100::Color::Default)
                .then(|| screen.contents_between(row, x, row, x + COLUMN_WIDTH - 2))
        })
    })
}

/// Bytes a process has read so far, from any file or terminal (Linux `/proc/PID/io`).
pub fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap();
    let line = io.lines().find(|l| l.starts_with("rchar:")).unwrap();
    line["rchar:".len()..].trim().parse().unwrap()
}
