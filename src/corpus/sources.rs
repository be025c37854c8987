//! The sources folder (`history/`) read in one go: the conference catalogue, the index of
//! documents (`documents.csv`) with each document read by the reader, and the Final Acts outcomes.
//! Every path kept here is relative to the folder, so that nothing about the machine leaks into
//! the history.

use crate::reader::citations::Meetings;
use std::path::Path;

use crate::catalogue::Catalogue;
use crate::csv_file;
use crate::csv_file::SourceFileError;
use crate::model::{ConferenceId, Language};
use crate::outcomes::{self, ConferenceOutcomes};
use crate::reader::Document;

/// The columns of `documents.csv`, in order.
pub const DOCUMENT_COLUMNS: [&str; 7] = [
    "file",
    "conference",
    "document",
    "language",
    "origin",
    "submitter",
    "title",
];

/// One row of `documents.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentEntry {
    /// The file, relative to the sources folder (`documents/pp-2018-dubai/67-fr.txt`).
    pub file: String,
    /// The conference the document was submitted to.
    pub conference: ConferenceId,
    /// The document number (`67`).
    pub document: u32,
    pub language: Language,
    /// The submitter's code in proposal ids (`B`).
    pub origin: String,
    /// The submitter's name as commits give it (`Brazil`).
    pub submitter: String,
    pub title: String,
    /// The row's line in `documents.csv`.
    pub line: u32,
}

/// A document of the index and what the reader made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    pub entry: DocumentEntry,
    pub document: Document,
}

/// Everything the corpus is built from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sources {
    pub catalogue: Catalogue,
    /// In the order of `documents.csv`.
    pub documents: Vec<SourceDocument>,
    /// One list per conference, in file name order.
    pub outcomes: Vec<ConferenceOutcomes>,
}

/// Why the sources could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SourcesError {
    /// `conferences.csv`, `documents.csv` or an outcomes file is not what it must be.
    #[error(transparent)]
    SourceFile(#[from] SourceFileError),
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// The reader could not read a document.
    #[error("{file}: {message}")]
    Document { file: String, message: String },
    /// An outcomes file names a conference that the catalogue does not know.
    #[error("{file}: the conference `{conference}` is not in conferences.csv")]
    UnknownConference { file: String, conference: String },
}

impl Sources {
    /// Loads the sources folder (`history/`): `conferences.csv`, `documents.csv` and each
    /// document it lists (read with [`crate::reader::read_any_document_with`], text or Word, and
    /// the meetings of this folder's catalogue), `outcomes/*.csv`.
    pub fn load(dir: &Path) -> Result<Sources, SourcesError> {
        Self::load_with(dir, crate::reader::read_any_document_with)
    }

    /// Loads the sources folder, reading each document with `read` (normally
    /// `crate::reader::read_document_with`); `read` gets the file relative to the folder, its
    /// bytes and the meetings of the folder's conference catalogue (for the citations).
    pub fn load_with<E: std::fmt::Display>(
        dir: &Path,
        mut read: impl FnMut(&str, &[u8], &Meetings) -> Result<Document, E>,
    ) -> Result<Sources, SourcesError> {
        let catalogue = Catalogue::load(&dir.join("conferences.csv"))?;
        let meetings = Meetings::from_conferences(catalogue.conferences());
        let index_path = dir.join("documents.csv");
        let index_name = index_path.display().to_string();
        let index = std::fs::read_to_string(&index_path).map_err(|source| SourcesError::Io {
            file: index_name.clone(),
            source,
        })?;
        let mut documents = Vec::new();
        for entry in parse_index(&index_name, &index) {
            let entry = entry?;
            if catalogue.get(&entry.conference).is_none() {
                return Err(SourcesError::SourceFile(SourceFileError::Row {
                    file: index_name.clone(),
                    line: entry.line,
                    message: format!(
                        "the conference `{}` is not in conferences.csv",
                        entry.conference
                    ),
                }));
            }
            let path = dir.join(&entry.file);
            let bytes = std::fs::read(&path).map_err(|source| SourcesError::Io {
                file: path.display().to_string(),
                source,
            })?;
            let document =
                read(&entry.file, &bytes, &meetings).map_err(|e| SourcesError::Document {
                    file: entry.file.clone(),
                    message: e.to_string(),
                })?;
            documents.push(SourceDocument { entry, document });
        }
        let outcomes = outcomes::load_dir(&dir.join("outcomes"), outcomes::SOURCE_PREFIX)?;
        for list in &outcomes {
            if catalogue.get(&list.conference).is_none() {
                return Err(SourcesError::UnknownConference {
                    file: list.source.clone(),
                    conference: list.conference.0.clone(),
                });
            }
        }
        Ok(Sources {
            catalogue,
            documents,
            outcomes,
        })
    }
}

/// The rows of `documents.csv`, one `Result` per data row; `file` names it in errors.
pub fn parse_index<'a>(
    file: &'a str,
    text: &'a str,
) -> impl Iterator<Item = Result<DocumentEntry, SourcesError>> + 'a {
    let index_error = move |line: u32, message: String| {
        SourcesError::SourceFile(SourceFileError::Row {
            file: file.to_string(),
            line,
            message,
        })
    };
    csv_file::records(text, |fields| fields == DOCUMENT_COLUMNS).map(move |row| {
        let row = row.map_err(|e| e.in_file(file, &DOCUMENT_COLUMNS.join(",")))?;
        entry_from_row(&row.fields, row.line).map_err(|m| index_error(row.line, m))
    })
}

fn entry_from_row(fields: &[String], line: u32) -> Result<DocumentEntry, String> {
    if fields.len() != DOCUMENT_COLUMNS.len() {
        return Err(format!(
            "expected {} fields ({}), found {}",
            DOCUMENT_COLUMNS.len(),
            DOCUMENT_COLUMNS.join(","),
            fields.len()
        ));
    }
    let field = |i: usize| -> Result<String, String> {
        let value = fields[i].trim();
        if value.is_empty() {
            Err(format!("the field `{}` is empty", DOCUMENT_COLUMNS[i]))
        } else {
            Ok(value.to_string())
        }
    };
    let file = field(0)?;
    if file.starts_with('/') || file.split('/').any(|part| part == ".." || part.is_empty()) {
        return Err(format!(
            "the file `{file}` must be a relative path inside the sources folder"
        ));
    }
    let document = field(2)?;
    let document = document
        .parse()
        .map_err(|_| format!("the document number `{document}` is not a whole number"))?;
    let language = field(3)?;
    let language = Language::from_code(&language)
        .ok_or_else(|| format!("the language `{language}` is not one of fr, en, es"))?;
    Ok(DocumentEntry {
        file,
        conference: ConferenceId(field(1)?),
        document,
        language,
        origin: field(4)?,
        submitter: field(5)?,
        title: field(6)?,
        line,
    })
}
