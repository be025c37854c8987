//! Bytes to text. Documents come as the Word extraction left them: UTF-8 with or without a byte
//! order mark, or Windows-1252; line ends CRLF, CR or LF; accents composed (NFC) or decomposed
//! (NFD). Each of these must read exactly like the plain UTF-8, LF, NFC original, so this module
//! turns them all into that form and says what it noticed. Input that is not text at all (empty,
//! NUL bytes, mostly control characters, UTF-16) is refused with the line where it shows.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Text decoded from a document's bytes, and what was noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// UTF-8, `\n` line ends, NFC.
    pub text: String,
    /// What was noticed: a BOM, CRLF or CR line ends, Windows-1252, NFD.
    pub notes: Vec<String>,
}

/// Why some bytes are not a text document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: expected {expected}, found {found}")]
pub struct DecodeError {
    pub line: u32,
    pub expected: String,
    pub found: String,
}

const EXPECTED_TEXT: &str = "a text document (UTF-8 or Windows-1252)";

/// Decodes a document's bytes into UTF-8 text with `\n` line ends, in NFC.
pub fn decode(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    let mut notes = Vec::new();
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError {
            line: 1,
            expected: EXPECTED_TEXT.into(),
            found: "a UTF-16 byte order mark (save the file as UTF-8)".into(),
        });
    }
    let body = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => {
            notes.push("UTF-8 byte order mark removed".to_string());
            rest
        }
        None => bytes,
    };
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError {
            line: 1,
            expected: "a conference document with at least one proposal (`MOD<TAB>B/67/1`)".into(),
            found: if body.is_empty() {
                "an empty file".into()
            } else {
                "only white space".into()
            },
        });
    }
    check_not_binary(body)?;
    let text = match std::str::from_utf8(body) {
        Ok(text) => text.to_string(),
        Err(err) => {
            let line = line_of(body, err.valid_up_to());
            notes.push(format!(
                "not valid UTF-8 (from line {line}): read as Windows-1252"
            ));
            windows_1252_to_string(body)
        }
    };
    let text = normalize_line_ends(text, &mut notes);
    let text = if is_nfc(&text) {
        text
    } else {
        let composed: String = text.nfc().collect();
        if composed != text {
            notes.push("decomposed accents (NFD) recomposed to NFC".to_string());
        }
        composed
    };
    Ok(DecodedText { text, notes })
}

/// The 1-based line holding byte `offset`.
fn line_of(bytes: &[u8], offset: usize) -> u32 {
    let newlines = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count();
    u32::try_from(newlines).unwrap_or(u32::MAX - 1) + 1
}

/// Refuses NUL bytes and input where control characters make up more than a tenth of the bytes.
fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    // `contains` on bytes is a memchr; the count adds one byte-wide flag per byte, in blocks
    // small enough for a `u8` sum, so that it runs on many bytes at once.
    if bytes.contains(&0) {
        let at = bytes.iter().position(|b| *b == 0).unwrap_or(0);
        return Err(DecodeError {
            line: line_of(bytes, at),
            expected: EXPECTED_TEXT.into(),
            found: format!("binary data (a NUL byte at byte {at})"),
        });
    }
    let controls: usize = bytes
        .chunks(255)
        .map(|block| {
            let in_block: u8 = block.iter().map(|b| u8::from(is_stray_control(*b))).sum();
            usize::from(in_block)
        })
        .sum();
    if controls * 10 > bytes.len() {
        let first = bytes.iter().position(|b| is_stray_control(*b)).unwrap_or(0);
        return Err(DecodeError {
            line: line_of(bytes, first),
            expected: EXPECTED_TEXT.into(),
            found: format!(
                "binary data ({controls} control characters in {} bytes)",
                bytes.len()
            ),
        });
    }
    Ok(())
}

/// An ASCII control character that text does not use: all but tab, line feed, carriage return
/// and form feed.
fn is_stray_control(b: u8) -> bool {
    // Bitwise `&` and `|` rather than `&&` and `||`: no branch, so that the count vectorises.
    ((b < 0x20) | (b == 0x7F)) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C)
}

/// Whether `text` is certainly in NFC (the quick check answers yes), without running the check
/// over every character. The quick check carries nothing across a character of combining class 0
/// that is itself NFC, as every ASCII character is, so the text passes when each stretch of
/// non-ASCII characters does; and a stretch made only of characters below U+0300 (lead bytes
/// below 0xCC: Latin-1 and Latin Extended, all NFC and of class 0) passes without being checked.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes[from..].iter().position(|b| *b >= 0xCC) {
        let at = from + found;
        let start = bytes[..at]
            .iter()
            .rposition(u8::is_ascii)
            .map_or(0, |p| p + 1);
        let end = bytes[at..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |p| at + p);
        // Both ends sit next to ASCII bytes or at the ends of the text: character boundaries.
        let stretch = &text[start..end];
        if is_nfc_quick(stretch.chars()) != IsNormalized::Yes {
            return false;
        }
        from = end;
    }
    true
}

/// Windows-1252 characters 0x80 to 0x9F; the five undefined positions are kept as the C1 control
/// of the same value, as browsers do.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

/// Decodes Windows-1252: ASCII as is, 0x80-0x9F by the table, 0xA0-0xFF as Latin-1.
pub fn windows_1252_to_string(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Encodes text as Windows-1252, `None` when a character has no place in it. The inverse of
/// [`windows_1252_to_string`], for tests and tools that produce Windows-1252 variants.
pub fn string_to_windows_1252(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| match u32::from(c) {
            0..=0x7F | 0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
            _ => CP1252_HIGH
                .iter()
                .position(|h| *h == c)
                .and_then(|i| u8::try_from(i + 0x80).ok()),
        })
        .collect()
}

/// Turns CRLF and lone CR into LF and says which were found.
fn normalize_line_ends(text: String, notes: &mut Vec<String>) -> String {
    if !text.contains('\r') {
        return text;
    }
    let crlf = text.matches("\r\n").count();
    let out = text.replace("\r\n", "\n");
    let lone_cr = out.matches('\r').count();
    let out = out.replace('\r', "\n");
    if crlf > 0 {
        notes.push("CRLF line ends read as LF".to_string());
    }
    if lone_cr > 0 {
        notes.push("CR line ends read as LF".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_decodes_to_the_same_text() {
        let original = "RÉSOLUTION 14\ncœur – •\n";
        let plain = decode(original.as_bytes()).expect("utf-8");
        assert!(plain.notes.is_empty());
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(original.as_bytes());
        let crlf = original.replace('\n', "\r\n");
        let cr = original.replace('\n', "\r");
        let nfd: String = original.nfd().collect();
        let cp = string_to_windows_1252(original).expect("encodable");
        for variant in [
            bom,
            crlf.into_bytes(),
            cr.into_bytes(),
            nfd.into_bytes(),
            cp,
        ] {
            let decoded = decode(&variant).expect("decodes");
            assert_eq!(decoded.text, plain.text);
            assert_eq!(decoded.notes.len(), 1, "{:?}", decoded.notes);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_stretch_by_stretch_nfc_check_agrees_with_the_quick_check_over_the_whole_text(
            text in "([a-e \n]|[\u{e0}-\u{ff}]|[\u{300}-\u{36f}]|[\u{1e00}-\u{1eff}]|[\u{2000}-\u{2030}]|\u{212b}|\u{0344}|\u{0430}|.){0,40}"
        ) {
            proptest::prop_assert_eq!(is_nfc(&text), is_nfc_quick(text.chars()) == IsNormalized::Yes);
        }
    }

    #[test]
    fn text_with_combining_marks_after_ascii_or_latin_letters_is_not_nfc() {
        assert!(is_nfc("RÉSOLUTION 14 – Dubaï, 2018 а)"));
        assert!(!is_nfc("Re\u{301}solution"));
        assert!(!is_nfc("Dubai\u{308}"));
        assert!(!is_nfc("x \u{e9}\u{301}"));
        assert!(!is_nfc("\u{212b}"));
    }

    #[test]
    fn empty_and_binary_input_are_refused_with_a_line() {
        assert_eq!(decode(b"").map_err(|e| e.line), Err(1));
        assert_eq!(decode(b"MOD\nB\0x").map_err(|e| e.line), Err(2));
        assert!(decode(&[1, 2, 3, 4, 5, 6, 7, 8]).is_err());
        assert!(decode(&[0xFF, 0xFE, b'a', 0]).is_err());
    }
}
