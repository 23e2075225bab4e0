//! `Digest`: a 128-bit XXH3 hash, stable across platforms, toolchains and runs (unlike std's
//! `DefaultHasher`), so it can be recorded in a generated crate and compared by a later run.

use std::fmt;
use std::io;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

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
        let mut writer = HashWriter(Xxh3::new());
        for digest in before {
            writer.0.update(&digest.0.to_le_bytes());
        }
        serde_json::to_writer(&mut writer, parts)
            .expect("the type model serializes: its maps have string or enum keys");
        Digest(writer.0.digest128())
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

/// Feeds serde_json's output into the hash without building the text.
struct HashWriter(Xxh3);

impl io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
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
