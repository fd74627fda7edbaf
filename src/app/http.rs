//! A small HTTP/1.1 server side over `std::net`, with the limits `factlint serve` needs.
//!
//! It reads one request at a time from a connection: the request line and headers (at
//! most [`MAX_HEAD`] bytes), then a body framed by `Content-Length` or chunked transfer
//! coding, at most `max_body` bytes. Every read runs against a deadline for the whole
//! request, so a client that sends a byte now and then (slow loris) is cut off, and an
//! idle keep-alive connection is closed after `idle`. Whatever a client sends, the
//! answer is a [`ReadError`] that maps to a status code, never a panic.

use std::io::{self, BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The request line and headers together may not exceed this.
pub const MAX_HEAD: usize = 64 * 1024;
/// At most this many headers.
const MAX_HEADERS: usize = 100;

/// Limits for reading one request.
#[derive(Clone, Copy, Debug)]
pub struct ReadLimits {
    pub max_body: usize,
    /// From the first byte of a request to its last.
    pub request_time: Duration,
    /// How long a kept-alive connection may wait for its next request.
    pub idle: Duration,
}

/// One request, read whole.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The path, without the query.
    pub path: String,
    pub query: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub keep_alive: bool,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The media type of the body, lower case, without parameters.
    pub fn content_type(&self) -> String {
        self.header("content-type")
            .and_then(|v| v.split(';').next())
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }
}

/// Why no request could be read.
#[derive(Debug)]
pub enum ReadError {
    /// The connection closed (or stayed idle) before a request began: nothing to answer.
    Closed,
    /// The request did not arrive within the time limit.
    Timeout,
    /// 400, with the reason.
    Bad(String),
    /// 413: the body is larger than the limit.
    TooLarge { limit: usize },
    /// 431: the request line and headers are larger than [`MAX_HEAD`].
    HeadTooLarge,
    /// 505
    Version,
    /// The connection failed; nothing can be answered.
    Io,
}

impl ReadError {
    /// The status and message to answer with, if any.
    pub fn status(&self) -> Option<(u16, String)> {
        match self {
            ReadError::Closed | ReadError::Io => None,
            ReadError::Timeout => Some((408, "the request did not arrive in time".into())),
            ReadError::Bad(reason) => Some((400, reason.clone())),
            ReadError::TooLarge { limit } => Some((
                413,
                format!("the request body is larger than the limit of {limit} bytes"),
            )),
            ReadError::HeadTooLarge => Some((
                431,
                format!("the request line and headers exceed {MAX_HEAD} bytes"),
            )),
            ReadError::Version => Some((505, "only HTTP/1.0 and HTTP/1.1 are served".into())),
        }
    }
}

fn io_error(e: io::Error) -> ReadError {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => ReadError::Timeout,
        io::ErrorKind::UnexpectedEof => ReadError::Bad("the request ended early".into()),
        _ => ReadError::Io,
    }
}

/// A connection's reader with the deadline of the request being read.
pub struct Conn {
    reader: BufReader<TcpStream>,
    deadline: Instant,
}

impl Conn {
    pub fn new(stream: TcpStream) -> Conn {
        Conn {
            reader: BufReader::with_capacity(16 * 1024, stream),
            deadline: Instant::now(),
        }
    }

    pub fn stream(&mut self) -> &mut TcpStream {
        self.reader.get_mut()
    }

    /// Set the socket's read timeout to what is left until the deadline.
    fn arm(&mut self) -> Result<(), ReadError> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ReadError::Timeout);
        }
        self.reader
            .get_ref()
            .set_read_timeout(Some(left))
            .map_err(|_| ReadError::Io)
    }

    fn fill(&mut self) -> Result<&[u8], ReadError> {
        self.arm()?;
        self.reader.fill_buf().map_err(io_error)
    }

    /// Read one line (ending in `\n`) of at most `max` bytes, `\r\n` or `\n` removed.
    fn line(&mut self, max: usize, used: &mut usize) -> Result<Vec<u8>, ReadError> {
        let mut line = Vec::new();
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Err(ReadError::Bad("the request ended early".into()));
            }
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            *used += take;
            if *used > max {
                return Err(ReadError::HeadTooLarge);
            }
            line.extend_from_slice(&buf[..take]);
            self.reader.consume(take);
            if done {
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(line);
            }
        }
    }

    fn exact(&mut self, n: usize, out: &mut Vec<u8>) -> Result<(), ReadError> {
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Err(ReadError::Bad(format!(
                    "the request body ended after {} of {n} bytes",
                    n - left
                )));
            }
            let take = buf.len().min(left);
            out.extend_from_slice(&buf[..take]);
            self.reader.consume(take);
            left -= take;
        }
        Ok(())
    }

    /// Read the next request. `first` tells whether this is the connection's first.
    pub fn read_request(&mut self, limits: &ReadLimits) -> Result<Request, ReadError> {
        // Wait for the first byte within the idle time, then for the rest within the
        // request time.
        self.deadline = Instant::now() + limits.idle;
        match self.fill() {
            Ok([]) => return Err(ReadError::Closed),
            Ok(_) => {}
            Err(ReadError::Timeout) => return Err(ReadError::Closed),
            Err(e) => return Err(e),
        }
        self.deadline = Instant::now() + limits.request_time;
        let mut used = 0;
        // Robustness (RFC 9112, 2.2): empty lines before the request line are skipped.
        let mut request_line = self.line(MAX_HEAD, &mut used)?;
        while request_line.is_empty() {
            request_line = self.line(MAX_HEAD, &mut used)?;
        }
        let request_line = String::from_utf8(request_line)
            .map_err(|_| ReadError::Bad("the request line is not UTF-8".into()))?;
        let mut parts = request_line.split(' ');
        let (Some(method), Some(target), Some(version), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(ReadError::Bad(
                "the request line is not `METHOD TARGET HTTP/1.1`".into(),
            ));
        };
        if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ReadError::Bad(format!("`{method}` is not an HTTP method")));
        }
        let http10 = match version {
            "HTTP/1.1" => false,
            "HTTP/1.0" => true,
            v if v.starts_with("HTTP/") => return Err(ReadError::Version),
            _ => {
                return Err(ReadError::Bad(
                    "the request line has no HTTP version".into(),
                ))
            }
        };
        let mut headers = Vec::new();
        loop {
            let line = self.line(MAX_HEAD, &mut used)?;
            if line.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADERS {
                return Err(ReadError::HeadTooLarge);
            }
            let line = String::from_utf8_lossy(&line);
            let Some((name, value)) = line.split_once(':') else {
                return Err(ReadError::Bad(format!("`{line}` is not a header")));
            };
            if name.is_empty() || name.ends_with(char::is_whitespace) {
                return Err(ReadError::Bad(format!("`{name}` is not a header name")));
            }
            headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
        }
        let (path, query) = match target.split_once('?') {
            Some((p, q)) => (p, q),
            None => (target, ""),
        };
        // An absolute target (`http://host/path`) is allowed by the standard.
        let path = match path.strip_prefix("http://") {
            Some(rest) => rest.find('/').map_or("/", |i| &rest[i..]),
            None => path,
        };
        let mut request = Request {
            method: method.to_string(),
            path: path.to_string(),
            query: query.to_string(),
            keep_alive: false,
            headers,
            body: Vec::new(),
        };
        let connection = request
            .header("connection")
            .unwrap_or("")
            .to_ascii_lowercase();
        request.keep_alive = if http10 {
            connection.contains("keep-alive")
        } else {
            !connection.contains("close")
        };
        let chunked = match request.header("transfer-encoding") {
            None => false,
            Some(te) if te.eq_ignore_ascii_case("chunked") => true,
            Some(te) => {
                return Err(ReadError::Bad(format!(
                    "transfer coding `{te}` is not supported"
                )))
            }
        };
        let lengths: Vec<&str> = request
            .headers
            .iter()
            .filter(|(n, _)| n == "content-length")
            .map(|(_, v)| v.as_str())
            .collect();
        let length = match lengths.as_slice() {
            [] => None,
            [one] => Some(
                one.parse::<usize>()
                    .ok()
                    .filter(|_| one.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| {
                        ReadError::Bad(format!("`{one}` is not a valid Content-Length"))
                    })?,
            ),
            _ => return Err(ReadError::Bad("more than one Content-Length".into())),
        };
        if chunked && length.is_some() {
            return Err(ReadError::Bad(
                "both Content-Length and Transfer-Encoding".into(),
            ));
        }
        if length.is_some_and(|n| n > limits.max_body) {
            return Err(ReadError::TooLarge {
                limit: limits.max_body,
            });
        }
        let expects = request
            .header("expect")
            .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
        if expects && !http10 && (chunked || length.is_some_and(|n| n > 0)) {
            let stream = self.reader.get_mut();
            stream
                .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .map_err(|_| ReadError::Io)?;
        }
        let mut body = Vec::new();
        if chunked {
            self.chunked_body(limits.max_body, &mut body)?;
        } else if let Some(n) = length {
            body.reserve(n);
            self.exact(n, &mut body)?;
        }
        request.body = body;
        Ok(request)
    }

    fn chunked_body(&mut self, max: usize, body: &mut Vec<u8>) -> Result<(), ReadError> {
        loop {
            let mut used = 0;
            let line = self.line(1024, &mut used)?;
            let line = String::from_utf8_lossy(&line);
            let size = line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| ReadError::Bad(format!("`{size}` is not a chunk size")))?;
            if size == 0 {
                // Trailers, then the empty line.
                let mut used = 0;
                while !self.line(MAX_HEAD, &mut used)?.is_empty() {}
                return Ok(());
            }
            if body.len().saturating_add(size) > max {
                return Err(ReadError::TooLarge { limit: max });
            }
            self.exact(size, body)?;
            let mut used = 0;
            if !self.line(2, &mut used)?.is_empty() {
                return Err(ReadError::Bad("a chunk is longer than its size".into()));
            }
        }
    }
}

/// One response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response::new(status, "application/json", value.to_string())
    }

    /// A JSON error: `{"error": {"status": 400, "message": "..."}}`.
    pub fn error(status: u16, message: &str) -> Response {
        Response::json(
            status,
            &serde_json::json!({"error": {"status": status, "message": message}}),
        )
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// Write the response; `keep_alive` says whether the connection stays open.
    pub fn write(&self, out: &mut dyn Write, keep_alive: bool, head_only: bool) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: {}\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" },
        );
        for (name, value) in &self.headers {
            head.push_str(name);
            head.push_str(": ");
            head.push_str(value);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// Decode `application/x-www-form-urlencoded` text (a body or a query) into pairs.
/// Invalid percent escapes are an error; the values must be UTF-8.
pub fn parse_form(input: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    for part in input.split(|&b| b == b'&') {
        if part.is_empty() {
            continue;
        }
        let (name, value) = match part.iter().position(|&b| b == b'=') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => (part, &[][..]),
        };
        pairs.push((percent_decode(name)?, percent_decode(value)?));
    }
    Ok(pairs)
}

fn percent_decode(input: &[u8]) -> Result<String, String> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while let Some(&b) = input.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = input
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("invalid percent escape at byte {i} of a form field"))?;
                out.push(hex);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|e| {
        format!(
            "a form field is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_form_fields() {
        let pairs = parse_form(b"text=Caf%C3%A9+%E2%80%9Cq%E2%80%9D&language=en-US&x").expect("ok");
        assert_eq!(
            pairs,
            [
                ("text".into(), "Café “q”".into()),
                ("language".into(), "en-US".into()),
                ("x".into(), String::new())
            ]
        );
        assert!(parse_form(b"text=%ZZ").is_err());
        assert!(parse_form(b"text=%FF").is_err());
        assert!(parse_form(b"text=%4").is_err());
    }
}
