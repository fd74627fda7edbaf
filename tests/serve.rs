//! `factlint serve` over loopback, spoken to with std's TcpStream: the LanguageTool API,
//! the JSON API, the page, and requests that are malformed, oversized, truncated,
//! invalid UTF-8 or slow, each answered cleanly while the server keeps serving.
#![cfg(feature = "server")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["serve", "--port", "0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("factlint serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let mut line = String::new();
        BufReader::new(stderr)
            .read_line(&mut line)
            .expect("a line on stderr");
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, port }
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        s
    }

    /// Send raw bytes on a new connection; the status and body of the answer.
    fn raw(&self, bytes: &[u8]) -> (u16, String) {
        let mut s = self.connect();
        s.write_all(bytes).expect("write");
        read_response(&mut s)
    }

    fn post(&self, path: &str, content_type: &str, body: &[u8]) -> (u16, String) {
        let mut req = format!(
            "POST {path} HTTP/1.1\r\nhost: x\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        req.extend_from_slice(body);
        self.raw(&req)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.raw(format!("GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").as_bytes())
    }

    fn alive(&self) {
        let (status, body) = self.get("/v2/languages");
        assert_eq!(status, 200, "{body}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_response(s: &mut TcpStream) -> (u16, String) {
    let mut reader = BufReader::new(s);
    let mut status_line = String::new();
    reader.read_line(&mut status_line).expect("status line");
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("header");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().expect("length");
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("body");
    (status, String::from_utf8(body).expect("UTF-8 body"))
}

fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".into(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

/// A POST request with `body` and its length.
fn post_raw(path: &str, body: &[u8]) -> Vec<u8> {
    let mut req = format!(
        "POST {path} HTTP/1.1\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    req
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// The text at UTF-16 `offset`/`length` of `text`, as LanguageTool clients read it.
fn utf16_slice(text: &str, offset: u64, length: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[offset as usize..(offset + length) as usize]).expect("whole chars")
}

#[test]
fn languagetool_check_counts_offsets_in_utf16_on_non_ascii_text() {
    let server = Server::start(&[]);
    let text = "😀 “東京” — the summit opened on Monday, 29 November 2026. 👍🏽 Fine.";
    let (status, body) = server.post(
        "/v2/check",
        "application/x-www-form-urlencoded",
        &form(&[("text", text), ("language", "en-US")]),
    );
    assert_eq!(status, 200, "{body}");
    let v = json(&body);
    let m = &v["matches"][0];
    assert_eq!(m["rule"]["id"], "date.weekday-mismatch");
    assert_eq!(
        utf16_slice(
            text,
            m["offset"].as_u64().unwrap(),
            m["length"].as_u64().unwrap()
        ),
        "Monday, 29 November 2026"
    );
    let replacements: Vec<&str> = m["replacements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        replacements,
        ["Sunday, 29 November 2026", "Monday, 30 November 2026"]
    );
    let ctx = &m["context"];
    assert_eq!(
        utf16_slice(
            ctx["text"].as_str().unwrap(),
            ctx["offset"].as_u64().unwrap(),
            ctx["length"].as_u64().unwrap()
        ),
        "Monday, 29 November 2026"
    );
    assert_eq!(m["rule"]["category"]["id"], "DATE");
    assert!(m["sentence"].as_str().unwrap().contains("summit opened"));
    assert_eq!(v["language"]["code"], "en-US");
    assert_eq!(v["software"]["name"], "factlint");
}

#[test]
fn languagetool_check_reads_annotated_data_and_the_request_date() {
    let server = Server::start(&[]);
    let data = r#"{"annotation":[{"markup":"<p>"},{"text":"The vote is on "},{"markup":"<b>"},{"text":"Thursday, 4 December"},{"markup":"</b>"},{"text":"."},{"markup":"</p>","interpretAs":"\n\n"}]}"#;
    let (status, body) = server.post(
        "/v2/check",
        "application/x-www-form-urlencoded",
        &form(&[("data", data), ("language", "auto"), ("date", "2026-11-20")]),
    );
    assert_eq!(status, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["referenceDate"]["date"], "2026-11-20");
    assert_eq!(v["referenceDate"]["source"], "request");
    let original = "<p>The vote is on <b>Thursday, 4 December</b>.</p>";
    let m = &v["matches"][0];
    assert_eq!(
        utf16_slice(
            original,
            m["offset"].as_u64().unwrap(),
            m["length"].as_u64().unwrap()
        ),
        "Thursday, 4 December"
    );
    // Without a date there is nothing to take the year from: nothing to report.
    let (_, body) = server.post(
        "/v2/check",
        "application/x-www-form-urlencoded",
        &form(&[("data", data), ("language", "en-GB")]),
    );
    let v = json(&body);
    assert_eq!(v["referenceDate"]["source"], "none");
    assert_eq!(v["matches"].as_array().unwrap().len(), 0, "{body}");
    // GET with a query, and rules switched off by id.
    let (status, body) = server.get(
        "/v2/check?language=en&text=It+opened+on+Monday%2C+29+November+2026.&disabledRules=date.weekday-mismatch",
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn api_check_answers_with_the_json_contract() {
    let server = Server::start(&[]);
    let request = serde_json::json!({
        "text": "---\ndate: 2026-11-20\n---\n\nThe vote is on Thursday, 4 December.\n",
        "format": "markdown",
        "path": "news/vote.md",
    });
    let (status, body) = server.post(
        "/api/check",
        "application/json",
        request.to_string().as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["version"], 1);
    let file = &v["files"][0];
    assert_eq!(file["path"], "news/vote.md");
    assert_eq!(file["reference_date"]["source"], "front-matter");
    let d = &file["diagnostics"][0];
    assert_eq!(d["rule"], "date.weekday-mismatch");
    let text = request["text"].as_str().unwrap();
    let span = |s: &Value| {
        &text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
    };
    assert_eq!(span(&d["span"]), "Thursday, 4 December");
    assert_eq!(span(&d["fix"]["span"]), "Thursday");
    assert_eq!(d["fix"]["replacement"], "Friday");
    assert_eq!(span(&d["alternatives"][0]["span"]), "4");
    assert_eq!(d["alternatives"][0]["replacement"], "3");
    assert_eq!(v["summary"]["errors"], 1);
    // The request's date overrides the document's.
    let request = serde_json::json!({"text": text, "date": "2025-11-20"});
    let (_, body) = server.post(
        "/api/check",
        "application/json",
        request.to_string().as_bytes(),
    );
    assert_eq!(json(&body)["files"][0]["reference_date"]["source"], "flag");
}

#[test]
fn the_page_is_self_contained() {
    let server = Server::start(&[]);
    let mut s = server.connect();
    s.write_all(b"GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .expect("write");
    let mut all = String::new();
    s.read_to_string(&mut all).expect("read");
    assert!(all.starts_with("HTTP/1.1 200"), "{all}");
    assert!(all.contains("content-security-policy: default-src 'none'"));
    let page = all.split("\r\n\r\n").nth(1).unwrap();
    assert!(page.contains("/api/check"));
    for outside in [
        "http://",
        "https://",
        "//fonts",
        "@import",
        "<script src",
        "<link",
    ] {
        assert!(
            !page.contains(outside),
            "the page refers outside: {outside}"
        );
    }
}

#[test]
fn bad_requests_get_clear_json_errors_and_the_server_keeps_serving() {
    let server = Server::start(&["--max-body", "1000", "--timeout", "2"]);
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("garbage", b"\x00\x01\x02 nonsense\r\n\r\n".to_vec(), 400),
        ("no version", b"GET /\r\n\r\n".to_vec(), 400),
        ("HTTP/2", b"GET / HTTP/2.0\r\n\r\n".to_vec(), 505),
        ("bad header", b"GET / HTTP/1.1\r\nno colon here\r\n\r\n".to_vec(), 400),
        ("bad length", b"POST /api/check HTTP/1.1\r\ncontent-length: -5\r\n\r\n".to_vec(), 400),
        (
            "two lengths",
            b"POST /api/check HTTP/1.1\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nab".to_vec(),
            400,
        ),
        (
            "oversized",
            format!("POST /api/check HTTP/1.1\r\ncontent-length: 5000\r\n\r\n{}", "x".repeat(5000)).into_bytes(),
            413,
        ),
        (
            "oversized chunked",
            format!("POST /v2/check HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n800\r\n{}\r\n0\r\n\r\n", "x".repeat(2048)).into_bytes(),
            413,
        ),
        (
            "invalid UTF-8 form",
            post_raw("/v2/check", b"text=%FF%FEab"),
            400,
        ),
        (
            "invalid UTF-8 JSON",
            post_raw("/api/check", b"{\"text\":\"\xff\"}"),
            400,
        ),
        ("not JSON", post_raw("/api/check", b"{{{"), 400),
        (
            "unknown field",
            post_raw("/api/check", b"{\"text\":\"a\",\"txet\":1}"),
            400,
        ),
        (
            "bad date",
            post_raw("/api/check", b"{\"text\":\"a\",\"date\":\"2026-02-30\"}"),
            400,
        ),
        (
            "other language",
            post_raw("/v2/check", b"text=a&language=de-D"),
            400,
        ),
        ("no text", post_raw("/v2/check", b"language=en"), 400),
        ("unknown path", b"GET /nowhere HTTP/1.1\r\n\r\n".to_vec(), 404),
        ("wrong method", b"DELETE /api/check HTTP/1.1\r\n\r\n".to_vec(), 405),
        (
            "huge header",
            format!("GET / HTTP/1.1\r\nx: {}\r\n\r\n", "a".repeat(70_000)).into_bytes(),
            431,
        ),
    ];
    for (name, bytes, want) in cases {
        let (status, body) = server.raw(&bytes);
        assert_eq!(status, want, "{name}: {body}");
        let v = json(&body);
        assert!(
            v["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{name}: {body}"
        );
        server.alive();
    }
}

#[test]
fn truncated_and_slow_requests_time_out_cleanly() {
    let server = Server::start(&["--timeout", "1"]);
    // A body shorter than its length, then silence.
    let mut s = server.connect();
    s.write_all(b"POST /api/check HTTP/1.1\r\ncontent-length: 100\r\n\r\n{\"text\":")
        .expect("write");
    let (status, body) = read_response(&mut s);
    assert_eq!(status, 408, "{body}");
    // A request closed half-way.
    let mut s = server.connect();
    s.write_all(b"POST /api/check HTTP/1.1\r\ncontent-length: 100\r\n\r\n{\"te")
        .expect("write");
    s.shutdown(std::net::Shutdown::Write).expect("shutdown");
    let (status, _) = read_response(&mut s);
    assert_eq!(status, 400);
    // Slow loris: a header byte every 300 ms never completes a request.
    let mut s = server.connect();
    let started = Instant::now();
    let mut answered = None;
    for b in b"GET / HTTP/1.1\r\nx-slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
        if s.write_all(&[*b]).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
        s.set_nonblocking(true).expect("nonblocking");
        let mut peek = [0u8; 1];
        let ready = s.peek(&mut peek).is_ok();
        s.set_nonblocking(false).expect("blocking");
        if ready {
            answered = Some(read_response(&mut s));
            break;
        }
    }
    let (status, _) = answered.expect("the slow client is cut off");
    assert_eq!(status, 408);
    assert!(started.elapsed() < Duration::from_secs(5));
    server.alive();
}

#[test]
fn keep_alive_connections_serve_several_requests() {
    let server = Server::start(&[]);
    let mut s = server.connect();
    for _ in 0..3 {
        let body = form(&[("text", "A calm day."), ("language", "en-US")]);
        let mut req = format!(
            "POST /v2/check HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        req.extend_from_slice(&body);
        s.write_all(&req).expect("write");
        let (status, body) = read_response(&mut s);
        assert_eq!(status, 200, "{body}");
    }
    // Expect: 100-continue (curl's habit for larger bodies) gets its interim answer.
    let body = form(&[("text", "A calm day."), ("language", "en-US")]);
    let head = format!(
        "POST /v2/check HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).expect("write");
    let (status, _) = read_response(&mut s);
    assert_eq!(status, 100);
    s.write_all(&body).expect("write");
    let (status, _) = read_response(&mut s);
    assert_eq!(status, 200);
}

#[test]
fn stops_cleanly_on_sigterm() {
    let mut server = Server::start(&[]);
    server.alive();
    let pid = server.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn warns_when_bound_beyond_loopback() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["serve", "--host", "0.0.0.0", "--port", "0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().expect("stderr"))
        .read_line(&mut line)
        .expect("line");
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("warning"), "{line}");
}
