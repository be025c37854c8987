//! Small text helpers shared by the reader, the queries and the renderers: comparison keys that
//! ignore case, accents and spacing, as historians search.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a string for comparison: decomposes it, drops combining marks (accents), lowercases it,
/// turns every run of white space (no-break spaces included) into one space and trims it.
///
/// `fold("  Résolution\u{a0}130 ")` is `"resolution 130"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Turns every run of white space into one space and trims the ends, keeping case and accents.
pub fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_accents_case_and_extra_spaces() {
        assert_eq!(fold("  Résolution\u{a0}130 "), "resolution 130");
        assert_eq!(fold("DUBAÏ,\t2018"), "dubai, 2018");
        assert_eq!(fold("Se\u{301}curite\u{301}"), "securite");
    }

    #[test]
    fn squash_whitespace_keeps_case_and_accents() {
        assert_eq!(squash_whitespace(" Dubaï \u{a0} 2018 "), "Dubaï 2018");
    }
}
