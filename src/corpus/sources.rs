//! The sources folder (`history/`) read in one go: the conference catalogue, the index of
//! documents (`documents.csv`) with each document read by the reader (proposals, or Final Acts
//! in Akoma Ntoso: the kind is told by the content, [`kind_of`]), and the Final Acts outcomes
//! lists. Every path kept here is relative to the folder, so that nothing about the machine
//! leaks into the history.

use crate::reader::citations::Meetings;
use std::path::Path;

use crate::catalogue::Catalogue;
use crate::csv_file;
use crate::csv_file::SourceFileError;
use crate::model::{ConferenceId, Language};
use crate::outcomes::{self, ConferenceOutcomes};
use crate::reader::akn::FinalActs;
use crate::reader::Document;

/// What a source document is, told by its content ([`kind_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A conference document of proposals, as text.
    Proposals,
    /// A conference's Final Acts in Akoma Ntoso.
    FinalActsAkn,
}

impl DocumentKind {
    /// `proposals`, `Final Acts (Akoma Ntoso)`: how messages name it.
    pub fn describe(self) -> &'static str {
        match self {
            DocumentKind::Proposals => "a proposals text",
            DocumentKind::FinalActsAkn => "Final Acts in Akoma Ntoso",
        }
    }
}

/// The one place a source document's kind is told from its bytes (the file name only helps where
/// the content cannot say).
pub fn kind_of(_file: &str, bytes: &[u8]) -> DocumentKind {
    if crate::reader::akn::looks_like_akn(bytes) {
        DocumentKind::FinalActsAkn
    } else {
        DocumentKind::Proposals
    }
}

/// A document number as `documents.csv` writes it: `44`, or an addendum `44A7` (also read as
/// `44(Add.7)`); shown as `44A7`, which is also its part of the proposal ref.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocumentNumber {
    pub number: u32,
    pub addendum: Option<u32>,
}

impl DocumentNumber {
    /// A document without addendum.
    pub fn whole(number: u32) -> Self {
        DocumentNumber {
            number,
            addendum: None,
        }
    }

    /// Reads `44`, `44A7`, `44(Add.7)`, `44 (Add. 7)`, `44-A7`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let number: u32 = text[..digits].parse().ok()?;
        let rest = text[digits..].trim();
        if rest.is_empty() {
            return Some(DocumentNumber::whole(number));
        }
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let addendum = if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')'))
        {
            let inner = inner.trim();
            let inner = ["Add.", "ADD.", "add.", "Add", "ADD", "add"]
                .iter()
                .find_map(|p| inner.strip_prefix(p))?;
            inner.trim()
        } else {
            rest.strip_prefix(['A', 'a'])?
        };
        if addendum.is_empty() || !addendum.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(DocumentNumber {
            number,
            addendum: Some(addendum.parse().ok()?),
        })
    }
}

impl std::fmt::Display for DocumentNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.addendum {
            Some(a) => write!(f, "{}A{a}", self.number),
            None => write!(f, "{}", self.number),
        }
    }
}

/// What `documents.csv` writes in the document, origin and submitter columns of a row that has
/// none (a Final Acts file).
pub const NONE_FIELD: &str = "-";

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
    /// The document number (`67`, `44A7`); `None` (`-`) for a Final Acts file.
    pub document: Option<DocumentNumber>,
    pub language: Language,
    /// The submitter's code in proposal ids (`B`); `-` for a Final Acts file.
    pub origin: String,
    /// The submitter's name as commits give it (`Brazil`); `-` for a Final Acts file.
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

/// A Final Acts file of the index, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFinalActs {
    pub entry: DocumentEntry,
    pub acts: FinalActs,
}

/// Everything the corpus is built from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sources {
    pub catalogue: Catalogue,
    /// The documents of proposals, in the order of `documents.csv`.
    pub documents: Vec<SourceDocument>,
    /// The Final Acts files, in the order of `documents.csv`: at most one per conference and
    /// language.
    pub final_acts: Vec<SourceFinalActs>,
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
    /// Two Final Acts files for one conference and language.
    /// `what` names the conference, the language and both files.
    #[error("{index}: lines {first} and {second}: two Final Acts files for {what}; keep one")]
    TwoFinalActs {
        index: String,
        what: String,
        first: u32,
        second: u32,
    },
    /// Two rows of `documents.csv` would make the same proposal ref.
    #[error("{index}: lines {first} and {second}: both register document {document} of {conference}, whose proposals would share one proposal ref; give each document its own number (an addendum as `44A7`)")]
    ProposalRefClash {
        index: String,
        conference: String,
        document: String,
        first: u32,
        second: u32,
    },
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
        let mut documents: Vec<SourceDocument> = Vec::new();
        let mut final_acts: Vec<SourceFinalActs> = Vec::new();
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
            match kind_of(&entry.file, &bytes) {
                DocumentKind::FinalActsAkn => {
                    let acts = crate::reader::akn::read_final_acts(&entry.file, &bytes, &catalogue)
                        .map_err(|e| SourcesError::Document {
                            file: entry.file.clone(),
                            message: e.to_string(),
                        })?;
                    if acts.conference != entry.conference {
                        return Err(SourcesError::SourceFile(SourceFileError::Row {
                            file: index_name.clone(),
                            line: entry.line,
                            message: format!(
                                "{} registers {} for `{}`, but its revision marks name `{}`",
                                entry.file,
                                DocumentKind::FinalActsAkn.describe(),
                                entry.conference,
                                acts.conference
                            ),
                        }));
                    }
                    if let Some(earlier) = final_acts.iter().find(|f| {
                        f.acts.conference == acts.conference && f.acts.language == acts.language
                    }) {
                        return Err(SourcesError::TwoFinalActs {
                            index: index_name.clone(),
                            what: format!(
                                "{} in `{}` ({}, {})",
                                acts.conference,
                                acts.language.code(),
                                earlier.entry.file,
                                entry.file
                            ),
                            first: earlier.entry.line,
                            second: entry.line,
                        });
                    }
                    final_acts.push(SourceFinalActs { entry, acts });
                }
                DocumentKind::Proposals => {
                    let Some(number) = entry.document else {
                        return Err(SourcesError::SourceFile(SourceFileError::Row {
                            file: index_name.clone(),
                            line: entry.line,
                            message: format!(
                                "{} is {}: its document number is needed (such as `67` or `44A7`), found `{NONE_FIELD}`",
                                entry.file,
                                DocumentKind::Proposals.describe()
                            ),
                        }));
                    };
                    if let Some(earlier) = documents.iter().find(|d| {
                        d.entry.conference == entry.conference && d.entry.document == Some(number)
                    }) {
                        return Err(SourcesError::ProposalRefClash {
                            index: index_name.clone(),
                            conference: entry.conference.0.clone(),
                            document: number.to_string(),
                            first: earlier.entry.line,
                            second: entry.line,
                        });
                    }
                    let document = read(&entry.file, &bytes, &meetings).map_err(|e| {
                        SourcesError::Document {
                            file: entry.file.clone(),
                            message: e.to_string(),
                        }
                    })?;
                    documents.push(SourceDocument { entry, document });
                }
            }
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
            final_acts,
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
    let document = if document == NONE_FIELD {
        None
    } else {
        Some(DocumentNumber::parse(&document).ok_or_else(|| {
            format!("the document number `{document}` is not a whole number, an addendum such as `44A7` or `44(Add.7)`, or `{NONE_FIELD}`")
        })?)
    };
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
