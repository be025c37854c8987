//! Finds every reference, in an instrument's old and new text, to an instrument of any body:
//! resolutions, decisions, recommendations of the Plenipotentiary Conference, WTDC, WTSA, RA, WRC,
//! WCIT, the Council, the UN General Assembly, and WTPF opinions, with the number and the
//! revision as cited and where the citation stands.
//!
//! Which body a citation is from is read from the words after it (`de la CMDT`, `de la présente
//! Conférence`, `qu'il a adoptée à sa session de 2009`), from the words before it (`la CMDT-17 a
//! adopté la Résolution 80`), from the item it hangs under (`les résultats pertinents de
//! l'AMNT-12, et en particulier:`), from the conference its revision names (`Rév. Dubaï, 2014` is
//! WTDC-14), and, with no body named in a Plenipotentiary Conference text, the Conference itself.
//! What stays undecided is reported, never guessed silently.

use std::collections::BTreeSet;

use crate::model::{
    Body, Citation, InstrumentId, InstrumentKind, InstrumentText, Revision, Side, Uncertainty,
};
use crate::reader::redline::parse_revision;
use crate::text::fold;

/// The citations of an instrument's texts and what could not be decided about them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CitationReport {
    pub citations: Vec<Citation>,
    /// Citations whose body could not be decided (`what`: `citation-body`), with their line.
    pub uncertain: Vec<Uncertainty>,
}

/// Every citation of the old and the new text: one `both` citation where the two sides cite the
/// same instrument and revision in the same paragraph, one `old` and one `new` where the revision
/// changed, one-sided where only one side cites it.
pub fn extract(old: Option<&InstrumentText>, new: Option<&InstrumentText>) -> Vec<Citation> {
    extract_all(old, new).citations
}

/// [`extract`], with the uncertainties about the citations' bodies.
pub fn extract_all(old: Option<&InstrumentText>, new: Option<&InstrumentText>) -> CitationReport {
    let mut uncertain = BTreeSet::new();
    let old_found = old
        .map(|t| side_citations(t, &mut uncertain))
        .unwrap_or_default();
    let new_found = new
        .map(|t| side_citations(t, &mut uncertain))
        .unwrap_or_default();
    let mut citations = Vec::new();
    let mut new_used = vec![false; new_found.len()];
    for o in &old_found {
        let partner = new_found
            .iter()
            .enumerate()
            .find(|(i, n)| !new_used[*i] && n.key == o.key)
            .map(|(i, _)| i);
        match partner {
            Some(i) => {
                new_used[i] = true;
                let n = &new_found[i];
                if n.citation.revision == o.citation.revision {
                    let mut both = n.citation.clone();
                    both.side = Side::Both;
                    citations.push(both);
                } else {
                    citations.push(with_side(&o.citation, Side::Old));
                    citations.push(with_side(&n.citation, Side::New));
                }
            }
            None => citations.push(with_side(&o.citation, Side::Old)),
        }
    }
    for (i, n) in new_found.iter().enumerate() {
        if !new_used[i] {
            citations.push(with_side(&n.citation, Side::New));
        }
    }
    // Document order; a stable sort keeps old before new on one line.
    citations.sort_by_key(|c| c.line);
    CitationReport {
        citations,
        uncertain: uncertain.into_iter().collect(),
    }
}

fn with_side(c: &Citation, side: Side) -> Citation {
    let mut c = c.clone();
    c.side = side;
    c
}

/// A citation found on one side, with what pairs it with the other side: the paragraph's first
/// line, the instrument, and its rank among the citations of that instrument in the paragraph.
struct Found {
    key: (u32, InstrumentId, usize),
    citation: Citation,
}

/// The body whose text this is, from its formula (`La Conférence de plénipotentiaires ...`).
fn host_body(text: &InstrumentText) -> Option<Body> {
    let formula = fold(text.formula.as_deref().unwrap_or(""));
    let header = fold(&text.header);
    if ["plenipotentiaires", "plenipotentiary", "plenipotenciarios"]
        .iter()
        .any(|w| formula.contains(w))
    {
        return Some(Body::Pp);
    }
    for (words, body) in [
        (
            &[
                "developpement des telecommunications",
                "development conference",
                "desarrollo de las telecomunicaciones",
            ][..],
            Body::Wtdc,
        ),
        (
            &[
                "normalisation des telecommunications",
                "standardization assembly",
                "normalizacion de las telecomunicaciones",
            ][..],
            Body::Wtsa,
        ),
    ] {
        if words.iter().any(|w| formula.contains(w)) {
            return Some(body);
        }
    }
    if header.contains("projet de nouvelle resolution") {
        return Some(Body::Pp);
    }
    None
}

fn side_citations(text: &InstrumentText, uncertain: &mut BTreeSet<Uncertainty>) -> Vec<Found> {
    let host = host_body(text);
    let mut found = Vec::new();
    for section in &text.sections {
        // The open items above the current one: depth and text.
        let mut parents: Vec<(u8, String)> = Vec::new();
        for paragraph in &section.paragraphs {
            while parents.last().is_some_and(|(d, _)| *d >= paragraph.depth) {
                parents.pop();
            }
            let parent_body = parents
                .iter()
                .rev()
                .find(|(_, t)| t.trim_end().ends_with(':'))
                .and_then(|(_, t)| last_body_mention(&fold(t)));
            let context = Context {
                host,
                parent_body,
                section: &section.heading,
                label: paragraph.label.as_deref(),
                line: paragraph.lines.first,
            };
            let mut texts = vec![paragraph.text.as_str()];
            texts.extend(paragraph.footnotes.iter().map(|f| f.text.as_str()));
            let mut ranks: Vec<(InstrumentId, usize)> = Vec::new();
            for t in texts {
                for citation in citations_in(t, &context, uncertain) {
                    let rank = match ranks.iter_mut().find(|(id, _)| *id == citation.cited) {
                        Some((_, n)) => {
                            *n += 1;
                            *n
                        }
                        None => {
                            ranks.push((citation.cited.clone(), 0));
                            0
                        }
                    };
                    found.push(Found {
                        key: (paragraph.lines.first, citation.cited.clone(), rank),
                        citation,
                    });
                }
            }
            parents.push((paragraph.depth, paragraph.text.clone()));
        }
    }
    found
}

/// Where a paragraph stands and what surrounds it.
struct Context<'a> {
    host: Option<Body>,
    parent_body: Option<Body>,
    section: &'a str,
    label: Option<&'a str>,
    line: u32,
}

/// One number of a citation group, with its own revision if it has one.
struct Cited {
    session: Option<u32>,
    number: u32,
    revision: Option<Revision>,
    un_form: bool,
}

fn skip_spaces(s: &str, mut pos: usize) -> usize {
    while let Some(c) = s[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

fn read_digits(s: &str, pos: usize) -> Option<(u32, usize)> {
    let len = s[pos..].bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 6 {
        return None;
    }
    let n = s[pos..pos + len].parse().ok()?;
    Some((n, pos + len))
}

/// Reads `70/125`, `A/RES/70/125` or `130` at `pos`.
fn read_designation(s: &str, pos: usize) -> Option<(Option<u32>, u32, bool, usize)> {
    let (start, un_prefix) = match s[pos..].strip_prefix("A/RES/") {
        Some(_) => (pos + "A/RES/".len(), true),
        None => (pos, false),
    };
    let (first, after) = read_digits(s, start)?;
    if s[after..].starts_with('/') {
        if let Some((second, end)) = read_digits(s, after + 1) {
            return Some((Some(first), second, true, end));
        }
    }
    if s[after..].starts_with(|c: char| {
        c.is_alphabetic() || c == '.' && s[after + 1..].starts_with(|d: char| d.is_ascii_digit())
    }) {
        return None;
    }
    if un_prefix {
        return None;
    }
    Some((None, first, false, after))
}

/// The separators between the numbers of a plural citation.
const SEPARATORS: [&str; 7] = [", et ", ", and ", ", y ", ", ", " et ", " and ", " y "];

/// The kind named by a word, if it introduces citations.
fn kind_of(word: &str) -> Option<InstrumentKind> {
    match fold(word).as_str() {
        "resolution" | "resolutions" | "resolucion" | "resoluciones" => {
            Some(InstrumentKind::Resolution)
        }
        "decision" | "decisions" | "decisiones" => Some(InstrumentKind::Decision),
        "recommandation" | "recommandations" | "recommendation" | "recommendations"
        | "recomendacion" | "recomendaciones" => Some(InstrumentKind::Recommendation),
        "avis" | "opinion" | "opinions" | "opiniones" => Some(InstrumentKind::Opinion),
        _ => None,
    }
}

fn citations_in(
    text: &str,
    context: &Context<'_>,
    uncertain: &mut BTreeSet<Uncertainty>,
) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut word_start = None;
    let mut words = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            word_start.get_or_insert(i);
        } else if let Some(s) = word_start.take() {
            words.push((s, i));
        }
    }
    if let Some(s) = word_start {
        words.push((s, text.len()));
    }
    let mut resume = 0;
    for (start, end) in words {
        if start < resume {
            continue;
        }
        let Some(kind) = kind_of(&text[start..end]) else {
            continue;
        };
        let mut pos = skip_spaces(text, end);
        let mut group: Vec<Cited> = Vec::new();
        let mut group_end = pos;
        while group.len() < 32 {
            let Some((session, number, un_form, after)) = read_designation(text, pos) else {
                break;
            };
            let mut next = after;
            let mut revision = None;
            let open = skip_spaces(text, after);
            if text[open..].starts_with('(') {
                if let Some(close) = text[open..].find(')') {
                    if let Some(r) = parse_revision(&text[open + 1..open + close]) {
                        revision = Some(r);
                        next = open + close + 1;
                    }
                }
            }
            group.push(Cited {
                session,
                number,
                revision,
                un_form,
            });
            group_end = next;
            match SEPARATORS.iter().find(|sep| {
                text[next..].starts_with(**sep)
                    && text[next + sep.len()..]
                        .starts_with(|c: char| c.is_ascii_digit() || c == 'A')
            }) {
                Some(sep) => pos = next + sep.len(),
                None => break,
            }
        }
        if group.is_empty() {
            continue;
        }
        resume = group_end;
        let as_written = crate::text::squash_whitespace(&text[start..group_end]);
        let before = fold(&text[..start]);
        let after = fold(&text[group_end..]).replace('’', "'");
        // A number without a revision of its own takes the next one in the group.
        let revisions: Vec<Option<Revision>> = (0..group.len())
            .map(|i| group[i..].iter().find_map(|c| c.revision.clone()))
            .collect();
        for (cited, revision) in group.iter().zip(revisions) {
            let (body, doubt) =
                decide_body(kind, cited, revision.as_ref(), &before, &after, context);
            if let Some(readings) = doubt {
                uncertain.insert(Uncertainty {
                    line: context.line,
                    what: "citation-body".into(),
                    excerpt: as_written.clone(),
                    readings,
                    section: Some(context.section.to_string()),
                    label: context.label.map(str::to_string),
                });
            }
            let kind = if body == Body::Wtpf {
                InstrumentKind::Opinion
            } else {
                kind
            };
            out.push(Citation {
                cited: InstrumentId {
                    body,
                    kind,
                    number: Some(cited.number),
                    provisional: None,
                    session: cited.session,
                },
                revision,
                side: Side::Both,
                as_written: as_written.clone(),
                section: Some(context.section.to_string()),
                label: context.label.map(str::to_string),
                line: context.line,
            });
        }
    }
    out
}

/// Phrases right after a citation that name its body (folded: lowercase, no accents).
const BODY_AFTER: &[(&str, Body)] = &[
    ("de la presente conference", Body::Pp),
    ("de la conference de plenipotentiaires", Body::Pp),
    ("of the plenipotentiary conference", Body::Pp),
    ("of this conference", Body::Pp),
    ("of the present conference", Body::Pp),
    ("de la presente conferencia", Body::Pp),
    ("de esta conferencia", Body::Pp),
    ("de la conferencia de plenipotenciarios", Body::Pp),
    ("de la cmdt", Body::Wtdc),
    (
        "de la conference mondiale de developpement des telecommunications",
        Body::Wtdc,
    ),
    ("of wtdc", Body::Wtdc),
    ("of the wtdc", Body::Wtdc),
    (
        "of the world telecommunication development conference",
        Body::Wtdc,
    ),
    (
        "de la conferencia mundial de desarrollo de las telecomunicaciones",
        Body::Wtdc,
    ),
    ("de l'amnt", Body::Wtsa),
    ("de la amnt", Body::Wtsa),
    (
        "de l'assemblee mondiale de normalisation des telecommunications",
        Body::Wtsa,
    ),
    ("of wtsa", Body::Wtsa),
    ("of the wtsa", Body::Wtsa),
    (
        "of the world telecommunication standardization assembly",
        Body::Wtsa,
    ),
    (
        "de la asamblea mundial de normalizacion de las telecomunicaciones",
        Body::Wtsa,
    ),
    ("de l'amr", Body::Ra),
    ("de l'assemblee des radiocommunications", Body::Ra),
    ("of the radiocommunication assembly", Body::Ra),
    ("de la asamblea de radiocomunicaciones", Body::Ra),
    ("de la cmr", Body::Wrc),
    (
        "de la conference mondiale des radiocommunications",
        Body::Wrc,
    ),
    ("of wrc", Body::Wrc),
    ("of the world radiocommunication conference", Body::Wrc),
    (
        "de la conferencia mundial de radiocomunicaciones",
        Body::Wrc,
    ),
    ("de la cmti", Body::Wcit),
    (
        "de la conference mondiale des telecommunications internationales",
        Body::Wcit,
    ),
    ("of wcit", Body::Wcit),
    (
        "of the world conference on international telecommunications",
        Body::Wcit,
    ),
    ("du conseil", Body::Council),
    ("of the council", Body::Council),
    ("del consejo", Body::Council),
    ("qu'il a adoptee a sa session", Body::Council),
    ("adoptee par le conseil", Body::Council),
    ("adopted by the council", Body::Council),
    ("adoptada por el consejo", Body::Council),
    ("de l'assemblee generale", Body::UnGa),
    ("of the united nations general assembly", Body::UnGa),
    ("of the general assembly", Body::UnGa),
    ("de la asamblea general", Body::UnGa),
    (
        "du forum mondial des politiques de telecommunication",
        Body::Wtpf,
    ),
    (
        "of the world telecommunication/ict policy forum",
        Body::Wtpf,
    ),
    ("of the world telecommunication policy forum", Body::Wtpf),
    (
        "del foro mundial de politica de las telecomunicaciones",
        Body::Wtpf,
    ),
];

/// Mentions of a body inside running text (folded), for the words before a citation and the item
/// a list hangs under.
const BODY_MENTIONS: &[(&str, Body)] = &[
    ("cmdt", Body::Wtdc),
    ("wtdc", Body::Wtdc),
    (
        "conference mondiale de developpement des telecommunications",
        Body::Wtdc,
    ),
    ("world telecommunication development conference", Body::Wtdc),
    (
        "conferencia mundial de desarrollo de las telecomunicaciones",
        Body::Wtdc,
    ),
    ("amnt", Body::Wtsa),
    ("wtsa", Body::Wtsa),
    (
        "assemblee mondiale de normalisation des telecommunications",
        Body::Wtsa,
    ),
    (
        "world telecommunication standardization assembly",
        Body::Wtsa,
    ),
    (
        "asamblea mundial de normalizacion de las telecomunicaciones",
        Body::Wtsa,
    ),
    ("amr", Body::Ra),
    ("assemblee des radiocommunications", Body::Ra),
    ("radiocommunication assembly", Body::Ra),
    ("cmr", Body::Wrc),
    ("conference mondiale des radiocommunications", Body::Wrc),
    ("world radiocommunication conference", Body::Wrc),
    ("cmti", Body::Wcit),
    ("wcit", Body::Wcit),
    (
        "conference mondiale des telecommunications internationales",
        Body::Wcit,
    ),
    ("le conseil", Body::Council),
    ("the council", Body::Council),
    ("el consejo", Body::Council),
    ("assemblee generale", Body::UnGa),
    ("general assembly", Body::UnGa),
    ("asamblea general", Body::UnGa),
    ("conference de plenipotentiaires", Body::Pp),
    ("plenipotentiary conference", Body::Pp),
    ("conferencia de plenipotenciarios", Body::Pp),
];

/// The body mentioned last in a (folded) text, as a whole word.
fn last_body_mention(folded: &str) -> Option<Body> {
    let mut best: Option<(usize, Body)> = None;
    for (phrase, body) in BODY_MENTIONS {
        for (at, _) in folded.match_indices(phrase) {
            let end = at + phrase.len();
            let before_ok = folded[..at]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = folded[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphabetic());
            if before_ok && after_ok && best.is_none_or(|(b, _)| end > b) {
                best = Some((end, *body));
            }
        }
    }
    best.map(|(_, b)| b)
}

/// Conferences known by place and year, for citations that name no body (folded place).
const CONFERENCES: &[(&str, i32, Body)] = &[
    ("nice", 1989, Body::Pp),
    ("kyoto", 1994, Body::Pp),
    ("minneapolis", 1998, Body::Pp),
    ("marrakech", 2002, Body::Pp),
    ("marrakesh", 2002, Body::Pp),
    ("antalya", 2006, Body::Pp),
    ("guadalajara", 2010, Body::Pp),
    ("busan", 2014, Body::Pp),
    ("dubai", 2018, Body::Pp),
    ("bucarest", 2022, Body::Pp),
    ("bucharest", 2022, Body::Pp),
    ("buenos aires", 1994, Body::Wtdc),
    ("la valette", 1998, Body::Wtdc),
    ("valletta", 1998, Body::Wtdc),
    ("istanbul", 2002, Body::Wtdc),
    ("doha", 2006, Body::Wtdc),
    ("hyderabad", 2010, Body::Wtdc),
    ("dubai", 2014, Body::Wtdc),
    ("buenos aires", 2017, Body::Wtdc),
    ("kigali", 2022, Body::Wtdc),
    ("montreal", 2000, Body::Wtsa),
    ("florianopolis", 2004, Body::Wtsa),
    ("johannesburg", 2008, Body::Wtsa),
    ("johannesburgo", 2008, Body::Wtsa),
    ("dubai", 2012, Body::Wtsa),
    ("hammamet", 2016, Body::Wtsa),
    ("dubai", 2012, Body::Wcit),
    ("melbourne", 1988, Body::Wcit),
    ("lisbonne", 2009, Body::Wtpf),
    ("lisbon", 2009, Body::Wtpf),
    ("lisboa", 2009, Body::Wtpf),
];

fn bodies_meeting(revision: &Revision) -> Vec<Body> {
    let place = fold(&revision.place);
    let mut out: Vec<Body> = CONFERENCES
        .iter()
        .filter(|(p, y, _)| *p == place && *y == revision.year)
        .map(|(_, _, b)| *b)
        .collect();
    out.dedup();
    out
}

/// Decides the body of one cited number; the second value lists the readings where it stays
/// undecided.
fn decide_body(
    kind: InstrumentKind,
    cited: &Cited,
    revision: Option<&Revision>,
    before: &str,
    after: &str,
    context: &Context<'_>,
) -> (Body, Option<Vec<String>>) {
    if kind == InstrumentKind::Opinion {
        return (Body::Wtpf, None);
    }
    if cited.un_form || cited.session.is_some() {
        return (Body::UnGa, None);
    }
    let after = after.trim_start_matches([',', ' ']);
    let head: String = after.chars().take(120).collect();
    let near_after: String = after.chars().take(60).collect();
    if let Some((_, body)) = BODY_AFTER.iter().find(|(p, _)| head.starts_with(p)) {
        return (*body, None);
    }
    if near_after.contains("a sa session de") || near_after.contains("at its session") {
        return (Body::Council, None);
    }
    let meeting = revision.map(bodies_meeting).unwrap_or_default();
    // The words before: `la CMDT-17 a adopté la Résolution 80`, `les résolutions de l'AMNT-16,
    // en particulier les Résolutions 50 et 52`.
    let clause_start = before.rfind([';', '.']).map_or(0, |i| i + 1);
    let tail: String = before
        .chars()
        .rev()
        .take(45)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let from_before = if tail.contains("adopt") {
        last_body_mention(before)
    } else if before[clause_start..].contains("en particulier")
        || before[clause_start..].contains("in particular")
        || before[clause_start..].contains("en particular")
    {
        last_body_mention(&before[clause_start..])
    } else {
        None
    };
    let from_context = from_before.or(context.parent_body);
    if let Some(body) = from_context {
        if !meeting.is_empty() && !meeting.contains(&body) {
            return (
                body,
                Some(vec![
                    format!("{body}: named in the surrounding words"),
                    format!(
                        "{}: the conference of its revision mark",
                        meeting
                            .iter()
                            .map(|b| b.code())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                ]),
            );
        }
        return (body, None);
    }
    match meeting.as_slice() {
        [one] => return (*one, None),
        [first, ..] => {
            return (
                *first,
                Some(
                    meeting
                        .iter()
                        .map(|b| {
                            format!(
                                "{b}: met at {} in {}",
                                revision.map(|r| r.place.as_str()).unwrap_or(""),
                                revision.map_or(0, |r| r.year)
                            )
                        })
                        .collect(),
                ),
            )
        }
        [] => {}
    }
    if kind == InstrumentKind::Resolution && cited.number >= 1000 {
        return (Body::Council, None);
    }
    match (context.host, revision) {
        (Some(host), None) => (host, None),
        (Some(host), Some(r)) => (
            host,
            Some(vec![
                format!("{host}: no body named, in a {host} text"),
                format!(
                    "another body: no conference known at {} in {}",
                    r.place, r.year
                ),
            ]),
        ),
        (None, _) => (
            Body::Pp,
            Some(vec![
                "pp: no body named".to_string(),
                "another body: the text does not say whose it is".to_string(),
            ]),
        ),
    }
}
