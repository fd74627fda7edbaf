//! Any text as a knowledge file: an error or entities, never a panic or a hang; what
//! loads can be searched.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(entities) = factlint::kb::load_file("fuzz.yaml", text) {
            let kb = factlint::kb::KnowledgeBase::new(entities);
            let _ = kb.find("ChatGPT and OpenAI met Xi Jinping in Beijing on 1 May 2023.");
        }
    }
});
