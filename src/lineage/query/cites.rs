//! `actes cites` and `cited-by`: citations pinned to the cited version, with flags.

use super::*;

/// A citation pinned to the cited version, with flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationEntry {
    pub citing: InstrumentId,
    pub citing_name: String,
    /// The conference of the citing version (for a proposal: the conference it was made to).
    pub citing_conference: ConferenceId,
    /// `Busan, 2014`.
    pub citing_conference_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citing_proposal: Option<ProposalId>,
    pub cited: InstrumentId,
    pub cited_name: String,
    /// The revision as cited, with the conference it names.
    pub revision: Option<PlacedRevision>,
    /// The conference of the version the citation is pinned to; `None` when no version of the
    /// cited instrument is known at that time.
    pub cited_version: Option<ConferenceId>,
    /// `WTDC Dubaï, 2014`, for the version the citation is pinned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cited_version_label: Option<String>,
    pub side: Side,
    pub as_written: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub line: u32,
    /// What is wrong with the citation at the time of the citing text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<CitationFlag>,
    pub evidence: Vec<Evidence>,
}

/// A warning on a citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationFlag {
    /// `superseded`, `suppressed`, `unpinned` or `later-than-citing-text`.
    pub what: String,
    pub detail: String,
}

impl Lineage {
    fn citation_entries(
        &self,
        citing_filter: impl Fn(&VersionNode) -> bool,
        cited_filter: impl Fn(&Citation) -> bool,
    ) -> Vec<CitationEntry> {
        let mut out = Vec::new();
        for (_, nodes) in self.versions.iter() {
            for &n in nodes {
                let v = self.version(n);
                if !citing_filter(v) {
                    continue;
                }
                for c in v.citations.iter().filter(|c| cited_filter(c)) {
                    out.push(self.citation_entry(n, v, c));
                }
            }
        }
        out.sort_by(|a, b| {
            (
                &a.citing,
                self.position(&a.citing_conference),
                &a.citing_proposal,
                a.line,
                &a.cited,
                a.side,
            )
                .cmp(&(
                    &b.citing,
                    self.position(&b.citing_conference),
                    &b.citing_proposal,
                    b.line,
                    &b.cited,
                    b.side,
                ))
        });
        out
    }

    fn citation_entry(
        &self,
        node: petgraph::stable_graph::NodeIndex,
        v: &VersionNode,
        c: &Citation,
    ) -> CitationEntry {
        let edge = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .find(|e| {
                e.weight().relation == Relation::Cites && e.weight().citation.as_ref() == Some(c)
            });
        let pinned = edge.and_then(|e| self.version_at(e.target()));
        let limit = self.citing_limit(v);
        let mut flags = Vec::new();
        match pinned {
            Some(p) => {
                let pos = self.position(&p.conference);
                if pos > limit {
                    flags.push(CitationFlag {
                        what: "later-than-citing-text".into(),
                        detail: format!(
                            "the cited version ({}) is later than the citing text: the citation may belong to another side of the redline",
                            self.conference_label(&p.conference)
                        ),
                    });
                }
                if let Some(newer) = self
                    .outcome_versions(&c.cited)
                    .into_iter()
                    .map(|n| self.version(n))
                    .find(|n| {
                        let q = self.position(&n.conference);
                        q > pos && q <= limit
                    })
                {
                    flags.push(CitationFlag {
                        what: "superseded".into(),
                        detail: format!(
                            "a later version ({}) existed when the citing text was written",
                            self.conference_label(&newer.conference)
                        ),
                    });
                }
            }
            None => flags.push(CitationFlag {
                what: "unpinned".into(),
                detail: "no version of the cited instrument is known at that time".into(),
            }),
        }
        if let Some((_, e)) = self.events_of(&c.cited).into_iter().find(|(_, e)| {
            e.relation == Relation::SuppressedAt
                && e.conference
                    .as_ref()
                    .is_some_and(|c| self.position(c) <= limit)
        }) {
            flags.push(CitationFlag {
                what: "suppressed".into(),
                detail: format!(
                    "suppressed at {} before the citing text",
                    e.conference
                        .as_ref()
                        .map(|c| self.conference_label(c))
                        .unwrap_or_default()
                ),
            });
        }
        let kind = if v.proposal.is_some() {
            EvidenceKind::Proposed
        } else if c.unsettled.is_some() {
            EvidenceKind::Inferred
        } else {
            EvidenceKind::Stated
        };
        CitationEntry {
            citing: v.instrument.clone(),
            citing_name: instrument_name(&v.instrument),
            citing_conference: v.conference.clone(),
            citing_conference_label: self.conference_label(&v.conference),
            citing_proposal: v.proposal.clone(),
            cited: c.cited.clone(),
            cited_name: instrument_name(&c.cited),
            revision: c
                .revision
                .as_ref()
                .map(|r| self.placed_revision(c.cited.body, r, Language::En)),
            cited_version: pinned.map(|p| p.conference.clone()),
            cited_version_label: pinned.map(|p| self.conference_label(&p.conference)),
            side: c.side,
            as_written: c.as_written.clone(),
            section: c.section.clone(),
            label: c.label.clone(),
            line: c.line,
            flags,
            evidence: edge
                .map(|e| e.weight().evidence.clone())
                .unwrap_or_else(|| {
                    vec![Evidence {
                        kind,
                        source: v.source.clone().unwrap_or_default(),
                        entry: Some(c.as_written.clone()),
                        lines: Some(crate::model::LineSpan::line(c.line)),
                        note: c
                            .unsettled
                            .as_ref()
                            .map(|r| format!("in an unsettled paragraph: {r}")),
                    }]
                }),
        }
    }

    /// `actes cites RES [--at CONF|PROPOSAL]`: what the versions of an instrument cite.
    pub fn cites(
        &self,
        instrument: &InstrumentId,
        at: Option<&VersionSelector>,
    ) -> Result<Vec<CitationEntry>, QueryError> {
        self.require(instrument)?;
        Ok(self.citation_entries(
            |v| {
                &v.instrument == instrument
                    && match at {
                        None => true,
                        Some(VersionSelector::Conference(c)) => {
                            &v.conference == c && v.proposal.is_none()
                        }
                        Some(VersionSelector::Proposal(p)) => v.proposal.as_ref() == Some(p),
                    }
            },
            |_| true,
        ))
    }

    /// `actes cited-by RES`: every citation of an instrument, by any version of any instrument.
    pub fn cited_by(&self, instrument: &InstrumentId) -> Result<Vec<CitationEntry>, QueryError> {
        self.cited_by_revision(instrument, None)
    }

    /// `actes cited-by "wtdc res 69 (Rev. Buenos Aires, 2017)"`: the citations of one revision
    /// of an instrument (those that cite it by that mark, or that are pinned to the version of
    /// that year); with `None`, of every revision. An instrument known only because texts cite it
    /// (`un-ga 70/125`, `council res 1305`) is known enough.
    pub fn cited_by_revision(
        &self,
        instrument: &InstrumentId,
        revision: Option<&Revision>,
    ) -> Result<Vec<CitationEntry>, QueryError> {
        let mut entries = self.citation_entries(|_| true, |c| &c.cited == instrument);
        if entries.is_empty() {
            self.require(instrument)?;
        }
        if let Some(wanted) = revision {
            let place = crate::text::fold(&wanted.place);
            entries.retain(|e| match &e.revision {
                Some(r) => r.year == wanted.year && crate::text::fold(&r.place) == place,
                None => e
                    .cited_version
                    .as_ref()
                    .and_then(|c| self.conference(c))
                    .is_some_and(|c| c.year == wanted.year),
            });
        }
        Ok(entries)
    }
}

/// Which version of a citing instrument: after a conference, or as a proposal puts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionSelector {
    Conference(ConferenceId),
    Proposal(ProposalId),
}
