//! `html`: one self-contained page (no scripts or assets from elsewhere): a summary table
//! by file and rule, then each article's text with every finding highlighted at its
//! exact span, the message and help on hover and beside the text.
//!
//! Overlapping findings are nested where they nest; where they cross, a finding is
//! split into several `<mark>`s that share its `data-finding` id, so the text of all
//! marks with one id, in page order, is exactly the flagged text.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::report::{position, FileReport, Renderer, RuleInfo, Summary};
use crate::diagnostic::{Diagnostic, Severity};

pub struct Html {
    rules: Vec<RuleInfo>,
    sections: Vec<String>,
    /// (file index, path, rule) -> (count, worst severity, first finding id)
    table: Vec<(usize, String, String, usize, Severity, String)>,
    files: usize,
}

impl Html {
    pub fn new(rules: Vec<RuleInfo>) -> Self {
        Html {
            rules,
            sections: Vec::new(),
            table: Vec::new(),
            files: 0,
        }
    }
}

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin-bottom:2rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
pre.article{white-space:pre-wrap;font-family:ui-monospace,monospace;background:#fafafa;border:1px solid #ddd;padding:1rem;line-height:1.6}
mark{border-radius:2px;padding:0}
mark.error{background:#ffc9c9;border-bottom:2px solid #c92a2a}
mark.warning{background:#ffe8a1;border-bottom:2px solid #e67700}
mark.info{background:#d0ebff;border-bottom:2px solid #1971c2}
mark:target{outline:2px solid #000}
ol.findings li{margin:.3rem 0}.sev-error{color:#c92a2a}.sev-warning{color:#b35900}.sev-info{color:#1971c2}
.help{color:#555}
"#;

fn finding_id(file: usize, i: usize) -> String {
    format!("f{file}-{i}")
}

/// The source with marks around each diagnostic's span.
fn highlight(source: &str, file: usize, diagnostics: &[Diagnostic]) -> String {
    let spans: Vec<(usize, usize, usize)> = diagnostics
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (s, e) = (d.span.start, d.span.end.max(d.span.start));
            (source.is_char_boundary(s) && source.is_char_boundary(e) && e <= source.len())
                .then_some((s, e, i))
        })
        .collect();
    let mut bounds: Vec<usize> = spans.iter().flat_map(|&(s, e, _)| [s, e]).collect();
    bounds.push(0);
    bounds.push(source.len());
    bounds.sort_unstable();
    bounds.dedup();
    let open_tag = |i: usize| {
        let d = &diagnostics[i];
        let mut title = format!("{} [{}]: {}", d.severity, d.rule, d.message);
        if let Some(h) = &d.help {
            title.push_str(&format!("\nhelp: {h}"));
        }
        format!(
            "<mark class=\"{}\" data-finding=\"{}\" data-rule=\"{}\" data-start=\"{}\" data-end=\"{}\" title=\"{}\">",
            d.severity,
            finding_id(file, i),
            escape(&d.rule),
            d.span.start,
            d.span.end,
            escape(&title)
        )
    };
    let mut out = String::with_capacity(source.len() * 2);
    let mut stack: Vec<usize> = Vec::new();
    let mut anchored = vec![false; diagnostics.len()];
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Empty spans get an empty mark at their position.
        for &(s, e, i) in &spans {
            if s == e && s == a && !anchored[i] {
                anchored[i] = true;
                out.push_str(&open_tag(i).replacen(
                    "<mark ",
                    &format!("<mark id=\"{}\" ", finding_id(file, i)),
                    1,
                ));
                out.push_str("</mark>");
            }
        }
        // Findings covering a..b, outermost first.
        let mut active: Vec<(usize, usize, usize)> = spans
            .iter()
            .copied()
            .filter(|&(s, e, _)| s <= a && b <= e && s < e)
            .collect();
        active.sort_by_key(|&(s, e, i)| (s, std::cmp::Reverse(e), i));
        let active: Vec<usize> = active.into_iter().map(|(_, _, i)| i).collect();
        let keep = stack
            .iter()
            .zip(&active)
            .take_while(|(x, y)| x == y)
            .count();
        while stack.len() > keep {
            stack.pop();
            out.push_str("</mark>");
        }
        for &i in &active[keep..] {
            let mut tag = open_tag(i);
            if !anchored[i] {
                anchored[i] = true;
                tag = tag.replacen(
                    "<mark ",
                    &format!("<mark id=\"{}\" ", finding_id(file, i)),
                    1,
                );
            }
            out.push_str(&tag);
            stack.push(i);
        }
        out.push_str(&escape(source.get(a..b).unwrap_or("")));
    }
    for _ in stack {
        out.push_str("</mark>");
    }
    out
}

impl Renderer for Html {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let index = self.files;
        self.files += 1;
        let mut section = format!(
            "<section class=\"file\" id=\"file{index}\" data-path=\"{}\">\n<h2>{}</h2>\n",
            escape(&report.path),
            escape(&report.path)
        );
        match &report.outcome {
            Err(e) => section.push_str(&format!(
                "<p class=\"sev-error\">{}</p>\n",
                escape(&e.to_string())
            )),
            Ok(file) => {
                let doc = &file.doc;
                let mut by_rule: BTreeMap<&str, (usize, Severity, usize)> = BTreeMap::new();
                for (i, d) in file.diagnostics.iter().enumerate() {
                    let entry = by_rule.entry(&d.rule).or_insert((0, d.severity, i));
                    entry.0 += 1;
                    entry.1 = entry.1.max(d.severity);
                }
                for (rule, (count, sev, first)) in by_rule {
                    self.table.push((
                        index,
                        report.path.clone(),
                        rule.to_string(),
                        count,
                        sev,
                        finding_id(index, first),
                    ));
                }
                if file.diagnostics.is_empty() {
                    section.push_str("<p>No findings.</p>\n");
                } else {
                    section.push_str("<ol class=\"findings\">\n");
                    for (i, d) in file.diagnostics.iter().enumerate() {
                        let pos = position(doc, d.span.start);
                        section.push_str(&format!(
                            "<li><a href=\"#{}\">{}:{}</a> <span class=\"sev-{}\">{}</span> [{}] {}{}</li>\n",
                            finding_id(index, i),
                            pos.line,
                            pos.column,
                            d.severity,
                            d.severity,
                            escape(&d.rule),
                            escape(&d.message),
                            d.help
                                .as_ref()
                                .map(|h| format!(" <span class=\"help\">help: {}</span>", escape(h)))
                                .unwrap_or_default()
                        ));
                    }
                    section.push_str("</ol>\n");
                }
                section.push_str("<pre class=\"article\">");
                section.push_str(&highlight(&doc.source, index, &file.diagnostics));
                section.push_str("</pre>\n");
            }
        }
        section.push_str("</section>\n");
        self.sections.push(section);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
        )?;
        writeln!(
            out,
            "<title>factlint report</title>\n<style>{STYLE}</style>\n</head>\n<body>"
        )?;
        writeln!(
            out,
            "<h1>factlint report</h1>\n<p id=\"summary\">{} files: {} errors, {} warnings, {} notes ({} rules loaded)</p>",
            s.files,
            s.errors,
            s.warnings,
            s.infos,
            self.rules.len()
        )?;
        writeln!(
            out,
            "<table id=\"by-rule\">\n<tr><th>File</th><th>Rule</th><th>Findings</th></tr>"
        )?;
        for (index, path, rule, count, sev, first) in &self.table {
            writeln!(
                out,
                "<tr><td><a href=\"#file{index}\">{}</a></td><td class=\"sev-{sev}\"><a href=\"#{first}\">{}</a></td><td>{count}</td></tr>",
                escape(path),
                escape(rule)
            )?;
        }
        writeln!(out, "</table>")?;
        for section in &self.sections {
            out.write_all(section.as_bytes())?;
        }
        writeln!(out, "</body>\n</html>")
    }

    fn reports_load_errors(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn diag(start: usize, end: usize) -> Diagnostic {
        Diagnostic {
            rule: "style.x".into(),
            severity: Severity::Info,
            message: "m".into(),
            span: Span::new(start, end),
            labels: Vec::new(),
            help: None,
            fix: None,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn marks_crossing_spans_in_pieces() {
        let html = highlight("abcdef", 0, &[diag(1, 4), diag(2, 5)]);
        assert_eq!(html.matches("<mark").count(), 3, "{html}");
        assert_eq!(html.matches("</mark>").count(), 3, "{html}");
        assert!(html.ends_with("</mark>f"), "{html}");
    }
}
