//! Any text as a rule file: an error or rules, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = factlint::rules::load_rule_file("fuzz.yaml", text, false);
    }
});
