//! Documents: the original bytes of one input, its format, its prose and what it says
//! about itself (front matter, HTML meta).

mod front_matter;
mod html;
pub(crate) mod markdown;
mod meta;
pub mod prose;
pub mod quotes;
pub mod sentences;
mod text;

use std::path::Path;

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
    pub directives: Vec<crate::suppress::Directive>,
}

impl Document {
    /// Read and parse a file.
    pub fn load(path: &Path, display: &str) -> Result<Document, LoadError> {
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
        Document::from_bytes(display, bytes, Format::from_path(path))
    }

    /// Parse bytes already in memory (standard input, tests).
    pub fn from_bytes(path: &str, bytes: Vec<u8>, format: Format) -> Result<Document, LoadError> {
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return Err(LoadError::TooLarge {
                path: path.to_string(),
                size: bytes.len() as u64,
                limit: MAX_FILE_SIZE,
            });
        }
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(LoadError::Utf16(path.to_string()));
        }
        // Text never holds NUL; a NUL early on means an image, an archive or UTF-16.
        let head = &bytes[..bytes.len().min(8192)];
        if memchr::memchr(0, head).is_some() {
            return Err(LoadError::Binary(path.to_string()));
        }
        let source = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..offset]).count();
            LoadError::InvalidUtf8 {
                path: path.to_string(),
                offset,
                line,
            }
        })?;
        Ok(Document::from_text(path, source, format))
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
