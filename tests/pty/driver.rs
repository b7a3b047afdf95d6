//! The one pseudo-terminal driver: the real binary in a pseudo-terminal, its screen reconstructed by
//! vt100 from what it writes (Chinese cannot be matched in the raw stream: ratatui moves the cursor
//! after wide characters), the raw bytes kept for claims about escape sequences, and, when asked
//! for, every intermediate screen for claims about what never appeared.
//!
//! Every wait polls the screen until a condition holds or a generous deadline passes, so a loaded
//! machine is slower, not red.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use crate::common::BIN;

/// Long enough for a board starting on a busy two-core machine.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Settings of the machine's user that would change what the board does, removed by default.
const USER_SETTINGS: [&str; 5] = [
    "XDG_CONFIG_HOME",
    "NO_COLOR",
    "FTZ_BOARD_FILE",
    "FTZ_BOARD_LANG",
    "FTZ_BOARD_LOCK_TIMEOUT_MS",
];

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// How to start the program: `Pty::spawn` covers the common case, `Launch` the rest.
pub struct Launch<'a> {
    dir: &'a Path,
    argv: Vec<OsString>,
    cols: u16,
    rows: u16,
    only_env: Option<Vec<(String, String)>>,
    env: Vec<(String, String)>,
    frames: bool,
    reported: Option<(u16, u16)>,
}

impl<'a> Launch<'a> {
    /// `ftz-board` in `dir`, 100x30, `TERM=xterm-256color`, `USER=tester`, a private HOME (no
    /// keys file of the machine's user is read) and none of the user's board settings.
    pub fn new(dir: &'a Path) -> Launch<'a> {
        Launch {
            dir,
            argv: vec![BIN.into()],
            cols: 100,
            rows: 30,
            only_env: None,
            env: Vec::new(),
            frames: false,
            reported: None,
        }
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.argv.extend(args.iter().map(OsString::from));
        self
    }

    /// The whole command line, program first (for a program run through `setpriv`, say).
    pub fn argv(mut self, argv: Vec<OsString>) -> Self {
        self.argv = argv;
        self
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        (self.cols, self.rows) = (cols, rows);
        self
    }

    /// The size the terminal tells the program, when it is not the size of the screen kept here
    /// (a terminal that reports 65535x65535, say).
    pub fn reported_size(mut self, cols: u16, rows: u16) -> Self {
        self.reported = Some((cols, rows));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Exactly this environment (plus PATH, HOME and USER), as a user's terminal would set it.
    pub fn only_env(mut self, env: &[(&str, &str)]) -> Self {
        self.only_env = Some(
            env.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        self
    }

    /// Keep the screen's text after every chunk of output (see `Pty::showed_since`).
    pub fn frames(mut self) -> Self {
        self.frames = true;
        self
    }

    pub fn spawn(self) -> Pty {
        let (cols, rows) = self.reported.unwrap_or((self.cols, self.rows));
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let mut cmd = CommandBuilder::from_argv(self.argv);
        cmd.cwd(self.dir);
        match &self.only_env {
            Some(env) => {
                cmd.env_clear();
                cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
                for (key, value) in env {
                    cmd.env(key, value);
                }
            }
            None => {
                cmd.env("TERM", "xterm-256color");
                for name in USER_SETTINGS {
                    cmd.env_remove(name);
                }
            }
        }
        cmd.env("HOME", self.dir);
        cmd.env("USER", "tester");
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Our copy of the terminal's other end must close, or reading never sees the end.
        drop(pair.slave);
        let rows = NonZeroU16::new(self.rows).unwrap();
        let cols = NonZeroU16::new(self.cols).unwrap();
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            frames: self.frames.then(Vec::new),
        }));
        let mut input = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&shared);
        let reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            // Ends with EOF or EIO once the program has exited.
            while let Ok(n @ 1..) = input.read(&mut chunk) {
                let mut s = sink.lock().unwrap_or_else(|e| e.into_inner());
                s.parser.process(&chunk[..n]);
                s.raw.extend_from_slice(&chunk[..n]);
                let text = s.frames.is_some().then(|| s.parser.screen().contents());
                if let (Some(frames), Some(text)) = (s.frames.as_mut(), text) {
                    frames.push((Instant::now(), text));
                }
            }
        });
        Pty {
            child,
            writer: pair.master.take_writer().unwrap(),
            master: pair.master,
            shared,
            reader: Some(reader),
        }
    }
}

/// What the reader thread keeps.
struct Shared {
    parser: vt100::Parser,
    raw: Vec<u8>,
    frames: Option<Vec<(Instant, String)>>,
}

/// The program running in a pseudo-terminal.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    // Kept so the terminal stays open until the test ends, and for resizing.
    master: Box<dyn MasterPty + Send>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<JoinHandle<()>>,
}

impl Pty {
    /// Starts `ftz-board ARGS` in `dir` on a `cols`x`rows` terminal (see `Launch::new`).
    pub fn spawn(args: &[&str], dir: &Path, cols: u16, rows: u16) -> Pty {
        Launch::new(dir).args(args).size(cols, rows).spawn()
    }

    fn shared(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.shared().parser.screen())
    }

    /// The screen's text, one string per row.
    pub fn rows(&self) -> Vec<String> {
        self.with_screen(|s| {
            let (_, cols) = s.size();
            s.rows(0, cols.get()).collect()
        })
    }

    pub fn contents(&self) -> String {
        self.rows().join("\n")
    }

    /// Waits until `ready` holds for the screen; panics with the screen after `timeout`. Returns
    /// how long it took. A frame may arrive in several reads and is drawn top to bottom, so
    /// `ready` should include what is expected on the lowest row it cares about.
    pub fn wait_screen_for(
        &self,
        what: &str,
        timeout: Duration,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> Duration {
        let started = Instant::now();
        loop {
            if self.with_screen(&ready) {
                return started.elapsed();
            }
            if started.elapsed() > timeout {
                panic!(
                    "waited {timeout:?} for {what}; the screen shows:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// `wait_screen_for` with the default patience.
    pub fn wait_screen(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> Duration {
        self.wait_screen_for(what, PATIENCE, ready)
    }

    /// Waits until `ready` holds for the screen's text, failing with the screen after `timeout`.
    pub fn wait_for(&self, what: &str, timeout: Duration, ready: impl Fn(&str) -> bool) {
        let cols = self.with_screen(|s| s.size().1.get());
        self.wait_screen_for(what, timeout, |s| {
            ready(&s.rows(0, cols).collect::<Vec<_>>().join("\n"))
        });
    }

    /// `wait_for` with the default patience.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) {
        self.wait_for(what, PATIENCE, ready);
    }

    /// Waits until `text` is on screen.
    pub fn wait_for_text(&self, text: &str, timeout: Duration) {
        self.wait_for(&format!("{text:?}"), timeout, |screen| {
            screen.contains(text)
        });
    }

    /// Waits until `text` is no longer on screen.
    pub fn wait_until_gone(&self, text: &str) {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text));
    }

    /// Whether any screen since `since` contained `text` (needs `Launch::frames`).
    pub fn showed_since(&self, since: Instant, text: &str) -> bool {
        let shared = self.shared();
        let frames = shared
            .frames
            .as_ref()
            .expect("the pseudo-terminal was started without Launch::frames");
        frames
            .iter()
            .any(|(at, screen)| *at >= since && screen.contains(text))
    }

    /// Resizes the terminal as a user dragging the window would: the program gets SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The parser first, so output drawn for the new size lands on a screen of that size.
        self.shared().parser.set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
        self.master.resize(size(cols, rows)).unwrap();
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends a key and waits for its effect (keys sent together could read as one, e.g. Esc
    /// then `2` as Alt-2).
    pub fn press(&mut self, key: &[u8], shows: Option<&str>, hides: Option<&str>) {
        self.send(key);
        if let Some(text) = shows {
            self.wait_for_text(text, PATIENCE);
        }
        if let Some(text) = hides {
            self.wait_until_gone(text);
        }
    }

    /// Waits for the program to exit and for the reader to drain its output (the terminal being
    /// restored arrives before EOF); kills it after `timeout`.
    pub fn wait_for_exit_within(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!(
                    "the board did not exit; the screen shows:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        status
    }

    pub fn wait_for_exit(&mut self) -> ExitStatus {
        self.wait_for_exit_within(PATIENCE)
    }

    /// The exit code, after waiting at most `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> u32 {
        self.wait_for_exit_within(timeout).exit_code()
    }

    /// Waits for the end; returns the exit code and everything the program wrote.
    pub fn finish(&mut self) -> (u32, String) {
        let code = self.wait_exit(PATIENCE);
        (code, String::from_utf8_lossy(&self.raw()).into_owned())
    }

    /// Ends the program now.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Everything the program wrote to the terminal.
    pub fn raw(&self) -> Vec<u8> {
        self.shared().raw.clone()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // A failed test must not leave the board running.
        if let Ok(None) = self.child.try_wait() {
            self.kill();
        }
    }
}
