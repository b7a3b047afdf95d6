//! The board file's digest for [`super::Stamp`]: whether the file on disk is the one this process
//! last read or wrote. It is compared within one process only, never stored, so any fast 64-bit
//! hash does. foldhash (already in the tree through ratatui's hashbrown) hashes a 7 MB board in
//! well under a millisecond, where std's SipHash took 5 ms of a 30 ms change (issue 17's profile).

use std::hash::BuildHasher;

pub fn of(bytes: &[u8]) -> u64 {
    foldhash::fast::FixedState::with_seed(0x6674_7a62_6f61_7264).hash_one(bytes)
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
}
