//! `actes lineage`: the chain of versions of one instrument, step by step, with the proposals made to each conference and what became of them.

use super::*;

/// `actes lineage RES`: the chain of versions of one instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineageReport {
    pub instrument: InstrumentId,
    /// The language of the title and the words (`Résolution 14 (PP)`).
    pub language: Language,
    pub name: String,
    /// The title in that language as last adopted, or another language's, marked as a fallback.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    pub steps: Vec<LineageStep>,
}

/// One step of a lineage: an event at a conference, or a proposal made to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineageStep {
    pub conference: ConferenceId,
    /// `Dubai, 2018`, `WTDC Buenos Aires, 2017`.
    pub conference_label: String,
    pub event: Event,
    /// adopted (an outcome a source states), proposed, or inferred.
    pub status: Status,
    /// The revision mark after the step (for a suppression: the last one before it), with the
    /// conference it names.
    pub revision: Option<PlacedRevision>,
    /// Which languages of the text the history holds for the version of this step.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<Language, Completeness>,
    /// A remark on the text: "adopted text not in the corpus".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_note: Option<String>,
    /// For a proposal: its id, action and what became of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalStep>,
    pub evidence: Vec<Evidence>,
}

/// A proposal in a lineage, with what the conference did to its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalStep {
    pub id: ProposalId,
    pub action: Action,
    pub outcome: ProposalOutcome,
    /// The outcome in words, with its reason.
    pub note: String,
}

/// What became of a proposal, as far as the corpus can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProposalOutcome {
    /// The conference did not do what the proposal asked (the target was not revised, or not
    /// suppressed).
    NotAdopted,
    /// The conference did what the proposal asked (a suppression, a no-change); the decision is
    /// the conference's, stated by its own source.
    OutcomeAsProposed,
    /// The conference acted on the target, but whether as proposed is not established (the
    /// adopted text differs or is not in the corpus).
    Undetermined,
    /// The corpus records nothing that settles it.
    Unknown,
}

impl Lineage {
    /// What became of a proposal: the conference's event on the target, read against the action.
    pub fn proposal_outcome(
        &self,
        target: &InstrumentId,
        action: Action,
        conference: &ConferenceId,
    ) -> (ProposalOutcome, String) {
        let at = self.conference_label(conference);
        let event = self
            .events_of(target)
            .into_iter()
            .find(|(_, e)| e.conference.as_ref() == Some(conference))
            .and_then(|(_, e)| e.relation.event().map(|ev| (ev, e)));
        let name = instrument_name(target);
        let text_known = |e: &Edge| -> bool {
            // Does the history hold the adopted text of the version this event made?
            self.versions_made_by(e).iter().any(|v| has_text(&v.texts))
        };
        use ProposalOutcome::*;
        match (action, event) {
            (_, None) if target.number.is_none() => (
                Unknown,
                "a draft; whether a new instrument grew out of it is not established".into(),
            ),
            (_, None) => (
                Unknown,
                format!("the corpus records nothing for {name} at {at}"),
            ),
            (Action::Mod | Action::ModEditorial, Some((Event::Revised, e))) => {
                (
                    Undetermined,
                    if text_known(e) {
                        format!("{name} was revised at {at}; compare the adopted text with the proposal")
                    } else {
                        format!(
                        "{name} was revised at {at}, but the adopted text is not in the corpus: not known to be adopted as proposed"
                    )
                    },
                )
            }
            (Action::Mod | Action::ModEditorial, Some((Event::Unchanged, _))) => {
                (NotAdopted, format!("{name} was not revised at {at}"))
            }
            (Action::Sup | Action::SupMoved, Some((Event::Suppressed, _))) => {
                (OutcomeAsProposed, format!("{name} was suppressed at {at}"))
            }
            (Action::Noc, Some((Event::Unchanged, _))) => {
                (OutcomeAsProposed, format!("{name} was not revised at {at}"))
            }
            (Action::Add | Action::AddMoved, Some((Event::Adopted, _))) => (
                Undetermined,
                format!("{name} was adopted at {at}; whether as proposed is not established"),
            ),
            (_, Some((ev, _))) => (
                NotAdopted,
                format!("{name} was {} at {at}", event_words(ev)),
            ),
        }
    }

    /// The versions that an event edge made or concerns.
    fn versions_made_by(&self, e: &Edge) -> Vec<&VersionNode> {
        let mut out = Vec::new();
        for idx in self.graph.edge_indices() {
            if &self.graph[idx] == e {
                if let Some((a, b)) = self.graph.edge_endpoints(idx) {
                    let made = if self.version_at(b).is_some() { b } else { a };
                    if let Some(v) = self.version_at(made) {
                        out.push(v);
                    }
                }
                break;
            }
        }
        out
    }

    /// `actes lineage RES`, in English.
    pub fn lineage(&self, instrument: &InstrumentId) -> Result<LineageReport, QueryError> {
        self.lineage_in(instrument, Language::En)
    }

    /// `actes lineage RES --lang L`: titles, names and revision marks in `language`.
    pub fn lineage_in(
        &self,
        instrument: &InstrumentId,
        language: Language,
    ) -> Result<LineageReport, QueryError> {
        self.require(instrument)?;
        let place = |r: &Revision| self.placed_revision(instrument.body, r, language);
        let mut steps: Vec<(usize, usize, LineageStep)> = Vec::new();
        for (idx, e) in self.events_of(instrument) {
            let Some(conference) = e.conference.clone() else {
                continue;
            };
            let event = e.relation.event().expect("events_of yields event edges");
            let (a, b) = self
                .graph
                .edge_endpoints(idx)
                .expect("an edge of the graph has endpoints");
            // The version the event made: the target of a revision between versions, else the
            // source.
            let made = if self.version_at(b).is_some() { b } else { a };
            let version = self.version_at(made);
            let texts = version.map(|v| v.texts.clone()).unwrap_or_default();
            let text_note = match event {
                Event::Adopted | Event::Revised | Event::FirstInCorpus if !has_text(&texts) => {
                    Some(match event {
                        Event::FirstInCorpus => "text not in the corpus".to_string(),
                        _ => "adopted text not in the corpus".to_string(),
                    })
                }
                _ => None,
            };
            steps.push((
                self.position(&conference),
                0,
                LineageStep {
                    conference_label: self.conference_label_in(&conference, language),
                    conference,
                    event,
                    status: status_of(e.kind),
                    revision: e.revision.as_ref().map(place),
                    texts,
                    text_note,
                    proposal: None,
                    evidence: e.evidence.clone(),
                },
            ));
        }
        for p in self.proposals_for(instrument) {
            let (outcome, note) = self.proposal_outcome(&p.target, p.action, &p.conference);
            let version = self.proposal_target(&p.id);
            let (texts, revision) = match (p.action, version) {
                (Action::Sup | Action::SupMoved | Action::Noc, _) | (_, None) => {
                    (BTreeMap::new(), None)
                }
                (_, Some(v)) => (v.texts.clone(), v.revision.as_ref().map(place)),
            };
            steps.push((
                self.position(&p.conference),
                1,
                LineageStep {
                    conference: p.conference.clone(),
                    conference_label: self.conference_label_in(&p.conference, language),
                    event: Event::Proposed,
                    status: Status::Proposed,
                    revision,
                    texts,
                    text_note: None,
                    proposal: Some(ProposalStep {
                        id: p.id.clone(),
                        action: p.action,
                        outcome,
                        note,
                    }),
                    evidence: p.evidence.clone(),
                },
            ));
        }
        // Proposals come before the conference's outcome: they were made to it.
        steps.sort_by_key(|(pos, order, _)| (*pos, 1 - *order));
        let titles = self.titles(instrument);
        Ok(LineageReport {
            instrument: instrument.clone(),
            language,
            name: instrument_name_in(instrument, language),
            title: titles.shown(language),
            titles: titles.known(),
            steps: steps.into_iter().map(|(_, _, s)| s).collect(),
        })
    }
}

/// `revised`, `suppressed`, ... as words.
pub fn event_words(event: Event) -> &'static str {
    match event {
        Event::FirstInCorpus => "first in corpus",
        Event::Adopted => "adopted",
        Event::Revised => "revised",
        Event::Unchanged => "unchanged",
        Event::Suppressed => "suppressed",
        Event::Proposed => "proposed",
    }
}
