//! Renderers: the only code that writes reports. One file per format.

mod compact;
mod github;
mod html;
mod human;
mod json;
mod rdjson;
mod sarif;

mod report;

pub use human::HumanOptions;
pub use report::{CheckedFile, FileReport, Renderer, RuleInfo, Summary};

/// Output formats (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Compact,
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// reviewdog's rdjson
    Rdjson,
    /// One self-contained HTML page
    Html,
}

pub fn renderer(format: OutputFormat, human: HumanOptions) -> Box<dyn Renderer> {
    renderer_with_rules(format, human, Vec::new())
}

/// A renderer that also knows every loaded rule (SARIF lists them in its tool driver).
pub fn renderer_with_rules(
    format: OutputFormat,
    human: HumanOptions,
    rules: Vec<RuleInfo>,
) -> Box<dyn Renderer> {
    match format {
        OutputFormat::Sarif => Box::new(sarif::Sarif::new(rules)),
        OutputFormat::Github => Box::new(github::Github),
        OutputFormat::Rdjson => Box::new(rdjson::Rdjson::default()),
        OutputFormat::Html => Box::new(html::Html::new(rules)),
        OutputFormat::Human => Box::new(human::Human::new(human)),
        OutputFormat::Compact => Box::new(compact::Compact),
        OutputFormat::Json => Box::new(json::Json::default()),
    }
}
