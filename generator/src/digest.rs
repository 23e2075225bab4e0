//! `Digest`: a 128-bit XXH3 hash, stable across platforms, toolchains and runs (unlike std's
//! `DefaultHasher`), so it can be recorded in a generated crate and compared by a later run.

use std::cell::RefCell;
use std::fmt;

use xxhash_rust::xxh3::xxh3_128;

/// A 128-bit hash of some bytes, written as 32 lowercase hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Digest(u128);

impl Digest {
    /// The digest of `bytes`.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Digest(xxh3_128(bytes))
    }

    /// The digest of `parts` serialized as JSON (serde's data model, so every field counts), after
    /// the digests `before` (which say what the value is part of).
    pub fn of_value(before: &[Digest], parts: &impl serde::Serialize) -> Self {
        SERIALIZED.with_borrow_mut(|serialized| {
            serialized.clear();
            for digest in before {
                serialized.extend_from_slice(&digest.0.to_le_bytes());
            }
            serde_json::to_writer(&mut *serialized, parts)
                .expect("the type model serializes: its maps have string or enum keys");
            Digest::of_bytes(serialized)
        })
    }

    /// Reads 32 hex digits as [`Digest`]'s `Display` writes them.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() != 32 || !text.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        u128::from_str_radix(text, 16).ok().map(Digest)
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:032x}", self.0)
    }
}

thread_local! {
    /// The buffer [`Digest::of_value`] serializes into, kept between calls (hashing the text in
    /// one go is several times faster than feeding the hasher serde_json's many small writes).
    static SERIALIZED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_reads_back_from_its_text_and_nothing_else_does() {
        let digest = Digest::of_bytes(b"pub struct Pet;");
        assert_eq!(Digest::parse(&digest.to_string()), Some(digest));
        assert_ne!(digest, Digest::of_bytes(b"pub struct Pet; "));
        for text in ["", "0", "g0000000000000000000000000000000", &"0".repeat(33)] {
            assert_eq!(Digest::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_value_digest_depends_on_the_value_and_on_what_comes_before() {
        let base = Digest::of_bytes(b"base");
        let one = Digest::of_value(&[base], &("Pet", 1));
        assert_eq!(one, Digest::of_value(&[base], &("Pet", 1)));
        assert_ne!(one, Digest::of_value(&[base], &("Pet", 2)));
        assert_ne!(one, Digest::of_value(&[], &("Pet", 1)));
    }
}
