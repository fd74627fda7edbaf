//! `factlint lsp`: a language server over standard input and output.
//!
//! Diagnostics are published when a document opens and, debounced, as it changes;
//! code actions offer every fix (both repairs of a weekday mismatch, unsafe ones marked
//! as such), and hover shows the rule's explanation. Positions are converted between
//! byte spans and the client's encoding: UTF-16 unless the client offers UTF-8.
//!
//! Each document is checked with the rules and knowledge of the nearest `.factlint.yaml`
//! above it (built-in ones alone without one), loaded once per configuration and
//! reloaded when a configuration, rule or knowledge file changes (a watched-file event,
//! or a save in the editor). The reference date is the document's own (front matter or
//! HTML meta), else the `factlint.date` setting (initialization options or
//! `workspace/didChangeConfiguration`), else what the text itself shows; never the clock.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, DidChangeConfigurationParams, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, Location, MarkupContent, MarkupKind, NumberOrString, Position,
    PositionEncodingKind, PublishDiagnosticsParams, Range, Registration, RegistrationParams,
    SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::Value;

use crate::cli::LspArgs;
use crate::cli::RuleSourceArgs;
use crate::config::{self, PerPathIgnores};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{parse_iso_date, Document, Format};
use crate::engine::{Engine, EngineOptions};
use crate::error::SetupError;
use crate::rules::{id_matches, Rule};

use super::exit::EXIT_CLEAN;
use super::load::{load_knowledge, load_rules, rule_dirs};
use super::positions::{Encoding, LinePosition, PositionMap};

/// How long after the last keystroke a changed document is checked.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// `factlint lsp`
pub fn run(_args: LspArgs, err: &mut dyn Write) -> Result<u8, SetupError> {
    let (connection, io_threads) = Connection::stdio();
    let outcome = serve(&connection);
    // Closing our side lets the writer thread finish.
    drop(connection);
    if let Err(message) = outcome {
        let _ = writeln!(err, "factlint lsp: {message}");
        return Err(SetupError::Usage(format!("language server: {message}")));
    }
    let _ = io_threads.join();
    Ok(EXIT_CLEAN)
}

/// The rules of one configuration (or of none: the built-in ones).
struct Workspace {
    engine: Engine,
    per_path: PerPathIgnores,
    /// Why the configuration could not be loaded (the built-in rules run instead).
    error: Option<String>,
}

/// One open document and what was last found in it.
struct OpenDoc {
    uri: Uri,
    version: i32,
    language: String,
    text: String,
    /// The diagnostics of `checked` (the text they were computed on).
    checked: Option<(String, PositionMap, Vec<Diagnostic>)>,
    /// When a pending check is due.
    due: Option<Instant>,
}

struct Server<'a> {
    connection: &'a Connection,
    encoding: Encoding,
    date_setting: Option<Date>,
    roots: Vec<PathBuf>,
    docs: HashMap<String, OpenDoc>,
    /// Loaded configurations, by the path of their `.factlint.yaml` (None: no file).
    workspaces: HashMap<Option<PathBuf>, Arc<Workspace>>,
    next_request: i32,
}

fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let init: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let utf8 = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|list| list.contains(&PositionEncodingKind::UTF8));
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let watch_dynamic = init
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let capabilities = ServerCapabilities {
        position_encoding: Some(if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "factlint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut roots: Vec<PathBuf> = init
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| uri_to_path(&f.uri))
        .collect();
    #[allow(deprecated)]
    if let Some(root) = init.root_uri.as_ref().and_then(uri_to_path) {
        roots.push(root);
    }
    let mut server = Server {
        connection,
        encoding,
        date_setting: None,
        roots,
        docs: HashMap::new(),
        workspaces: HashMap::new(),
        next_request: 0,
    };
    if let Some(options) = &init.initialization_options {
        server.read_settings(options);
    }
    if watch_dynamic {
        server.watch_files();
    }
    server.main_loop()
}

/// The `date` of `{"date": ...}`, `{"factlint": {"date": ...}}` or
/// `{"factlint.date": ...}`: `Some(None)` when the setting is present but empty.
fn date_setting(settings: &Value) -> Option<Option<Date>> {
    let value = settings
        .get("factlint")
        .and_then(|f| f.get("date"))
        .or_else(|| settings.get("factlint.date"))
        .or_else(|| settings.get("date"))?;
    Some(value.as_str().and_then(|s| parse_iso_date(s.trim())))
}

/// A `file:` URI's path, percent-decoded.
fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file://host/path`: only the local host.
    let path = if rest.starts_with('/') {
        rest
    } else {
        let slash = rest.find('/')?;
        let host = &rest[..slash];
        if host != "localhost" {
            return None;
        }
        &rest[slash..]
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(h) = hex {
                out.push(h);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    let decoded = String::from_utf8(out).ok()?;
    // Windows: `/c:/dir` is `c:/dir`.
    let decoded = if cfg!(windows) {
        decoded.trim_start_matches('/').to_string()
    } else {
        decoded
    };
    Some(PathBuf::from(decoded))
}

fn format_of(language: &str, path: Option<&Path>) -> Format {
    match language {
        "markdown" | "md" => Format::Markdown,
        "html" | "htm" => Format::Html,
        "plaintext" | "text" | "txt" => Format::Text,
        _ => path.map_or(Format::Text, Format::from_path),
    }
}

/// Whether a change to this file changes the rules: a configuration, rule or knowledge
/// file.
fn is_rule_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == config::CONFIG_NAME)
        || path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

fn load_workspace(config_path: Option<&Path>) -> Workspace {
    let load = || -> Result<Workspace, SetupError> {
        let source = RuleSourceArgs {
            config: config_path.map(Path::to_path_buf),
            rules: Vec::new(),
        };
        // Without a configuration file, discovery must not wander from the server's
        // own directory: ask for one that is not there.
        let (mut rules, config) = match config_path {
            Some(_) => load_rules(&source, None)?,
            None => load_rules(&source, Some(Path::new("/")))?,
        };
        let known_rules: Vec<String> = rules.iter().map(|r| r.id.clone()).collect();
        let per_path = PerPathIgnores::new(&config)?;
        rules.retain(|r| {
            (config.config.select.is_empty() || config.config.select.iter().any(|s| r.matches(s)))
                && !config.config.ignore.iter().any(|s| r.matches(s))
        });
        let engine = Engine::new(
            rules,
            EngineOptions {
                date: None,
                locale: config.config.locale.unwrap_or_default(),
                known_rules,
                kb: load_knowledge(&rule_dirs(&source, &config))?,
            },
        );
        Ok(Workspace {
            engine,
            per_path,
            error: None,
        })
    };
    match load() {
        Ok(w) => w,
        Err(e) => {
            let message = miette_text(&e);
            let builtin = crate::rules::load_builtin().unwrap_or_default();
            Workspace {
                engine: Engine::new(builtin, EngineOptions::default()),
                per_path: PerPathIgnores::default(),
                error: Some(message),
            }
        }
    }
}

/// An error's text with its causes, on one line each.
fn miette_text(e: &SetupError) -> String {
    use miette::Diagnostic as _;
    let mut text = e.to_string();
    if let Some(related) = e.related() {
        for r in related {
            text.push('\n');
            text.push_str(&r.to_string());
        }
    }
    text
}

impl Server<'_> {
    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    fn notify<N: notif::Notification>(&self, params: N::Params) {
        self.send(Message::Notification(Notification::new(
            N::METHOD.to_string(),
            params,
        )));
    }

    fn log(&self, typ: lsp_types::MessageType, message: String) {
        self.notify::<notif::ShowMessage>(lsp_types::ShowMessageParams { typ, message });
    }

    fn read_settings(&mut self, settings: &Value) {
        if let Some(date) = date_setting(settings) {
            let given = settings
                .get("factlint")
                .and_then(|f| f.get("date"))
                .or_else(|| settings.get("factlint.date"))
                .or_else(|| settings.get("date"))
                .and_then(Value::as_str)
                .unwrap_or("");
            if date.is_none() && !given.trim().is_empty() {
                self.log(
                    lsp_types::MessageType::WARNING,
                    format!("factlint.date: `{given}` is not a date of the form YYYY-MM-DD"),
                );
            }
            self.date_setting = date;
        }
    }

    /// Ask the client to tell us when configuration, rule or knowledge files change.
    fn watch_files(&mut self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: ["**/.factlint.yaml", "**/*.yaml", "**/*.yml"]
                .into_iter()
                .map(|glob| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(glob.into()),
                    kind: None,
                })
                .collect(),
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "factlint-rule-files".into(),
                method: notif::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        self.send(Message::Request(Request::new(
            RequestId::from(format!("factlint-{}", self.next_request)),
            req::RegisterCapability::METHOD.into(),
            params,
        )));
    }

    fn main_loop(&mut self) -> Result<(), String> {
        loop {
            let now = Instant::now();
            let next = self.docs.values().filter_map(|d| d.due).min();
            let wait = next.map_or(Duration::from_secs(3600), |due| {
                due.saturating_duration_since(now)
            });
            match self.connection.receiver.recv_timeout(wait) {
                Ok(Message::Request(request)) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    self.on_request(request);
                }
                Ok(Message::Notification(n)) => {
                    if n.method == notif::Exit::METHOD {
                        return Ok(());
                    }
                    self.on_notification(n);
                }
                Ok(Message::Response(_)) => {}
                Err(timeout) => {
                    if timeout.is_disconnected() {
                        return Ok(());
                    }
                }
            }
            self.run_due();
        }
    }

    fn run_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.check(&key);
        }
    }

    fn workspace_for(&mut self, path: Option<&Path>) -> Arc<Workspace> {
        let start = path
            .map(Path::to_path_buf)
            .or_else(|| self.roots.first().cloned());
        let config_path = start.as_deref().and_then(config::discover);
        if let Some(w) = self.workspaces.get(&config_path) {
            return Arc::clone(w);
        }
        let w = Arc::new(load_workspace(config_path.as_deref()));
        if let Some(error) = &w.error {
            self.log(
                lsp_types::MessageType::ERROR,
                format!(
                    "factlint: cannot load the configuration; using the built-in rules: {error}"
                ),
            );
        }
        self.workspaces.insert(config_path, Arc::clone(&w));
        w
    }

    /// Check one document now and publish what was found.
    fn check(&mut self, key: &str) {
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        let path = uri_to_path(&doc.uri);
        let workspace = self.workspace_for(path.as_deref());
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        doc.due = None;
        let format = format_of(&doc.language, path.as_deref());
        let display = path
            .as_ref()
            .map_or_else(|| doc.uri.as_str().to_string(), |p| p.display().to_string());
        let parsed = Document::from_text(&display, doc.text.clone(), format);
        // The document's own date first; then the setting.
        let date = if parsed.meta.date.is_some() {
            None
        } else {
            self.date_setting
        };
        let ignored = path
            .as_deref()
            .map_or(Vec::new(), |p| workspace.per_path.for_path(p));
        let rules: Vec<&Rule> = workspace
            .engine
            .rules
            .iter()
            .filter(|r| !ignored.iter().any(|sel| id_matches(&r.id, sel)))
            .collect();
        let checked = workspace.engine.check_with(&parsed, &rules, date);
        let map = PositionMap::new(&doc.text);
        let encoding = self.encoding;
        let text = &doc.text;
        let diagnostics: Vec<LspDiagnostic> = checked
            .diagnostics
            .iter()
            .map(|d| to_lsp(d, text, &map, encoding, &doc.uri))
            .collect();
        let params = PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics,
            version: Some(doc.version),
        };
        doc.checked = Some((doc.text.clone(), map, checked.diagnostics));
        self.notify::<notif::PublishDiagnostics>(params);
    }

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return;
                };
                let key = p.text_document.uri.as_str().to_string();
                self.docs.insert(
                    key.clone(),
                    OpenDoc {
                        uri: p.text_document.uri,
                        version: p.text_document.version,
                        language: p.text_document.language_id,
                        text: p.text_document.text,
                        checked: None,
                        due: None,
                    },
                );
                self.check(&key);
            }
            notif::DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return;
                };
                let key = p.text_document.uri.as_str().to_string();
                let Some(doc) = self.docs.get_mut(&key) else {
                    return;
                };
                doc.version = p.text_document.version;
                for change in p.content_changes {
                    match change.range {
                        // Full sync is what we ask for; a range edit is applied all the same.
                        Some(range) => {
                            let map = PositionMap::new(&doc.text);
                            let start = map.offset(&doc.text, from_lsp(range.start), self.encoding);
                            let end = map
                                .offset(&doc.text, from_lsp(range.end), self.encoding)
                                .max(start);
                            doc.text.replace_range(start..end, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.due = Some(Instant::now() + DEBOUNCE);
            }
            notif::DidSaveTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) else {
                    return;
                };
                if uri_to_path(&p.text_document.uri).is_some_and(|p| is_rule_file(&p)) {
                    self.reload();
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                    return;
                };
                if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
                    self.notify::<notif::PublishDiagnostics>(PublishDiagnosticsParams {
                        uri: doc.uri,
                        diagnostics: Vec::new(),
                        version: None,
                    });
                }
            }
            notif::DidChangeConfiguration::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeConfigurationParams>(n.params) else {
                    return;
                };
                self.read_settings(&p.settings);
                self.recheck_all();
            }
            notif::DidChangeWatchedFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) else {
                    return;
                };
                if p.changes
                    .iter()
                    .any(|c| uri_to_path(&c.uri).is_some_and(|p| is_rule_file(&p)))
                {
                    self.reload();
                }
            }
            _ => {}
        }
    }

    fn reload(&mut self) {
        self.workspaces.clear();
        self.recheck_all();
    }

    fn recheck_all(&mut self) {
        let keys: Vec<String> = self.docs.keys().cloned().collect();
        for key in keys {
            self.check(&key);
        }
    }

    /// The document's findings for its current text (checked now if a check is pending).
    fn current(&mut self, uri: &Uri) -> Option<&OpenDoc> {
        let key = uri.as_str().to_string();
        let stale = self.docs.get(&key).is_some_and(|d| {
            d.due.is_some() || d.checked.as_ref().is_none_or(|(t, _, _)| *t != d.text)
        });
        if stale {
            self.check(&key);
        }
        self.docs.get(&key)
    }

    fn on_request(&mut self, request: Request) {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            req::CodeActionRequest::METHOD => {
                match serde_json::from_value::<CodeActionParams>(request.params) {
                    Ok(p) => serde_json::to_value(self.code_actions(&p)).ok(),
                    Err(e) => return self.invalid(id, e),
                }
            }
            req::HoverRequest::METHOD => {
                match serde_json::from_value::<HoverParams>(request.params) {
                    Ok(p) => serde_json::to_value(self.hover(&p)).ok(),
                    Err(e) => return self.invalid(id, e),
                }
            }
            _ => {
                self.send(Message::Response(Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("factlint does not handle {}", request.method),
                )));
                return;
            }
        };
        self.send(Message::Response(Response::new_ok(
            id,
            result.unwrap_or(Value::Null),
        )));
    }

    fn invalid(&self, id: RequestId, e: serde_json::Error) {
        self.send(Message::Response(Response::new_err(
            id,
            lsp_server::ErrorCode::InvalidParams as i32,
            e.to_string(),
        )));
    }

    fn code_actions(&mut self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let encoding = self.encoding;
        let Some(doc) = self.current(&p.text_document.uri) else {
            return Vec::new();
        };
        let Some((text, map, diagnostics)) = &doc.checked else {
            return Vec::new();
        };
        let start = map.offset(text, from_lsp(p.range.start), encoding);
        let end = map.offset(text, from_lsp(p.range.end), encoding);
        let mut actions = Vec::new();
        for d in diagnostics {
            // The diagnostic under the cursor or the selection.
            if !(d.span.start <= end && start <= d.span.end) {
                continue;
            }
            let fixes: Vec<&Fix> = d.fix.iter().chain(&d.alternatives).collect();
            let lsp = to_lsp(d, text, map, encoding, &doc.uri);
            for fix in &fixes {
                let was = text.get(fix.span.start..fix.span.end).unwrap_or("");
                let mut title = format!("Replace “{was}” with “{}”", fix.replacement);
                if !fix.safe {
                    title.push_str(" (unsafe: may change meaning)");
                }
                if !fix.also.is_empty() {
                    title.push_str(&format!(" at all {} places", fix.also.len() + 1));
                }
                let edits = fix
                    .edits()
                    .map(|(span, replacement)| TextEdit {
                        range: range_of(text, map, span.start, span.end, encoding),
                        new_text: replacement.to_string(),
                    })
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(fix.safe && fixes.len() == 1),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }

    fn hover(&mut self, p: &HoverParams) -> Option<Hover> {
        let encoding = self.encoding;
        let uri = p.text_document_position_params.text_document.uri.clone();
        let path = uri_to_path(&uri);
        let workspace = self.workspace_for(path.as_deref());
        let doc = self.current(&uri)?;
        let (text, map, diagnostics) = doc.checked.as_ref()?;
        let at = map.offset(
            text,
            from_lsp(p.text_document_position_params.position),
            encoding,
        );
        let here: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.span.start <= at && at <= d.span.end)
            .collect();
        let first = here.first()?;
        let mut value = String::new();
        for d in &here {
            if !value.is_empty() {
                value.push_str("\n\n---\n\n");
            }
            value.push_str(&format!("**{}** ({})\n\n{}", d.rule, d.severity, d.message));
            if let Some(help) = &d.help {
                value.push_str(&format!("\n\n*Help:* {help}"));
            }
            if let Some(rule) = workspace.engine.rules.iter().find(|r| r.id == d.rule) {
                value.push_str("\n\n");
                value.push_str(rule.description.trim());
            }
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(range_of(
                text,
                map,
                first.span.start,
                first.span.end,
                encoding,
            )),
        })
    }
}

fn from_lsp(p: Position) -> LinePosition {
    LinePosition {
        line: p.line,
        character: p.character,
    }
}

fn range_of(text: &str, map: &PositionMap, start: usize, end: usize, enc: Encoding) -> Range {
    let a = map.position(text, start, enc);
    let b = map.position(text, end, enc);
    Range {
        start: Position {
            line: a.line,
            character: a.character,
        },
        end: Position {
            line: b.line,
            character: b.character,
        },
    }
}

fn to_lsp(
    d: &Diagnostic,
    text: &str,
    map: &PositionMap,
    enc: Encoding,
    uri: &Uri,
) -> LspDiagnostic {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: range_of(text, map, l.span.start, l.span.end, enc),
            },
            message: l.message.clone(),
        })
        .collect();
    LspDiagnostic {
        range: range_of(text, map, d.span.start, d.span.end, enc),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.clone())),
        source: Some("factlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..LspDiagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn reads_file_uris_with_escapes() {
        let uri = Uri::from_str("file:///tmp/a%20b/%E2%80%9Cq%E2%80%9D.md").expect("uri");
        assert_eq!(uri_to_path(&uri), Some(PathBuf::from("/tmp/a b/“q”.md")));
        let uri = Uri::from_str("untitled:Untitled-1").expect("uri");
        assert_eq!(uri_to_path(&uri), None);
    }

    #[test]
    fn reads_the_date_setting_in_every_shape() {
        let d = parse_iso_date("2026-11-20");
        assert_eq!(
            date_setting(&serde_json::json!({"date": "2026-11-20"})),
            Some(d)
        );
        assert_eq!(
            date_setting(&serde_json::json!({"factlint": {"date": "2026-11-20"}})),
            Some(d)
        );
        assert_eq!(
            date_setting(&serde_json::json!({"factlint": {"date": ""}})),
            Some(None)
        );
        assert_eq!(date_setting(&serde_json::json!({"other": 1})), None);
    }
}
