//! Adds a document to a sources folder (`actes add`): copies it into `documents/<conference>/`
//! and registers it in `documents.csv`, with what the file itself says (its kind, told by
//! [`super::sources::kind_of`]; its conference, document number and language), so that a user can
//! bring a document of their own (a proposals text, a Final Acts file) without editing CSV by
//! hand. Nothing is left half-done: the document and the index are each written to a temporary
//! file and renamed into place, the index last, and the copy is removed if the index cannot be
//! written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::catalogue::Catalogue;
use crate::model::{ConferenceId, Language};
use crate::reader::citations::Meetings;

use super::sources::{
    kind_of, parse_index, DocumentEntry, DocumentKind, DocumentNumber, SourcesError, NONE_FIELD,
};

impl From<SourcesError> for AddError {
    fn from(e: SourcesError) -> Self {
        AddError::Sources(Box::new(e))
    }
}

/// What was added, and where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Added {
    /// `Final Acts in Akoma Ntoso`, `a proposals text`.
    pub kind: String,
    /// The copy, relative to the sources folder.
    pub file: String,
    pub conference: ConferenceId,
    /// `67`, `44A7`; `None` for a Final Acts file.
    pub document: Option<String>,
    pub language: Language,
    /// The row's line in `documents.csv`.
    pub line: u32,
    /// The row as written.
    pub row: String,
}

/// Why a document could not be added. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("{file}: cannot {what}: {source}")]
    Io {
        file: String,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// The sources folder's catalogue or index is not readable as it is.
    #[error(transparent)]
    Sources(Box<SourcesError>),
    /// The document could not be read as its kind.
    #[error("{kind} that cannot be read: {message}")]
    Read { kind: &'static str, message: String },
    /// `--conference` names nothing (or several conferences) in the catalogue.
    #[error("--conference: {0}")]
    Conference(#[from] crate::catalogue::ResolveError),
    /// The file does not say its conference, and none was given.
    #[error("{file}: the file does not say which conference it belongs to; pass it with --conference (such as `--conference dubai-2018`)")]
    NoConference { file: String },
    /// The conference given is not the one the file says.
    #[error("{file}: the file is {kind} of {said}, but --conference names {given}")]
    ConferenceMismatch {
        file: String,
        kind: &'static str,
        said: String,
        given: String,
    },
    /// A proposals text in which no proposal (hence no origin or document number) was found.
    #[error("{file}: no proposal (such as `MOD B/67/4`) was found, so its document number and origin cannot be read; add a text with its proposals' ids")]
    NoProposals { file: String },
    /// The index already holds this document.
    #[error("{index}: line {line}: {what}")]
    AlreadyThere {
        index: String,
        line: u32,
        what: String,
    },
    /// A different file is already where the copy would go.
    #[error("{file}: another file is already there; remove it or register the document by hand")]
    Occupied { file: String },
}

/// Adds the document `name` (its bytes) to the sources folder `dir`; `conference` is the user's
/// `--conference`, needed only where the file does not say it.
pub fn add(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    conference: Option<&str>,
) -> Result<Added, AddError> {
    let catalogue = Catalogue::load(&dir.join("conferences.csv")).map_err(SourcesError::from)?;
    let given = conference.map(|q| catalogue.resolve(q)).transpose()?;
    let kind = kind_of(name, bytes);
    let base = Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned());
    let described = describe(&catalogue, name, bytes, kind)?;
    let conference = match (described.conference, given) {
        (Some(said), Some(given)) if said != given.id => {
            return Err(AddError::ConferenceMismatch {
                file: name.to_string(),
                kind: kind.describe(),
                said: said.0,
                given: given.id.0.clone(),
            })
        }
        (Some(said), _) => said,
        (None, Some(given)) => given.id.clone(),
        (None, None) => {
            return Err(AddError::NoConference {
                file: name.to_string(),
            })
        }
    };
    let file_name = match kind {
        DocumentKind::FinalActsAkn => format!("final-acts-{}.xml", described.language.code()),
        DocumentKind::Proposals => base,
    };
    let file = format!("documents/{conference}/{file_name}");
    let title = match kind {
        DocumentKind::FinalActsAkn => {
            let c = catalogue
                .get(&conference)
                .expect("resolved in the catalogue");
            format!("Final Acts ({}, {})", c.place.en, c.year)
        }
        DocumentKind::Proposals => format!(
            "Document {} ({})",
            described
                .document
                .map_or_else(|| NONE_FIELD.to_string(), |d| d.to_string()),
            described.origin
        ),
    };
    let document = described.document;
    let fields = [
        file.clone(),
        conference.0.clone(),
        document.map_or_else(|| NONE_FIELD.to_string(), |d| d.to_string()),
        described.language.code().to_string(),
        described.origin.clone(),
        described.submitter.clone(),
        title,
    ];
    let row = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");

    let index_path = dir.join("documents.csv");
    let index_name = index_path.display().to_string();
    let index = std::fs::read_to_string(&index_path).map_err(|source| AddError::Io {
        file: index_name.clone(),
        what: "read",
        source,
    })?;
    let entries: Vec<DocumentEntry> = parse_index(&index_name, &index).collect::<Result<_, _>>()?;
    let clash = |line: u32, what: String| AddError::AlreadyThere {
        index: index_name.clone(),
        line,
        what,
    };
    for entry in &entries {
        if entry.file == file {
            return Err(clash(entry.line, format!("{file} is already registered")));
        }
        if entry.conference != conference {
            continue;
        }
        if document.is_some() && entry.document == document {
            return Err(clash(
                entry.line,
                format!(
                    "document {} of {conference} is already registered ({}); its proposals would share its proposal ref",
                    document.map(|d| d.to_string()).unwrap_or_default(),
                    entry.file
                ),
            ));
        }
        if kind == DocumentKind::FinalActsAkn
            && entry.document.is_none()
            && entry.language == described.language
        {
            return Err(clash(
                entry.line,
                format!(
                    "{} already registers Final Acts of {conference} in `{}`",
                    entry.file,
                    described.language.code()
                ),
            ));
        }
    }
    let line = entries.last().map_or(2, |e| e.line + 1);

    let target = dir.join(&file);
    let existed = match std::fs::read(&target) {
        Ok(existing) if existing == bytes => true,
        Ok(_) => {
            return Err(AddError::Occupied {
                file: target.display().to_string(),
            })
        }
        Err(_) => false,
    };
    if !existed {
        let folder = target
            .parent()
            .expect("documents/<conference>/<file> has a parent");
        std::fs::create_dir_all(folder).map_err(|source| AddError::Io {
            file: folder.display().to_string(),
            what: "create the folder",
            source,
        })?;
        write_atomically(&target, bytes)?;
    }
    let mut new_index = index.clone();
    if !new_index.is_empty() && !new_index.ends_with('\n') {
        new_index.push('\n');
    }
    new_index.push_str(&row);
    new_index.push('\n');
    if let Err(e) = write_atomically(&index_path, new_index.as_bytes()) {
        if !existed {
            let _ = std::fs::remove_file(&target);
        }
        return Err(e);
    }
    Ok(Added {
        kind: kind.describe().to_string(),
        file,
        conference,
        document: document.map(|d| d.to_string()),
        language: described.language,
        line,
        row,
    })
}

/// What a file says about itself.
struct Described {
    conference: Option<ConferenceId>,
    document: Option<DocumentNumber>,
    language: Language,
    origin: String,
    submitter: String,
}

fn describe(
    catalogue: &Catalogue,
    name: &str,
    bytes: &[u8],
    kind: DocumentKind,
) -> Result<Described, AddError> {
    match kind {
        DocumentKind::FinalActsAkn => {
            let acts =
                crate::reader::akn::read_final_acts(name, bytes, catalogue).map_err(|e| {
                    AddError::Read {
                        kind: kind.describe(),
                        message: e.to_string(),
                    }
                })?;
            Ok(Described {
                conference: Some(acts.conference),
                document: None,
                language: acts.language,
                origin: NONE_FIELD.to_string(),
                submitter: NONE_FIELD.to_string(),
            })
        }
        DocumentKind::Proposals => {
            let meetings = Meetings::from_conferences(catalogue.conferences());
            let doc = crate::reader::read_document_with(name, bytes, &meetings).map_err(|e| {
                AddError::Read {
                    kind: kind.describe(),
                    message: e.to_string(),
                }
            })?;
            let first = doc.proposals.first().ok_or_else(|| AddError::NoProposals {
                file: name.to_string(),
            })?;
            // The conference the proposed texts' revision marks name, the most often named.
            let mut named: BTreeMap<ConferenceId, usize> = BTreeMap::new();
            for p in &doc.proposals {
                let Some(revision) = p.new.as_ref().and_then(|t| t.revision.as_ref()) else {
                    continue;
                };
                if let Some(c) = catalogue.by_revision(p.target.body, revision) {
                    *named.entry(c.id.clone()).or_default() += 1;
                }
            }
            let conference = named
                .into_iter()
                .max_by_key(|(id, n)| (*n, std::cmp::Reverse(id.clone())))
                .map(|(id, _)| id);
            Ok(Described {
                conference,
                document: Some(DocumentNumber {
                    number: first.id.document,
                    addendum: first.id.addendum,
                }),
                language: doc.language,
                origin: first.id.origin.clone(),
                submitter: first.id.origin.clone(),
            })
        }
    }
}

/// A CSV field, quoted where it holds a comma, a quote or a line break.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), AddError> {
    let mut temp = PathBuf::from(path);
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    temp.set_file_name(format!(".{name}.actes-add"));
    let io = |what: &'static str| {
        let file = path.display().to_string();
        move |source| AddError::Io { file, what, source }
    };
    std::fs::write(&temp, bytes).map_err(io("write"))?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        io("replace")(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(
            csv_field("Final Acts (Dubai, 2018)"),
            "\"Final Acts (Dubai, 2018)\""
        );
        assert_eq!(csv_field("a \"b\""), "\"a \"\"b\"\"\"");
    }

    #[test]
    fn document_numbers_read_addenda_in_both_spellings() {
        let a = DocumentNumber::parse("44A7").expect("44A7");
        assert_eq!((a.number, a.addendum), (44, Some(7)));
        assert_eq!(DocumentNumber::parse("44(Add.7)"), Some(a));
        assert_eq!(DocumentNumber::parse("44 (Add. 7)"), Some(a));
        assert_eq!(a.to_string(), "44A7");
        assert_eq!(DocumentNumber::parse("67"), Some(DocumentNumber::whole(67)));
        assert_eq!(DocumentNumber::parse("sixty"), None);
        assert_eq!(DocumentNumber::parse("44B"), None);
    }
}
