//! The conference catalogue (`history/conferences.csv`): which conferences exist, where (in
//! French, English and Spanish) and when, and how sure each date is. Everything that names a
//! conference (a header's `Rév. Busan, 2014`, a user's `dubai-2018`, the commit dates of the
//! history) goes through it.
//!
//! A user may name a conference by its id (`pp-2018-dubai`), place and year in any order, case and
//! accents (`dubai-2018`, `Dubaï 2018`, `DUBAÏ, 2018`), its place alone (`Dubai`) or year alone
//! (`2018`) where only one conference fits, an alias (`pp-18`, `PP-18`), or a body with a year
//! (`pp 2018`). An ambiguous name is an error listing the candidates.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use crate::csv_file;
use crate::model::{iso_date, Body, Conference, ConferenceId, Places, Revision};
use crate::text::fold;

/// The columns of `conferences.csv`, in order.
pub const COLUMNS: [&str; 12] = [
    "id",
    "body",
    "place_fr",
    "place_en",
    "place_es",
    "aliases",
    "year",
    "start",
    "end",
    "final_acts",
    "final_acts_confidence",
    "note",
];

/// The values `final_acts_confidence` may take.
pub const CONFIDENCES: [&str; 2] = ["sourced", "last-day"];

/// Every conference the sources know, in the order of the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    conferences: Vec<Conference>,
}

/// Why the conference catalogue could not be read: the sources' one CSV file error.
pub type CatalogueError = crate::csv_file::SourceFileError;

impl Catalogue {
    /// Builds a catalogue from conferences already read (tests, synthetic corpora). Ids must be
    /// unique; the first of a repeated id wins.
    pub fn from_conferences(conferences: Vec<Conference>) -> Self {
        let mut seen = BTreeSet::new();
        Catalogue {
            conferences: conferences
                .into_iter()
                .filter(|c| seen.insert(c.id.clone()))
                .collect(),
        }
    }

    /// Reads `conferences.csv` from a file. Errors name the file as given.
    pub fn load(path: &Path) -> Result<Self, CatalogueError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| CatalogueError::Io {
            file: file.clone(),
            what: " the conference catalogue",
            source,
        })?;
        Self::parse(&file, &text)
    }

    /// Reads the catalogue from the text of `conferences.csv`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, CatalogueError> {
        let conferences = parse_conferences(file, text).collect::<Result<Vec<_>, _>>()?;
        Ok(Catalogue { conferences })
    }

    /// Every conference, in the order of the file.
    pub fn conferences(&self) -> &[Conference] {
        &self.conferences
    }

    /// The conference with this id.
    pub fn get(&self, id: &ConferenceId) -> Option<&Conference> {
        self.conferences.iter().find(|c| &c.id == id)
    }

    /// The conference of `body` that a revision mark names (`Rév. Busan, 2014` → PP Busan 2014):
    /// the place in any of its languages or aliases, accents and case aside, and the year.
    pub fn by_revision(&self, body: Body, revision: &Revision) -> Option<&Conference> {
        let place = name_key(&revision.place);
        self.conferences
            .iter()
            .find(|c| c.body == body && c.year == revision.year && place_keys(c).contains(&place))
    }

    /// Finds the conference a user means. See the module documentation for the accepted forms.
    pub fn resolve(&self, query: &str) -> Result<&Conference, ResolveError> {
        let key = name_key(query);
        if key.is_empty() {
            return Err(ResolveError::Empty);
        }
        // An id or an alias, exactly.
        let exact: Vec<&Conference> = self
            .conferences
            .iter()
            .filter(|c| name_key(&c.id.0) == key || c.aliases.iter().any(|a| name_key(a) == key))
            .collect();
        if let [one] = exact.as_slice() {
            return Ok(one);
        }
        let parts = QueryParts::read(strip_body_name(&key));
        let candidates: Vec<&Conference> =
            self.conferences.iter().filter(|c| parts.fits(c)).collect();
        match candidates.as_slice() {
            [one] => Ok(one),
            [] => Err(ResolveError::NotFound {
                query: query.to_string(),
                known: self.conferences.iter().map(describe).collect(),
            }),
            many => Err(ResolveError::Ambiguous {
                query: query.to_string(),
                candidates: many.iter().map(|c| describe(c)).collect(),
            }),
        }
    }
}

/// Why a conference name does not name exactly one conference of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("no conference named: give an id (pp-2018-dubai), a place and a year (Dubai 2018), an alias (PP-18) or a year (2018)")]
    Empty,
    #[error("no conference of the catalogue is called `{query}`; known: {}", known.join(", "))]
    NotFound { query: String, known: Vec<String> },
    #[error("`{query}` could be any of: {}; name one by its id", candidates.join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

/// `pp-2018-dubai (Dubai, 2018)`, as errors list conferences.
fn describe(c: &Conference) -> String {
    format!("{} ({}, {})", c.id, c.place.en, c.year)
}

/// What a user's conference name says, once folded into words.
#[derive(Debug, Default)]
struct QueryParts {
    body: Option<Body>,
    year: Option<i32>,
    /// A two-digit year (`18` in `pp 18`).
    short_year: Option<i32>,
    place: Option<String>,
    /// Words that are none of the above and no place: the query fits nothing.
    unusable: bool,
}

impl QueryParts {
    fn read(key: std::borrow::Cow<'_, str>) -> QueryParts {
        let mut parts = QueryParts::default();
        let mut place_words = Vec::new();
        for word in key.split(' ') {
            if word.chars().all(|c| c.is_ascii_digit()) {
                match (word.len(), word.parse::<i32>()) {
                    (4, Ok(y)) if parts.year.is_none() => parts.year = Some(y),
                    (2, Ok(y)) if parts.short_year.is_none() => parts.short_year = Some(y),
                    _ => parts.unusable = true,
                }
            } else if matches!(word, "rev" | "rev.") && place_words.is_empty() {
                // `Rev. Dubai, 2018` names the conference that revised something.
            } else if let (Some(body), true) = (Body::from_code(word), place_words.is_empty()) {
                if parts.body.replace(body).is_some() {
                    parts.unusable = true;
                }
            } else {
                place_words.push(word);
            }
        }
        if !place_words.is_empty() {
            parts.place = Some(place_words.join(" "));
        }
        parts
    }

    fn fits(&self, c: &Conference) -> bool {
        if self.unusable
            || (self.body.is_none()
                && self.year.is_none()
                && self.short_year.is_none()
                && self.place.is_none())
        {
            return false;
        }
        self.body.is_none_or(|b| b == c.body)
            && self.year.is_none_or(|y| y == c.year)
            && self.short_year.is_none_or(|y| y == c.year.rem_euclid(100))
            && self
                .place
                .as_ref()
                .is_none_or(|p| place_keys(c).contains(p))
    }
}

/// Body names in full, which a query may start with (`Conférence de plénipotentiaires (Dubaï,
/// 2018)`, as the history's commits are signed), folded.
const BODY_NAMES: [(&str, &str); 3] = [
    ("conference de plenipotentiaires", "pp"),
    ("plenipotentiary conference", "pp"),
    ("conferencia de plenipotenciarios", "pp"),
];

/// Replaces a full body name at the start of a folded query by its code.
fn strip_body_name(key: &str) -> std::borrow::Cow<'_, str> {
    for (name, code) in BODY_NAMES {
        if let Some(rest) = key.strip_prefix(name) {
            if rest.is_empty() || rest.starts_with(' ') {
                return format!("{code}{rest}").into();
            }
        }
    }
    key.into()
}

/// The comparison keys of a conference's place: its names in the three languages and its
/// aliases that are not ids of the `PP-18` kind.
fn place_keys(c: &Conference) -> BTreeSet<String> {
    [&c.place.fr, &c.place.en, &c.place.es]
        .into_iter()
        .chain(c.aliases.iter())
        .map(|s| name_key(s))
        .collect()
}

/// Folds a name for comparison: accents and case aside, punctuation (`-`, `_`, `,`, `.`, `/`)
/// read as spaces, spaces squashed. `DUBAÏ, 2018` and `dubai-2018` both give `dubai 2018`.
pub fn name_key(s: &str) -> String {
    let spaced: String = fold(s)
        .chars()
        .map(|c| {
            if matches!(c, '-' | '_' | ',' | '.' | '/' | '(' | ')' | ';' | ':') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The conferences of a `conferences.csv` text, one `Result` per data row, in order.
pub fn parse_conferences<'a>(
    file: &'a str,
    text: &'a str,
) -> impl Iterator<Item = Result<Conference, CatalogueError>> + 'a {
    let mut seen = BTreeSet::new();
    csv_file::records(text, |fields| fields == COLUMNS).map(move |row| {
        let row = row.map_err(|e| e.in_file(file, &COLUMNS.join(",")))?;
        let conference =
            conference_from_row(&row.fields).map_err(|message| CatalogueError::Row {
                file: file.to_string(),
                line: row.line,
                message,
            })?;
        if !seen.insert(conference.id.clone()) {
            return Err(CatalogueError::Row {
                file: file.to_string(),
                line: row.line,
                message: format!("the id `{}` is already used above", conference.id),
            });
        }
        Ok(conference)
    })
}

/// Reads one row; the error says what was expected.
fn conference_from_row(fields: &[String]) -> Result<Conference, String> {
    if fields.len() != COLUMNS.len() {
        return Err(format!(
            "expected {} fields ({}), found {}",
            COLUMNS.len(),
            COLUMNS.join(","),
            fields.len()
        ));
    }
    let field = |i: usize| fields[i].trim();
    let required = |i: usize| -> Result<&str, String> {
        let value = field(i);
        if value.is_empty() {
            Err(format!("the field `{}` is empty", COLUMNS[i]))
        } else {
            Ok(value)
        }
    };
    let id = required(0)?;
    if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(format!(
            "the id `{id}` must be lowercase ASCII letters, digits and hyphens (pp-2018-dubai)"
        ));
    }
    let body = Body::from_code(required(1)?).ok_or_else(|| {
        format!(
            "unknown body `{}`; expected one of {}",
            field(1),
            Body::ALL.map(|b| b.code()).join(", ")
        )
    })?;
    let year: i32 = required(6)?
        .parse()
        .map_err(|_| format!("the year `{}` is not a number", field(6)))?;
    let date = |i: usize| -> Result<time::Date, String> {
        iso_date::parse(required(i)?).map_err(|_| {
            format!(
                "the {} date `{}` is not a date of the form YYYY-MM-DD",
                COLUMNS[i],
                field(i)
            )
        })
    };
    let (start, end, final_acts) = (date(7)?, date(8)?, date(9)?);
    if start > end {
        return Err(format!("the start {start} is after the end {end}"));
    }
    if start.year() != year {
        return Err(format!(
            "the year {year} is not the year of the start {start}"
        ));
    }
    if final_acts < start {
        return Err(format!(
            "the Final Acts date {final_acts} is before the start {start}"
        ));
    }
    let confidence = required(10)?;
    if !CONFIDENCES.contains(&confidence) {
        return Err(format!(
            "the final_acts_confidence `{confidence}` must be one of {}",
            CONFIDENCES.join(", ")
        ));
    }
    let aliases = field(5)
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    Ok(Conference {
        id: ConferenceId(id.to_string()),
        body,
        place: Places {
            fr: required(2)?.to_string(),
            en: required(3)?.to_string(),
            es: required(4)?.to_string(),
        },
        aliases,
        year,
        start,
        end,
        final_acts,
        final_acts_confidence: confidence.to_string(),
        note: Some(field(11).to_string()).filter(|n| !n.is_empty()),
    })
}

impl fmt::Display for Catalogue {
    /// One conference per line: `pp-2018-dubai  Dubai 2018`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.conferences {
            writeln!(f, "{}", describe(c))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_ignore_case_accents_and_punctuation() {
        assert_eq!(name_key("DUBAÏ, 2018"), "dubai 2018");
        assert_eq!(name_key("pp-2018-dubai"), "pp 2018 dubai");
        assert_eq!(name_key(" Rév. Busan,  2014 "), "rev busan 2014");
    }
}
