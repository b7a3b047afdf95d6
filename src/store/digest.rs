//! The board file's digest for [`super::Stamp`]: whether the file on disk is the one this process
//! last read or wrote. It is compared within one process only, never stored, so any fast 64-bit
//! hash does. foldhash (already in the tree through ratatui's hashbrown) hashes a 7 MB board in
//! well under a millisecond, where std's SipHash took 5 ms of a 30 ms change (issue 17's profile).
//!
//! The bytes are hashed in pieces of [`CHUNK`] bytes, so that a reader that streams the file
//! through a buffer of that size (`sieve.rs`) arrives at the digest of the whole text.

use std::hash::{BuildHasher, Hasher};

/// The piece a streaming reader hands over at a time (the last may be shorter).
pub const CHUNK: usize = 256 * 1024;

pub struct Digest(foldhash::fast::FoldHasher<'static>);

impl Digest {
    pub fn new() -> Digest {
        Digest(foldhash::fast::FixedState::with_seed(0x6674_7a62_6f61_7264).build_hasher())
    }

    /// The next piece of the file: [`CHUNK`] bytes, or fewer at its end.
    /// An empty piece (a streaming reader's last read of a file whose length is a multiple of
    /// [`CHUNK`]) adds nothing, as `chunks` gives none.
    pub fn add(&mut self, piece: &[u8]) {
        if !piece.is_empty() {
            self.0.write(piece);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

pub fn of(bytes: &[u8]) -> u64 {
    let mut digest = Digest::new();
    for piece in bytes.chunks(CHUNK) {
        digest.add(piece);
    }
    digest.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_same_length_edit_changes_the_digest() {
        let a = "        (\n            id: 3,\n            status: Done,\n".repeat(2000);
        let b = a.replacen("Done", "Dona", 1);
        assert_eq!(a.len(), b.len());
        assert_ne!(super::of(a.as_bytes()), super::of(b.as_bytes()));
        assert_eq!(super::of(a.as_bytes()), super::of(a.clone().as_bytes()));
    }

    #[test]
    fn an_edit_past_the_first_piece_changes_the_digest() {
        let a = "x".repeat(super::CHUNK * 2 + 10);
        let b = format!("{}y", &a[..a.len() - 1]);
        assert_ne!(super::of(a.as_bytes()), super::of(b.as_bytes()));
    }

    #[test]
    fn pieces_handed_over_one_by_one_give_the_digest_of_the_whole() {
        let bytes = vec![7u8; super::CHUNK * 2];
        let mut digest = super::Digest::new();
        digest.add(&bytes[..super::CHUNK]);
        digest.add(&bytes[super::CHUNK..]);
        digest.add(&[]);
        assert_eq!(digest.finish(), super::of(&bytes));
    }
}
