//! Documents: the original bytes of one input, its format, its prose and what it says
//! about itself (front matter, HTML meta).

pub mod directive;
pub mod encoding;
mod front_matter;
mod html;
pub(crate) mod markdown;
mod meta;
pub mod prose;
pub mod quotes;
pub mod sentences;
mod text;

use std::path::Path;

pub use encoding::{Decoded, Decoding, Encoding};
pub use meta::{parse_iso_date, Meta, MetaDateSource};
pub use prose::{Prose, ProseBuilder};

use crate::error::LoadError;
use crate::span::LineIndex;

/// Inputs larger than this are refused rather than read into memory.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// How a document's bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Text,
}

impl Format {
    /// The format a file name implies (plain text for anything unknown).
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            _ => Format::Text,
        }
    }

    /// Whether a directory walk picks up files with this name.
    pub fn is_checked_extension(path: &Path) -> bool {
        matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("md" | "markdown" | "txt" | "html" | "htm")
        )
    }
}

/// One input document.
#[derive(Debug)]
pub struct Document {
    /// The name shown in reports (the path as given, or `--stdin-filename`).
    pub path: String,
    /// The original text, never rewritten; every output offset points into it.
    pub source: String,
    pub format: Format,
    pub prose: Prose,
    pub meta: Meta,
    pub line_index: LineIndex,
    /// Suppression directives (`<!-- factlint-disable ... -->`), in source order.
    pub directives: Vec<directive::Directive>,
    /// How the file was decoded when it is not UTF-8: the way back to its bytes.
    pub decoded: Option<Box<Decoded>>,
}

impl Document {
    /// Read and parse a UTF-8 file.
    pub fn load(path: &Path, display: &str) -> Result<Document, LoadError> {
        Document::load_as(path, display, Encoding::Utf8)
    }

    /// Read and parse a file in `encoding`.
    pub fn load_as(path: &Path, display: &str, encoding: Encoding) -> Result<Document, LoadError> {
        let meta = std::fs::metadata(path).map_err(|e| LoadError::io(display, e))?;
        if meta.is_dir() {
            return Err(LoadError::IsDirectory(display.to_string()));
        }
        if meta.len() > MAX_FILE_SIZE {
            return Err(LoadError::TooLarge {
                path: display.to_string(),
                size: meta.len(),
                limit: MAX_FILE_SIZE,
            });
        }
        let bytes = std::fs::read(path).map_err(|e| LoadError::io(display, e))?;
        Document::from_bytes_as(display, bytes, Format::from_path(path), encoding)
    }

    /// Parse UTF-8 bytes already in memory (standard input, tests).
    pub fn from_bytes(path: &str, bytes: Vec<u8>, format: Format) -> Result<Document, LoadError> {
        Document::from_bytes_as(path, bytes, format, Encoding::Utf8)
    }

    /// Parse bytes in `encoding`. Binary files are refused whatever the encoding: a
    /// NUL byte (outside UTF-16), or control bytes in what would be single-byte text.
    pub fn from_bytes_as(
        path: &str,
        bytes: Vec<u8>,
        format: Format,
        encoding: Encoding,
    ) -> Result<Document, LoadError> {
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return Err(LoadError::TooLarge {
                path: path.to_string(),
                size: bytes.len() as u64,
                limit: MAX_FILE_SIZE,
            });
        }
        let utf16_bom = if bytes.starts_with(&[0xFF, 0xFE]) {
            Some(Decoding::Utf16Le)
        } else if bytes.starts_with(&[0xFE, 0xFF]) {
            Some(Decoding::Utf16Be)
        } else {
            None
        };
        let decoding = match (encoding, utf16_bom) {
            (Encoding::Auto, Some(d)) => Some(d),
            (Encoding::Utf16, bom) => Some(bom.unwrap_or(Decoding::Utf16Le)),
            (Encoding::Utf8, Some(_)) => return Err(LoadError::Utf16(path.to_string())),
            _ => None,
        };
        if let Some(d) = decoding {
            let (source, decoded) =
                Decoded::decode(bytes, d).ok_or_else(|| LoadError::Undecodable {
                    path: path.to_string(),
                    encoding: d.name(),
                })?;
            return Ok(Document::from_decoded(path, source, format, decoded));
        }
        // Text never holds NUL; a NUL early on means an image, an archive or UTF-16.
        let head = &bytes[..bytes.len().min(8192)];
        if memchr::memchr(0, head).is_some() {
            return Err(LoadError::Binary(path.to_string()));
        }
        let single_byte = match encoding {
            Encoding::Windows1252 => Some(Decoding::Windows1252),
            Encoding::Latin1 => Some(Decoding::Latin1),
            _ => None,
        };
        let bytes = match (single_byte, String::from_utf8(bytes)) {
            (None, Ok(source)) => return Ok(Document::from_text(path, source, format)),
            (Some(_), Ok(source)) => source.into_bytes(),
            (_, Err(e)) if encoding == Encoding::Utf8 => {
                let offset = e.utf8_error().valid_up_to();
                let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..offset]).count();
                return Err(LoadError::InvalidUtf8 {
                    path: path.to_string(),
                    offset,
                    line,
                });
            }
            (_, Err(e)) => e.into_bytes(),
        };
        if encoding == Encoding::Auto && !encoding::looks_like_single_byte_text(&bytes) {
            return Err(LoadError::Binary(path.to_string()));
        }
        let d = single_byte.unwrap_or(Decoding::Windows1252);
        let (source, decoded) =
            Decoded::decode(bytes, d).ok_or_else(|| LoadError::Undecodable {
                path: path.to_string(),
                encoding: d.name(),
            })?;
        Ok(Document::from_decoded(path, source, format, decoded))
    }

    fn from_decoded(path: &str, source: String, format: Format, decoded: Decoded) -> Document {
        let mut doc = Document::from_text(path, source, format);
        doc.decoded = Some(Box::new(decoded));
        doc
    }

    /// The byte offset in the original file of offset `at` of [`Document::source`].
    pub fn original_offset(&self, at: usize) -> usize {
        match &self.decoded {
            Some(d) => d.original_offset(at),
            None => at,
        }
    }

    /// Parse text. Never fails: anything that is not understood is treated as prose.
    pub fn from_text(path: &str, source: String, format: Format) -> Document {
        let (prose, mut meta) = match format {
            Format::Markdown => markdown::parse(&source),
            Format::Html => html::parse(&source),
            Format::Text => text::parse(&source),
        };
        let line_index = LineIndex::new(&source);
        let directives = std::mem::take(&mut meta.directives);
        Document {
            decoded: None,
            directives,
            path: path.to_string(),
            source,
            format,
            prose,
            meta,
            line_index,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn reads_iso_dates_with_times() {
        assert_eq!(parse_iso_date("2019-01-04"), Date::new(2019, 1, 4).ok());
        assert_eq!(
            parse_iso_date("2019-01-04T10:00:00Z"),
            Date::new(2019, 1, 4).ok()
        );
        assert_eq!(parse_iso_date("2019-02-30"), None);
        assert_eq!(parse_iso_date("2019-01-045"), None);
        assert_eq!(parse_iso_date("é"), None);
    }

    #[test]
    fn refuses_binary_and_invalid_utf8() {
        assert!(matches!(
            Document::from_bytes("a", vec![b'a', 0, b'b'], Format::Text),
            Err(LoadError::Binary(_))
        ));
        match Document::from_bytes("a", b"ok\nbad \xff here".to_vec(), Format::Text) {
            Err(LoadError::InvalidUtf8 { offset, line, .. }) => {
                assert_eq!((offset, line), (7, 2));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
