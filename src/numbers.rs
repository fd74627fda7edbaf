//! How numbers are written back in messages ("1,500", "33.3%").

/// Format a number for a message: thousands separators, at most `decimals` decimals.
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::from("?");
    }
    let s = format!("{:.*}", decimals, value.abs());
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 && n > 4 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if value < 0.0 && out.chars().any(|c| c != '0' && c != '.') {
        out.insert(0, '-');
    }
    out
}

/// A value shown with the precision a reader expects: one decimal below 10, none above.
pub fn format_share(value: f64) -> String {
    let d = if value.abs() < 10.0 { 1 } else { 0 };
    format!("{}%", format_number(value, d))
}
