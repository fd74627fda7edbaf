//! `factlint kb import` and `factlint kb stats`: a newsroom's own list (CSV or JSON)
//! turned into a knowledge file, and counts of what the knowledge base holds.
//!
//! The import reads the whole list, reports every problem it finds in one run (each with
//! its row or JSON path, its column and, for a misspelt column or type, the closest known
//! name), writes YAML in the format of `rules/knowledge/*.yaml`, and loads that YAML with
//! the knowledge loader before writing it: a file that would not load is never written.
//!
//! The CSV reader is our own (RFC 4180: quoted fields with `""` escapes and line breaks,
//! CRLF or LF, a UTF-8 byte-order mark), about a hundred lines; the `csv` crate would
//! add a dependency for what this needs, and its byte positions are per record, not per
//! field, which the error messages want.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{FileKind, RuleFileError, SetupError};
use crate::kb::{self, KbDate, TYPES};
use crate::suggest::did_you_mean;

/// Larger inputs are refused: a newsroom's list is a few thousand rows at most.
const MAX_INPUT: u64 = 8 * 1024 * 1024;
/// Problems reported in one run; the rest are counted.
const MAX_PROBLEMS: usize = 50;

/// The columns (CSV) or keys (JSON) an imported list may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Type,
    Aliases,
    Avoid,
    Born,
    Died,
    Founded,
    Title,
    Office,
    From,
    To,
    Source,
    Wikidata,
    Checked,
    Note,
}

const COLUMNS: &[(&str, Column)] = &[
    ("name", Column::Name),
    ("type", Column::Type),
    ("aliases", Column::Aliases),
    ("avoid", Column::Avoid),
    ("born", Column::Born),
    ("died", Column::Died),
    ("founded", Column::Founded),
    ("title", Column::Title),
    ("office", Column::Office),
    ("from", Column::From),
    ("to", Column::To),
    ("source", Column::Source),
    ("wikidata", Column::Wikidata),
    ("checked", Column::Checked),
    ("note", Column::Note),
];

fn column_name(c: Column) -> &'static str {
    COLUMNS
        .iter()
        .find(|(_, k)| *k == c)
        .map_or("?", |(n, _)| n)
}

/// What `factlint kb import` was asked to do.
pub struct ImportRequest {
    pub input: PathBuf,
    pub output: Option<PathBuf>,
    /// `--source`: a URL, a Wikidata id or words, for every entity without its own.
    pub source: Option<String>,
    /// `--checked`: second sources for every entity.
    pub checked: Vec<String>,
    pub force: bool,
}

/// `factlint kb import FILE`: convert, validate, load back, then write.
pub fn import(req: &ImportRequest, out: &mut dyn Write) -> Result<u8, SetupError> {
    let display = req.input.display().to_string();
    let file_name = req
        .input
        .file_name()
        .map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
    let mut usage = Vec::new();
    if let Some(o) = &req.output {
        if same_file(&req.input, o) {
            usage.push(SetupError::Usage(format!(
                "the output `{}` is the input file; factlint never writes to its input",
                o.display()
            )));
        } else if o.exists() && !req.force {
            usage.push(SetupError::Usage(format!(
                "`{}` already exists; pass --force to replace it",
                o.display()
            )));
        }
    }
    for c in &req.checked {
        if !is_url(c) {
            usage.push(SetupError::Usage(format!(
                "--checked `{c}` is not an http(s) URL"
            )));
        }
    }
    let format = match extension(&req.input).as_deref() {
        Some("csv") => Some(Format::Csv),
        Some("json") => Some(Format::Json),
        _ => {
            usage.push(SetupError::Usage(format!(
                "`{display}`: import reads a .csv or a .json file"
            )));
            None
        }
    };
    if let Some(e) = SetupError::collect(usage) {
        return Err(e);
    }
    let text = read_input(&req.input, &display)?;
    let mut p = Problems::new(&display, &text);
    let rows = match format {
        Some(Format::Csv) => csv_rows(&mut p),
        _ => json_rows(&mut p),
    };
    let defaults = Defaults::new(req.source.as_deref(), &req.checked, &file_name);
    let entities = build(&mut p, rows, &defaults);
    p.finish()?;
    let yaml = render_yaml(&entities, &file_name);
    // The round trip: the knowledge loader must accept what is about to be written.
    let out_name = req
        .output
        .as_ref()
        .map_or_else(|| "<stdout>".to_string(), |o| o.display().to_string());
    let loaded = kb::load_file(&out_name, &yaml).map_err(|errors| {
        SetupError::collect(
            std::iter::once(SetupError::Usage(
                "factlint bug: the knowledge file made from the import does not load".into(),
            ))
            .chain(
                errors
                    .into_iter()
                    .map(|e| e.in_file(FileKind::Knowledge).into()),
            )
            .collect(),
        )
        .unwrap_or_else(|| SetupError::Usage("the import does not load".into()))
    })?;
    let names_match = loaded.len() == entities.len()
        && loaded.iter().zip(&entities).all(|(l, e)| l.name == e.name);
    if !names_match {
        return Err(SetupError::Usage(
            "factlint bug: the knowledge file made from the import loads other entities".into(),
        ));
    }
    match &req.output {
        None => {
            out.write_all(yaml.as_bytes())
                .map_err(|e| io_error("<stdout>", &e))?;
        }
        Some(path) => write_atomically(path, &yaml, req.force)?,
    }
    Ok(super::exit::EXIT_CLEAN)
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn io_error(path: &str, e: &std::io::Error) -> SetupError {
    SetupError::Io {
        path: path.to_string(),
        message: e.to_string(),
    }
}

/// The input as UTF-8 text without its byte-order mark; too large, binary or not UTF-8
/// is an error that says so.
fn read_input(path: &Path, display: &str) -> Result<String, SetupError> {
    let file = std::fs::File::open(path).map_err(|e| io_error(display, &e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(SetupError::Io {
            path: display.into(),
            message: "is a directory".into(),
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(display, &e))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(SetupError::Io {
            path: display.into(),
            message: format!("more than {MAX_INPUT} bytes; split the list"),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(SetupError::Io {
            path: display.into(),
            message: "UTF-16 text; save the list as UTF-8 (CSV UTF-8 in a spreadsheet)".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes
                .get(..at)
                .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
                + 1;
            Err(SetupError::Io {
                path: display.into(),
                message: format!(
                    "invalid UTF-8 at byte {at} (line {line}); save the list as UTF-8 (CSV UTF-8 in a spreadsheet)"
                ),
            })
        }
    }
}

/// Write `text` to a temporary file beside `path`, then rename it into place.
fn write_atomically(path: &Path, text: &str, force: bool) -> Result<(), SetupError> {
    let display = path.display().to_string();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".factlint-import-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| io_error(&display, &e))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| io_error(&display, &e))?;
    let persisted = if force {
        tmp.persist(path).map(|_| ())
    } else {
        // No replacing a file that appeared since the check.
        tmp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| {
        let message = if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            "already exists; pass --force to replace it".to_string()
        } else {
            e.error.to_string()
        };
        SetupError::Io {
            path: display,
            message,
        }
    })
}

// ---------------------------------------------------------------------------
// Problems: every one of them, pointing into the input.

struct Problems<'a> {
    path: &'a str,
    text: &'a str,
    errors: Vec<RuleFileError>,
    more: usize,
}

impl<'a> Problems<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        Problems {
            path,
            text,
            errors: Vec::new(),
            more: 0,
        }
    }

    fn add(&mut self, span: (usize, usize), message: String, help: Option<String>) {
        if self.errors.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        let (text, start, end) = excerpt(self.text, span);
        let mut e =
            RuleFileError::new(self.path, &text, start, end, message).in_file(FileKind::Knowledge);
        e.label = "here".into();
        if let Some(h) = help {
            e = e.with_help(h);
        }
        self.errors.push(e);
    }

    fn finish(self) -> Result<(), SetupError> {
        if self.errors.is_empty() {
            return Ok(());
        }
        let mut errors = self.errors;
        errors.sort_by_key(|e| (e.line, e.column));
        let mut all: Vec<SetupError> = errors.into_iter().map(SetupError::from).collect();
        if self.more > 0 {
            all.push(SetupError::Usage(format!(
                "{}: {} more problems not shown",
                self.path, self.more
            )));
        }
        Err(SetupError::collect(all).unwrap_or_else(|| SetupError::Usage("import failed".into())))
    }
}

/// The lines around `span` with every earlier line left empty, so that an error's line
/// numbers stay right without a copy of a large input per error.
fn excerpt(text: &str, span: (usize, usize)) -> (String, usize, usize) {
    let start = floor(text, span.0.min(text.len()));
    let end = floor(text, span.1.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let context_start = text[..line_start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |i| i + 1)
        .min(line_start);
    let after_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    let context_end = text[after_end..]
        .find('\n')
        .map_or(text.len(), |i| after_end + i);
    let blank = memchr::memchr_iter(b'\n', &text.as_bytes()[..context_start]).count();
    let mut s = "\n".repeat(blank);
    let shift = s.len();
    s.push_str(&text[context_start..context_end]);
    (
        s,
        shift + start - context_start,
        shift + end - context_start,
    )
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------
// Rows: what the CSV or JSON reader gives, with positions.

/// One value of a row, with where it is.
struct Field {
    values: Vec<String>,
    /// List columns of a CSV cell are split at `;` or `|`; JSON array items are not.
    split: bool,
    span: (usize, usize),
    /// "row 3, column `type`" or "$[2].type".
    at: String,
}

struct Row {
    /// "row 3" or "$[2]".
    at: String,
    span: (usize, usize),
    fields: Vec<(Column, Field)>,
}

impl Row {
    fn get(&self, c: Column) -> Option<&Field> {
        self.fields
            .iter()
            .find(|(k, f)| *k == c && f.values.iter().any(|v| !v.trim().is_empty()))
            .map(|(_, f)| f)
    }

    /// The trimmed single value of a column, with its field.
    fn one(&self, c: Column) -> Option<(String, &Field)> {
        self.get(c)
            .map(|f| (f.values.join(" ").trim().to_string(), f))
    }
}

impl Field {
    /// The items of a list column, trimmed, without empty ones.
    fn items(&self, separators: &[char]) -> Vec<String> {
        let mut out = Vec::new();
        for v in &self.values {
            if self.split {
                out.extend(
                    v.split(separators)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from),
                );
            } else if !v.trim().is_empty() {
                out.push(v.trim().to_string());
            }
        }
        out
    }
}

fn lookup_column(name: &str) -> Option<Column> {
    let n = name.trim().to_lowercase();
    COLUMNS.iter().find(|(c, _)| *c == n).map(|(_, k)| *k)
}

fn unknown_column_help(name: &str) -> String {
    let n = name.trim().to_lowercase();
    let known = COLUMNS.iter().map(|(c, _)| *c);
    match did_you_mean(&n, known) {
        Some(d) => d,
        None => format!(
            "known columns: {}",
            COLUMNS
                .iter()
                .map(|(c, _)| *c)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

// ---------------------------------------------------------------------------
// CSV

/// One parsed CSV record: its fields with their byte spans (quotes included).
struct Record {
    start: usize,
    fields: Vec<(String, (usize, usize))>,
}

/// Split CSV text into records. The delimiter is `,`, or `;` or a tab when the header
/// has one of those and no comma (spreadsheets in many locales write `;`).
fn csv_records(p: &mut Problems<'_>, text: &str) -> Vec<Record> {
    let header_end = text.find(['\n', '\r']).unwrap_or(text.len());
    let header = &text[..header_end];
    let delim = if header.contains(',') {
        b','
    } else if header.contains(';') {
        b';'
    } else if header.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let b = text.as_bytes();
    let mut records = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let mut fields = Vec::new();
        let mut broken = false;
        loop {
            // One field.
            let f_start = i;
            let mut value = String::new();
            if b.get(i) == Some(&b'"') {
                i += 1;
                let mut closed = false;
                let mut seg = i;
                while i < b.len() {
                    if b[i] == b'"' {
                        value.push_str(&text[seg..i]);
                        if b.get(i + 1) == Some(&b'"') {
                            value.push('"');
                            i += 2;
                            seg = i;
                        } else {
                            i += 1;
                            closed = true;
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                if !closed {
                    value.push_str(&text[seg.min(b.len())..]);
                    p.add(
                        (f_start, f_start + 1),
                        "this quoted field is never closed".into(),
                        Some(
                            "close it with `\"`; a quote inside a quoted field is written `\"\"`"
                                .into(),
                        ),
                    );
                    i = b.len();
                    broken = true;
                }
                // Anything between the closing quote and the delimiter is an error.
                let after = i;
                while i < b.len() && b[i] != delim && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                if i > after && !text[after..i].trim().is_empty() {
                    p.add(
                        (after, i),
                        format!(
                            "text `{}` after the closing quote of a field",
                            text[after..i].trim()
                        ),
                        Some("quote the whole field, writing a quote inside it as `\"\"`".into()),
                    );
                }
            } else {
                while i < b.len() && b[i] != delim && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                value.push_str(&text[f_start..i]);
            }
            fields.push((value, (f_start, i)));
            match b.get(i) {
                Some(&c) if c == delim => i += 1,
                Some(b'\r') => {
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    break;
                }
                Some(b'\n') => {
                    i += 1;
                    break;
                }
                _ => break,
            }
        }
        // A row whose quote never closed swallowed the rest of the file: the error
        // above says so, and nothing in it is an entity.
        if !broken {
            records.push(Record { start, fields });
        }
    }
    records
}

fn csv_rows(p: &mut Problems<'_>) -> Vec<Row> {
    let text = p.text;
    let records = csv_records(p, text);
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        p.add(
            (0, 0),
            "the file is empty: a CSV list needs a header row".into(),
            Some("start with a header such as `name,type,aliases,source`".into()),
        );
        return Vec::new();
    };
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut bad_header = false;
    for (name, span) in &header.fields {
        let label = name.trim();
        if label.is_empty() {
            columns.push(None);
            continue;
        }
        match lookup_column(label) {
            Some(c) if columns.contains(&Some(c)) => {
                p.add(
                    *span,
                    format!("row 1: column `{label}` appears twice in the header"),
                    None,
                );
                bad_header = true;
                columns.push(None);
            }
            Some(c) => columns.push(Some(c)),
            None => {
                p.add(
                    *span,
                    format!("row 1: unknown column `{label}`"),
                    Some(unknown_column_help(label)),
                );
                bad_header = true;
                columns.push(None);
            }
        }
    }
    if !columns.contains(&Some(Column::Name)) && !bad_header {
        p.add(
            (header.start, header.fields.last().map_or(0, |f| f.1 .1)),
            "row 1: the header has no `name` column".into(),
            Some("every entity needs a name; the header is the first row".into()),
        );
    }
    if !columns.contains(&Some(Column::Name)) {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for (n, record) in records.enumerate() {
        let row_no = n + 2;
        // A blank line, or a row of empty cells, is no entity.
        if record.fields.iter().all(|(v, _)| v.trim().is_empty()) {
            continue;
        }
        let mut fields = Vec::new();
        for (k, (value, span)) in record.fields.into_iter().enumerate() {
            match columns.get(k) {
                Some(Some(c)) => fields.push((
                    *c,
                    Field {
                        values: vec![value],
                        split: true,
                        span,
                        at: format!("row {row_no}, column `{}`", column_name(*c)),
                    },
                )),
                Some(None) if value.trim().is_empty() => {}
                Some(None) if header.fields.get(k).is_some_and(|(h, _)| !h.trim().is_empty()) => {
                    // Reported once, in the header.
                }
                _ if value.trim().is_empty() => {}
                _ => p.add(
                    span,
                    format!(
                        "row {row_no}: a value in column {} but the header names no column there",
                        k + 1
                    ),
                    Some("add the column's name to the header, or remove the value (a stray delimiter?)".into()),
                ),
            }
        }
        let end = fields.last().map_or(record.start, |(_, f)| f.span.1);
        rows.push(Row {
            at: format!("row {row_no}"),
            span: (record.start, end),
            fields,
        });
    }
    rows
}

// ---------------------------------------------------------------------------
// JSON

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Byte spans of the values of a JSON text that serde_json has accepted, by path, down
/// to `depth` levels.
struct JsonSpans {
    spans: HashMap<Vec<Seg>, (usize, usize)>,
}

impl JsonSpans {
    fn new(text: &str, depth: usize) -> Self {
        let mut s = Scan {
            text,
            b: text.as_bytes(),
            i: 0,
            path: Vec::new(),
            depth,
            spans: HashMap::new(),
        };
        s.value();
        JsonSpans { spans: s.spans }
    }

    fn get(&self, path: &[Seg]) -> (usize, usize) {
        // The nearest enclosing value that has a span.
        let mut p = path.to_vec();
        loop {
            if let Some(s) = self.spans.get(&p) {
                return *s;
            }
            if p.pop().is_none() {
                return (0, 0);
            }
        }
    }
}

struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    path: Vec<Seg>,
    depth: usize,
    spans: HashMap<Vec<Seg>, (usize, usize)>,
}

impl Scan<'_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn string(&mut self) -> (usize, usize) {
        let start = self.i;
        self.i += 1;
        while let Some(&c) = self.b.get(self.i) {
            self.i += if c == b'\\' { 2 } else { 1 };
            if c == b'"' {
                break;
            }
        }
        (start, self.i.min(self.b.len()))
    }

    fn value(&mut self) {
        self.ws();
        let start = self.i;
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b'"') => {}
                        Some(b'}') | None => {
                            self.i += 1;
                            break;
                        }
                        Some(_) => {
                            self.i += 1;
                            continue;
                        }
                    }
                    let (ks, ke) = self.string();
                    let key = self
                        .text
                        .get(ks..ke)
                        .and_then(|k| serde_json::from_str::<String>(k).ok())
                        .unwrap_or_default();
                    self.ws();
                    if self.b.get(self.i) == Some(&b':') {
                        self.i += 1;
                    }
                    self.path.push(Seg::Key(key.to_lowercase()));
                    self.value();
                    self.path.pop();
                    self.ws();
                    if self.b.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b']') | None => {
                            self.i += 1;
                            break;
                        }
                        _ => {}
                    }
                    self.path.push(Seg::Index(n));
                    let before = self.i;
                    self.value();
                    self.path.pop();
                    if self.i == before {
                        self.i += 1;
                    }
                    n += 1;
                    self.ws();
                    if self.b.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| !matches!(c, b',' | b']' | b'}') && !c.is_ascii_whitespace())
                {
                    self.i += 1;
                }
            }
            None => return,
        }
        if self.path.len() <= self.depth {
            let end = self.i.min(self.b.len());
            self.spans.insert(self.path.clone(), (start, end));
        }
    }
}

fn json_path(path: &[Seg]) -> String {
    let mut s = String::from("$");
    for seg in path {
        match seg {
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn json_rows(p: &mut Problems<'_>) -> Vec<Row> {
    let text = p.text;
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let idx = crate::span::LineIndex::new(text);
            let line = e.line().saturating_sub(1);
            let at = if e.line() == 0 {
                0
            } else {
                // serde_json's column is 1-based, in bytes.
                idx.line_start(line).min(text.len()) + e.column().saturating_sub(1)
            };
            let message = e.to_string();
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            p.add(
                (at, at + 1),
                format!("invalid JSON: {message}"),
                Some(
                    "an import is a JSON array of objects, or an object with an `entities` array"
                        .into(),
                ),
            );
            return Vec::new();
        }
    };
    let spans = JsonSpans::new(text, 4);
    let (list, base): (&Vec<serde_json::Value>, Vec<Seg>) = match &value {
        serde_json::Value::Array(a) => (a, Vec::new()),
        serde_json::Value::Object(o) => {
            for k in o.keys() {
                if !k.eq_ignore_ascii_case("entities") {
                    let path = vec![Seg::Key(k.to_lowercase())];
                    p.add(
                        spans.get(&path),
                        format!("{}: unknown key `{k}`", json_path(&path)),
                        Some(
                            did_you_mean(&k.to_lowercase(), ["entities"])
                                .unwrap_or_else(|| "the object holds an `entities` array".into()),
                        ),
                    );
                }
            }
            match o.iter().find(|(k, _)| k.eq_ignore_ascii_case("entities")) {
                Some((_, serde_json::Value::Array(a))) => (a, vec![Seg::Key("entities".into())]),
                Some(_) => {
                    let path = vec![Seg::Key("entities".into())];
                    p.add(
                        spans.get(&path),
                        "$.entities: expected an array of objects".into(),
                        None,
                    );
                    return Vec::new();
                }
                None => {
                    p.add(
                        (0, 1),
                        "$: the object has no `entities` array".into(),
                        Some("an import is a JSON array of objects, or an object with an `entities` array".into()),
                    );
                    return Vec::new();
                }
            }
        }
        _ => {
            p.add(
                (0, text.len().min(1)),
                "$: expected an array of objects, or an object with an `entities` array".into(),
                None,
            );
            return Vec::new();
        }
    };
    let mut rows = Vec::new();
    for (n, item) in list.iter().enumerate() {
        let mut path = base.clone();
        path.push(Seg::Index(n));
        let at = json_path(&path);
        let span = spans.get(&path);
        let Some(obj) = item.as_object() else {
            p.add(span, format!("{at}: expected an object"), None);
            continue;
        };
        let mut fields = Vec::new();
        for (key, v) in obj {
            let mut kpath = path.clone();
            kpath.push(Seg::Key(key.to_lowercase()));
            let kat = json_path(&kpath);
            let kspan = spans.get(&kpath);
            let Some(c) = lookup_column(key) else {
                p.add(
                    kspan,
                    format!("{kat}: unknown key `{key}`"),
                    Some(unknown_column_help(key)),
                );
                continue;
            };
            let list_column = matches!(c, Column::Aliases | Column::Avoid | Column::Checked);
            let scalar = |v: &serde_json::Value| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                serde_json::Value::Null => Some(String::new()),
                _ => None,
            };
            let values = match v {
                serde_json::Value::Array(items) if list_column => {
                    let mut out = Vec::new();
                    for (j, item) in items.iter().enumerate() {
                        match item {
                            serde_json::Value::String(s) => out.push(s.clone()),
                            _ => {
                                let mut ipath = kpath.clone();
                                ipath.push(Seg::Index(j));
                                p.add(
                                    spans.get(&ipath),
                                    format!("{}: expected a string", json_path(&ipath)),
                                    None,
                                );
                            }
                        }
                    }
                    Some((out, false))
                }
                other => scalar(other).map(|s| (vec![s], true)),
            };
            match values {
                Some((values, split)) => fields.push((
                    c,
                    Field {
                        values,
                        split,
                        span: kspan,
                        at: kat,
                    },
                )),
                None => p.add(
                    kspan,
                    format!(
                        "{kat}: expected {}",
                        if list_column {
                            "a string or an array of strings"
                        } else {
                            "a string"
                        }
                    ),
                    None,
                ),
            }
        }
        rows.push(Row { at, span, fields });
    }
    rows
}

// ---------------------------------------------------------------------------
// Entities

/// What every entity gets unless its row says otherwise.
struct Defaults {
    url: Option<String>,
    wikidata: Option<String>,
    /// `--source` words that are no URL or Wikidata id: kept in the note.
    words: Option<String>,
    checked: Vec<String>,
    file_name: String,
}

impl Defaults {
    fn new(source: Option<&str>, checked: &[String], file_name: &str) -> Self {
        let mut d = Defaults {
            url: None,
            wikidata: None,
            words: None,
            checked: checked.to_vec(),
            file_name: file_name.to_string(),
        };
        if let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) {
            if is_url(s) {
                d.url = Some(s.to_string());
            } else if is_wikidata(s) {
                d.wikidata = Some(s.to_string());
            } else {
                d.words = Some(s.to_string());
            }
        }
        d
    }
}

fn is_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "https://".len()
        && !s.chars().any(char::is_whitespace)
}

fn is_wikidata(s: &str) -> bool {
    s.strip_prefix('Q').is_some_and(|n| {
        !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())
    })
}

struct Term {
    office: String,
    title: Option<String>,
    from: String,
    to: Option<String>,
}

/// A date as written, once checked.
struct Dated {
    text: String,
    date: KbDate,
    span: (usize, usize),
    at: String,
}

/// An entity made from one or more rows.
struct Draft {
    name: String,
    row_at: String,
    /// Where the name is: "row 3, column `name`".
    name_at: String,
    span: (usize, usize),
    kind: Option<(String, String)>,
    aliases: Vec<(String, (usize, usize), String)>,
    avoid: Vec<(String, (usize, usize), String)>,
    born: Option<Dated>,
    died: Option<Dated>,
    founded: Option<Dated>,
    terms: Vec<Term>,
    url: Option<String>,
    wikidata: Option<String>,
    words: Vec<String>,
    checked: Vec<String>,
    notes: Vec<String>,
}

/// An entity ready to write.
struct Entity {
    name: String,
    kind: String,
    aliases: Vec<String>,
    avoid: Vec<String>,
    born: Option<String>,
    died: Option<String>,
    founded: Option<String>,
    terms: Vec<Term>,
    url: Option<String>,
    wikidata: Option<String>,
    checked: Vec<String>,
    note: String,
}

fn same_name(a: &str, b: &str) -> bool {
    // As the knowledge loader compares names.
    a.eq_ignore_ascii_case(b)
}

fn push_unique(list: &mut Vec<String>, v: String) {
    if !list.contains(&v) {
        list.push(v);
    }
}

/// Check a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real one.
fn check_date(p: &mut Problems<'_>, value: &str, f: &Field) -> Option<KbDate> {
    if let Some(d) = KbDate::parse(value) {
        return Some(d);
    }
    let shaped = {
        let parts: Vec<&str> = value.split('-').collect();
        parts.first().is_some_and(|y| y.len() == 4)
            && parts.len() <= 3
            && parts.iter().skip(1).all(|x| x.len() == 2)
            && parts.iter().all(|x| x.bytes().all(|b| b.is_ascii_digit()))
    };
    let message = if shaped {
        format!("{}: `{value}` is not a real date", f.at)
    } else {
        format!(
            "{}: `{value}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
            f.at
        )
    };
    p.add(
        f.span,
        message,
        Some("write YYYY-MM-DD, or YYYY-MM or YYYY when only that much is known".into()),
    );
    None
}

fn build(p: &mut Problems<'_>, rows: Vec<Row>, defaults: &Defaults) -> Vec<Entity> {
    let mut drafts: Vec<Draft> = Vec::new();
    let list_seps: &[char] = &[';', '|'];
    for row in &rows {
        let Some((name, name_field)) = row.one(Column::Name) else {
            let column = if row.at.starts_with('$') {
                format!("{}.name", row.at)
            } else {
                format!("{}, column `name`", row.at)
            };
            p.add(
                row.span,
                format!("{column}: no name"),
                Some("every row needs the entity's name".into()),
            );
            continue;
        };
        let index = match drafts.iter().position(|d| d.name == name) {
            Some(i) => i,
            None => {
                drafts.push(Draft {
                    name: name.clone(),
                    row_at: row.at.clone(),
                    name_at: name_field.at.clone(),
                    span: name_field.span,
                    kind: None,
                    aliases: Vec::new(),
                    avoid: Vec::new(),
                    born: None,
                    died: None,
                    founded: None,
                    terms: Vec::new(),
                    url: None,
                    wikidata: None,
                    words: Vec::new(),
                    checked: Vec::new(),
                    notes: Vec::new(),
                });
                drafts.len() - 1
            }
        };
        let d = &mut drafts[index];
        let first_row = d.row_at.clone();
        // A value two rows of one entity give differently.
        let conflict = |p: &mut Problems<'_>, f: &Field, what: &str, old: &str, new: &str| {
            p.add(
                f.span,
                format!(
                    "{}: `{new}` differs from the {what} `{old}` given in {first_row} for `{name}`",
                    f.at
                ),
                Some(
                    "rows of one name merge into one entity; give each value once, or the same"
                        .into(),
                ),
            );
        };
        if let Some((t, f)) = row.one(Column::Type) {
            let t = t.to_lowercase();
            if !TYPES.contains(&t.as_str()) {
                let help = did_you_mean(&t, TYPES.iter().copied())
                    .unwrap_or_else(|| format!("known types: {}", TYPES.join(", ")));
                p.add(f.span, format!("{}: unknown type `{t}`", f.at), Some(help));
            } else {
                match &d.kind {
                    Some((old, _)) if *old != t => conflict(p, f, "type", old, &t),
                    Some(_) => {}
                    None => d.kind = Some((t, f.at.clone())),
                }
            }
        }
        if let Some(f) = row.get(Column::Aliases) {
            for a in f.items(list_seps) {
                if same_name(&a, &d.name) || d.aliases.iter().any(|(x, _, _)| *x == a) {
                    continue;
                }
                d.aliases.push((a, f.span, f.at.clone()));
            }
        }
        if let Some(f) = row.get(Column::Avoid) {
            for a in f.items(list_seps) {
                if !d.avoid.iter().any(|(x, _, _)| *x == a) {
                    d.avoid.push((a, f.span, f.at.clone()));
                }
            }
        }
        for (c, slot) in [
            (Column::Born, 0usize),
            (Column::Died, 1),
            (Column::Founded, 2),
        ] {
            let Some((v, f)) = row.one(c) else { continue };
            let Some(date) = check_date(p, &v, f) else {
                continue;
            };
            let target = match slot {
                0 => &mut d.born,
                1 => &mut d.died,
                _ => &mut d.founded,
            };
            match target {
                Some(old) if old.text != v => {
                    let old = old.text.clone();
                    conflict(p, f, column_name(c), &old, &v);
                }
                Some(_) => {}
                None => {
                    *target = Some(Dated {
                        text: v,
                        date,
                        span: f.span,
                        at: f.at.clone(),
                    })
                }
            }
        }
        // A term: office, title, from, to on one row.
        let office = row.one(Column::Office);
        let title = row.one(Column::Title);
        let from = row.one(Column::From);
        let to = row.one(Column::To);
        if office.is_some() || title.is_some() || from.is_some() || to.is_some() {
            let mut ok = true;
            let office_text = match (&office, &title) {
                (Some((o, _)), _) => o.clone(),
                (None, Some((_, f))) => {
                    let at =
                        f.at.replace("`title`", "`office`")
                            .replace(".title", ".office");
                    p.add(
                        f.span,
                        format!("{at}: a term needs an office (the title alone is not enough)"),
                        Some("give the office, e.g. `Mayor of Springfield`, and the title written before the name, e.g. `Mayor`".into()),
                    );
                    ok = false;
                    String::new()
                }
                (None, None) => {
                    let f = from.as_ref().or(to.as_ref()).map(|(_, f)| *f);
                    if let Some(f) = f {
                        let at =
                            f.at.replace("`from`", "`office`")
                                .replace("`to`", "`office`")
                                .replace(".from", ".office")
                                .replace(".to", ".office");
                        p.add(f.span, format!("{at}: a term needs an office"), None);
                    }
                    ok = false;
                    String::new()
                }
            };
            let from_date = match &from {
                Some((v, f)) => check_date(p, v, f),
                None => {
                    let f = office
                        .as_ref()
                        .or(title.as_ref())
                        .or(to.as_ref())
                        .map(|(_, f)| *f);
                    if let Some(f) = f {
                        let at =
                            f.at.replace("`office`", "`from`")
                                .replace("`title`", "`from`")
                                .replace("`to`", "`from`")
                                .replace(".office", ".from")
                                .replace(".title", ".from")
                                .replace(".to", ".from");
                        p.add(
                            f.span,
                            format!("{at}: a term needs the date it began (`from`)"),
                            Some(
                                "write YYYY-MM-DD, or YYYY-MM or YYYY when only that much is known"
                                    .into(),
                            ),
                        );
                    }
                    None
                }
            };
            let to_date = to.as_ref().and_then(|(v, f)| check_date(p, v, f));
            if let (Some(fd), Some(td), Some((tv, tf)), Some((fv, _))) =
                (from_date, to_date, &to, &from)
            {
                if td.last_day() < fd.first_day() {
                    p.add(
                        tf.span,
                        format!(
                            "{}: the term ends (`to` {tv}) before it begins (`from` {fv})",
                            tf.at
                        ),
                        Some("swap `from` and `to`, or correct the year".into()),
                    );
                    ok = false;
                }
            }
            let dates_ok = from_date.is_some() && (to.is_none() || to_date.is_some());
            if ok && dates_ok {
                let term = Term {
                    office: office_text,
                    title: title.map(|(t, _)| t),
                    from: from.map(|(v, _)| v).unwrap_or_default(),
                    to: to.map(|(v, _)| v),
                };
                let dup = d.terms.iter().any(|t| {
                    t.office == term.office
                        && t.from == term.from
                        && t.to == term.to
                        && t.title == term.title
                });
                if !dup {
                    d.terms.push(term);
                }
            }
        }
        if let Some(f) = row.get(Column::Source) {
            for s in f.items(&[]) {
                if is_url(&s) {
                    match &d.url {
                        Some(old) if *old != s => {
                            let old = old.clone();
                            conflict(p, f, "source", &old, &s);
                        }
                        _ => d.url = Some(s),
                    }
                } else if is_wikidata(&s) {
                    d.wikidata.get_or_insert(s);
                } else {
                    push_unique(&mut d.words, s);
                }
            }
        }
        if let Some((q, f)) = row.one(Column::Wikidata) {
            if !is_wikidata(&q) {
                p.add(
                    f.span,
                    format!("{}: `{q}` is not a Wikidata item id such as Q95", f.at),
                    None,
                );
            } else {
                match &d.wikidata {
                    Some(old) if *old != q => {
                        let old = old.clone();
                        conflict(p, f, "Wikidata id", &old, &q);
                    }
                    _ => d.wikidata = Some(q),
                }
            }
        }
        if let Some(f) = row.get(Column::Checked) {
            for c in f.items(list_seps) {
                if is_url(&c) {
                    push_unique(&mut d.checked, c);
                } else {
                    p.add(
                        f.span,
                        format!("{}: `{c}` is not an http(s) URL", f.at),
                        Some(
                            "`checked` lists the web pages the values were compared against".into(),
                        ),
                    );
                }
            }
        }
        if let Some((n, _)) = row.one(Column::Note) {
            push_unique(&mut d.notes, n);
        }
    }

    // Across entities: every name and alias belongs to one entity; dates in order.
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut missing_source: Vec<usize> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        if let Some((_, owner)) = names.iter().find(|(n, _)| same_name(n, &d.name)) {
            let other = &drafts[*owner];
            p.add(
                d.span,
                format!(
                    "{}: `{}` is already a name of `{}` ({})",
                    d.name_at, d.name, other.name, other.row_at
                ),
                Some("two entities cannot share a name; spell them apart, or give both rows the same name to merge them".into()),
            );
        }
        names.push((d.name.clone(), i));
        for (a, span, at) in &d.aliases {
            if let Some((_, owner)) = names.iter().find(|(n, o)| same_name(n, a) && *o != i) {
                let other = &drafts[*owner];
                p.add(
                    *span,
                    format!(
                        "{at}: alias `{a}` is already a name of `{}` ({})",
                        other.name, other.row_at
                    ),
                    Some("an alias must point to one entity only".into()),
                );
            }
            names.push((a.clone(), i));
        }
        for (a, span, at) in &d.avoid {
            if *a == d.name || d.aliases.iter().any(|(x, _, _)| x == a) {
                p.add(
                    *span,
                    format!(
                        "{at}: `{a}` is a name of `{}` and cannot also be avoided",
                        d.name
                    ),
                    Some("`avoid` lists spellings to flag, not the entity's own names".into()),
                );
            }
        }
        if let (Some(b), Some(x)) = (&d.born, &d.died) {
            if x.date.last_day() < b.date.first_day() {
                p.add(
                    x.span,
                    format!(
                        "{}: `died` {} is before `born` {} ({})",
                        x.at, x.text, b.text, b.at
                    ),
                    None,
                );
            }
        }
        if let (Some(b), Some(x)) = (&d.founded, &d.died) {
            if x.date.last_day() < b.date.first_day() {
                p.add(
                    x.span,
                    format!("{}: `died` {} is before `founded` {}", x.at, x.text, b.text),
                    None,
                );
            }
        }
        if d.url.is_none()
            && d.wikidata.is_none()
            && defaults.url.is_none()
            && defaults.wikidata.is_none()
        {
            missing_source.push(i);
        }
    }
    if let Some(&first) = missing_source.first() {
        let shown: Vec<String> = missing_source
            .iter()
            .take(3)
            .map(|&i| format!("`{}` ({})", drafts[i].name, drafts[i].row_at))
            .collect();
        let more = missing_source.len().saturating_sub(3);
        let list = if more > 0 {
            format!("{} and {more} more", shown.join(", "))
        } else {
            shown.join(", ")
        };
        let d = &drafts[first];
        p.add(
            d.span,
            format!(
                "{} {} no source URL or Wikidata id: {list}",
                missing_source.len(),
                if missing_source.len() == 1 { "entity has" } else { "entities have" },
            ),
            Some(format!(
                "add a `source` column (a web page or a Wikidata id such as Q95), or pass --source https://... for the whole list; \
                 a knowledge file records where each entity's facts come from (the list's name, {}, is kept in each entity's note)",
                defaults.file_name
            )),
        );
    }

    drafts
        .into_iter()
        .map(|d| {
            let mut notes = d.notes;
            // --source is for rows without a source of their own.
            let own_source = d.url.is_some() || d.wikidata.is_some() || !d.words.is_empty();
            let fallback = defaults.words.as_ref().filter(|_| !own_source);
            for w in d.words.iter().chain(fallback) {
                notes.push(format!("source: {w}"));
            }
            notes.push(format!("imported from {}", defaults.file_name));
            let mut checked = d.checked;
            for c in &defaults.checked {
                push_unique(&mut checked, c.clone());
            }
            let (url, wikidata) = if d.url.is_some() || d.wikidata.is_some() {
                (d.url, d.wikidata)
            } else {
                (defaults.url.clone(), defaults.wikidata.clone())
            };
            Entity {
                name: d.name,
                kind: d.kind.map_or_else(|| "person".to_string(), |(k, _)| k),
                aliases: d.aliases.into_iter().map(|(a, _, _)| a).collect(),
                avoid: d.avoid.into_iter().map(|(a, _, _)| a).collect(),
                born: d.born.map(|x| x.text),
                died: d.died.map(|x| x.text),
                founded: d.founded.map(|x| x.text),
                terms: d.terms,
                url,
                wikidata,
                checked,
                note: notes.join("; "),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// YAML

/// A YAML double-quoted scalar: JSON's escapes, plus every character YAML counts as
/// non-printable.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// YAML 1.2's printable characters, less those YAML 1.1 read as line breaks (U+0085,
/// U+2028, U+2029) and the byte-order mark: escaped, they read the same everywhere.
fn printable(c: char) -> bool {
    matches!(c as u32, 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn render_yaml(entities: &[Entity], file_name: &str) -> String {
    let shown: String = file_name
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let mut y = String::new();
    y.push_str(&format!(
        "# factlint knowledge file, made by `factlint kb import` from {shown}.\n\
         # Validate it with `factlint kb check FILE`; use it from the knowledge/ folder of a\n\
         # rule directory (`--rules DIR` or `rules:` in .factlint.yaml).\n"
    ));
    for e in entities {
        y.push_str(&format!("\n- name: {}\n  type: {}\n", q(&e.name), e.kind));
        if !e.aliases.is_empty() {
            y.push_str(&format!("  aliases: {}\n", list(&e.aliases)));
        }
        if !e.avoid.is_empty() {
            y.push_str(&format!("  avoid: {}\n", list(&e.avoid)));
        }
        for (key, v) in [
            ("founded", &e.founded),
            ("born", &e.born),
            ("died", &e.died),
        ] {
            if let Some(v) = v {
                y.push_str(&format!("  {key}: {}\n", q(v)));
            }
        }
        if !e.terms.is_empty() {
            y.push_str("  terms:\n");
            for t in &e.terms {
                let mut parts = vec![format!("office: {}", q(&t.office))];
                if let Some(title) = &t.title {
                    parts.push(format!("title: {}", q(title)));
                }
                parts.push(format!("from: {}", q(&t.from)));
                if let Some(to) = &t.to {
                    parts.push(format!("to: {}", q(to)));
                }
                y.push_str(&format!("    - {{{}}}\n", parts.join(", ")));
            }
        }
        let mut source = Vec::new();
        if let Some(w) = &e.wikidata {
            source.push(format!("wikidata: {}", q(w)));
        }
        if let Some(u) = &e.url {
            source.push(format!("url: {}", q(u)));
        }
        if !e.checked.is_empty() {
            source.push(format!("checked: {}", list(&e.checked)));
        }
        y.push_str(&format!("  source: {{{}}}\n", source.join(", ")));
        y.push_str(&format!("  note: {}\n", q(&e.note)));
    }
    y
}

// ---------------------------------------------------------------------------
// Stats

/// One entity as `kb stats` counts it. Another source of knowledge adds its rows to the
/// iterator `print_stats` reads.
pub struct StatRow {
    pub kind: String,
    /// "built-in", "configured" or "given".
    pub group: &'static str,
    /// The file the entity came from.
    pub origin: String,
    pub facts: usize,
    pub terms: usize,
}

/// The rows of a knowledge base: each entity with the group its file belongs to.
pub fn stat_rows<'a>(
    kb: &'a kb::KnowledgeBase,
    given: &'a [String],
) -> impl Iterator<Item = StatRow> + 'a {
    kb.entities.iter().map(move |e| StatRow {
        kind: e.kind.clone(),
        group: if kb::schema::BUILTIN_FILES.contains(&e.origin.as_str()) {
            "built-in"
        } else if given.contains(&e.origin) {
            "given"
        } else {
            "configured"
        },
        origin: e.origin.clone(),
        facts: e.fact_count(),
        terms: e.terms.len(),
    })
}

/// Print counts by type and by origin file, as text or JSON.
pub fn print_stats(
    rows: impl Iterator<Item = StatRow>,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut entities = 0usize;
    let mut facts = 0usize;
    let mut terms = 0usize;
    let mut by_type: Vec<(String, usize)> = Vec::new();
    let mut by_origin: Vec<(&'static str, String, usize)> = Vec::new();
    for r in rows {
        entities += 1;
        facts += r.facts;
        terms += r.terms;
        match by_type.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += 1,
            None => by_type.push((r.kind, 1)),
        }
        match by_origin
            .iter_mut()
            .find(|(g, o, _)| *g == r.group && *o == r.origin)
        {
            Some((_, _, n)) => *n += 1,
            None => by_origin.push((r.group, r.origin, 1)),
        }
    }
    by_type.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if json {
        let doc = serde_json::json!({
            "entities": entities,
            "facts": facts,
            "terms": terms,
            "by_type": by_type.iter().map(|(k, n)| serde_json::json!({"type": k, "entities": n})).collect::<Vec<_>>(),
            "by_origin": by_origin.iter().map(|(g, o, n)| serde_json::json!({"group": g, "file": o, "entities": n})).collect::<Vec<_>>(),
        });
        let text = serde_json::to_string_pretty(&doc).map_err(std::io::Error::other)?;
        return writeln!(out, "{text}");
    }
    writeln!(
        out,
        "kb stats: {entities} entities, {facts} facts, {terms} terms"
    )?;
    writeln!(out, "\nby type:")?;
    let w = by_type.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, n) in &by_type {
        writeln!(out, "  {k:w$}  {n:>5}")?;
    }
    writeln!(out, "\nby origin:")?;
    let w = by_origin.iter().map(|(_, o, _)| o.len()).max().unwrap_or(0);
    for (g, o, n) in &by_origin {
        writeln!(out, "  {g:10}  {o:w$}  {n:>5}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_every_non_printable_character() {
        assert_eq!(
            q("a\"b\\c\u{7f}\u{feff}é"),
            "\"a\\\"b\\\\c\\u007F\\uFEFFé\""
        );
    }

    #[test]
    fn stats_count_rows_by_type_and_origin() {
        let row = |kind: &str, group, origin: &str, terms| StatRow {
            kind: kind.into(),
            group,
            origin: origin.into(),
            facts: terms + 1,
            terms,
        };
        let rows = vec![
            row("person", "built-in", "rules/knowledge/leaders.yaml", 2),
            row("company", "given", "mine.yaml", 0),
            row("person", "given", "mine.yaml", 1),
        ];
        let mut out = Vec::new();
        print_stats(rows.into_iter(), false, &mut out).expect("writes");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "kb stats: 3 entities, 6 facts, 3 terms\n\n\
             by type:\n  person       2\n  company      1\n\n\
             by origin:\n  built-in    rules/knowledge/leaders.yaml      1\n  \
             given       mine.yaml                         2\n"
        );
    }

    #[test]
    fn excerpt_keeps_line_numbers() {
        let text = "a\nb\nc\nd\ne\n";
        let (s, start, end) = excerpt(text, (6, 7));
        assert_eq!(&s[start..end], "d");
        assert_eq!(s.matches('\n').count(), 4);
    }
}
