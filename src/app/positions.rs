//! Positions as editors and HTTP clients count them.
//!
//! factlint's spans are byte offsets into UTF-8 text. The Language Server Protocol
//! counts a position as a line and a character offset within it, in UTF-16 code units
//! unless the client negotiates UTF-8 (`positionEncoding`); LanguageTool's HTTP API
//! counts `offset` and `length` in UTF-16 code units from the start of the text (Java's
//! `String` indices). [`PositionMap`] converts both ways; it is built once per text and
//! answers each query by a binary search for the line and a scan of that line alone.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says. Offsets that fall
//! inside a character are rounded down to its start; positions past the end of a line
//! or of the text are clamped to it, so no input makes a conversion fail.

/// How a client counts characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: the protocol's default, and JavaScript's and Java's strings.
    Utf16,
}

/// A zero-based line and character offset (in some [`Encoding`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LinePosition {
    pub line: u32,
    pub character: u32,
}

/// Line starts of one text, with the UTF-16 offset of each, for conversions.
#[derive(Clone, Debug)]
pub struct PositionMap {
    /// Byte offset of the first character of each line; the first is 0.
    line_starts: Vec<usize>,
    /// UTF-16 offset of each line start from the start of the text.
    utf16_starts: Vec<usize>,
    len: usize,
}

impl PositionMap {
    pub fn new(text: &str) -> PositionMap {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut utf16_starts = vec![0];
        let mut units = 0usize;
        let mut last = 0usize;
        let mut i = 0usize;
        while let Some(rel) = memchr::memchr2(b'\n', b'\r', bytes.get(i..).unwrap_or_default()) {
            let at = i + rel;
            let next = if bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            units += utf16_len(text.get(last..next).unwrap_or(""));
            line_starts.push(next);
            utf16_starts.push(units);
            last = next;
            i = next;
        }
        PositionMap {
            line_starts,
            utf16_starts,
            len: text.len(),
        }
    }

    /// The number of lines (a text ending with a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    fn line_of(&self, byte: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1)
    }

    /// The line and character of byte offset `byte` of `text`.
    pub fn position(&self, text: &str, byte: usize, encoding: Encoding) -> LinePosition {
        let byte = floor_char_boundary(text, byte.min(self.len));
        let line = self.line_of(byte);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let within = text.get(start..byte).unwrap_or("");
        let character = match encoding {
            Encoding::Utf8 => within.len(),
            Encoding::Utf16 => utf16_len(within),
        };
        LinePosition {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    /// The byte offset of a line and character; clamped to the line's end (before its
    /// line break) and to the text's end, and rounded down to a character boundary.
    pub fn offset(&self, text: &str, pos: LinePosition, encoding: Encoding) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.line_starts.get(line) else {
            return self.len;
        };
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let content = text.get(start..end).unwrap_or("");
        let content = content
            .strip_suffix("\r\n")
            .or_else(|| content.strip_suffix('\n'))
            .or_else(|| content.strip_suffix('\r'))
            .unwrap_or(content);
        let want = pos.character as usize;
        match encoding {
            Encoding::Utf8 => start + floor_char_boundary(content, want.min(content.len())),
            Encoding::Utf16 => {
                let mut units = 0;
                for (i, c) in content.char_indices() {
                    if units >= want {
                        return start + i;
                    }
                    units += c.len_utf16();
                    if units > want {
                        // Inside a surrogate pair: the character's start.
                        return start + i;
                    }
                }
                start + content.len()
            }
        }
    }

    /// The UTF-16 offset of byte offset `byte` from the start of the text.
    pub fn utf16_offset(&self, text: &str, byte: usize) -> usize {
        let byte = floor_char_boundary(text, byte.min(self.len));
        let line = self.line_of(byte);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        self.utf16_starts.get(line).copied().unwrap_or(0)
            + utf16_len(text.get(start..byte).unwrap_or(""))
    }
}

/// The number of UTF-16 code units of `s`.
pub fn utf16_len(s: &str) -> usize {
    // Characters of four UTF-8 bytes are the ones that take two UTF-16 units; every
    // other character takes one. Counting lead bytes avoids decoding.
    s.bytes()
        .map(|b| match b {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

/// The largest character boundary of `s` at or before `i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> LinePosition {
        LinePosition { line, character }
    }

    #[test]
    fn counts_emoji_as_two_utf16_units_and_four_bytes() {
        let text = "a😀b\nsecond";
        let map = PositionMap::new(text);
        let b = text.find('b').expect("b");
        assert_eq!(map.position(text, b, Encoding::Utf16), pos(0, 3));
        assert_eq!(map.position(text, b, Encoding::Utf8), pos(0, 5));
        assert_eq!(map.offset(text, pos(0, 3), Encoding::Utf16), b);
        assert_eq!(map.offset(text, pos(0, 5), Encoding::Utf8), b);
        assert_eq!(map.utf16_offset(text, b), 3);
        let s = text.find("second").expect("second");
        assert_eq!(map.position(text, s, Encoding::Utf16), pos(1, 0));
        assert_eq!(map.utf16_offset(text, s), 5);
    }

    #[test]
    fn counts_cjk_and_curly_quotes_as_one_utf16_unit() {
        let text = "“東京” said Monday";
        let map = PositionMap::new(text);
        let m = text.find("Monday").expect("Monday");
        assert_eq!(map.position(text, m, Encoding::Utf16), pos(0, 10));
        assert_eq!(map.position(text, m, Encoding::Utf8), pos(0, 18));
        assert_eq!(map.utf16_offset(text, m), 10);
        assert_eq!(map.offset(text, pos(0, 10), Encoding::Utf16), m);
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_or_a_character_rounds_down() {
        let text = "x😀y";
        let map = PositionMap::new(text);
        assert_eq!(map.offset(text, pos(0, 2), Encoding::Utf16), 1);
        assert_eq!(map.offset(text, pos(0, 3), Encoding::Utf8), 1);
        assert_eq!(map.position(text, 3, Encoding::Utf16), pos(0, 1));
    }

    #[test]
    fn every_line_break_counts_and_positions_clamp() {
        let text = "one\r\ntwo\rthree\nfour";
        let map = PositionMap::new(text);
        assert_eq!(map.line_count(), 4);
        assert_eq!(map.offset(text, pos(1, 0), Encoding::Utf16), 5);
        assert_eq!(map.offset(text, pos(2, 0), Encoding::Utf16), 9);
        assert_eq!(map.offset(text, pos(0, 99), Encoding::Utf16), 3);
        assert_eq!(map.offset(text, pos(99, 0), Encoding::Utf16), text.len());
        assert_eq!(map.position(text, 999, Encoding::Utf16), pos(3, 4));
        assert_eq!(map.utf16_offset(text, text.len()), text.len());
    }

    #[test]
    fn positions_round_trip_on_mixed_text() {
        let text = "Ça “va” 😀 東京\r\nMonday, 29 November 2026 — fin 👍🏽\n";
        let map = PositionMap::new(text);
        for (i, _) in text.char_indices() {
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                let p = map.position(text, i, enc);
                let back = map.offset(text, p, enc);
                // The line break's second byte is not a position of its own.
                let after_cr = i > 0 && text.as_bytes().get(i - 1) == Some(&b'\r');
                if !(text.as_bytes().get(i) == Some(&b'\n') && after_cr) {
                    assert_eq!(back, i, "{enc:?} at {i}");
                }
            }
            let units: usize = utf16_len(&text[..i]);
            assert_eq!(map.utf16_offset(text, i), units);
        }
    }
}
