//! The binary name index of the imported knowledge (`data/knowledge/`): how `build.rs`
//! writes it and how the crate reads it, in one place.
//!
//! A leaf module (std only): `build.rs` includes it with `#[path]`. The index is one
//! little-endian blob, embedded in the binary and read in place, never parsed whole:
//!
//! ```text
//! magic "FLATLAS1" | rows: u32 | entities: u32
//! rows     x 12 bytes: key offset u32, key length u16, type u8, flags u8, entity u32
//! entities + 1 x u32: byte offset of each entity's line in entities.jsonl (and the end)
//! keys     concatenated key bytes
//! ```
//!
//! Rows are sorted by key bytes (as `names.tsv` is); one key may have several rows.
//! A key is a name normalised by [`norm`]: lowercase, accents removed, punctuation and
//! spaces as one space; the same fold the import script applies.

pub const MAGIC: &[u8; 8] = b"FLATLAS1";
const HEADER: usize = 16;
const ROW: usize = 12;

/// Entity types with a code of their own in the index; anything else is `Other`.
pub const TYPES: &[&str] = &[
    "other",
    "person",
    "country",
    "city",
    "company",
    "organisation",
    "region",
    "office",
    "event",
];

pub const FLAG_ALIAS: u8 = 1;
/// The entity's name is an ordinary word too ("Mobile", "Reading").
pub const FLAG_COMMON_WORD: u8 = 2;

pub fn type_code(name: &str) -> u8 {
    TYPES.iter().position(|t| *t == name).unwrap_or(0) as u8
}

/// One row of `names.tsv` read for the index.
pub struct Row {
    pub key: String,
    pub ty: u8,
    pub flags: u8,
    pub entity: u32,
}

/// Write the index: `rows` sorted by key, `line_starts` the byte offset of every line
/// of `entities.jsonl` followed by its length.
pub fn write(rows: &[Row], line_starts: &[u32]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    out.extend_from_slice(&(line_starts.len().saturating_sub(1) as u32).to_le_bytes());
    let mut keys: Vec<u8> = Vec::new();
    let mut last: Option<(&str, u32)> = None;
    for r in rows {
        // Rows of one key share its bytes.
        let offset = match last {
            Some((k, o)) if k == r.key => o,
            _ => {
                let o = keys.len() as u32;
                keys.extend_from_slice(r.key.as_bytes());
                o
            }
        };
        last = Some((&r.key, offset));
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(r.key.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.push(r.ty);
        out.push(r.flags);
        out.extend_from_slice(&r.entity.to_le_bytes());
    }
    for s in line_starts {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out.extend_from_slice(&keys);
    out
}

/// The bits of the prefix filter: one per hash of every key and of every key's leading
/// words ("new", "new york" for "new york city"), so that a search can stop at a word
/// no name starts with without touching the index.
pub const FILTER_BITS: usize = 1 << 21;

/// FNV-1a, the filter's hash.
pub fn filter_hash(key: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h as usize) & (FILTER_BITS - 1)
}

/// The prefix filter of `keys`, as bytes.
pub fn write_filter<'k>(keys: impl Iterator<Item = &'k str>) -> Vec<u8> {
    let mut bits = vec![0u8; FILTER_BITS / 8];
    for key in keys {
        let bytes = key.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b' ' {
                let h = filter_hash(&bytes[..i]);
                bits[h / 8] |= 1 << (h % 8);
            }
        }
        let h = filter_hash(bytes);
        bits[h / 8] |= 1 << (h % 8);
    }
    bits
}

/// Whether `prefix` may be a key or a key's leading words (false: certainly not).
pub fn filter_may_contain(filter: &[u8], prefix: &[u8]) -> bool {
    let h = filter_hash(prefix);
    filter.get(h / 8).is_none_or(|b| b & (1 << (h % 8)) != 0)
}

/// The jump table: for each pair of leading bytes (a missing second byte is 0), the
/// first row whose key starts with that pair or a later one; 65,537 little-endian u32.
pub fn write_jump(keys: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(65_537 * 4);
    let mut row = 0usize;
    for v in 0..=65_536usize {
        while row < keys.len() && lead(keys[row].as_bytes()) < v {
            row += 1;
        }
        out.extend_from_slice(&(row as u32).to_le_bytes());
    }
    out
}

/// A key's two leading bytes as one number (a missing second byte is 0).
fn lead(key: &[u8]) -> usize {
    match key {
        [] => 0,
        [a] => usize::from(*a) << 8,
        [a, b, ..] => usize::from(*a) << 8 | usize::from(*b),
    }
}

/// The index read in place.
#[derive(Clone, Copy, Debug)]
pub struct Index<'a> {
    rows: &'a [u8],
    lines: &'a [u8],
    keys: &'a [u8],
    pub row_count: usize,
    pub entity_count: usize,
    /// The jump table ([`write_jump`]), when given.
    jump: &'a [u8],
}

/// One row of the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub key: &'a str,
    pub ty: u8,
    pub flags: u8,
    pub entity: u32,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

impl<'a> Index<'a> {
    /// Read the header; `None` for a blob that is not an index (or is truncated).
    pub fn new(blob: &'a [u8]) -> Option<Index<'a>> {
        if blob.len() < HEADER || &blob[..8] != MAGIC {
            return None;
        }
        let row_count = u32_at(blob, 8) as usize;
        let entity_count = u32_at(blob, 12) as usize;
        let rows_end = HEADER.checked_add(row_count.checked_mul(ROW)?)?;
        let lines_end = rows_end.checked_add((entity_count + 1).checked_mul(4)?)?;
        if blob.len() < lines_end {
            return None;
        }
        Some(Index {
            rows: &blob[HEADER..rows_end],
            lines: &blob[rows_end..lines_end],
            keys: &blob[lines_end..],
            row_count,
            entity_count,
            jump: &[],
        })
    }

    /// The index with its jump table, which narrows every search to the rows of the
    /// key's two leading bytes first. A table of the wrong size is ignored.
    pub fn with_jump(mut self, jump: &'a [u8]) -> Index<'a> {
        if jump.len() == 65_537 * 4 {
            self.jump = jump;
        }
        self
    }

    /// The key of row `i`, as bytes.
    pub fn key_bytes(&self, i: usize) -> &'a [u8] {
        let at = i * ROW;
        let offset = u32_at(self.rows, at) as usize;
        let len = self
            .rows
            .get(at + 4..at + 6)
            .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]) as usize);
        self.keys.get(offset..offset + len).unwrap_or(&[])
    }

    /// Row `i`.
    pub fn entry(&self, i: usize) -> Option<Entry<'a>> {
        if i >= self.row_count {
            return None;
        }
        let at = i * ROW;
        Some(Entry {
            key: std::str::from_utf8(self.key_bytes(i)).unwrap_or(""),
            ty: *self.rows.get(at + 6)?,
            flags: *self.rows.get(at + 7)?,
            entity: u32_at(self.rows, at + 8),
        })
    }

    /// The first row whose key is not less than `key` (a binary search).
    fn lower_bound(&self, key: &[u8], mut lo: usize, mut hi: usize) -> usize {
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.key_bytes(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The rows whose key starts with `prefix`, as a range of row numbers, searched
    /// within `within` (pass `0..row_count`, or the range of a shorter prefix).
    pub fn prefix_range(
        &self,
        prefix: &[u8],
        within: std::ops::Range<usize>,
    ) -> std::ops::Range<usize> {
        let mut within = within;
        if !self.jump.is_empty() && !prefix.is_empty() {
            let v = lead(prefix);
            let (first, last) = if prefix.len() == 1 {
                (v, v + 256)
            } else {
                (v, v + 1)
            };
            let from = u32_at(self.jump, first * 4) as usize;
            let to = u32_at(self.jump, last * 4) as usize;
            within = within.start.max(from)..within.end.min(to).max(within.start.max(from));
        }
        let start = self.lower_bound(prefix, within.start, within.end);
        let mut lo = start;
        let mut hi = within.end;
        // The first row at or after `start` that does not start with the prefix.
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.key_bytes(mid).starts_with(prefix) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        start..lo
    }

    /// The first row of `within` whose key is not less than `prefix`, and the end of
    /// the rows that can start with it (narrowed by the jump table), or `None` when no
    /// key of `within` starts with `prefix`. Cheaper than [`Index::prefix_range`]: one
    /// binary search, and the range it returns still holds every match of any longer
    /// prefix, which is how a search word by word narrows it.
    pub fn narrow(
        &self,
        prefix: &[u8],
        within: std::ops::Range<usize>,
    ) -> Option<std::ops::Range<usize>> {
        let mut within = within;
        if !self.jump.is_empty() && !prefix.is_empty() {
            let v = lead(prefix);
            let last = if prefix.len() == 1 { v + 256 } else { v + 1 };
            let from = u32_at(self.jump, v * 4) as usize;
            let to = u32_at(self.jump, last * 4) as usize;
            let start = within.start.max(from);
            within = start..within.end.min(to).max(start);
        }
        let start = self.lower_bound(prefix, within.start, within.end);
        (start < within.end && self.key_bytes(start).starts_with(prefix))
            .then_some(start..within.end)
    }

    /// The rows whose key is exactly `key`.
    pub fn lookup(&self, key: &str) -> Vec<Entry<'a>> {
        self.prefix_range(key.as_bytes(), 0..self.row_count)
            .filter_map(|i| self.entry(i))
            .filter(|e| e.key == key)
            .collect()
    }

    /// The byte range of entity `i`'s line in `entities.jsonl`.
    pub fn line(&self, i: u32) -> Option<std::ops::Range<usize>> {
        let i = i as usize;
        if i >= self.entity_count {
            return None;
        }
        let start = u32_at(self.lines, i * 4) as usize;
        let end = u32_at(self.lines, (i + 1) * 4) as usize;
        (start <= end).then_some(start..end)
    }
}

/// Fold one character as the import script's `norm()` does, for the letters news
/// text uses: lowercase, Latin accents removed, ß/ø/ł/đ/ı/æ/œ/þ/ð spelled out.
/// Appends to `out`.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='İ' | 'ı' => "i",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'Ñ' | 'ñ' | 'Ń'..='ŉ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'Ţ'..='ŧ' => "t",
        'Ŵ' | 'ŵ' => "w",
        'Ź'..='ž' => "z",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(base);
}

/// Whether `c` separates words in a name as `norm()` reads it (spaces, full stops,
/// commas, quotes, hyphens and dashes, brackets, slashes).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | '`' | '"' | '-' | '\u{2010}'..='\u{2014}' | '(' | ')' | '/' | '\u{2018}'
        )
}

/// A name normalised as the import script's `norm()` does (for Latin script).
pub fn norm(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if c == '\'' || c == '\u{2019}' {
            continue;
        }
        if is_separator(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        fold_char(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_as_the_import_script_does() {
        assert_eq!(norm("São Tomé"), "sao tome");
        assert_eq!(norm("St. John's"), "st johns");
        assert_eq!(norm("  Łódź—Kraków (city) "), "lodz krakow city");
        assert_eq!(norm("J.D. Vance"), "j d vance");
        assert_eq!(norm("Straße"), "strasse");
    }

    #[test]
    fn round_trip_and_prefix_search() {
        let rows: Vec<Row> = ["a", "new york", "new york", "new yorker", "newark"]
            .iter()
            .enumerate()
            .map(|(i, k)| Row {
                key: k.to_string(),
                ty: 3,
                flags: 0,
                entity: i as u32,
            })
            .collect();
        let blob = write(&rows, &[0, 5, 9, 12, 20, 30]);
        let idx = Index::new(&blob).expect("index");
        assert_eq!(idx.entity_count, 5);
        assert_eq!(
            idx.lookup("new york")
                .iter()
                .map(|e| e.entity)
                .collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(idx.prefix_range(b"new york", 0..5), 1..4);
        assert_eq!(idx.prefix_range(b"zz", 0..5).len(), 0);
        assert_eq!(idx.line(3), Some(12..20));
        assert_eq!(idx.line(5), None);
        assert!(Index::new(&blob[..20]).is_none());
        assert!(Index::new(b"not an index at all").is_none());
        assert_eq!(idx.narrow(b"new york", 0..5), Some(1..5));
        assert_eq!(idx.narrow(b"new yorkz", 0..5), None);
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        let jump = write_jump(&keys);
        let fast = Index::new(&blob).expect("index").with_jump(&jump);
        for p in ["a", "new", "new york", "newa", "n", "zz", "ne"] {
            assert_eq!(
                fast.prefix_range(p.as_bytes(), 0..5),
                idx.prefix_range(p.as_bytes(), 0..5),
                "{p}"
            );
        }
        let filter = write_filter(["new york city", "paris"].into_iter());
        for k in ["new", "new york", "new york city", "paris"] {
            assert!(filter_may_contain(&filter, k.as_bytes()));
        }
        assert!(!filter_may_contain(&filter, b"new yor"));
    }
}
