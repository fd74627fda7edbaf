//! Character encodings of inputs: UTF-8, UTF-16 (by its byte-order mark) and the
//! single-byte Windows-1252 and ISO-8859-1 (Latin-1) that many newsroom exports still
//! use. A document is checked as UTF-8 text; [`Decoded`] maps offsets in that text back
//! to the original bytes (what JSON spans count) and writes fixed text back in the
//! file's own encoding.

/// How to read an input's bytes (`--encoding`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; UTF-16 when the file starts with its byte-order mark; else Windows-1252.
    #[default]
    Auto,
    Utf8,
    Windows1252,
    /// ISO-8859-1: each byte is the code point of the same number.
    Latin1,
    /// UTF-16, little-endian unless a byte-order mark says otherwise.
    Utf16,
}

impl Encoding {
    /// The names `--encoding` takes.
    pub const NAMES: &'static [&'static str] =
        &["auto", "utf-8", "windows-1252", "latin1", "utf-16"];
}

impl std::str::FromStr for Encoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Encoding::Auto),
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "windows-1252" | "cp1252" => Ok(Encoding::Windows1252),
            "latin1" | "latin-1" | "iso-8859-1" => Ok(Encoding::Latin1),
            "utf-16" | "utf16" => Ok(Encoding::Utf16),
            other => Err(format!(
                "unknown encoding `{other}` (expected {}){}",
                Encoding::NAMES.join(", "),
                crate::suggest::did_you_mean(other, Encoding::NAMES.iter().copied())
                    .map_or(String::new(), |d| format!("; {d}"))
            )),
        }
    }
}

/// A non-UTF-8 encoding a document was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoding {
    Windows1252,
    Latin1,
    Utf16Le,
    Utf16Be,
}

impl Decoding {
    pub fn name(self) -> &'static str {
        match self {
            Decoding::Windows1252 => "windows-1252",
            Decoding::Latin1 => "latin1",
            Decoding::Utf16Le => "UTF-16LE",
            Decoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// A document's original bytes, the encoding they were read in, and the way from
/// offsets in the decoded text back to offsets in those bytes.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub decoding: Decoding,
    /// The UTF-16 byte-order mark the file starts with (not part of the text).
    bom: bool,
    /// The file's bytes as read, to see whether it changed before a fix is written.
    pub original: Vec<u8>,
    /// `(text offset, byte offset)` at each character where the difference between
    /// the two changes, in order; offsets between anchors move together.
    anchors: Vec<(usize, usize)>,
}

impl Decoded {
    /// Decode `bytes` as `decoding`; `None` for bytes that are not that encoding (an odd
    /// number of UTF-16 bytes, an unpaired surrogate).
    pub fn decode(bytes: Vec<u8>, decoding: Decoding) -> Option<(String, Decoded)> {
        let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
        let mut anchors = Vec::new();
        let mut bom = false;
        // Push `c`, which took `width` bytes starting at byte `at`.
        let mut push = |text: &mut String, c: char, at: usize, width: usize| {
            let delta = |(t, b): (usize, usize)| b as isize - t as isize;
            let here = (text.len(), at);
            if anchors.last().map(|&a| delta(a)) != Some(delta(here)) {
                anchors.push(here);
            }
            text.push(c);
            // The next character's start keeps the same difference only when the
            // character is as long in UTF-8 as in the original.
            let next = (text.len(), at + width);
            if delta(next) != delta(here) {
                anchors.push(next);
            }
        };
        match decoding {
            Decoding::Latin1 => {
                for (i, &b) in bytes.iter().enumerate() {
                    push(&mut text, char::from(b), i, 1);
                }
            }
            Decoding::Windows1252 => {
                let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
                // A single-byte encoding: one character for each byte.
                for (i, c) in decoded.chars().enumerate() {
                    push(&mut text, c, i, 1);
                }
            }
            Decoding::Utf16Le | Decoding::Utf16Be => {
                if !bytes.len().is_multiple_of(2) {
                    return None;
                }
                let le = decoding == Decoding::Utf16Le;
                let units = bytes.chunks_exact(2).map(|p| {
                    let pair = [p[0], p[1]];
                    if le {
                        u16::from_le_bytes(pair)
                    } else {
                        u16::from_be_bytes(pair)
                    }
                });
                let mut at = 0;
                for (i, c) in char::decode_utf16(units).enumerate() {
                    let c = c.ok()?;
                    if i == 0 && c == '\u{feff}' {
                        bom = true;
                        at += 2;
                        continue;
                    }
                    let width = c.len_utf16() * 2;
                    push(&mut text, c, at, width);
                    at += width;
                }
            }
        }
        if anchors.first().map(|a| a.0) != Some(0) {
            anchors.insert(0, (0, if bom { 2 } else { 0 }));
        }
        Some((
            text,
            Decoded {
                decoding,
                bom,
                original: bytes,
                anchors,
            },
        ))
    }

    /// The byte offset in the original file of offset `at` in the decoded text.
    pub fn original_offset(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _)| t <= at);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(t, b)) => b + (at - t),
            None => at,
        }
        .min(self.original.len())
    }

    /// `text` in this encoding, or why it cannot be written in it.
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, String> {
        let unwritable = |c: char| {
            format!(
                "the fixed text holds `{c}` (U+{:04X}), which {} cannot write; \
                 convert the file to UTF-8 to fix it",
                c as u32,
                self.decoding.name()
            )
        };
        match self.decoding {
            Decoding::Latin1 => text
                .chars()
                .map(|c| u8::try_from(u32::from(c)).map_err(|_| unwritable(c)))
                .collect(),
            Decoding::Windows1252 => {
                let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
                if unmappable {
                    let bad = text
                        .chars()
                        .find(|c| encoding_rs::WINDOWS_1252.encode(&c.to_string()).2)
                        .unwrap_or('\u{fffd}');
                    return Err(unwritable(bad));
                }
                Ok(bytes.into_owned())
            }
            Decoding::Utf16Le | Decoding::Utf16Be => {
                let le = self.decoding == Decoding::Utf16Le;
                let bom = self.bom.then_some(0xFEFF);
                Ok(bom
                    .into_iter()
                    .chain(text.encode_utf16())
                    .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                    .collect())
            }
        }
    }
}

/// Whether bytes that are not UTF-8 look like text in a single-byte encoding: no C0
/// control characters other than tab, line feed, form feed, carriage return and escape.
/// (A PNG or a ZIP holds many; a Windows-1252 article holds none.)
pub fn looks_like_single_byte_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    !head
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | 0x1b) || b == 0x7f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_back_to_the_original_bytes() {
        let (text, d) = Decoded::decode(b"Caf\xe9 \x93x\x94 ok".to_vec(), Decoding::Windows1252)
            .expect("decodes");
        assert_eq!(text, "Café “x” ok");
        for (t, b) in [
            (0, 0),
            (3, 3),
            (5, 4),
            (6, 5),
            (9, 6),
            (10, 7),
            (13, 8),
            (16, 11),
        ] {
            assert_eq!(d.original_offset(t), b, "text offset {t}");
        }
        assert_eq!(d.encode(&text).expect("encodes"), d.original);
        assert!(d.encode("→").is_err());
    }

    #[test]
    fn utf16_round_trips_with_its_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "é a😀b".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (text, d) = Decoded::decode(bytes.clone(), Decoding::Utf16Le).expect("decodes");
        assert_eq!(text, "é a😀b");
        // "é" starts after the BOM; "a" after é and the space; "b" after the emoji.
        assert_eq!(d.original_offset(0), 2);
        assert_eq!(d.original_offset(3), 6);
        assert_eq!(d.original_offset(4), 8);
        assert_eq!(d.original_offset(8), 12);
        assert_eq!(d.original_offset(9), 14);
        assert_eq!(d.encode(&text).expect("encodes"), bytes);
        assert!(Decoded::decode(vec![0x00], Decoding::Utf16Le).is_none());
    }

    #[test]
    fn windows_1252_round_trips_every_byte_but_binary_does_not_look_like_text() {
        let all: Vec<u8> = (0x20..=0xFF).collect();
        let (text, d) = Decoded::decode(all.clone(), Decoding::Windows1252).expect("decodes");
        assert_eq!(d.encode(&text).expect("encodes"), all);
        assert!(looks_like_single_byte_text(b"Caf\xe9\r\n"));
        assert!(!looks_like_single_byte_text(b"\x89PNG\r\n\x1a\n\x00\x00"));
    }
}
