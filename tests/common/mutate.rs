//! Deterministic mutations of inputs, for the tests that throw mangled text at the
//! readers (tests/fuzz.rs, tests/read_speed.rs).

/// xorshift64*: deterministic, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces of JSON and odd characters thrown into a text.
pub const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-0",
    "1e999",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"id\"",
    "\"tier\"",
    "\"services\"",
    "\"none\"",
    "\u{202e}",
    "é",
    "𝄞",
];

/// One mutation of bytes: a bit flipped, a range cut or repeated, or a token thrown in (bytes,
/// not text: encodings and archives are fuzzed too).
pub fn mutate_bytes(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(256)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            3 => {
                let token: &[u8] = [
                    &b"\""[..],
                    b";",
                    b",",
                    b"\n",
                    b"\r\n",
                    b"\xff",
                    b"\xe9",
                    b"=1+1",
                    b"{",
                    b"[",
                    b"\0",
                ][rng.below(11)];
                bytes.splice(at..at, token.iter().copied());
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
        }
    }
    bytes
}
