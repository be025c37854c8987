//! The one model of list labels that the reader shares: the numbering systems (letters, numbers,
//! roman numerals) and the rank of a label in each. The structure reader uses it to tell whether a
//! label follows the one before; the redline alignment to read the label sequences a flattened
//! list hides.

/// The numbering system of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelKind {
    /// `a)`, `b)`, ... (one Latin letter).
    Letter,
    /// `1`, `2`, ... or `1)`.
    Number,
    /// `i)`, `ii)`, ... (i, v and x only, up to 39).
    Roman,
}

/// One label read in one numbering system: its kind and its rank (a = 1, ii = 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabelValue {
    pub kind: LabelKind,
    pub rank: u32,
}

/// Reads a roman numeral made of i, v and x (1 to 39), in canonical form only.
pub fn roman_rank(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 || !s.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return None;
    }
    // Read the numeral the usual way (a digit before a larger one counts negative), then keep the
    // number only if `s` is how that number is written: that rejects `iiii`, `vx` and the like.
    let digit = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let bytes = s.as_bytes();
    let mut rank = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        let value = digit(b);
        if bytes.get(i + 1).is_some_and(|&next| digit(next) > value) {
            rank -= value;
        } else {
            rank += value;
        }
    }
    let rank = u32::try_from(rank).ok().filter(|r| (1..40).contains(r))?;
    writes_as_roman(bytes, rank).then_some(rank)
}

/// Whether `numeral` is the canonical roman numeral of `n` (`ix`, not `viiii`), compared digit
/// group by digit group as the numeral would be written, without writing it.
fn writes_as_roman(numeral: &[u8], mut n: u32) -> bool {
    let mut rest = numeral;
    for (value, digits) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            match rest.strip_prefix(digits.as_bytes()) {
                Some(after) => rest = after,
                None => return false,
            }
            n -= value;
        }
    }
    rest.is_empty()
}

/// Every numbering-system reading of a bare label core (`c`, `12`, `iii`): a number, or a letter
/// and a roman numeral (`i`, `v` and `x` are both), in that order. At most two, so no vector.
pub(crate) fn core_values(core: &str) -> impl Iterator<Item = LabelValue> + Clone {
    let mut values = [None, None];
    if !core.is_empty() && core.len() <= 4 && core.bytes().all(|b| b.is_ascii_digit()) {
        if !core.starts_with('0') {
            values[0] = core.parse::<u32>().ok().map(|rank| LabelValue {
                kind: LabelKind::Number,
                rank,
            });
        }
        return values.into_iter().flatten();
    }
    if let [c] = core.as_bytes() {
        if c.is_ascii_lowercase() {
            values[0] = Some(LabelValue {
                kind: LabelKind::Letter,
                rank: u32::from(c - b'a') + 1,
            });
        }
    }
    values[1] = roman_rank(core).map(|rank| LabelValue {
        kind: LabelKind::Roman,
        rank,
    });
    values.into_iter().flatten()
}
