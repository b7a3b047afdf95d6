//! Putting the terminal back when the board aborts. A panic is covered by ratatui's hook (raw mode,
//! the alternate screen) and ours (mouse, bracketed paste); an allocation failure is not a panic:
//! Rust aborts, and only a SIGABRT handler runs before the process ends. This one writes the
//! sequences that turn our modes off and puts back the terminal settings saved at start, both
//! async-signal-safe calls (write, tcsetattr); then the abort goes on (a core dump, exit by SIGABRT).

use std::sync::OnceLock;

/// What to put back, saved before raw mode is turned on.
struct Saved {
    fd: libc::c_int,
    termios: libc::termios,
}

static SAVED: OnceLock<Saved> = OnceLock::new();

/// Mouse capture (both encodings), bracketed paste, the alternate screen, the cursor shown.
const LEAVE: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1000l\x1b[?2004l\x1b[?1049l\x1b[?25h";

/// Saves the terminal's settings and installs the SIGABRT handler. Without a terminal (nothing to
/// restore) it does nothing.
pub fn remember() {
    // crossterm's raw mode works on stdin when it is a terminal, else on /dev/tty.
    // SAFETY: isatty and open have no preconditions; the path is a valid C string.
    let fd = unsafe {
        if libc::isatty(libc::STDIN_FILENO) == 1 {
            libc::STDIN_FILENO
        } else {
            libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC)
        }
    };
    if fd < 0 {
        return;
    }
    // SAFETY: termios is plain data; tcgetattr fills it for a valid descriptor or fails.
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut termios) } != 0 {
        return;
    }
    if SAVED.set(Saved { fd, termios }).is_err() {
        return;
    }
    // SAFETY: the handler only calls async-signal-safe functions (write, tcsetattr) on data
    // that is set once, above, before the handler can run.
    let _ = unsafe { signal_hook::low_level::register(signal_hook::consts::SIGABRT, on_abort) };
}

fn on_abort() {
    // Always the modes' sequences: writing "off" for a mode never turned on is harmless.
    // SAFETY: write and tcsetattr are async-signal-safe; LEAVE and SAVED live for the program.
    unsafe {
        libc::write(libc::STDOUT_FILENO, LEAVE.as_ptr().cast(), LEAVE.len());
        if let Some(saved) = SAVED.get() {
            libc::tcsetattr(saved.fd, libc::TCSANOW, &saved.termios);
        }
        // Then end as an abort does, whoever sent it: the signal is blocked while this handler
        // runs, so it is delivered, with the default action, as soon as the handler returns.
        libc::signal(libc::SIGABRT, libc::SIG_DFL);
        libc::raise(libc::SIGABRT);
    }
}
