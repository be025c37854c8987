//! Automatic numbering: the list labels Word computes from `numbering.xml` (and the paragraph
//! styles that carry a list), which are not in the text. Counters belong to the abstract
//! numbering, not to the `numId`, so that a list restarted through a new `numId` with a
//! `w:startOverride` continues from the restart; deeper levels restart after a shallower item
//! (`w:lvlRestart` aside); `w:lvlText` is rendered with each level's `w:numFmt` (`w:isLgl` forcing
//! decimal). Each view is numbered on its own.

use std::collections::BTreeMap;

use super::body::ParaProps;
use super::xml::{attr, child, is_w, Node};

/// One level of a list definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Level {
    start: Option<u32>,
    format: String,
    text: Option<String>,
    legal: bool,
    /// `w:lvlRestart`: restart after an item of a level shallower than this one (1-based);
    /// 0 never.
    restart: Option<u32>,
    /// The paragraph style tied to this level.
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// Levels replaced and start values overridden, by level.
    levels: BTreeMap<u32, Level>,
    starts: BTreeMap<u32, u32>,
}

/// A list reference: `(numId, ilvl)`, the level when given.
type NumRef = (String, Option<u32>);

/// The list definitions of a document and the list references of its paragraph styles.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: BTreeMap<String, BTreeMap<u32, Level>>,
    nums: BTreeMap<String, Num>,
    /// Paragraph style → (its `numPr` if any, the style it is based on).
    styles: BTreeMap<String, (Option<NumRef>, Option<String>)>,
}

fn level_of(node: Node<'_, '_>) -> Level {
    let val = |name: &str| child(node, name).and_then(|n| attr(n, "val"));
    Level {
        start: val("start").and_then(|v| v.parse().ok()),
        format: val("numFmt").unwrap_or("decimal").to_string(),
        text: val("lvlText").map(str::to_string),
        legal: child(node, "isLgl").is_some_and(super::xml::is_on),
        restart: val("lvlRestart").and_then(|v| v.parse().ok()),
        style: val("pStyle").map(str::to_string),
    }
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be missing).
    pub fn read(numbering: Option<Node<'_, '_>>, styles: Option<Node<'_, '_>>) -> Numbering {
        let mut out = Numbering::default();
        if let Some(root) = numbering {
            for node in root.children().filter(|n| is_w(*n, "abstractNum")) {
                let Some(id) = attr(node, "abstractNumId") else {
                    continue;
                };
                let levels = node
                    .children()
                    .filter(|n| is_w(*n, "lvl"))
                    .filter_map(|l| Some((attr(l, "ilvl")?.parse().ok()?, level_of(l))))
                    .collect();
                out.abstracts.insert(id.to_string(), levels);
            }
            for node in root.children().filter(|n| is_w(*n, "num")) {
                let Some(id) = attr(node, "numId") else {
                    continue;
                };
                let mut num = Num {
                    abstract_id: child(node, "abstractNumId")
                        .and_then(|a| attr(a, "val"))
                        .unwrap_or("")
                        .to_string(),
                    ..Num::default()
                };
                for o in node.children().filter(|n| is_w(*n, "lvlOverride")) {
                    let Some(level) = attr(o, "ilvl").and_then(|v| v.parse().ok()) else {
                        continue;
                    };
                    if let Some(start) = child(o, "startOverride")
                        .and_then(|s| attr(s, "val"))
                        .and_then(|v| v.parse().ok())
                    {
                        num.starts.insert(level, start);
                    }
                    if let Some(l) = child(o, "lvl") {
                        num.levels.insert(level, level_of(l));
                    }
                }
                out.nums.insert(id.to_string(), num);
            }
        }
        if let Some(root) = styles {
            for style in root.children().filter(|n| is_w(*n, "style")) {
                let Some(id) = attr(style, "styleId") else {
                    continue;
                };
                let num = child(style, "pPr")
                    .and_then(|p| child(p, "numPr"))
                    .and_then(|n| {
                        let id = child(n, "numId").and_then(|i| attr(i, "val"))?;
                        let level = child(n, "ilvl")
                            .and_then(|l| attr(l, "val"))
                            .and_then(|v| v.parse().ok());
                        Some((id.to_string(), level))
                    });
                let based = child(style, "basedOn")
                    .and_then(|b| attr(b, "val"))
                    .map(str::to_string);
                out.styles.insert(id.to_string(), (num, based));
            }
        }
        out
    }

    /// `true` when no paragraph can be numbered.
    pub fn is_empty(&self) -> bool {
        self.nums.is_empty()
    }

    /// The `(numId, level)` a paragraph is numbered with: its own `numPr`, else its style's
    /// (through `basedOn`, at the level tied to the style).
    fn reference(&self, props: &ParaProps) -> Option<(String, u32)> {
        if let Some((id, level)) = &props.num {
            return (id != "0").then(|| (id.clone(), level.unwrap_or(0)));
        }
        let mut style = props.style.clone()?;
        for _ in 0..16 {
            let (num, based) = self.styles.get(&style)?;
            if let Some((id, level)) = num {
                if id == "0" {
                    return None;
                }
                let tied = self
                    .level_def_all(id)
                    .into_iter()
                    .find(|(_, l)| l.style.as_deref() == Some(style.as_str()))
                    .map(|(i, _)| i);
                return Some((id.clone(), tied.or(*level).unwrap_or(0)));
            }
            style = based.clone()?;
        }
        None
    }

    fn level_def_all(&self, num_id: &str) -> Vec<(u32, Level)> {
        let Some(num) = self.nums.get(num_id) else {
            return Vec::new();
        };
        self.abstracts
            .get(&num.abstract_id)
            .map(|levels| levels.iter().map(|(i, l)| (*i, l.clone())).collect())
            .unwrap_or_default()
    }

    fn level(&self, num: &Num, level: u32) -> Option<Level> {
        num.levels
            .get(&level)
            .or_else(|| self.abstracts.get(&num.abstract_id)?.get(&level))
            .cloned()
    }

    /// The labels of a view's paragraphs, in order (`None` where a paragraph is not numbered or
    /// its level shows no number).
    pub fn labels<'p>(
        &self,
        paragraphs: impl IntoIterator<Item = &'p ParaProps>,
    ) -> Vec<Option<String>> {
        let mut counters: BTreeMap<String, BTreeMap<u32, u32>> = BTreeMap::new();
        let mut used: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for props in paragraphs {
            let Some((num_id, level)) = self.reference(props) else {
                out.push(None);
                continue;
            };
            let Some(num) = self.nums.get(&num_id) else {
                out.push(None);
                continue;
            };
            let level = level.min(8);
            let counter = counters.entry(num.abstract_id.clone()).or_default();
            if used.insert(num_id.clone()) {
                for l in num.starts.keys() {
                    counter.remove(l);
                }
            }
            let start_of = |l: u32| -> u32 {
                num.starts
                    .get(&l)
                    .copied()
                    .or_else(|| self.level(num, l).and_then(|d| d.start))
                    .unwrap_or(0)
            };
            let value = match counter.get(&level) {
                Some(v) => v + 1,
                None => start_of(level),
            };
            counter.insert(level, value);
            let deeper: Vec<u32> = counter.keys().copied().filter(|l| *l > level).collect();
            for l in deeper {
                let restart = self.level(num, l).and_then(|d| d.restart);
                if restart != Some(0) && restart.is_none_or(|r| level < r) {
                    counter.remove(&l);
                }
            }
            let Some(def) = self.level(num, level) else {
                out.push(None);
                continue;
            };
            let label = match def.format.as_str() {
                "none" => None,
                "bullet" => def.text.as_deref().map(bullet),
                _ => def.text.as_deref().map(|text| {
                    render(text, |l| {
                        let v = counter.get(&l).copied().unwrap_or_else(|| start_of(l));
                        let format = if def.legal {
                            "decimal".to_string()
                        } else {
                            self.level(num, l).map(|d| d.format).unwrap_or_default()
                        };
                        format_number(v, &format)
                    })
                }),
            };
            out.push(label.filter(|l| !l.trim().is_empty()));
        }
        out
    }
}

/// A bullet's glyph: symbol-font code points (U+F0B7 and the like) read as `•`.
fn bullet(glyph: &str) -> String {
    if glyph
        .chars()
        .all(|c| ('\u{F000}'..='\u{F0FF}').contains(&c))
        || glyph.is_empty()
    {
        "•".to_string()
    } else {
        glyph.to_string()
    }
}

/// Renders `w:lvlText`: `%1`…`%9` replaced by the levels' formatted counters.
fn render(text: &str, value: impl Fn(u32) -> String) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                chars.next();
                if d >= 1 {
                    out.push_str(&value(d - 1));
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A counter in a `w:numFmt`: decimal, letters (`a`…`z`, `aa`, `bb`…), roman.
pub fn format_number(value: u32, format: &str) -> String {
    let letters = |upper: bool| {
        if value == 0 {
            return String::new();
        }
        let letter = (b'a' + ((value - 1) % 26) as u8) as char;
        let letter = if upper {
            letter.to_ascii_uppercase()
        } else {
            letter
        };
        std::iter::repeat_n(letter, ((value - 1) / 26 + 1) as usize).collect()
    };
    // Past these, Word's own forms would run to hundreds of characters: decimal instead.
    let format = match format {
        "lowerLetter" | "upperLetter" if value > 26 * 10 => "decimal",
        "lowerRoman" | "upperRoman" if value >= 4000 => "decimal",
        f => f,
    };
    match format {
        "lowerLetter" => letters(false),
        "upperLetter" => letters(true),
        "lowerRoman" => roman(value).to_ascii_lowercase(),
        "upperRoman" => roman(value),
        "decimalZero" if value < 10 => format!("0{value}"),
        _ => value.to_string(),
    }
}

fn roman(mut value: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while value >= *n {
            out.push_str(s);
            value -= n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_format_as_word_writes_them() {
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(render("%1.%2)", |l| (l + 3).to_string()), "3.4)");
    }
}
