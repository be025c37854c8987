//! `actes suppressed`: what was suppressed, where, the last revision before and the evidence.

use super::*;

/// One suppression: what, where, the last revision before it, and the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressedEntry {
    /// `body`, `kind`, `number`, `provisional`.
    #[serde(flatten)]
    pub instrument: InstrumentId,
    pub name: String,
    /// The title in the output's language as last adopted, or another language's, marked.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    pub conference: ConferenceId,
    pub conference_label: String,
    /// adopted (stated by the conference's source) or inferred.
    pub status: Status,
    /// The last revision mark before the suppression, with the conference it names.
    pub last_revision: Option<PlacedRevision>,
    /// The conference of that last revision, where the graph can place it.
    pub last_revised_at: Option<ConferenceId>,
    pub evidence: Vec<Evidence>,
    /// Proposals to suppress it: evidence of a proposal, not of the outcome.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<ProposalEvidence>,
}

/// A proposal cited as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalEvidence {
    pub id: ProposalId,
    pub action: Action,
    pub conference: ConferenceId,
    pub evidence: Vec<Evidence>,
}

impl Lineage {
    /// `actes suppressed [--at CONF] [RES]`: suppressions, in the order of their conferences then
    /// instruments. Proposals to suppress that no suppression followed are listed too, with
    /// status `proposed`, when an instrument is asked for.
    pub fn suppressed(
        &self,
        at: Option<&ConferenceId>,
        instrument: Option<&InstrumentId>,
    ) -> Result<Vec<SuppressedEntry>, QueryError> {
        self.suppressed_in(at, instrument, Language::En)
    }

    /// `actes suppressed --lang L`: [`Lineage::suppressed`] with titles, names and revision
    /// marks in `language`.
    pub fn suppressed_in(
        &self,
        at: Option<&ConferenceId>,
        instrument: Option<&InstrumentId>,
        language: Language,
    ) -> Result<Vec<SuppressedEntry>, QueryError> {
        if let Some(i) = instrument {
            self.require(i)?;
        }
        let mut out: Vec<(usize, SuppressedEntry)> = Vec::new();
        let instruments: Vec<&InstrumentId> = match instrument {
            Some(i) => vec![i],
            None => self.instruments().collect(),
        };
        for i in instruments {
            let events = self.events_of(i);
            let titles = self.titles(i);
            let place = |r: Revision| self.placed_revision(i.body, &r, language);
            let sup_proposals: Vec<ProposalEvidence> = self
                .proposals_for(i)
                .into_iter()
                .filter(|p| matches!(p.action, Action::Sup | Action::SupMoved))
                .map(|p| ProposalEvidence {
                    id: p.id.clone(),
                    action: p.action,
                    conference: p.conference.clone(),
                    evidence: p.evidence.clone(),
                })
                .collect();
            for (idx, e) in &events {
                if e.relation != Relation::SuppressedAt {
                    continue;
                }
                let Some(conference) = &e.conference else {
                    continue;
                };
                if at.is_some_and(|a| a != conference) {
                    continue;
                }
                let (from, _) = self
                    .graph
                    .edge_endpoints(*idx)
                    .expect("an edge of the graph has endpoints");
                let last = self.version_at(from);
                out.push((
                    self.position(conference),
                    SuppressedEntry {
                        instrument: i.clone(),
                        name: instrument_name_in(i, language),
                        title: titles.shown(language),
                        titles: titles.known(),
                        conference: conference.clone(),
                        conference_label: self.conference_label_in(conference, language),
                        status: status_of(e.kind),
                        last_revision: e
                            .revision
                            .clone()
                            .or_else(|| last.and_then(|v| v.revision.clone()))
                            .map(place),
                        last_revised_at: last
                            .filter(|v| self.position(&v.conference) < self.position(conference))
                            .map(|v| v.conference.clone()),
                        evidence: e.evidence.clone(),
                        proposals: sup_proposals
                            .iter()
                            .filter(|p| &p.conference == conference)
                            .cloned()
                            .collect(),
                    },
                ));
            }
            if instrument.is_some() {
                // Proposals to suppress that no recorded suppression answers.
                for p in &sup_proposals {
                    let answered = out.iter().any(|(_, s)| s.proposals.contains(p));
                    if answered || at.is_some_and(|a| a != &p.conference) {
                        continue;
                    }
                    let (_, note) = self.proposal_outcome(i, p.action, &p.conference);
                    let mut evidence = p.evidence.clone();
                    if let Some(first) = evidence.first_mut() {
                        if first.note.is_none() {
                            first.note = Some(note);
                        }
                    }
                    out.push((
                        self.position(&p.conference),
                        SuppressedEntry {
                            instrument: i.clone(),
                            name: instrument_name_in(i, language),
                            title: titles.shown(language),
                            titles: titles.known(),
                            conference: p.conference.clone(),
                            conference_label: self.conference_label_in(&p.conference, language),
                            status: Status::Proposed,
                            last_revision: self
                                .version_before(i, &p.conference)
                                .and_then(|n| self.version_at(n))
                                .and_then(|v| v.revision.clone())
                                .map(place),
                            last_revised_at: self
                                .version_before(i, &p.conference)
                                .and_then(|n| self.version_at(n))
                                .map(|v| v.conference.clone()),
                            evidence,
                            proposals: vec![p.clone()],
                        },
                    ));
                }
            }
        }
        out.sort_by(|a, b| {
            (a.0, &a.1.instrument.kind, &a.1.instrument).cmp(&(
                b.0,
                &b.1.instrument.kind,
                &b.1.instrument,
            ))
        });
        Ok(out.into_iter().map(|(_, e)| e).collect())
    }
}
