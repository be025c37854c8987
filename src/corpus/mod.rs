//! Decides what the history says: the state of the corpus after each conference whose state the
//! sources state, and after each proposal, every fact with its evidence; then renders it into a
//! [`crate::history::plan::HistoryPlan`] for the git writer (`Corpus::plan`, in
//! [`crate::history::corpus_plan`]: the files and messages are the store's).
//!
//! The rules (issue 3):
//! - a text read from a proposal's "before" side is the state that its header names
//!   (`Rév. Antalya, 2006` → after Antalya 2006); in the first conference of the history it is
//!   *first in the corpus*, later *revised* (or *adopted* for a header without `Rév.`), stated by
//!   the header;
//! - a conference whose Final Acts file (Akoma Ntoso, registered in `documents.csv`) is among the
//!   sources adopts, revises and abrogates what the file says, with the adopted texts; an
//!   instrument absent from a complete file is unchanged, stated by that absence
//!   ([`final_acts`]); its outcomes list, if any, is only compared with it;
//! - otherwise a conference with a Final Acts list (`outcomes/`) adopts, revises and suppresses what the list
//!   says; a revised or new instrument whose adopted text no source gives has no text file and
//!   says so in its `meta.json` (never an earlier version's or a proposal's text); an instrument
//!   of the corpus not in the list is unchanged (inferred);
//! - without a list, an instrument whose header in a later document still names an earlier
//!   revision is unchanged (inferred from that header);
//! - a later fact that still names an earlier revision (a header, an abrogation) makes every
//!   catalogue conference of the body in between unchanged (inferred), stored in that later
//!   conference's record; every rule of "unchanged" lives in [`unchanged`];
//! - proposals go on their own ref, on top of the last conference state before their conference:
//!   one commit per proposal, status proposed.

pub mod add;
pub mod assemble;
pub mod final_acts;
pub mod sources;
pub mod unchanged;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Conference, ConferenceId, ConferenceRecord, Evidence, InstrumentId, InstrumentRecord,
    InstrumentText, Language, ProposalRecord,
};

pub use assemble::AssembleError;
pub use sources::{
    DocumentEntry, DocumentKind, DocumentNumber, SourceDocument, SourceFinalActs, Sources,
    SourcesError,
};

/// The corpus: the state after each conference of the main line, and the proposals on top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    /// Every conference of the sources' catalogue (with or without a state in the corpus), in the
    /// order of the catalogue; written to every tree as `catalogue.json` so that the history
    /// alone knows which conferences exist.
    pub catalogue: Vec<Conference>,
    /// One state per conference whose state the sources state, oldest first.
    pub conferences: Vec<ConferenceState>,
    /// One chain per conference document of proposals.
    pub proposals: Vec<ProposalChain>,
    /// What the build should tell about its sources (not written to the history): that no Final
    /// Acts file is among them, a date in a Final Acts file other than the catalogue's, each
    /// disagreement between a Final Acts file and an outcomes list.
    pub notes: Vec<String>,
}

/// The corpus after one conference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConferenceState {
    pub conference: Conference,
    /// The instruments in force after it that the corpus knows, with their texts.
    pub instruments: BTreeMap<InstrumentId, InstrumentState>,
    /// What the conference did, instrument by instrument (suppressions included), with evidence.
    pub record: ConferenceRecord,
    /// The source files of this conference's facts, relative to the sources folder.
    pub sources: BTreeSet<String>,
}

/// One instrument at one point of the history: its record (`meta.json`) and its texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentState {
    pub record: InstrumentRecord,
    /// The texts the history holds, by language. A language without a text has no file.
    pub texts: BTreeMap<Language, InstrumentText>,
    /// The evidence for the text and its revision (kept when the instrument is carried through a
    /// later conference unchanged).
    pub text_evidence: Vec<Evidence>,
}

/// The proposals of one document, in document order, on top of the conference state they amend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalChain {
    /// The conference the proposals were submitted to.
    pub conference: Conference,
    pub document: DocumentNumber,
    /// The document, relative to the sources folder.
    pub source: String,
    /// The submitter's code (`B`) and name (`Brazil`).
    pub origin: String,
    pub submitter: String,
    /// The conference of the main line whose state the proposals amend; `None` when the corpus
    /// has no state before the proposals' conference.
    pub base: Option<ConferenceId>,
    pub steps: Vec<ProposalStep>,
}

/// One proposal and what it does to its target in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalStep {
    pub record: ProposalRecord,
    pub change: ProposedChange,
}

/// What a proposal commit does to its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposedChange {
    /// The target as proposed (`MOD`, `ADD`): its record and proposed text.
    Put(Box<InstrumentState>),
    /// The target removed (`SUP`).
    Remove(InstrumentId),
    /// Nothing changes in the texts (`NOC`).
    Nothing,
}

/// `Dubai, 2018` as the conference's English place and year.
pub(crate) fn conference_label(conference: &Conference) -> String {
    format!("{}, {}", conference.place.en, conference.year)
}

impl Corpus {
    /// Assembles the corpus from the sources. See the module documentation for the rules.
    pub fn assemble(sources: &Sources) -> Result<Corpus, AssembleError> {
        assemble::assemble(sources)
    }

    /// The state after a conference of the main line.
    pub fn state(&self, conference: &ConferenceId) -> Option<&ConferenceState> {
        self.conferences
            .iter()
            .find(|c| &c.conference.id == conference)
    }
}
