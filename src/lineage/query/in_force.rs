//! `actes in-force`: the instruments in force after a conference.

use super::*;

/// `actes in-force --at CONF`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InForceReport {
    pub conference: ConferenceId,
    /// The language of the titles and names.
    pub language: Language,
    pub conference_label: String,
    pub instruments: Vec<InForceEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InForceEntry {
    #[serde(flatten)]
    pub instrument: InstrumentId,
    pub name: String,
    /// The title in the output's language as last adopted up to the conference, or another
    /// language's, marked as a fallback.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    /// The revision mark of the version in force, with the conference it names.
    pub revision: Option<PlacedRevision>,
    /// The conference that made that version.
    pub since: ConferenceId,
    /// What the conference did to it, if the corpus records it (`unchanged`, `revised`, ...).
    pub event_at_conference: Option<Event>,
    /// How that is known: adopted (stated by a source) or inferred.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_status: Option<Status>,
    /// adopted (stated) or inferred: how the version in force is known.
    pub status: Status,
    pub evidence: Vec<Evidence>,
}

impl Lineage {
    /// The latest conference that the history records (a commit on `main`), for defaults.
    pub fn latest_conference(&self) -> Option<ConferenceId> {
        self.chronology
            .iter()
            .rev()
            .find(|id| self.conference(id).is_some_and(|c| c.recorded))
            .cloned()
    }

    /// The first and the last conference of a body that the sources speak of: those the
    /// history records, those a version or an event of the corpus belongs to.
    pub fn covered(&self, body: crate::model::Body) -> Option<(ConferenceId, ConferenceId)> {
        let recorded = self
            .chronology
            .iter()
            .filter(|id| self.conference(id).is_some_and(|c| c.recorded));
        let versions = self
            .versions
            .values()
            .flatten()
            .map(|&n| self.version(n))
            .filter(|v| v.proposal.is_none())
            .map(|v| &v.conference);
        let events = self
            .graph
            .edge_weights()
            .filter_map(|e| e.conference.as_ref());
        let spoken: std::collections::BTreeSet<usize> = recorded
            .chain(versions)
            .chain(events)
            .filter(|id| self.conference(id).is_some_and(|c| c.body == body))
            .map(|id| self.position(id))
            .collect();
        let first = self.chronology.get(*spoken.first()?)?;
        let last = self.chronology.get(*spoken.last()?)?;
        Some((first.clone(), last.clone()))
    }

    /// Refuses a conference after the last, or before the first, that the sources speak of
    /// (see [`Lineage::covered`]): nothing can be said of it.
    pub fn require_covered(&self, at: &ConferenceId) -> Result<(), QueryError> {
        let Some(conf) = self.conference(at) else {
            return Err(QueryError::UnknownConference(at.0.clone()));
        };
        let Some((first, last)) = self.covered(conf.body) else {
            return Ok(());
        };
        let outside = |which, bound: &ConferenceId| QueryError::OutsideSources {
            asked: self.conference_label(at),
            which,
            bound: self.conference_label(bound),
        };
        let p = self.position(at);
        if p > self.position(&last) {
            Err(outside("latest", &last))
        } else if p < self.position(&first) {
            Err(outside("earliest", &first))
        } else {
            Ok(())
        }
    }

    /// `actes in-force --at CONF`: the instruments of the conference's body that have a version
    /// at or before it and are not suppressed at or before it.
    pub fn in_force(&self, at: &ConferenceId) -> Result<InForceReport, QueryError> {
        self.in_force_in(at, Language::En)
    }

    /// `actes in-force --at CONF --lang L`: [`Lineage::in_force`] with titles, names and
    /// revision marks in `language`.
    pub fn in_force_in(
        &self,
        at: &ConferenceId,
        language: Language,
    ) -> Result<InForceReport, QueryError> {
        self.require_covered(at)?;
        let conf = self
            .conference(at)
            .ok_or_else(|| QueryError::UnknownConference(at.0.clone()))?;
        let limit = self.position(at);
        let mut entries = Vec::new();
        for i in self.instruments().filter(|i| i.body == conf.body) {
            let events = self.events_of(i);
            let before: Vec<&(petgraph::stable_graph::EdgeIndex, &Edge)> = events
                .iter()
                .filter(|(_, e)| {
                    e.conference
                        .as_ref()
                        .is_some_and(|c| self.position(c) <= limit)
                })
                .collect();
            if before
                .iter()
                .any(|(_, e)| e.relation == Relation::SuppressedAt)
            {
                continue;
            }
            let Some(version_node) = self
                .outcome_versions(i)
                .into_iter()
                .filter(|&n| self.position(&self.version(n).conference) <= limit)
                .max_by_key(|&n| self.position(&self.version(n).conference))
            else {
                continue;
            };
            let v = self.version(version_node);
            let made = before
                .iter()
                .rev()
                .find(|(_, e)| e.conference.as_ref() == Some(&v.conference));
            let at_edge = before
                .iter()
                .find(|(_, e)| e.conference.as_ref() == Some(at))
                .filter(|(_, e)| e.relation.event().is_some());
            let at_conf = at_edge.and_then(|(_, e)| e.relation.event());
            entries.push(InForceEntry {
                instrument: i.clone(),
                name: instrument_name_in(i, language),
                title: self.title_in(i, language, Some(at)),
                titles: self.titles(i).known(),
                revision: v
                    .revision
                    .as_ref()
                    .map(|r| self.placed_revision(i.body, r, language)),
                since: v.conference.clone(),
                event_at_conference: at_conf,
                event_status: at_edge.map(|(_, e)| status_of(e.kind)),
                status: made.map_or(Status::Inferred, |(_, e)| status_of(e.kind)),
                evidence: made.map(|(_, e)| e.evidence.clone()).unwrap_or_default(),
            });
        }
        entries.sort_by(|a, b| {
            (a.instrument.kind, &a.instrument).cmp(&(b.instrument.kind, &b.instrument))
        });
        Ok(InForceReport {
            conference: at.clone(),
            language,
            conference_label: self.conference_label_in(at, language),
            instruments: entries,
        })
    }
}
