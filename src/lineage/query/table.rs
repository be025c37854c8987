//! `actes table`: the "Rév." table of a body, instrument by conference.

use super::*;

/// Which instruments and conferences a table shows.
#[derive(Debug, Clone, Default)]
pub struct TableFilter {
    /// The body whose instruments to show; `None`: every body, one table each
    /// ([`Lineage::tables`]). [`Lineage::table`] reads `None` as the Plenipotentiary Conference.
    pub body: Option<Body>,
    /// The first and last conference of the columns (by date, whatever their body).
    pub from: Option<ConferenceId>,
    pub to: Option<ConferenceId>,
    /// The language of the titles and names (English by default).
    pub language: Language,
}

/// `actes table`: one body's instruments by conference, the "Rév." table of that body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableReport {
    pub body: Body,
    /// The language of the titles and names.
    pub language: Language,
    /// `Plenipotentiary Conference`.
    pub body_name: String,
    /// The body's conferences about which some row says something, oldest first.
    pub conferences: Vec<TableColumn>,
    /// The body's instruments that have something to say in these columns.
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableColumn {
    pub id: ConferenceId,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRow {
    pub instrument: InstrumentId,
    pub name: String,
    /// The title in the table's language as last adopted, or another language's, marked as a
    /// fallback.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    /// One cell per column; `None` where the instrument did not exist (before it is known, after
    /// its suppression, or after the last conference that the history records).
    pub cells: Vec<Option<TableCell>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCell {
    pub state: CellState,
    /// Known only by inference (a revision mark, a later header or Final Acts entry that still
    /// names an earlier revision, absence from a Final Acts list).
    pub inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<PlacedRevision>,
    /// Proposals made to this conference about the instrument.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<ProposalId>,
}

/// What a table cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellState {
    New,
    Revised,
    Unchanged,
    Suppressed,
    /// Proposed at this conference, and not known to be adopted.
    Proposed,
    /// In existence, but the corpus says nothing about this conference.
    Unknown,
}

impl CellState {
    pub fn words(self) -> &'static str {
        match self {
            CellState::New => "new",
            CellState::Revised => "revised",
            CellState::Unchanged => "unchanged",
            CellState::Suppressed => "suppressed",
            CellState::Proposed => "proposed",
            CellState::Unknown => "unknown",
        }
    }
}

impl Lineage {
    /// `actes table --body BODY`: the table of one body (`filter.body`, the Plenipotentiary
    /// Conference when `None`). Its columns are that body's conferences only, so a cell never
    /// stands under another body's conference.
    pub fn table(&self, filter: &TableFilter) -> TableReport {
        self.body_table(filter.body.unwrap_or(Body::Pp), filter)
    }

    /// `actes table --body all`: one table per body, in the order of [`Body::ALL`]; a body with
    /// no row (no instrument, or none with a fact in the columns) has none. With `filter.body`
    /// set, that body's table alone, even without rows.
    pub fn tables(&self, filter: &TableFilter) -> Vec<TableReport> {
        match filter.body {
            Some(body) => vec![self.body_table(body, filter)],
            None => Body::ALL
                .into_iter()
                .filter(|b| self.instruments().any(|i| i.body == *b))
                .map(|b| self.body_table(b, filter))
                .filter(|t| !t.rows.is_empty())
                .collect(),
        }
    }

    fn body_table(&self, body: Body, filter: &TableFilter) -> TableReport {
        let lo = filter.from.as_ref().map_or(0, |c| self.position(c));
        let hi = filter.to.as_ref().map_or(usize::MAX, |c| self.position(c));
        let of_body = |pos: usize| {
            self.chronology
                .get(pos)
                .and_then(|id| self.conference(id))
                .is_some_and(|c| c.body == body)
        };
        // Nothing is known after the last conference the history records for the body.
        let horizon = self.chronology.iter().rposition(|id| {
            self.conference(id)
                .is_some_and(|c| c.recorded && c.body == body)
        });
        let instruments: Vec<&InstrumentId> =
            self.instruments().filter(|i| i.body == body).collect();
        // Cells per instrument, keyed by conference position.
        let mut rows_cells: Vec<(BTreeMap<usize, TableCell>, crate::lineage::titles::Titles)> =
            Vec::new();
        let mut used = std::collections::BTreeSet::new();
        for instrument in &instruments {
            let mut cells: BTreeMap<usize, TableCell> = BTreeMap::new();
            let events = self.events_of(instrument);
            for (_, e) in &events {
                let Some(c) = &e.conference else { continue };
                let state = match e.relation {
                    Relation::AdoptedAt => CellState::New,
                    Relation::RevisedAt => CellState::Revised,
                    Relation::FirstKnownAt => match &e.revision {
                        Some(r) if r.revised => CellState::Revised,
                        Some(_) => CellState::New,
                        None => CellState::Unknown,
                    },
                    Relation::UnchangedThrough => CellState::Unchanged,
                    Relation::SuppressedAt => CellState::Suppressed,
                    _ => continue,
                };
                cells.insert(
                    self.position(c),
                    TableCell {
                        state,
                        inferred: e.kind == EvidenceKind::Inferred,
                        revision: e
                            .revision
                            .as_ref()
                            .map(|r| self.placed_revision(body, r, filter.language)),
                        proposals: Vec::new(),
                    },
                );
            }
            for p in self.proposals_for(instrument) {
                let cell = cells
                    .entry(self.position(&p.conference))
                    .or_insert(TableCell {
                        state: CellState::Proposed,
                        inferred: false,
                        revision: None,
                        proposals: Vec::new(),
                    });
                cell.proposals.push(p.id.clone());
            }
            // Unknown: the body's catalogue conferences between the first fact and a suppression
            // (or the horizon), about which nothing is recorded.
            let first = events
                .iter()
                .filter_map(|(_, e)| e.conference.as_ref().map(|c| self.position(c)))
                .min();
            let end = events
                .iter()
                .filter(|(_, e)| e.relation == Relation::SuppressedAt)
                .filter_map(|(_, e)| e.conference.as_ref().map(|c| self.position(c)))
                .min()
                .unwrap_or(usize::MAX);
            if let (Some(first), Some(horizon)) = (first, horizon) {
                for pos in first + 1..end.min(horizon + 1) {
                    let in_catalogue = self
                        .conference(&self.chronology[pos])
                        .is_some_and(|c| c.in_catalogue);
                    if in_catalogue && of_body(pos) {
                        cells.entry(pos).or_insert(TableCell {
                            state: CellState::Unknown,
                            inferred: false,
                            revision: None,
                            proposals: Vec::new(),
                        });
                    }
                }
            }
            cells.retain(|pos, _| *pos >= lo && *pos <= hi && of_body(*pos));
            used.extend(cells.keys().copied());
            rows_cells.push((cells, self.titles(instrument)));
        }
        let columns: Vec<usize> = used.into_iter().collect();
        TableReport {
            body,
            language: filter.language,
            body_name: body.name_in(filter.language).to_string(),
            conferences: columns
                .iter()
                .map(|&p| TableColumn {
                    id: self.chronology[p].clone(),
                    label: self.conference_label_in(&self.chronology[p], filter.language),
                })
                .collect(),
            // An instrument with nothing to say in the columns (outside `--from`/`--to`) has no
            // row.
            rows: instruments
                .iter()
                .zip(rows_cells)
                .filter(|(_, (cells, _))| !cells.is_empty())
                .map(|(i, (mut cells, titles))| TableRow {
                    instrument: (*i).clone(),
                    name: instrument_name_in(i, filter.language),
                    title: titles.shown(filter.language),
                    titles: titles.known(),
                    cells: columns.iter().map(|p| cells.remove(p)).collect(),
                })
                .collect(),
        }
    }
}
