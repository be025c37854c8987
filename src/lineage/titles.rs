//! Titles and names in a language: the one place that decides which title an output shows.
//!
//! The history keeps titles per version and language: each record's `titles` map, filled from
//! the title line of each language's text (French from the seed's old texts, English from the
//! Final Acts' texts) and from the outcomes list (English, marked as such by the corpus). The
//! lineage's version nodes carry them. [`Titles`] gathers them for one instrument, every title
//! with the version (conference) it belongs to and its language, and answers "the title in
//! language L as last adopted up to conference C", falling back, visibly, to another language
//! where L has none. A title that only a proposal gives is the proposal's, never the
//! instrument's: it is kept apart and shown only for a draft that has no other, marked with the
//! proposal.
//!
//! Names and revision marks in a language (`Résolution 14`, `Rev. Antalya, 2006`) are made here
//! too, from the words of [`crate::model::LANGUAGE_WORDS`] and the catalogue's places.

use serde::Serialize;

use super::Lineage;
use crate::model::{Body, ConferenceId, InstrumentId, Language, ProposalId, Revision};

/// A title as the history knows it: its text, its language, and the version it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KnownTitle {
    pub text: String,
    pub language: Language,
    /// The conference of the version the title belongs to (for a proposal's title: the
    /// conference the proposal was made to).
    pub conference: ConferenceId,
    /// Set for a title that only a proposal gives: the proposal's, not the instrument's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalId>,
}

/// The title an output shows, with its language and whether it stands in for the language asked
/// for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownTitle {
    pub text: String,
    pub language: Language,
    /// `true` where the language asked for has no title and this one is another language's.
    pub fallback: bool,
    /// The conference of the version whose title this is.
    pub conference: ConferenceId,
    /// Set where the title is a proposal's (a draft known only from its proposal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalId>,
}

impl ShownTitle {
    /// The title as the text outputs print it: as it is in the language asked for, else with its
    /// language in brackets (`[en] Strategic plan ...`), and a proposal's marked with it.
    pub fn words(&self) -> String {
        let mut marks = Vec::new();
        if self.fallback {
            marks.push(self.language.code().to_string());
        }
        if let Some(p) = &self.proposal {
            marks.push(format!("proposed {p}"));
        }
        if marks.is_empty() {
            self.text.clone()
        } else {
            format!("[{}] {}", marks.join(", "), self.text)
        }
    }
}

/// Every title of one instrument, ordered by the conference of its version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Titles {
    /// (position of the version's conference, title), oldest first; adopted versions only.
    adopted: Vec<(usize, KnownTitle)>,
    /// Titles that only proposals give.
    proposed: Vec<(usize, KnownTitle)>,
}

/// The order in which other languages stand in for one that has no title, after the latest.
const FALLBACK_ORDER: [Language; 3] = [Language::En, Language::Fr, Language::Es];

impl Titles {
    /// Every title, adopted versions first (oldest first), then proposals'.
    pub fn known(&self) -> Vec<KnownTitle> {
        self.adopted
            .iter()
            .chain(&self.proposed)
            .map(|(_, t)| t.clone())
            .collect()
    }

    /// The title in `language` of the latest adopted version that has one, up to the conference
    /// at position `limit` (`usize::MAX`: all). Where that language has none: the latest adopted
    /// title in another language, marked as a fallback; where no adopted version has a title,
    /// a proposal's (for a draft), marked with its proposal.
    fn shown_at(&self, language: Language, limit: usize) -> Option<ShownTitle> {
        let upto = |list: &[(usize, KnownTitle)]| -> Vec<(usize, KnownTitle)> {
            list.iter().filter(|(p, _)| *p <= limit).cloned().collect()
        };
        let adopted = upto(&self.adopted);
        let pick = |list: &[(usize, KnownTitle)]| -> Option<ShownTitle> {
            if let Some((_, t)) = list.iter().rev().find(|(_, t)| t.language == language) {
                return Some(shown(t, false));
            }
            // The latest title in another language; at one conference, in FALLBACK_ORDER.
            let rank = |l: Language| FALLBACK_ORDER.iter().position(|o| *o == l);
            list.iter()
                .max_by_key(|(p, t)| (*p, std::cmp::Reverse(rank(t.language))))
                .map(|(_, t)| shown(t, true))
        };
        pick(&adopted).or_else(|| pick(&upto(&self.proposed)))
    }

    /// The title in `language` as last adopted (see [`Titles::shown_at`]).
    pub fn shown(&self, language: Language) -> Option<ShownTitle> {
        self.shown_at(language, usize::MAX)
    }

    /// The latest adopted title whatever its language (at one conference, English, then French,
    /// then Spanish), else a proposal's: what the website shows with its language.
    pub fn latest(&self) -> Option<ShownTitle> {
        let rank = |l: Language| FALLBACK_ORDER.iter().position(|o| *o == l);
        let list = if self.adopted.is_empty() {
            &self.proposed
        } else {
            &self.adopted
        };
        list.iter()
            .max_by_key(|(p, t)| (*p, std::cmp::Reverse(rank(t.language))))
            .map(|(_, t)| shown(t, false))
    }
}

fn shown(t: &KnownTitle, fallback: bool) -> ShownTitle {
    ShownTitle {
        text: t.text.clone(),
        language: t.language,
        fallback,
        conference: t.conference.clone(),
        proposal: t.proposal.clone(),
    }
}

/// A revision mark in an output: the mark as written, the catalogue's conference it names (the
/// id to join on; `None` where the lineage cannot place it) and, for the text outputs, the mark
/// in the output's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacedRevision {
    #[serde(flatten)]
    pub mark: Revision,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conference: Option<ConferenceId>,
    /// `Rév. Antalya, 2006`, in the output's language.
    #[serde(skip)]
    pub words: String,
}

impl std::fmt::Display for PlacedRevision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words)
    }
}

impl std::ops::Deref for PlacedRevision {
    type Target = Revision;

    fn deref(&self) -> &Revision {
        &self.mark
    }
}

impl Lineage {
    /// Every title of an instrument with its version and language (see [`Titles`]).
    pub fn titles(&self, instrument: &InstrumentId) -> Titles {
        let mut titles = Titles::default();
        for &n in self.all_versions(instrument) {
            let Some(v) = self.version_at(n) else {
                continue;
            };
            let position = self.position(&v.conference);
            for (language, text) in &v.titles {
                if text.trim().is_empty() {
                    continue;
                }
                let known = KnownTitle {
                    text: text.clone(),
                    language: *language,
                    conference: v.conference.clone(),
                    proposal: v.proposal.clone(),
                };
                match &v.proposal {
                    None => titles.adopted.push((position, known)),
                    Some(_) => titles.proposed.push((position, known)),
                }
            }
        }
        // Titles that only an event gives (an abrogation in the Final Acts list, with no record
        // of the instrument there): of the version the event made or ended, in the language
        // of a record's title with the same words, else English where the event's source is a
        // list of outcomes (whose titles are English); never guessed otherwise.
        for (idx, e) in self.events_of(instrument) {
            let Some(text) = e.title.as_ref().filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            let Some((a, b)) = self.graph.edge_endpoints(idx) else {
                continue;
            };
            let made = if self.version_at(b).is_some() { b } else { a };
            let Some(v) = self.version_at(made).filter(|v| v.proposal.is_none()) else {
                continue;
            };
            let from_record = titles
                .adopted
                .iter()
                .find(|(_, k)| &k.text == text)
                .map(|(_, k)| k.language);
            let from_outcomes = e
                .evidence
                .iter()
                .any(|ev| ev.source.starts_with(crate::outcomes::SOURCE_PREFIX));
            let Some(language) = from_record.or(from_outcomes.then_some(Language::En)) else {
                continue;
            };
            if v.titles.contains_key(&language) {
                continue; // the version's own record gives its title in that language
            }
            titles.adopted.push((
                self.position(&v.conference),
                KnownTitle {
                    text: text.clone(),
                    language,
                    conference: v.conference.clone(),
                    proposal: None,
                },
            ));
        }
        let order = |list: &mut Vec<(usize, KnownTitle)>| {
            list.sort_by(|(p, a), (q, b)| {
                (p, a.language, &a.proposal, &a.text).cmp(&(q, b.language, &b.proposal, &b.text))
            });
            list.dedup();
        };
        order(&mut titles.adopted);
        order(&mut titles.proposed);
        titles
    }

    /// The title of an instrument in a language as last adopted up to a conference (`None`: the
    /// latest), with a visible fallback (see [`Titles`]).
    pub fn title_in(
        &self,
        instrument: &InstrumentId,
        language: Language,
        up_to: Option<&ConferenceId>,
    ) -> Option<ShownTitle> {
        let limit = up_to.map_or(usize::MAX, |c| self.position(c));
        self.titles(instrument).shown_at(language, limit)
    }

    /// The label of a conference in a language, its place as the catalogue writes it there
    /// (`Marrakech, 2002`, `Marrakesh, 2002`, `WTDC Dubaï, 2014`); a conference known only from
    /// revision marks keeps its place as first written.
    pub fn conference_label_in(&self, id: &ConferenceId, language: Language) -> String {
        match (self.conference(id), self.catalogue.get(id)) {
            (Some(node), Some(c)) if node.in_catalogue => {
                let place = c.place.in_language(language);
                if node.body == Body::Pp {
                    format!("{place}, {}", node.year)
                } else {
                    format!("{} {place}, {}", node.body.code().to_uppercase(), node.year)
                }
            }
            _ => self.conference_label(id),
        }
    }

    /// The conference a revision mark names for a body, where the lineage can place it.
    pub fn conference_of_revision(&self, body: Body, rev: &Revision) -> Option<ConferenceId> {
        self.marks
            .get(&(body, rev.place.clone(), rev.year))
            .cloned()
            .or_else(|| self.catalogue.by_revision(body, rev).map(|c| c.id.clone()))
    }

    /// A revision mark for an output: with the conference it names and its words in a language,
    /// the place as the catalogue writes it in that language (`Rév. Dubaï, 2018` for `Rév.
    /// DUBAÏ, 2018`), else as written.
    pub fn placed_revision(
        &self,
        body: Body,
        rev: &Revision,
        language: Language,
    ) -> PlacedRevision {
        let conference = self.conference_of_revision(body, rev);
        let place = conference
            .as_ref()
            .and_then(|c| self.catalogue.get(c))
            .map(|c| c.place.in_language(language).to_string())
            .unwrap_or_else(|| rev.place.clone());
        PlacedRevision {
            words: rev.mark_in(language, &place),
            mark: rev.clone(),
            conference,
        }
    }
}

/// The name of an instrument as a heading, in a language: `Résolution 130 (PP)`, `Resolution 69
/// (WTDC)`, `Projet de résolution [B-1] (PP)`.
pub fn instrument_name_in(id: &InstrumentId, language: Language) -> String {
    format!(
        "{} ({})",
        instrument_short_name_in(id, language),
        id.body.code().to_uppercase()
    )
}

/// The name of an instrument within its body's table, in a language: `Résolution 130`, `Draft
/// resolution [B-1]`, `Proyecto de resolución [B-1]`.
pub fn instrument_short_name_in(id: &InstrumentId, language: Language) -> String {
    let kind = id.kind.name_in(language);
    if id.number.is_some() {
        return format!("{kind} {}", id.designation());
    }
    let words = language.words();
    format!(
        "{} {}{} {}",
        words.draft,
        kind[..kind.chars().next().map_or(0, char::len_utf8)].to_lowercase(),
        &kind[kind.chars().next().map_or(0, char::len_utf8)..],
        id.designation()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::InstrumentKind;

    fn rev(place: &str, year: i32, revised: bool) -> Revision {
        Revision {
            place: place.into(),
            year,
            revised,
        }
    }

    #[test]
    fn names_and_marks_read_in_each_language() {
        let r14 = InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, 14);
        let mark = rev("Antalya", 2006, true);
        let full = |l| {
            format!(
                "{} ({})",
                instrument_short_name_in(&r14, l),
                mark.mark_in(l, "Antalya")
            )
        };
        assert_eq!(full(Language::Fr), "Résolution 14 (Rév. Antalya, 2006)");
        assert_eq!(full(Language::En), "Resolution 14 (Rev. Antalya, 2006)");
        assert_eq!(full(Language::Es), "Resolución 14 (Rev. Antalya, 2006)");
        let d5 = InstrumentId::numbered(Body::Pp, InstrumentKind::Decision, 5);
        assert_eq!(instrument_name_in(&d5, Language::Es), "Decisión 5 (PP)");
        let draft = InstrumentId::provisional(Body::Pp, InstrumentKind::Resolution, "B-1");
        assert_eq!(
            instrument_short_name_in(&draft, Language::Fr),
            "Projet de résolution [B-1]"
        );
        assert_eq!(
            instrument_short_name_in(&draft, Language::En),
            "Draft resolution [B-1]"
        );
        assert_eq!(
            rev("Dubaï", 2018, false).mark_in(Language::Fr, "Dubaï"),
            "Dubaï, 2018"
        );
    }

    fn title(text: &str, language: Language, conference: &str, at: usize) -> (usize, KnownTitle) {
        (
            at,
            KnownTitle {
                text: text.into(),
                language,
                conference: ConferenceId(conference.into()),
                proposal: None,
            },
        )
    }

    #[test]
    fn a_language_shows_its_latest_adopted_title_and_falls_back_visibly() {
        let mut proposed = title("Plan 2020-2023 (fr)", Language::Fr, "pp-2018-dubai", 2);
        proposed.1.proposal = Some("B/67/2".parse().expect("a proposal id"));
        let titles = Titles {
            adopted: vec![
                title("Plan 2016-2019 (fr)", Language::Fr, "pp-2014-busan", 1),
                title("Plan 2020-2023", Language::En, "pp-2018-dubai", 2),
            ],
            proposed: vec![proposed],
        };
        let fr = titles.shown(Language::Fr).expect("a French title");
        assert_eq!(
            (fr.text.as_str(), fr.fallback),
            ("Plan 2016-2019 (fr)", false)
        );
        let en = titles.shown(Language::En).expect("an English title");
        assert_eq!((en.text.as_str(), en.fallback), ("Plan 2020-2023", false));
        let es = titles.shown(Language::Es).expect("a fallback");
        assert_eq!((es.language, es.fallback), (Language::En, true));
        assert_eq!(es.words(), "[en] Plan 2020-2023");
        // Up to Busan, English has none: French stands in, marked.
        let en_busan = titles.shown_at(Language::En, 1).expect("a fallback");
        assert_eq!(en_busan.words(), "[fr] Plan 2016-2019 (fr)");
        assert_eq!(titles.latest().map(|t| t.language), Some(Language::En));
        assert_eq!(titles.known().len(), 3);
    }

    #[test]
    fn a_proposal_title_shows_only_for_a_draft_without_any_other_and_marked() {
        let mut proposed = title("Questions OTT", Language::Fr, "pp-2018-dubai", 2);
        proposed.1.proposal = Some("B/67/5".parse().expect("a proposal id"));
        let titles = Titles {
            adopted: Vec::new(),
            proposed: vec![proposed],
        };
        let shown = titles.shown(Language::Fr).expect("the proposal's title");
        assert_eq!(shown.words(), "[proposed B/67/5] Questions OTT");
        assert_eq!(
            titles.shown(Language::En).map(|t| t.words()),
            Some("[fr, proposed B/67/5] Questions OTT".to_string())
        );
    }
}
