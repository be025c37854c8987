//! What conferences did, as their Final Acts record it (`history/outcomes/<conference id>.csv`):
//! every instrument adopted new, revised or abrogated, with the label the Final Acts give it and
//! its English title. These are stated facts; the corpus (`crate::corpus`) builds the conference
//! states on them, and every fact keeps the file and line it comes from.
//!
//! The file has no conference column: its name is the conference id. Columns, in order:
//! `instrument` (resolution, decision, recommendation, opinion), `number`, `status...` (`new`,
//! `revised`, `abrogated`), `label...` (`Rev. Dubai, 2018`; for an abrogated instrument, its last
//! revision), `title...` (English; blank where the source cut it short).

use std::fmt;
use std::path::Path;

use crate::csv_file;
use crate::model::{
    Body, ConferenceId, Evidence, EvidenceKind, InstrumentId, InstrumentKind, LineSpan, Revision,
};

/// What the Final Acts say a conference did to an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutcomeStatus {
    /// Adopted new.
    New,
    Revised,
    /// Abrogated (suppressed).
    Abrogated,
}

impl OutcomeStatus {
    /// As written in the files: `new`, `revised`, `abrogated`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeStatus::New => "new",
            OutcomeStatus::Revised => "revised",
            OutcomeStatus::Abrogated => "abrogated",
        }
    }

    fn parse(s: &str) -> Option<OutcomeStatus> {
        match s.trim().to_lowercase().as_str() {
            "new" | "adopted" => Some(OutcomeStatus::New),
            "revised" => Some(OutcomeStatus::Revised),
            "abrogated" | "suppressed" => Some(OutcomeStatus::Abrogated),
            _ => None,
        }
    }
}

impl fmt::Display for OutcomeStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of a Final Acts list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub instrument: InstrumentId,
    pub status: OutcomeStatus,
    /// The label as written (`Rev. Dubai, 2018`).
    pub label: String,
    /// The label read: after a new or revised instrument, its revision at this conference; for an
    /// abrogated one, its last revision before.
    pub revision: Revision,
    /// The English title; `None` where the list leaves it blank.
    pub title_en: Option<String>,
    /// The line of the row in its file.
    pub line: u32,
}

impl Outcome {
    /// `resolution 128 abrogated`: how evidence names this row.
    pub fn entry(&self) -> String {
        format!(
            "{} {} {}",
            self.instrument.kind,
            self.instrument.designation(),
            self.status
        )
    }

    /// The evidence this row gives, stated, from `source` (`outcomes/pp-2018-dubai.csv`).
    pub fn evidence(&self, source: &str) -> Evidence {
        Evidence {
            kind: EvidenceKind::Stated,
            source: source.to_string(),
            entry: Some(self.entry()),
            lines: Some(LineSpan::line(self.line)),
            note: None,
        }
    }
}

/// The Final Acts list of one conference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConferenceOutcomes {
    pub conference: ConferenceId,
    /// The file, relative to the sources folder (`outcomes/pp-2018-dubai.csv`).
    pub source: String,
    pub outcomes: Vec<Outcome>,
}

impl ConferenceOutcomes {
    /// The row about this instrument, if the list has one.
    pub fn get(&self, instrument: &InstrumentId) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| &o.instrument == instrument)
    }
}

/// Why an outcomes file could not be read: the sources' one CSV file error.
pub type OutcomesError = crate::csv_file::SourceFileError;

/// The header that the files carry, column by column: each column name must start with its
/// prefix (the status column is `status_at_dubai_2018` in the Dubai file).
const COLUMN_PREFIXES: [&str; 5] = ["instrument", "number", "status", "label", "title"];
const EXPECTED_HEADER: &str = "instrument,number,status...,label...,title...";

/// What the evidence's source of a recorded outcome starts with (`outcomes/pp-2018-dubai.csv`):
/// the sources' folder of outcome lists, whose titles are English.
pub const SOURCE_PREFIX: &str = "outcomes/";

/// Reads every `*.csv` of `outcomes_dir` (`history/outcomes`), in file name order. `prefix` is
/// put before each file name to make the evidence's source (`outcomes/`). A missing folder
/// means no outcomes.
pub fn load_dir(
    outcomes_dir: &Path,
    prefix: &str,
) -> Result<Vec<ConferenceOutcomes>, OutcomesError> {
    let dir_name = outcomes_dir.display().to_string();
    let entries = match std::fs::read_dir(outcomes_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(OutcomesError::Io {
                file: dir_name,
                what: "",
                source,
            })
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| OutcomesError::Io {
            file: dir_name.clone(),
            what: "",
            source,
        })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".csv") {
            names.push(name);
        }
    }
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = outcomes_dir.join(&name);
            let text = std::fs::read_to_string(&path).map_err(|source| OutcomesError::Io {
                file: path.display().to_string(),
                what: "",
                source,
            })?;
            parse_file(&format!("{prefix}{name}"), &text)
        })
        .collect()
}

/// Reads one outcomes file; `source` is its name relative to the sources folder
/// (`outcomes/pp-2018-dubai.csv`), whose stem is the conference id.
pub fn parse_file(source: &str, text: &str) -> Result<ConferenceOutcomes, OutcomesError> {
    let stem = source
        .rsplit('/')
        .next()
        .and_then(|name| name.strip_suffix(".csv"))
        .filter(|stem| {
            !stem.is_empty()
                && stem
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .ok_or_else(|| OutcomesError::FileName {
            file: source.to_string(),
        })?;
    Ok(ConferenceOutcomes {
        conference: ConferenceId(stem.to_string()),
        source: source.to_string(),
        outcomes: parse_rows(source, text).collect::<Result<_, _>>()?,
    })
}

/// The rows of an outcomes file, one `Result` per data row; `file` names it in errors. A bad
/// header is the only item.
pub fn parse_rows<'a>(
    file: &'a str,
    text: &'a str,
) -> impl Iterator<Item = Result<Outcome, OutcomesError>> + 'a {
    let header_fits = |fields: &[String]| {
        fields.len() == COLUMN_PREFIXES.len()
            && fields
                .iter()
                .zip(COLUMN_PREFIXES)
                .all(|(field, prefix)| field.trim().starts_with(prefix))
    };
    let mut seen = std::collections::BTreeSet::new();
    csv_file::records(text, header_fits).map(move |row| {
        let row = row.map_err(|e| e.in_file(file, EXPECTED_HEADER))?;
        let outcome =
            outcome_from_row(&row.fields, row.line).map_err(|message| OutcomesError::Row {
                file: file.to_string(),
                line: row.line,
                message,
            })?;
        if !seen.insert(outcome.instrument.clone()) {
            return Err(OutcomesError::Row {
                file: file.to_string(),
                line: row.line,
                message: format!("{} is already listed above", outcome.instrument),
            });
        }
        Ok(outcome)
    })
}

fn outcome_from_row(fields: &[String], line: u32) -> Result<Outcome, String> {
    if fields.len() != COLUMN_PREFIXES.len() {
        return Err(format!(
            "expected 5 fields (instrument, number, status, label, title), found {}",
            fields.len()
        ));
    }
    let kind = InstrumentKind::from_word(&fields[0]).ok_or_else(|| {
        format!(
            "`{}` is not an instrument kind (resolution, decision, recommendation, opinion)",
            fields[0].trim()
        )
    })?;
    let number: u32 = fields[1]
        .trim()
        .parse()
        .map_err(|_| format!("the number `{}` is not a whole number", fields[1].trim()))?;
    let status = OutcomeStatus::parse(&fields[2]).ok_or_else(|| {
        format!(
            "the status `{}` is not one of new, revised, abrogated",
            fields[2].trim()
        )
    })?;
    let label = crate::text::squash_whitespace(&fields[3]);
    let revision = parse_revision(&label).ok_or_else(|| {
        format!("the label `{label}` is not a revision mark such as `Rev. Dubai, 2018` or `Dubai, 2018`")
    })?;
    let title = crate::text::squash_whitespace(&fields[4]);
    Ok(Outcome {
        instrument: InstrumentId::numbered(Body::Pp, kind, number),
        status,
        label,
        revision,
        title_en: Some(title).filter(|t| !t.is_empty()),
        line,
    })
}

/// Reads a revision mark: `Rev. Dubai, 2018`, `Rév. Busan, 2014`, `REV. DUBAI, 2018` (revised
/// there) or `Dubai, 2018` (adopted new there), parentheses optional.
pub fn parse_revision(label: &str) -> Option<Revision> {
    let label = label.trim();
    let label = label
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .unwrap_or(label)
        .trim();
    let (revised, rest) = ["Rev.", "Rév.", "REV.", "RÉV.", "Rev ", "Rév "]
        .iter()
        .find_map(|prefix| label.strip_prefix(prefix).map(|rest| (true, rest)))
        .unwrap_or((false, label));
    let (place, year) = rest.rsplit_once(',')?;
    let place = place.trim();
    let year = year.trim();
    if place.is_empty() || year.len() != 4 {
        return None;
    }
    Some(Revision {
        place: place.to_string(),
        year: year.parse().ok()?,
        revised,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revision_labels_read_revised_and_new() {
        let rev = parse_revision("Rev. Dubai, 2018").expect("a label");
        assert_eq!(
            (rev.place.as_str(), rev.year, rev.revised),
            ("Dubai", 2018, true)
        );
        let new = parse_revision("(Busan, 2014)").expect("a label");
        assert_eq!(
            (new.place.as_str(), new.year, new.revised),
            ("Busan", 2014, false)
        );
        assert_eq!(parse_revision("Dubai"), None);
    }
}
