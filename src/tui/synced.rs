//! Each frame as one synchronized update (DEC mode 2026: `CSI ? 2026 h` … `CSI ? 2026 l`): a
//! terminal that knows the mode shows the frame only once it is complete, so a slow link or a
//! projector never shows half of one; one that does not ignores both. 16 bytes a frame, and the
//! frame leaves in one write.

use std::io::{self, Write};

const BEGIN: &[u8] = b"\x1b[?2026h";
const END: &[u8] = b"\x1b[?2026l";

/// A writer that opens an update before the first byte after a flush and closes it at the flush
/// (ratatui flushes once at the end of each frame). Buffered, so that a frame is one write.
pub struct Synced<W: Write> {
    out: io::BufWriter<W>,
    in_update: bool,
}

impl<W: Write> Synced<W> {
    pub fn new(out: W) -> Synced<W> {
        Synced {
            out: io::BufWriter::with_capacity(64 * 1024, out),
            in_update: false,
        }
    }
}

impl<W: Write> Write for Synced<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.in_update && !buf.is_empty() {
            self.out.write_all(BEGIN)?;
            self.in_update = true;
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.in_update) {
            self.out.write_all(END)?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the writes that reach the terminal.
    #[derive(Default)]
    struct Recorded {
        writes: Vec<Vec<u8>>,
    }

    impl Write for &mut Recorded {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.writes.push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn each_flushed_frame_is_one_write_inside_one_synchronized_update() {
        let mut recorded = Recorded::default();
        {
            let mut out = Synced::new(&mut recorded);
            out.write_all(b"\x1b[1;1Hab").unwrap();
            out.write_all(b"cd").unwrap();
            out.flush().unwrap();
            // A flush with nothing drawn (ratatui hides the cursor, say) adds no empty update.
            out.flush().unwrap();
            out.write_all(b"ef").unwrap();
            out.flush().unwrap();
        }
        assert_eq!(
            recorded.writes,
            [
                b"\x1b[?2026h\x1b[1;1Habcd\x1b[?2026l".to_vec(),
                b"\x1b[?2026hef\x1b[?2026l".to_vec()
            ]
        );
    }
}
