//! A reader for the small CSV files of the sources (`conferences.csv`, `documents.csv`,
//! `outcomes/*.csv`): comma-separated fields, optionally in double quotes (a quote inside a quoted
//! field doubled), one record per line, a header line first. It exists so that every loader reports
//! bad rows the same way, with the file and the line, without a CSV dependency.

/// Why a source file backed by CSV (`conferences.csv`, `documents.csv`, `outcomes/*.csv`) does not
/// give what its loader expects: the one error of the three loaders, each naming the file and the
/// line.
#[derive(Debug, thiserror::Error)]
pub enum SourceFileError {
    /// The file (or its folder) could not be read; `what` says what it was read as
    /// (` the conference catalogue`), or is empty.
    #[error("{file}: cannot read{what}: {source}")]
    Io {
        file: String,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// An outcomes file whose name is not a conference id.
    #[error("{file}: the file name must be a conference id followed by .csv (pp-2018-dubai.csv)")]
    FileName { file: String },
    /// The file is empty or its header is not the expected one.
    #[error("{file}: line 1: expected the header `{expected}`, found `{found}`")]
    Header {
        file: String,
        expected: String,
        found: String,
    },
    /// A row is not CSV, or not what the file's rows must be.
    #[error("{file}: line {line}: {message}")]
    Row {
        file: String,
        line: u32,
        message: String,
    },
}

/// One record: its fields and the line it stands on (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub line: u32,
    pub fields: Vec<String>,
}

/// Why a line is not a CSV record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum CsvError {
    #[error("line {line}: a quoted field is not closed before the end of the line")]
    UnclosedQuote { line: u32 },
    #[error("line {line}: a closing quote must be followed by a comma or the end of the line")]
    TextAfterQuote { line: u32 },
}

impl CsvError {
    /// The line the error is on (counted from 1).
    pub fn line(&self) -> u32 {
        match self {
            CsvError::UnclosedQuote { line } | CsvError::TextAfterQuote { line } => *line,
        }
    }
}

/// Why a CSV file does not give the records a loader expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RecordsError {
    /// The file has no line at all, so no header.
    NoHeader,
    /// The header is not the one expected; its fields, joined with commas.
    BadHeader { found: String },
    /// A line that is not a CSV record (the header line included).
    Csv(CsvError),
}

impl RecordsError {
    /// The error in the terms every loader reports: the file, the line, what was expected.
    pub(crate) fn in_file(self, file: &str, expected_header: &str) -> SourceFileError {
        match self {
            RecordsError::NoHeader => SourceFileError::Header {
                file: file.to_string(),
                expected: expected_header.to_string(),
                found: String::new(),
            },
            RecordsError::BadHeader { found } => SourceFileError::Header {
                file: file.to_string(),
                expected: expected_header.to_string(),
                found,
            },
            RecordsError::Csv(e) => SourceFileError::Row {
                file: file.to_string(),
                line: e.line(),
                message: e.to_string(),
            },
        }
    }
}

/// The data records of a CSV file whose header `header_fits` accepts, each with its line
/// number. A missing or refused header, or a header line that is not CSV, is the only item.
pub(crate) fn records<'a>(
    text: &'a str,
    header_fits: impl FnOnce(&[String]) -> bool,
) -> impl Iterator<Item = Result<Row, RecordsError>> + 'a {
    let mut rows = rows(text);
    let header_error = match rows.next() {
        None => Some(RecordsError::NoHeader),
        Some(Err(e)) => Some(RecordsError::Csv(e)),
        Some(Ok(row)) if !header_fits(&row.fields) => Some(RecordsError::BadHeader {
            found: row.fields.join(","),
        }),
        Some(Ok(_)) => None,
    };
    let failed = header_error.is_some();
    header_error.map(Err).into_iter().chain(
        rows.take_while(move |_| !failed)
            .map(|row| row.map_err(RecordsError::Csv)),
    )
}

/// The records of a CSV text, the header line included, each with its line number. Blank lines
/// are skipped; a BOM and `\r\n` line ends are accepted.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = Result<Row, CsvError>> + '_ {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines().enumerate().filter_map(|(index, line)| {
        let line_number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            return None;
        }
        Some(split_line(line, line_number).map(|fields| Row {
            line: line_number,
            fields,
        }))
    })
}

/// Splits one line into fields.
fn split_line(line: &str, line_number: u32) -> Result<Vec<String>, CsvError> {
    let mut fields = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err(CsvError::UnclosedQuote { line: line_number }),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => field.push(c),
                }
            }
            match chars.next() {
                None => {
                    fields.push(field);
                    return Ok(fields);
                }
                Some(',') => fields.push(field),
                Some(_) => return Err(CsvError::TextAfterQuote { line: line_number }),
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(field);
                        return Ok(fields);
                    }
                    Some(',') => break,
                    Some(c) => field.push(c),
                }
            }
            fields.push(field);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_their_commas_and_doubled_quotes() {
        let rows: Vec<Row> = rows("a,b\n\n1,\"x, \"\"y\"\"\",\r\n")
            .collect::<Result<_, _>>()
            .expect("valid CSV");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].fields, vec!["1", "x, \"y\"", ""]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_with_its_line() {
        let errors: Vec<_> = rows("a\n\"open").filter_map(Result::err).collect();
        assert_eq!(errors, vec![CsvError::UnclosedQuote { line: 2 }]);
    }

    #[test]
    fn records_stop_at_a_refused_header_and_skip_an_accepted_one() {
        let refused: Vec<_> = records("x,y\n1,2\n", |fields| fields == ["a", "b"]).collect();
        assert_eq!(
            refused,
            vec![Err(RecordsError::BadHeader {
                found: "x,y".to_string()
            })]
        );
        let accepted: Vec<_> = records("a,b\n1,2\n", |fields| fields == ["a", "b"]).collect();
        assert_eq!(
            accepted,
            vec![Ok(Row {
                line: 2,
                fields: vec!["1".to_string(), "2".to_string()]
            })]
        );
        assert_eq!(
            records("", |_| true).collect::<Vec<_>>(),
            vec![Err(RecordsError::NoHeader)]
        );
    }
}
