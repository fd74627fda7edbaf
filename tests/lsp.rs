//! `factlint lsp` over its standard input and output, spoken to as an editor does:
//! initialize, didOpen, publishDiagnostics, codeAction, didChange, hover; positions in
//! UTF-16 and, when negotiated, UTF-8, on text with emoji, CJK and curly quotes.
#![cfg(feature = "server")]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(init: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["lsp", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("factlint lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("JSON message");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
        };
        let answer = client.request("initialize", init);
        assert!(answer["result"]["capabilities"].is_object(), "{answer}");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(30))
                .expect("an answer from the server within 30 s");
            if want(&m) {
                return m;
            }
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn shutdown(mut self) {
        let answer = self.request("shutdown", Value::Null);
        assert!(answer.get("error").is_none(), "{answer}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("exits");
        assert!(status.success(), "{status:?}");
    }
}

fn init(encodings: &[&str], options: Value) -> Value {
    json!({
        "processId": null,
        "rootUri": null,
        "capabilities": {"general": {"positionEncodings": encodings}},
        "initializationOptions": options,
    })
}

/// Apply LSP text edits (UTF-16 positions) to `text`.
fn apply_utf16(text: &str, edits: &[Value]) -> String {
    let mut lines: Vec<Vec<u16>> = text
        .split('\n')
        .map(|l| l.encode_utf16().collect())
        .collect();
    assert_eq!(edits.len(), 1, "one edit per action here");
    let e = &edits[0];
    let (sl, sc) = (
        e["range"]["start"]["line"].as_u64().unwrap() as usize,
        e["range"]["start"]["character"].as_u64().unwrap() as usize,
    );
    let (el, ec) = (
        e["range"]["end"]["line"].as_u64().unwrap() as usize,
        e["range"]["end"]["character"].as_u64().unwrap() as usize,
    );
    assert_eq!(sl, el, "a one-line edit");
    let line = &mut lines[sl];
    let new: Vec<u16> = e["newText"].as_str().unwrap().encode_utf16().collect();
    line.splice(sc..ec, new);
    lines
        .iter()
        .map(|l| String::from_utf16(l).expect("whole characters"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn utf16_range_text(text: &str, range: &Value) -> String {
    let line = range["start"]["line"].as_u64().unwrap() as usize;
    assert_eq!(range["end"]["line"].as_u64().unwrap() as usize, line);
    let units: Vec<u16> = text.split('\n').nth(line).unwrap().encode_utf16().collect();
    let (a, b) = (
        range["start"]["character"].as_u64().unwrap() as usize,
        range["end"]["character"].as_u64().unwrap() as usize,
    );
    String::from_utf16(&units[a..b]).expect("whole characters")
}

const ARTICLE: &str =
    "# 😀 “東京” report\n\nThe summit — in 東京 👍🏽 — opened on Monday, 29 November 2026.\n";

#[test]
fn diagnostics_code_actions_and_hover_in_utf16() {
    let mut c = Client::start(init(&["utf-16"], Value::Null));
    let uri = "untitled:article.md";
    let diags = c.open(uri, "markdown", ARTICLE);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "date.weekday-mismatch");
    assert_eq!(d["source"], "factlint");
    assert_eq!(d["severity"], 1);
    assert_eq!(
        utf16_range_text(ARTICLE, &d["range"]),
        "Monday, 29 November 2026"
    );

    let answer = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = answer["result"].as_array().expect("actions").clone();
    assert_eq!(actions.len(), 2, "{actions:?}");
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles[0].contains("“Monday” with “Sunday”") && titles[0].contains("unsafe"),
        "{titles:?}"
    );
    assert!(
        titles[1].contains("“29” with “30”") && titles[1].contains("unsafe"),
        "{titles:?}"
    );
    for a in &actions {
        assert_eq!(a["kind"], "quickfix");
    }
    // Apply the first (the weekday), as the editor would, and send the new text.
    let edits = actions[0]["edit"]["changes"][uri]
        .as_array()
        .expect("edits")
        .clone();
    let fixed = apply_utf16(ARTICLE, &edits);
    assert!(
        fixed.contains("opened on Sunday, 29 November 2026."),
        "{fixed}"
    );
    let other = apply_utf16(
        ARTICLE,
        actions[1]["edit"]["changes"][uri].as_array().unwrap(),
    );
    assert!(
        other.contains("opened on Monday, 30 November 2026."),
        "{other}"
    );

    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": d["range"]["start"]}),
    );
    let value = hover["result"]["contents"]["value"]
        .as_str()
        .expect("hover text");
    assert!(value.contains("date.weekday-mismatch"), "{value}");
    assert!(value.contains("must be that date's weekday"), "{value}");

    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert!(c.diagnostics(uri).is_empty());
    c.shutdown();
}

#[test]
fn utf8_positions_when_negotiated() {
    let mut c = Client::start(init(&["utf-8", "utf-16"], Value::Null));
    let diags = c.open("untitled:a.md", "markdown", ARTICLE);
    let range = &diags[0]["range"];
    let line = ARTICLE
        .split('\n')
        .nth(range["start"]["line"].as_u64().unwrap() as usize)
        .unwrap();
    let (a, b) = (
        range["start"]["character"].as_u64().unwrap() as usize,
        range["end"]["character"].as_u64().unwrap() as usize,
    );
    assert_eq!(&line[a..b], "Monday, 29 November 2026");
    c.shutdown();
}

#[test]
fn the_reference_date_comes_from_the_document_then_the_setting() {
    let text = "The vote is on Thursday, 4 December.\n";
    // No date anywhere: a year-less date is not checked.
    let mut c = Client::start(init(&["utf-16"], Value::Null));
    assert!(c.open("untitled:a.md", "markdown", text).is_empty());
    // The setting, changed at run time.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"factlint": {"date": "2026-11-20"}}}),
    );
    let diags = c.diagnostics("untitled:a.md");
    assert_eq!(diags.len(), 1, "{diags:?}");
    c.shutdown();
    // From initializationOptions; the front matter wins over it.
    let mut c = Client::start(init(&["utf-16"], json!({"date": "2026-11-20"})));
    assert_eq!(c.open("untitled:b.md", "markdown", text).len(), 1);
    let dated = format!("---\ndate: 2025-11-20\n---\n\n{text}");
    let diags = c.open("untitled:c.md", "markdown", &dated);
    // 4 December 2025 is a Thursday.
    assert!(diags.is_empty(), "{diags:?}");
    c.shutdown();
}

#[test]
fn suppression_comments_work_as_on_the_command_line() {
    let mut c = Client::start(init(&["utf-16"], Value::Null));
    let text = "<!-- factlint-disable-next-line date.weekday-mismatch -->\nThe summit opened on Monday, 29 November 2026.\n";
    assert!(c.open("untitled:s.md", "markdown", text).is_empty());
    let plain = "factlint: disable-next-line date.weekday-mismatch\nThe summit opened on Monday, 29 November 2026.\n";
    assert!(c.open("untitled:s.txt", "plaintext", plain).is_empty());
    c.shutdown();
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn house_rule(message: &str) -> String {
    format!(
        r#"- id: style.irregardless
  kind: pattern
  severity: warning
  message: "{message}"
  description: Use "regardless".
  params:
    pattern: irregardless
    replacement: regardless
  examples:
    - bad: "We go <<irregardless>>."
    - good: "We go regardless."
"#
    )
}

#[test]
fn workspace_rules_load_from_the_nearest_config_and_reload_on_change() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path();
    write(&root.join(".factlint.yaml"), "rules: [house]\n");
    write(&root.join("house/style.yaml"), &house_rule("first wording"));
    let article = root.join("news/a.md");
    write(&article, "We go irregardless.\n");
    let uri = format!("file://{}", article.display());
    let mut c = Client::start(init(&["utf-16"], Value::Null));
    let diags = c.open(&uri, "markdown", "We go irregardless.\n");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["message"], "first wording");
    // The safe fix is the preferred action.
    let answer = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
    );
    assert_eq!(answer["result"][0]["isPreferred"], true, "{answer}");
    assert!(!answer["result"][0]["title"]
        .as_str()
        .unwrap()
        .contains("unsafe"));

    write(
        &root.join("house/style.yaml"),
        &house_rule("second wording"),
    );
    let rule_uri = format!("file://{}", root.join("house/style.yaml").display());
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": rule_uri, "type": 2}]}),
    );
    let diags = c.diagnostics(&uri);
    assert_eq!(diags[0]["message"], "second wording");
    // Saving a rule file in the editor reloads too.
    write(&root.join("house/style.yaml"), &house_rule("third wording"));
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": rule_uri}}),
    );
    let diags = c.diagnostics(&uri);
    assert_eq!(diags[0]["message"], "third wording");
    c.shutdown();
}

#[test]
fn a_broken_config_is_reported_and_the_built_in_rules_still_run() {
    let dir = tempfile::tempdir().expect("tmp");
    write(&dir.path().join(".factlint.yaml"), "no-such-key: 1\n");
    let article = dir.path().join("a.md");
    write(&article, ARTICLE);
    let uri = format!("file://{}", article.display());
    let mut c = Client::start(init(&["utf-16"], Value::Null));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    let shown = c.wait(|m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("configuration"),
        "{shown}"
    );
    assert_eq!(c.diagnostics(&uri).len(), 1);
    c.shutdown();
}
