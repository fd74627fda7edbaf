//! `factlint serve`: checks over HTTP, for LanguageTool clients, scripts and a browser.
//!
//! - `POST /v2/check`, `GET /v2/languages`: LanguageTool's API ([`super::languagetool`]);
//! - `POST /api/check`: one document in (`{"text", "format", "path", "date"}`), the JSON
//!   of `--format json` out;
//! - `GET /`: a page to paste an article into and fix it (`assets/index.html`).
//!
//! Rules and knowledge are loaded once and shared. Each connection has its own thread,
//! which reads requests under [`ReadLimits`]; checks run on a fixed pool of `--jobs`
//! threads, and a request whose check has not finished within `--timeout` is answered
//! 503 (its result is dropped). Beyond `--max-connections` open connections, new ones
//! are answered 503 at once. SIGINT and SIGTERM stop accepting, let the requests in
//! flight finish (up to the time limit), and return.

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::cli::ServeArgs;
use crate::config::PerPathIgnores;
use crate::document::{parse_iso_date, Document, Format};
use crate::engine::{Engine, EngineOptions};
use crate::error::SetupError;
use crate::render::{self, CheckedFile, FileReport, HumanOptions, OutputFormat, Summary};
use crate::rules::{id_matches, Rule};

use super::exit::EXIT_CLEAN;
use super::http::{parse_form, Conn, ReadLimits, Request, Response};
use super::languagetool;
use super::load::{load_knowledge, load_rules, rule_dirs};

/// The page served at `/`: one file, no outside scripts, fonts or requests.
const INDEX_HTML: &str = include_str!("../../assets/index.html");

/// The page may load nothing from anywhere and talk only to this server.
const PAGE_POLICY: &str = "default-src 'none'; script-src 'unsafe-inline'; \
    style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'none'";

/// What every request shares: the engine with the loaded rules, and the limits.
struct Shared {
    engine: Engine,
    per_path: PerPathIgnores,
    limits: ReadLimits,
    timeout: Duration,
    pool: SyncSender<Job>,
    shutdown: AtomicBool,
    connections: AtomicUsize,
    in_flight: AtomicUsize,
}

type Job = Box<dyn FnOnce() + Send>;

/// `factlint serve`
pub fn run(args: ServeArgs, err: &mut dyn Write) -> Result<u8, SetupError> {
    let source = args.source.clone();
    let (mut rules, config) = load_rules(&source, None)?;
    let known_rules: Vec<String> = rules.iter().map(|r| r.id.clone()).collect();
    let per_path = PerPathIgnores::new(&config)?;
    let selected = |r: &Rule| {
        (config.config.select.is_empty() || config.config.select.iter().any(|s| r.matches(s)))
            && !config.config.ignore.iter().any(|s| r.matches(s))
    };
    rules.retain(selected);
    let engine = Engine::new(
        rules,
        EngineOptions {
            date: None,
            locale: config.config.locale.unwrap_or_default(),
            known_rules,
            kb: load_knowledge(&rule_dirs(&source, &config))?,
        },
    );
    let ip: IpAddr = args.host.parse().map_err(|_| {
        SetupError::Usage(format!(
            "--host: `{}` is not an IP address (e.g. 127.0.0.1 or ::1)",
            args.host
        ))
    })?;
    let listener =
        TcpListener::bind(SocketAddr::new(ip, args.port)).map_err(|e| SetupError::Io {
            path: format!("{ip}:{}", args.port),
            message: format!("cannot listen: {e}"),
        })?;
    let addr = listener.local_addr().map_err(|e| SetupError::Io {
        path: format!("{ip}:{}", args.port),
        message: e.to_string(),
    })?;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(2, usize::from),
        usize::from,
    );
    let max_connections = args.max_connections as usize;
    // Each connection has at most one request waiting, so the queue never refuses one.
    let (pool, queue) = mpsc::sync_channel::<Job>(max_connections);
    let timeout = Duration::from_secs(args.timeout);
    let shared = Arc::new(Shared {
        engine,
        per_path,
        limits: ReadLimits {
            max_body: args.max_body,
            request_time: timeout,
            idle: Duration::from_secs(5),
        },
        timeout,
        pool,
        shutdown: AtomicBool::new(false),
        connections: AtomicUsize::new(0),
        in_flight: AtomicUsize::new(0),
    });
    start_pool(jobs, queue)?;
    watch_signals(Arc::clone(&shared), addr)?;
    if !ip.is_loopback() {
        let _ = writeln!(
            err,
            "factlint: warning: listening on {ip}, which other machines can reach; \
             anyone who can connect can use this server (use --host 127.0.0.1 to stay local)"
        );
    }
    let shown = if addr.ip().is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), addr.port())
    } else {
        addr
    };
    let _ = writeln!(
        err,
        "factlint: serving on http://{shown}/ (LanguageTool API at http://{shown}/v2/, {jobs} jobs)"
    );
    let _ = err.flush();
    for stream in listener.incoming() {
        if shared.shutdown.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        if shared.connections.load(Ordering::SeqCst) >= max_connections {
            refuse(stream);
            continue;
        }
        shared.connections.fetch_add(1, Ordering::SeqCst);
        let conn_shared = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("factlint-conn".into())
            .stack_size(256 * 1024)
            .spawn(move || {
                serve_connection(&conn_shared, stream);
                conn_shared.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
    // Let the requests in flight finish.
    let until = Instant::now() + shared.timeout + Duration::from_secs(1);
    while shared.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = writeln!(err, "factlint: stopped");
    Ok(EXIT_CLEAN)
}

/// The worker threads that run checks.
fn start_pool(jobs: usize, queue: Receiver<Job>) -> Result<(), SetupError> {
    let queue = Arc::new(Mutex::new(queue));
    for i in 0..jobs {
        let queue = Arc::clone(&queue);
        std::thread::Builder::new()
            .name(format!("factlint-check-{i}"))
            .spawn(move || loop {
                let job = {
                    let Ok(rx) = queue.lock() else { return };
                    match rx.recv() {
                        Ok(job) => job,
                        Err(_) => return,
                    }
                };
                job();
            })
            .map_err(|e| SetupError::Io {
                path: "<threads>".into(),
                message: e.to_string(),
            })?;
    }
    Ok(())
}

/// SIGINT and SIGTERM: stop accepting (a connection to ourselves wakes the accept).
fn watch_signals(shared: Arc<Shared>, addr: SocketAddr) -> Result<(), SetupError> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).map_err(|e| SetupError::Io {
            path: "<signals>".into(),
            message: e.to_string(),
        })?;
    let wake = if addr.ip().is_unspecified() {
        let local: IpAddr = if addr.is_ipv4() {
            IpAddr::from([127, 0, 0, 1])
        } else {
            IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1u16])
        };
        SocketAddr::new(local, addr.port())
    } else {
        addr
    };
    std::thread::Builder::new()
        .name("factlint-signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                shared.shutdown.store(true, Ordering::SeqCst);
                let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
            }
        })
        .map_err(|e| SetupError::Io {
            path: "<threads>".into(),
            message: e.to_string(),
        })?;
    Ok(())
}

/// Too many connections: a 503 and close, without reading the request.
fn refuse(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = Response::error(503, "too many connections; try again shortly")
        .with_header("retry-after", "1")
        .write(&mut stream, false, false);
}

fn serve_connection(shared: &Arc<Shared>, stream: TcpStream) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(shared.timeout));
    let mut conn = Conn::new(stream);
    loop {
        let request = match conn.read_request(&shared.limits) {
            Ok(r) => r,
            Err(e) => {
                if let Some((status, message)) = e.status() {
                    let _ = Response::error(status, &message).write(conn.stream(), false, false);
                }
                // What the client is still sending is drained for a moment, so that it
                // reads the answer rather than a reset connection.
                if e.status().is_some() {
                    let stream = conn.stream();
                    let _ = stream.shutdown(std::net::Shutdown::Write);
                    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
                    let mut sink = [0u8; 64 * 1024];
                    for _ in 0..64 {
                        match std::io::Read::read(stream, &mut sink) {
                            Ok(0) | Err(_) => break,
                            Ok(_) => {}
                        }
                    }
                }
                return;
            }
        };
        shared.in_flight.fetch_add(1, Ordering::SeqCst);
        let head_only = request.method == "HEAD";
        let keep_alive = request.keep_alive && !shared.shutdown.load(Ordering::SeqCst);
        let response = respond(shared, request);
        let written = response.write(conn.stream(), keep_alive, head_only);
        shared.in_flight.fetch_sub(1, Ordering::SeqCst);
        if written.is_err() || !keep_alive {
            return;
        }
    }
}

/// Route a request to its answer.
fn respond(shared: &Arc<Shared>, request: Request) -> Response {
    let method = request.method.as_str();
    let cors = |r: Response| {
        r.with_header("access-control-allow-origin", "*")
            .with_header("access-control-allow-methods", "GET, POST, OPTIONS")
            .with_header("access-control-allow-headers", "content-type")
    };
    match (method, request.path.as_str()) {
        ("GET" | "HEAD", "/" | "/index.html") => {
            Response::new(200, "text/html; charset=utf-8", INDEX_HTML)
                .with_header("content-security-policy", PAGE_POLICY)
                .with_header("x-content-type-options", "nosniff")
                .with_header("cache-control", "no-store")
        }
        ("GET" | "HEAD", "/v2/languages") => cors(Response::json(200, &languagetool::languages())),
        ("GET" | "POST", "/v2/check") => cors(run_job(shared, request, lt_check)),
        ("POST", "/api/check") => run_job(shared, request, api_check),
        ("OPTIONS", _) => cors(Response::new(204, "text/plain", "")),
        (_, "/" | "/index.html" | "/v2/languages" | "/v2/check" | "/api/check") => {
            Response::error(405, &format!("{method} is not allowed on {}", request.path))
                .with_header("allow", "GET, POST, OPTIONS")
        }
        (_, path) => Response::error(404, &format!("no such endpoint: {path}")),
    }
}

/// Run `work` on the check pool within the time limit.
fn run_job(
    shared: &Arc<Shared>,
    request: Request,
    work: fn(&Shared, Request) -> Response,
) -> Response {
    let (reply, answer) = mpsc::sync_channel::<Option<Response>>(1);
    let deadline = Instant::now() + shared.timeout;
    let job_shared = Arc::clone(shared);
    let job: Job = Box::new(move || {
        // A job that waited past its deadline has been answered already.
        if Instant::now() >= deadline {
            return;
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| work(&job_shared, request)));
        let _ = reply.send(outcome.ok());
    });
    match shared.pool.try_send(job) {
        Ok(()) => {}
        Err(TrySendError::Full(_)) => {
            return Response::error(503, "the server is busy; try again shortly")
                .with_header("retry-after", "1")
        }
        Err(TrySendError::Disconnected(_)) => {
            return Response::error(503, "the server is stopping")
        }
    }
    match answer.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(Some(response)) => response,
        Ok(None) => Response::error(
            500,
            "the check failed unexpectedly; please report this text",
        ),
        Err(_) => Response::error(
            503,
            &format!(
                "the check did not finish within the time limit of {} s",
                shared.timeout.as_secs()
            ),
        ),
    }
}

/// The form fields of a request: the query, and a form-encoded body.
fn form_fields(request: &Request) -> Result<Vec<(String, String)>, Response> {
    let mut fields = parse_form(request.query.as_bytes()).map_err(|e| Response::error(400, &e))?;
    if !request.body.is_empty() {
        let kind = request.content_type();
        if !(kind.is_empty() || kind == "application/x-www-form-urlencoded") {
            return Err(Response::error(
                415,
                &format!("send the fields as application/x-www-form-urlencoded, not {kind}"),
            ));
        }
        fields.extend(parse_form(&request.body).map_err(|e| Response::error(400, &e))?);
    }
    Ok(fields)
}

/// `/v2/check`
fn lt_check(shared: &Shared, request: Request) -> Response {
    let fields = match form_fields(&request) {
        Ok(f) => f,
        Err(r) => return r,
    };
    match languagetool::CheckRequest::parse(&fields) {
        Ok(check) => Response::json(200, &languagetool::check(&shared.engine, &check)),
        Err(message) => Response::error(400, &message),
    }
}

/// `POST /api/check`: `{"text": "...", "format": "markdown|html|text", "path": "...",
/// "date": "YYYY-MM-DD"}`; `format` defaults to the path's, else Markdown.
fn api_check(shared: &Shared, request: Request) -> Response {
    let body: Value = match serde_json::from_slice(&request.body) {
        Ok(v) => v,
        Err(e) => {
            return Response::error(
                400,
                &format!(
                "the body is not JSON ({e}); send {{\"text\": \"...\", \"format\": \"markdown\"}}"
            ),
            )
        }
    };
    let Some(obj) = body.as_object() else {
        return Response::error(400, "the body must be a JSON object with a \"text\" field");
    };
    for key in obj.keys() {
        if !matches!(key.as_str(), "text" | "format" | "path" | "date") {
            return Response::error(
                400,
                &format!("unknown field \"{key}\"; the fields are text, format, path and date"),
            );
        }
    }
    let string = |name: &str| -> Result<Option<&str>, Response> {
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(Response::error(
                400,
                &format!("\"{name}\" must be a string"),
            )),
        }
    };
    let fields = (|| {
        Ok::<_, Response>((
            string("text")?,
            string("format")?,
            string("path")?,
            string("date")?,
        ))
    })();
    let (text, format, path, date) = match fields {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Some(text) = text else {
        return Response::error(400, "missing \"text\"");
    };
    let format = match format.map(str::to_ascii_lowercase).as_deref() {
        Some("markdown" | "md") => Format::Markdown,
        Some("html" | "htm") => Format::Html,
        Some("text" | "txt" | "plain") => Format::Text,
        Some(other) => {
            return Response::error(
                400,
                &format!("unknown format \"{other}\"; use markdown, html or text"),
            )
        }
        None => path.map_or(Format::Markdown, |p| Format::from_path(Path::new(p))),
    };
    let date = match date.filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match parse_iso_date(d).filter(|_| d.len() == 10) {
            Some(date) => Some(date),
            None => {
                return Response::error(
                    400,
                    &format!("\"date\": '{d}' is not a date of the form YYYY-MM-DD"),
                )
            }
        },
    };
    let display = path.unwrap_or("article");
    let ignored = path.map_or(Vec::new(), |p| shared.per_path.for_path(Path::new(p)));
    let rules: Vec<&Rule> = shared
        .engine
        .rules
        .iter()
        .filter(|r| !ignored.iter().any(|sel| id_matches(&r.id, sel)))
        .collect();
    let doc = Document::from_text(display, text.to_string(), format);
    let checked = shared.engine.check_with(&doc, &rules, date);
    let report = FileReport {
        path: display.to_string(),
        outcome: Ok(CheckedFile {
            doc,
            reference: checked.reference,
            diagnostics: checked.diagnostics,
        }),
    };
    let mut summary = Summary::default();
    summary.add(&report);
    let mut out = Vec::new();
    let mut renderer = render::renderer(
        OutputFormat::Json,
        HumanOptions {
            color: false,
            width: 80,
        },
    );
    if renderer.file(&mut out, &report).is_err() || renderer.finish(&mut out, &summary).is_err() {
        return Response::error(500, "the report could not be written");
    }
    Response::new(200, "application/json", out)
}
