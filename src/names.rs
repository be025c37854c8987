//! How users name instruments on the command line (`actes show 130`, `actes diff "Résolution
//! 130"`, `actes lineage "wtdc res 69"`): one parser, so that every command accepts the same
//! forms and says the same thing when it cannot read one.
//!
//! Accepted forms (case, accents and extra spaces do not matter):
//!
//! | form | means |
//! | --- | --- |
//! | `130` | PP Resolution 130 (the default body is the Plenipotentiary Conference, the default kind a resolution) |
//! | `Résolution 130`, `Resolution 130`, `resolución 130`, `res 130`, `res. 130` | the same |
//! | `decision 5`, `décision 5`, `dec 5` | PP Decision 5 |
//! | `recommendation 7`, `recommandation 7`, `rec 7` | PP Recommendation 7 |
//! | `[B-1]`, `B-1`, `resolution [B-1]` | the draft new PP resolution known provisionally as `[B-1]` |
//! | `wtdc res 69`, `cmdt 69`, `council res 1305`, `wtsa 1`, `ra 1`, `wrc 1` | another body's instrument: the body first |
//! | `Résolution 69 de la CMDT`, `Resolution 69 of the WTDC`, `Resolución 69 de la CMDT` | the body after the designation |
//! | `Résolution 130 de la présente Conférence` | the PP itself |
//! | `wtpf avis 4`, `wtpf 4` | a WTPF opinion (the default kind for the WTPF) |
//! | `un-ga 70/125`, `70/125`, `A/RES/70/125` | a UN General Assembly resolution, session 70 |
//! | `pp/resolution/130`, `pp resolution 130` | the history's own folder names and display form |
//! | `Résolution 69 (Rév. Buenos Aires, 2017) de la CMDT` | a citation: the revision in parentheses is read by [`parse_reference`] |
//!
//! Bodies by code or French abbreviation: `pp`, `wtdc`/`cmdt`, `wtsa`/`amnt`, `ra`/`amr`,
//! `wrc`/`cmr`, `wcit`/`cmti`, `council`/`conseil`, `wtpf`/`fmpt`, `un-ga`/`unga`.

use crate::model::{Body, InstrumentId, InstrumentKind, Revision};
use crate::text::fold;

/// The accepted forms, as the error message lists them.
pub const ACCEPTED_FORMS: &str = "130, Résolution 130, res 130, resolución 130, decision 5, dec 5, \
recommendation 7, [B-1], B-1, wtdc res 69, Résolution 69 de la CMDT, council res 1305, wtpf avis 4, \
un-ga 70/125, pp/resolution/130";

/// Why a query names no instrument.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read `{query}` as an instrument: {reason}; accepted forms: {ACCEPTED_FORMS}")]
pub struct NameError {
    /// The query as given.
    pub query: String,
    /// What is wrong with it.
    pub reason: String,
}

/// An instrument as a citation names it: which one, and the revision it gives, if any
/// (`Résolution 69 (Rév. Buenos Aires, 2017) de la CMDT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub instrument: InstrumentId,
    pub revision: Option<Revision>,
}

/// Reads how a user names an instrument. See the module documentation for the accepted forms.
/// A revision in parentheses (`Résolution 130 (Rév. Busan, 2014)`) is accepted and left to
/// [`parse_reference`], which returns it.
pub fn parse_instrument(query: &str) -> Result<InstrumentId, NameError> {
    parse_reference(query).map(|r| r.instrument)
}

/// Reads an instrument's name with an optional revision in parentheses, as citations write it:
/// `Résolution 130 (Rév. Busan, 2014)`, `Résolution 69 (Rév. Buenos Aires, 2017) de la CMDT`.
pub fn parse_reference(query: &str) -> Result<Reference, NameError> {
    let error = |reason: &str| NameError {
        query: query.to_string(),
        reason: reason.to_string(),
    };
    let (without, revision) = match (query.find('('), query.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            let inner = &query[open + 1..close];
            let revision = crate::outcomes::parse_revision(inner).ok_or_else(|| {
                error(&format!(
                    "`({inner})` is not a revision such as `(Rév. Busan, 2014)`"
                ))
            })?;
            (
                format!("{} {}", &query[..open], &query[close + 1..]),
                Some(revision),
            )
        }
        (None, None) => (query.to_string(), None),
        _ => return Err(error("its parentheses do not match")),
    };
    let instrument = parse_name(&without).map_err(|reason| error(&reason))?;
    Ok(Reference {
        instrument,
        revision,
    })
}

/// Reads a name without a revision; the error is the reason only.
fn parse_name(query: &str) -> Result<InstrumentId, String> {
    let error = |reason: &str| reason.to_string();
    let folded = fold(query);
    if folded.is_empty() {
        return Err(error("it is empty"));
    }
    if let Some(id) = tree_dir(&folded) {
        return Ok(id);
    }
    let (words, suffix_body) = strip_body_suffix(&folded)?;
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();

    // `A/RES/70/125`: the UN's own document symbol.
    if let [single] = words.as_slice() {
        if let Some(rest) = single.strip_prefix("a/res/") {
            return designation(rest, Some(Body::UnGa), Some(InstrumentKind::Resolution));
        }
    }

    let mut body = None;
    let mut kind = None;
    let mut rest = words.as_slice();
    while let [first, tail @ ..] = rest {
        if tail.is_empty() {
            break;
        }
        if body.is_none() && kind.is_none() {
            if let Some(b) = Body::from_code(first) {
                body = Some(b);
                rest = tail;
                continue;
            }
        }
        if kind.is_none() {
            if let Some(k) = kind_word(first) {
                kind = Some(k);
                rest = tail;
                continue;
            }
        }
        return Err(error(&format!(
            "`{first}` is neither a body (pp, wtdc, council, un-ga ...) nor a kind (resolution, decision, recommendation, opinion)"
        )));
    }
    let [designation_word] = rest else {
        return Err(error("no number or provisional id"));
    };
    let body = match (body, suffix_body) {
        (Some(a), Some(b)) if a != b => {
            return Err(error(&format!(
                "it names two bodies, {} and {}",
                a.code(),
                b.code()
            )))
        }
        (a, b) => a.or(b),
    };
    designation(designation_word, body, kind)
}

/// Kind words beyond `InstrumentKind::from_word`: the French `recommandation`.
fn kind_word(word: &str) -> Option<InstrumentKind> {
    match word.trim_end_matches('.') {
        "recommandation" | "recommandations" => Some(InstrumentKind::Recommendation),
        other => InstrumentKind::from_word(other),
    }
}

/// `pp/resolution/130`, `pp/resolution/b-1`, `un-ga/resolution/70-125`: the folder names of the
/// history.
fn tree_dir(folded: &str) -> Option<InstrumentId> {
    let parts: Vec<&str> = folded.split('/').collect();
    let [body, kind, leaf] = parts.as_slice() else {
        return None;
    };
    let body = Body::from_code(body)?;
    let kind = InstrumentKind::from_word(kind)?;
    if body == Body::UnGa {
        let (session, number) = leaf.split_once('-')?;
        return Some(InstrumentId {
            session: Some(session.parse().ok()?),
            ..InstrumentId::numbered(body, kind, number.parse().ok()?)
        });
    }
    designation(leaf, Some(body), Some(kind)).ok()
}

/// Takes a trailing `de la CMDT`, `of the WTDC`, `of the World Telecommunication Development
/// Conference`, `de la présente Conférence` off the words and returns the body it names (by any
/// of its names, [`Body::from_name`]).
fn strip_body_suffix(folded: &str) -> Result<(&str, Option<Body>), String> {
    const MARKERS: [&str; 6] = [" de la ", " of the ", " of ", " del ", " de l'", " de "];
    // The longest suffix that names a body: a body's name may itself hold `de` (`Conférence
    // mondiale de développement des télécommunications`).
    let mut cuts: Vec<(usize, usize)> = MARKERS
        .iter()
        .flat_map(|m| folded.match_indices(m).map(|(at, m)| (at, m.len())))
        .collect();
    cuts.sort();
    for (at, len) in cuts {
        if let Some(body) = Body::from_name(&folded[at + len..]) {
            return Ok((&folded[..at], Some(body)));
        }
    }
    for marker in [" de la ", " of the ", " del ", " de l'", " de "] {
        if let Some(at) = folded.rfind(marker) {
            let (words, suffix) = (&folded[..at], folded[at + marker.len()..].trim());
            if matches!(
                suffix,
                "presente conference" | "this conference" | "presente conferencia"
            ) {
                return Ok((words, Some(Body::Pp)));
            }
            return match Body::from_name(suffix) {
                Some(body) => Ok((words, Some(body))),
                None => Err(format!(
                    "`{suffix}` after `{}` is not a body",
                    marker.trim()
                )),
            };
        }
    }
    Ok((folded, None))
}

/// Reads the designation (`130`, `[b-1]`, `b-1`, `70/125`) given the body and kind read so far.
fn designation(
    word: &str,
    body: Option<Body>,
    kind: Option<InstrumentKind>,
) -> Result<InstrumentId, String> {
    if let Ok(number) = word.parse::<u32>() {
        let body = body.unwrap_or(Body::Pp);
        let kind = kind.unwrap_or(default_kind(body));
        return Ok(InstrumentId::numbered(body, kind, number));
    }
    if let Some((session, number)) = word.split_once('/') {
        let (Ok(session), Ok(number)) = (session.parse::<u32>(), number.parse::<u32>()) else {
            return Err(format!("`{word}` is not SESSION/NUMBER (70/125)"));
        };
        if body.is_some_and(|b| b != Body::UnGa) {
            return Err(format!(
                "`{word}` is a UN General Assembly designation (SESSION/NUMBER), not one of this body"
            ));
        }
        let kind = kind.unwrap_or(InstrumentKind::Resolution);
        return Ok(InstrumentId {
            session: Some(session),
            ..InstrumentId::numbered(Body::UnGa, kind, number)
        });
    }
    let bare = word
        .strip_prefix('[')
        .and_then(|w| w.strip_suffix(']'))
        .unwrap_or(word);
    if is_provisional(bare) {
        let body = body.unwrap_or(Body::Pp);
        let kind = kind.unwrap_or(default_kind(body));
        return Ok(InstrumentId::provisional(body, kind, bare.to_uppercase()));
    }
    Err(format!(
        "`{word}` is not a number (130), a provisional id ([B-1]) or a UN designation (70/125)"
    ))
}

/// A provisional id: an origin (letters) and a serial (`B-1`, `EUR-2`, `AFCP-1`).
fn is_provisional(word: &str) -> bool {
    match word.split_once('-') {
        Some((origin, serial)) => {
            !origin.is_empty()
                && origin.chars().all(|c| c.is_ascii_alphabetic())
                && !serial.is_empty()
                && serial.chars().all(|c| c.is_ascii_alphanumeric())
        }
        None => false,
    }
}

/// The kind a body's instruments are unless said otherwise: WTPF opinions, else resolutions.
fn default_kind(body: Body) -> InstrumentKind {
    match body {
        Body::Wtpf => InstrumentKind::Opinion,
        _ => InstrumentKind::Resolution,
    }
}
