//! Akoma Ntoso 3.0 out: a version of an instrument as a `<statement>`, a proposal as an
//! `<amendment>` naming its target, both valid against the OASIS schema. Data in
//! (`export::ExportInput`), `String` out; every text and attribute escaped; the same input gives
//! the same bytes (no clock: the manifestation is dated by the history's own commit).
//!
//! Naming (the AKN naming convention, AKN4UN profile): country `un`, type `statement`, subtype
//! `deliberation`, author the body (`itu-pp`, `itu-wtdc`, ..., `unga`), then the date, then the
//! number with its kind (`res-130`, `dec-5`, `rec-2`, `op-4`; a UN resolution `res-68-198`; a
//! draft `res-draft-b-1`). Each revised text, `RÉSOLUTION 130 (Rév. Busan, 2014)`, is **its own
//! work dated the day its conference signed its Final Acts**: a citation names a revision
//! (`Résolution 45 (Rév. Dubaï, 2014)`), not a language, so its `<ref href>` can name exactly the
//! version it cites with the same IRI the cited version is exported under. Where the catalogue
//! does not know the conference of a revision the date is its year alone; where a citation gives
//! no revision the IRI has no date (the cited version is not stated, and is not guessed).
//! Expressions add the language (`fra`, `eng`, `spa`) and the date; manifestations `.akn`.
//!
//! Structure: the header and title in the preface; the formula and the preamble's sections as
//! `recitals` (heading, then a `recital` per paragraph with its `<num>`); the operative sections
//! as `hcontainer`s of `paragraph`s with `<num>` and `content`; footnotes as `authorialNote` after
//! their mark; what the source leaves out as a last `hcontainer name="omission"`. The stored text
//! does not record nesting (a label says it), so items are siblings in their section. A paragraph
//! the reader could not settle carries `class="uncertain"` and a note; a proposal carries a note
//! that it is not an outcome.

use std::fmt::Write as _;

use crate::catalogue::Catalogue;
use crate::export::{
    Export, ExportInput, ProposalExport, StructuredText, TextParagraph, TextSection, Version,
};
use crate::model::Action;
use crate::model::{Body, Citation, Conference, InstrumentId, InstrumentKind, Language, Revision};

/// The AKN namespace.
const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Renders an export as an Akoma Ntoso document.
pub fn render(input: &ExportInput) -> String {
    let catalogue = Catalogue::from_conferences(input.catalogue.clone());
    match &input.export {
        Export::Version(version) => statement(version, &catalogue),
        Export::Proposal(proposal) => amendment(proposal, &catalogue),
    }
}

/// Renders a version as an AKN `<statement>`, dated by `catalogue` (for many documents of one
/// history, with the catalogue read once).
pub fn render_version(version: &Version, catalogue: &Catalogue) -> String {
    statement(version, catalogue)
}

/// Renders a proposal as an AKN `<amendment>` naming its target, dated by `catalogue`.
pub fn render_proposal(proposal: &ProposalExport, catalogue: &Catalogue) -> String {
    amendment(proposal, catalogue)
}

/// Escapes text for XML content and attributes; characters XML cannot carry (control
/// characters other than tab and line breaks) become U+FFFD.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

/// The body's author token in IRIs (the reader's table, so that what is written reads back).
fn author(body: Body) -> &'static str {
    crate::reader::akn::author_token(body)
}

/// The ISO 639-2 code AKN expressions use.
fn language_code(language: Language) -> &'static str {
    match language {
        Language::Fr => "fra",
        Language::En => "eng",
        Language::Es => "spa",
    }
}

/// `res-130`, `dec-5`, `res-68-198`, `res-draft-b-1`.
pub fn number_token(instrument: &InstrumentId) -> String {
    let kind = match instrument.kind {
        InstrumentKind::Resolution => "res",
        InstrumentKind::Decision => "dec",
        InstrumentKind::Recommendation => "rec",
        InstrumentKind::Opinion => "op",
    };
    let number = match (
        &instrument.session,
        &instrument.number,
        &instrument.provisional,
    ) {
        (Some(s), Some(n), _) => format!("{s}-{n}"),
        (_, Some(n), _) => n.to_string(),
        (_, None, Some(p)) => format!("draft-{}", iri_token(p)),
        (_, None, None) => "unknown".to_string(),
    };
    format!("{kind}-{number}")
}

/// Lower case, with anything but letters, digits and `-` turned into `-`.
fn iri_token(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The date of a revision: the day its conference signed its Final Acts, or its year alone when
/// the catalogue does not know the conference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionDate {
    /// As the IRI writes it: `2014-11-07` or `2014`.
    pub iri: String,
    /// A full date for `FRBRdate`: the day, or 1 January of the year when only the year is known.
    pub full: String,
    /// Whether the day is known.
    pub exact: bool,
}

fn revision_date(catalogue: &Catalogue, body: Body, revision: &Revision) -> RevisionDate {
    match catalogue.by_revision(body, revision) {
        Some(conference) => {
            let day = conference_date(conference);
            RevisionDate {
                iri: day.clone(),
                full: day,
                exact: true,
            }
        }
        None => RevisionDate {
            iri: format!("{:04}", revision.year),
            full: format!("{:04}-01-01", revision.year),
            exact: false,
        },
    }
}

fn conference_date(conference: &Conference) -> String {
    let d = conference.final_acts;
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The work IRI of an instrument's version dated `date` (an IRI date).
pub fn work_iri(instrument: &InstrumentId, date: Option<&str>) -> String {
    match date {
        Some(date) => format!(
            "/akn/un/statement/deliberation/{}/{date}/{}",
            author(instrument.body),
            number_token(instrument)
        ),
        None => format!(
            "/akn/un/statement/deliberation/{}/{}",
            author(instrument.body),
            number_token(instrument)
        ),
    }
}

/// The IRI of the version a citation names.
pub fn citation_iri(catalogue: &Catalogue, citation: &Citation) -> String {
    match &citation.revision {
        Some(revision) => {
            let date = revision_date(catalogue, citation.cited.body, revision);
            work_iri(&citation.cited, Some(&date.iri))
        }
        None => work_iri(&citation.cited, None),
    }
}

/// The date of a version: its revision's, or (a draft) the date of the commit that holds it.
fn version_date(catalogue: &Catalogue, version: &Version) -> RevisionDate {
    match &version.record.revision {
        Some(revision) => revision_date(catalogue, version.instrument.body, revision),
        None => RevisionDate {
            iri: version.at_date.clone(),
            full: version.at_date.clone(),
            exact: true,
        },
    }
}

/// An indented XML writer.
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn new() -> Self {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            depth: 0,
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn start_tag(tag: &str, attrs: &[(&str, &str)], empty: bool) -> String {
        let mut s = format!("<{tag}");
        for (k, v) in attrs {
            let _ = write!(s, " {k}=\"{}\"", xml_escape(v));
        }
        s.push_str(if empty { "/>" } else { ">" });
        s
    }

    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push_str(&Self::start_tag(tag, attrs, false));
        self.out.push('\n');
        self.depth += 1;
    }

    fn close(&mut self, tag: &str) {
        self.depth -= 1;
        self.indent();
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push_str(&Self::start_tag(tag, attrs, true));
        self.out.push('\n');
    }

    /// An element whose content is already-escaped inline markup.
    fn inline(&mut self, tag: &str, attrs: &[(&str, &str)], markup: &str) {
        self.indent();
        self.out.push_str(&Self::start_tag(tag, attrs, false));
        self.out.push_str(markup);
        let _ = writeln!(self.out, "</{tag}>");
    }
}

/// The FRBR identification of a document.
struct Frbr<'a> {
    work: String,
    language: Language,
    date: &'a str,
    date_name: &'a str,
    markup_date: &'a str,
    author: &'a str,
    author_role: &'a str,
    subtype: &'a str,
    number: String,
    number_shown: String,
}

fn identification(xml: &mut Xml, f: &Frbr) {
    let expression = format!("{}/{}@{}", f.work, language_code(f.language), f.date);
    let author_href = format!("#{}", f.author);
    let role = format!("#{}", f.author_role);
    xml.open("identification", &[("source", "#actes")]);
    xml.open("FRBRWork", &[]);
    xml.empty("FRBRthis", &[("value", &format!("{}/!main", f.work))]);
    xml.empty("FRBRuri", &[("value", &f.work)]);
    xml.empty("FRBRdate", &[("date", f.date), ("name", f.date_name)]);
    xml.empty("FRBRauthor", &[("href", &author_href), ("as", &role)]);
    xml.empty("FRBRcountry", &[("value", "un")]);
    xml.empty("FRBRsubtype", &[("value", f.subtype)]);
    xml.empty(
        "FRBRnumber",
        &[("value", &f.number), ("showAs", &f.number_shown)],
    );
    xml.close("FRBRWork");
    xml.open("FRBRExpression", &[]);
    xml.empty("FRBRthis", &[("value", &format!("{expression}/!main"))]);
    xml.empty("FRBRuri", &[("value", &expression)]);
    xml.empty("FRBRdate", &[("date", f.date), ("name", f.date_name)]);
    xml.empty("FRBRauthor", &[("href", &author_href), ("as", &role)]);
    xml.empty("FRBRlanguage", &[("language", language_code(f.language))]);
    xml.close("FRBRExpression");
    xml.open("FRBRManifestation", &[]);
    xml.empty("FRBRthis", &[("value", &format!("{expression}/!main.xml"))]);
    xml.empty("FRBRuri", &[("value", &format!("{expression}.akn"))]);
    xml.empty("FRBRdate", &[("date", f.markup_date), ("name", "markup")]);
    xml.empty("FRBRauthor", &[("href", "#actes"), ("as", "#editor")]);
    xml.empty("FRBRformat", &[("value", "application/akn+xml")]);
    xml.close("FRBRManifestation");
    xml.close("identification");
}

/// The TLC entries every document names: the exporter and the editor role.
fn exporter_references(xml: &mut Xml) {
    xml.empty(
        "TLCOrganization",
        &[
            ("eId", "actes"),
            ("href", "/ontology/organization/actes"),
            (
                "showAs",
                "actes, a version-controlled history of ITU resolutions",
            ),
        ],
    );
    xml.empty(
        "TLCRole",
        &[
            ("eId", "editor"),
            ("href", "/ontology/role/editor"),
            ("showAs", "Editor"),
        ],
    );
}

/// What the notes of a document say, each with its eId.
const UNCERTAIN_NOTE: &str = "note_uncertain";
const PROPOSAL_NOTE: &str = "note_proposal";

fn has_uncertain(text: &StructuredText) -> bool {
    text.header_uncertain
        || text.title_uncertain
        || text.formula_uncertain
        || text
            .lead
            .iter()
            .chain(text.sections.iter().flat_map(|s| s.paragraphs.iter()))
            .any(|p| p.uncertain)
}

/// `class="uncertain"` on a line (header, title, formula) the reader could not settle.
fn uncertain_class(uncertain: bool) -> &'static [(&'static str, &'static str)] {
    if uncertain {
        &[("class", "uncertain")]
    } else {
        &[]
    }
}

fn notes(xml: &mut Xml, uncertain: bool, proposal: bool) {
    if !uncertain && !proposal {
        return;
    }
    xml.open("notes", &[("source", "#actes")]);
    if proposal {
        xml.open("note", &[("eId", PROPOSAL_NOTE)]);
        xml.inline(
            "p",
            &[],
            "A proposal is not an outcome: the conference may have adopted it, changed it or \
             rejected it. The text quoted here is the text as proposed.",
        );
        xml.close("note");
    }
    if uncertain {
        xml.open("note", &[("eId", UNCERTAIN_NOTE)]);
        xml.inline(
            "p",
            &[],
            "[?] The elements of class \"uncertain\" are paragraphs (or a title, a formula) that \
             the reader could not settle in their source; they are kept, and marked.",
        );
        xml.close("note");
    }
    xml.close("notes");
}

/// A version as an AKN `<statement>`.
fn statement(version: &Version, catalogue: &Catalogue) -> String {
    let date = version_date(catalogue, version);
    let work = work_iri(&version.instrument, Some(&date.iri));
    let body = version.instrument.body;
    let mut xml = Xml::new();
    xml.open("akomaNtoso", &[("xmlns", NAMESPACE)]);
    xml.open("statement", &[("name", version.instrument.kind.code())]);
    xml.open("meta", &[]);
    identification(
        &mut xml,
        &Frbr {
            work,
            language: version.language,
            date: &date.full,
            date_name: if date.exact {
                "adoption"
            } else {
                "adoption-year"
            },
            markup_date: &version.at_date,
            author: author(body),
            author_role: "author",
            subtype: "deliberation",
            number: number_token(&version.instrument),
            number_shown: shown(&version.instrument, version.record.revision.as_ref()),
        },
    );
    xml.open("references", &[("source", "#actes")]);
    xml.empty(
        "TLCOrganization",
        &[
            ("eId", author(body)),
            (
                "href",
                &format!("/ontology/organization/un/{}", author(body)),
            ),
            ("showAs", body.name()),
        ],
    );
    exporter_references(&mut xml);
    xml.empty(
        "TLCRole",
        &[
            ("eId", "author"),
            ("href", "/ontology/role/author"),
            ("showAs", "Author"),
        ],
    );
    xml.close("references");
    notes(&mut xml, has_uncertain(&version.text), false);
    xml.close("meta");
    let text = &version.text;
    let mut ctx = Context::new(catalogue, text, &version.record.citations);
    xml.open("preface", &[]);
    xml.open("longTitle", &[("eId", "preface__longTitle_1")]);
    let (doc_type, doc_number) = split_header(&text.header);
    xml.inline(
        "p",
        uncertain_class(text.header_uncertain),
        &format!(
            "<docType>{}</docType> <docNumber>{}</docNumber>",
            xml_escape(doc_type),
            xml_escape(doc_number)
        ),
    );
    xml.inline(
        "p",
        uncertain_class(text.title_uncertain),
        &format!("<docTitle>{}</docTitle>", xml_escape(&text.title)),
    );
    xml.close("longTitle");
    xml.close("preface");
    let (preamble_sections, operative_sections) = split_sections(text);
    let lead_in_body = text.sections.is_empty();
    if text.formula.is_some()
        || !preamble_sections.is_empty()
        || (!lead_in_body && !text.lead.is_empty())
    {
        xml.open("preamble", &[]);
        preamble(
            &mut xml,
            &mut ctx,
            text,
            preamble_sections,
            !lead_in_body,
            "preamble__",
        );
        xml.close("preamble");
    }
    xml.open("mainBody", &[]);
    let wrote = operative(
        &mut xml,
        &mut ctx,
        text,
        operative_sections,
        lead_in_body,
        "",
    );
    if !wrote {
        // A text with no operative part in the source: the schema wants a body; it says so.
        xml.open(
            "hcontainer",
            &[("name", "noOperativePart"), ("eId", "hcontainer_1")],
        );
        xml.open("content", &[]);
        xml.inline("p", &[], "");
        xml.close("content");
        xml.close("hcontainer");
    }
    xml.close("mainBody");
    xml.close("statement");
    xml.close("akomaNtoso");
    xml.out
}

/// `Resolution 130 (Rev. Busan, 2014)`.
fn shown(instrument: &InstrumentId, revision: Option<&Revision>) -> String {
    let kind = instrument.kind.code();
    let mut kind = kind.to_string();
    if let Some(first) = kind.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    match revision {
        Some(r) => format!("{kind} {} ({r})", instrument.designation()),
        None => format!("{kind} {}", instrument.designation()),
    }
}

/// `RÉSOLUTION 130 (Rév. Busan, 2014)` → (`RÉSOLUTION`, `130 (Rév. Busan, 2014)`).
fn split_header(header: &str) -> (&str, &str) {
    match header.split_once(' ') {
        Some((kind, rest)) => (kind, rest),
        None => (header, ""),
    }
}

fn split_sections(text: &StructuredText) -> (&[TextSection], &[TextSection]) {
    let first_operative = text
        .sections
        .iter()
        .position(|s| s.operative)
        .unwrap_or(text.sections.len());
    text.sections.split_at(first_operative)
}

/// What inline rendering needs: where each citation stands, paragraph by paragraph (in text
/// order: the lead, then each section's), and the next paragraph's index.
struct Context {
    refs: Vec<Vec<(usize, usize, String)>>,
    next: usize,
}

impl Context {
    fn new(catalogue: &Catalogue, text: &StructuredText, citations: &[Citation]) -> Self {
        Context {
            refs: place_citations(catalogue, text, citations),
            next: 0,
        }
    }
}

/// A byte span of a paragraph's text.
type Span = (usize, usize);

/// Finds where each citation stands in the text: its words as written, first in the paragraph
/// its section and label name, then in its section, then anywhere (a label may be the other
/// side's of a redline). Citations that share their words (`Résolutions 45 et 69 (Rév. Dubaï,
/// 2014)`) each get their number within them; a citation whose words are not in the text gets
/// its number where it stands. Returns the references of each paragraph, sorted.
fn place_citations(
    catalogue: &Catalogue,
    text: &StructuredText,
    citations: &[Citation],
) -> Vec<Vec<(usize, usize, String)>> {
    let paragraphs: Vec<(Option<&str>, &TextParagraph)> = text
        .lead
        .iter()
        .map(|p| (None, p))
        .chain(text.sections.iter().flat_map(|s| {
            s.paragraphs
                .iter()
                .map(move |p| (Some(s.heading.as_str()), p))
        }))
        .collect();
    let mut refs: Vec<Vec<(usize, usize, String)>> = vec![Vec::new(); paragraphs.len()];
    // Citations grouped by their words and place, in order of first appearance.
    let mut groups: Vec<Vec<&Citation>> = Vec::new();
    for c in citations {
        match groups.iter_mut().find(|g| {
            g[0].as_written == c.as_written && g[0].section == c.section && g[0].label == c.label
        }) {
            Some(g) => {
                if !g
                    .iter()
                    .any(|o| o.cited == c.cited && o.revision == c.revision)
                {
                    g.push(c);
                }
            }
            None => groups.push(vec![c]),
        }
    }
    for group in groups {
        let first = group[0];
        let same_section = |h: Option<&str>| match (&first.section, h) {
            (Some(cs), Some(h)) => crate::text::fold(cs) == crate::text::fold(h),
            (None, None) => true,
            _ => false,
        };
        let mut order: Vec<usize> = Vec::new();
        for pass in 0..3 {
            for (i, (h, p)) in paragraphs.iter().enumerate() {
                let fits = match pass {
                    0 => same_section(*h) && p.label == first.label,
                    1 => same_section(*h),
                    _ => true,
                };
                if fits && !order.contains(&i) {
                    order.push(i);
                }
            }
        }
        let mut pending: Vec<&Citation> = group.clone();
        for &i in &order {
            let body = &paragraphs[i].1.text;
            let Some(span) = find_free(body, &first.as_written, &refs[i], false) else {
                continue;
            };
            if group.len() == 1 {
                refs[i].push((span.0, span.1, citation_iri(catalogue, first)));
                pending.clear();
            } else {
                let mut cursor = span.0;
                pending.retain(|c| {
                    let inner = &body[cursor..span.1];
                    match find_free(inner, &c.cited.designation(), &[], true) {
                        Some((s, e)) => {
                            refs[i].push((cursor + s, cursor + e, citation_iri(catalogue, c)));
                            cursor += e;
                            false
                        }
                        None => true,
                    }
                });
            }
            break;
        }
        for c in pending {
            let designation = c.cited.designation();
            for &i in &order {
                if let Some((s, e)) = find_free(&paragraphs[i].1.text, &designation, &refs[i], true)
                {
                    refs[i].push((s, e, citation_iri(catalogue, c)));
                    break;
                }
            }
        }
    }
    for r in &mut refs {
        r.sort();
    }
    refs
}

/// The first occurrence of `needle` in `text` that overlaps none of `taken`; with `token`, only
/// one that stands as a number of its own (no digit or `/` glued before or after).
fn find_free(
    text: &str,
    needle: &str,
    taken: &[(usize, usize, String)],
    token: bool,
) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = text[from..].find(needle) {
        let start = from + found;
        let end = start + needle.len();
        from = end;
        if token {
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '/');
            if glued(text[..start].chars().next_back()) || glued(text[end..].chars().next()) {
                continue;
            }
        }
        if taken.iter().all(|(s, e, _)| end <= *s || start >= *e) {
            return Some((start, end));
        }
    }
    None
}

/// The formula and the preamble's sections; `lead` says whether the paragraphs before the first
/// heading go here.
fn preamble(
    xml: &mut Xml,
    ctx: &mut Context,
    text: &StructuredText,
    sections: &[TextSection],
    lead: bool,
    prefix: &str,
) {
    if let Some(formula) = &text.formula {
        xml.open(
            "formula",
            &[
                ("name", "enactingFormula"),
                ("eId", &format!("{prefix}formula_1")),
            ],
        );
        xml.inline(
            "p",
            uncertain_class(text.formula_uncertain),
            &xml_escape(formula),
        );
        xml.close("formula");
    }
    let mut n = 0;
    if lead && !text.lead.is_empty() {
        n += 1;
        recitals(xml, ctx, None, &text.lead, &format!("{prefix}recs_{n}"));
    }
    for section in sections {
        n += 1;
        recitals(
            xml,
            ctx,
            Some(&section.heading),
            &section.paragraphs,
            &format!("{prefix}recs_{n}"),
        );
    }
}

fn recitals(
    xml: &mut Xml,
    ctx: &mut Context,
    heading: Option<&str>,
    paragraphs: &[TextParagraph],
    eid: &str,
) {
    xml.open("recitals", &[("eId", eid)]);
    if let Some(h) = heading {
        xml.inline("heading", &[], &xml_escape(h));
    }
    if paragraphs.is_empty() {
        // A heading with nothing under it: recitals need a recital, so an empty one stands
        // there (a reader finds no words in it, and keeps the heading as a heading).
        xml.open("recital", &[("eId", &format!("{eid}__rec_1"))]);
        xml.inline("p", &[], "");
        xml.close("recital");
    }
    for (i, p) in paragraphs.iter().enumerate() {
        let id = format!("{eid}__rec_{}", i + 1);
        let mut attrs = vec![("eId", id.as_str())];
        if p.uncertain {
            attrs.push(("class", "uncertain"));
        }
        xml.open("recital", &attrs);
        if let Some(label) = &p.label {
            xml.inline("num", &[], &xml_escape(label));
        }
        let markup = paragraph_markup(ctx, p, &id);
        xml.inline("p", &[], &markup);
        xml.close("recital");
    }
    xml.close("recitals");
}

/// The operative sections (and the lead, when the text has no heading at all) and the omission;
/// whether anything was written.
fn operative(
    xml: &mut Xml,
    ctx: &mut Context,
    text: &StructuredText,
    sections: &[TextSection],
    lead: bool,
    prefix: &str,
) -> bool {
    let mut n = 0;
    if lead && !text.lead.is_empty() {
        n += 1;
        hcontainer(
            xml,
            ctx,
            None,
            &text.lead,
            &format!("{prefix}hcontainer_{n}"),
        );
    }
    for section in sections {
        n += 1;
        hcontainer(
            xml,
            ctx,
            Some(&section.heading),
            &section.paragraphs,
            &format!("{prefix}hcontainer_{n}"),
        );
    }
    if let Some(omission) = &text.omission {
        n += 1;
        xml.open(
            "hcontainer",
            &[
                ("name", "omission"),
                ("eId", &format!("{prefix}hcontainer_{n}")),
            ],
        );
        xml.open("content", &[]);
        xml.inline("p", &[], &xml_escape(&format!("[{omission}]")));
        xml.close("content");
        xml.close("hcontainer");
    }
    n > 0
}

fn hcontainer(
    xml: &mut Xml,
    ctx: &mut Context,
    heading: Option<&str>,
    paragraphs: &[TextParagraph],
    eid: &str,
) {
    xml.open("hcontainer", &[("name", "operative"), ("eId", eid)]);
    if let Some(h) = heading {
        xml.inline("heading", &[], &xml_escape(h));
    }
    if paragraphs.is_empty() {
        xml.open("content", &[]);
        xml.inline("p", &[], "");
        xml.close("content");
    }
    for (i, p) in paragraphs.iter().enumerate() {
        let id = format!("{eid}__para_{}", i + 1);
        let mut attrs = vec![("eId", id.as_str())];
        if p.uncertain {
            attrs.push(("class", "uncertain"));
        }
        xml.open("paragraph", &attrs);
        if let Some(label) = &p.label {
            xml.inline("num", &[], &xml_escape(label));
        }
        xml.open("content", &[]);
        let markup = paragraph_markup(ctx, p, &id);
        xml.inline("p", &[], &markup);
        xml.close("content");
        xml.close("paragraph");
    }
    xml.close("hcontainer");
}

/// The inline markup of a paragraph: its words with each citation found in them as a `<ref>`,
/// and its footnotes as `authorialNote`s right after their mark (or at the end).
fn paragraph_markup(ctx: &mut Context, paragraph: &TextParagraph, eid: &str) -> String {
    let text = &paragraph.text;
    let refs = ctx.refs.get(ctx.next).cloned().unwrap_or_default();
    ctx.next += 1;
    // Where each footnote goes: after the first occurrence of its mark glued to a word.
    let mut notes: Vec<(usize, usize)> = Vec::new();
    for (i, footnote) in paragraph.footnotes.iter().enumerate() {
        let at = mark_position(text, &footnote.mark)
            .filter(|pos| refs.iter().all(|(s, e, _)| *pos <= *s || *pos >= *e))
            .unwrap_or(text.len());
        notes.push((at, i));
    }
    // Everything to insert, in text order: (position, order, what); a note at the start of a
    // reference goes before it.
    let mut items: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for (at, i) in notes {
        items.push((at, 0, Some(i)));
    }
    for (k, (start, _, _)) in refs.iter().enumerate() {
        items.push((*start, 1 + k, None));
    }
    items.sort();
    let mut out = String::new();
    let mut pos = 0;
    let mut ref_n = 0;
    for (at, order, note) in items {
        out.push_str(&xml_escape(&text[pos..at]));
        pos = at;
        match note {
            Some(i) => {
                let footnote = &paragraph.footnotes[i];
                let _ = write!(
                    out,
                    "<authorialNote marker=\"{}\" placement=\"bottom\" eId=\"{eid}__authorialNote_{}\"><p>{}</p></authorialNote>",
                    xml_escape(&footnote.mark),
                    i + 1,
                    xml_escape(&footnote.text)
                );
            }
            None => {
                let (start, end, href) = &refs[order - 1];
                ref_n += 1;
                let _ = write!(
                    out,
                    "<ref eId=\"{eid}__ref_{ref_n}\" href=\"{}\">{}</ref>",
                    xml_escape(href),
                    xml_escape(&text[*start..*end])
                );
                pos = *end;
            }
        }
    }
    out.push_str(&xml_escape(&text[pos..]));
    out
}

/// The byte position right after `mark` where it follows a letter or `)` and no digit follows:
/// where a footnote mark glued to a word stands (`développement1`).
fn mark_position(text: &str, mark: &str) -> Option<usize> {
    if mark.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = text[from..].find(mark) {
        let start = from + found;
        let end = start + mark.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(|c| c.is_alphabetic() || c == ')')
            && !after.is_some_and(|c| c.is_ascii_digit())
        {
            return Some(end);
        }
        from = end;
    }
    None
}

/// How a proposal names its action in `textualMod@type`.
fn textual_mod_type(action: Action) -> &'static str {
    match action {
        Action::Mod | Action::ModEditorial => "substitution",
        Action::Add | Action::AddMoved => "insertion",
        Action::Sup | Action::SupMoved => "repeal",
        Action::Noc => "substitution",
    }
}

/// A proposal as an AKN `<amendment>` that names its target.
fn amendment(proposal: &ProposalExport, catalogue: &Catalogue) -> String {
    let record = &proposal.record;
    let id = record.id.to_string();
    let number = iri_token(&id);
    let conference_body = catalogue
        .get(&record.conference)
        .map_or(record.target.body, |c| c.body);
    let work = format!(
        "/akn/un/amendment/proposal/{}/{}/{number}",
        author(conference_body),
        proposal.date
    );
    let proponent = format!("proponent-{}", iri_token(&record.id.origin));
    let target_date = proposal.target.as_ref().map(|t| version_date(catalogue, t));
    let target_work = match (&proposal.target, &target_date) {
        (Some(t), Some(d)) => work_iri(&t.instrument, Some(&d.iri)),
        // A new text: the work the proposal would create, dated the proposal.
        _ => work_iri(&record.target, Some(&proposal.date)),
    };
    let target_expression = match (&proposal.target, &target_date) {
        (Some(_), Some(d)) => format!(
            "{target_work}/{}@{}",
            language_code(proposal.language),
            d.full
        ),
        _ => target_work.clone(),
    };
    let target_shown = match &proposal.target {
        Some(t) => t.text.header.clone(),
        None => match &proposal.proposed {
            Some(p) => p.text.header.clone(),
            None => shown(&record.target, None),
        },
    };
    let mut xml = Xml::new();
    xml.open("akomaNtoso", &[("xmlns", NAMESPACE)]);
    xml.open("amendment", &[("name", "proposal")]);
    xml.open("meta", &[]);
    identification(
        &mut xml,
        &Frbr {
            work,
            language: proposal.language,
            date: &proposal.date,
            date_name: "submission",
            markup_date: &proposal.date,
            author: &proponent,
            author_role: "proponent",
            subtype: "proposal",
            number,
            number_shown: id.clone(),
        },
    );
    xml.open("analysis", &[("source", "#actes")]);
    xml.open("activeModifications", &[]);
    xml.open(
        "textualMod",
        &[
            ("type", textual_mod_type(record.action)),
            ("eId", "textualMod_1"),
        ],
    );
    xml.empty("source", &[("href", "#mod_1")]);
    xml.empty("destination", &[("href", &target_expression)]);
    xml.close("textualMod");
    xml.close("activeModifications");
    xml.close("analysis");
    xml.open("references", &[("source", "#actes")]);
    xml.empty(
        "activeRef",
        &[
            ("eId", "target"),
            ("href", &target_work),
            ("showAs", &target_shown),
        ],
    );
    xml.empty(
        "TLCOrganization",
        &[
            ("eId", &proponent),
            ("href", &format!("/ontology/organization/un/{proponent}")),
            ("showAs", &proposal.submitter),
        ],
    );
    exporter_references(&mut xml);
    xml.empty(
        "TLCRole",
        &[
            ("eId", "proponent"),
            ("href", "/ontology/role/proponent"),
            ("showAs", "Proponent"),
        ],
    );
    xml.close("references");
    let uncertain = proposal
        .proposed
        .as_ref()
        .is_some_and(|p| has_uncertain(&p.text));
    notes(&mut xml, uncertain, true);
    xml.close("meta");
    xml.open("preface", &[]);
    xml.open("longTitle", &[("eId", "preface__longTitle_1")]);
    xml.inline(
        "p",
        &[],
        &format!(
            "<docType>Proposal</docType> <docNumber>{}</docNumber> <docStatus>proposed, not an outcome</docStatus>",
            xml_escape(&id)
        ),
    );
    xml.inline(
        "p",
        &[],
        &format!(
            "<docProponent as=\"#proponent\" refersTo=\"#{}\">{}</docProponent>",
            xml_escape(&proponent),
            xml_escape(&proposal.submitter)
        ),
    );
    xml.inline(
        "p",
        &[],
        &format!(
            "<docTitle>{} <affectedDocument href=\"{}\">{}</affectedDocument></docTitle>",
            action_words(record.action),
            xml_escape(&target_work),
            xml_escape(&target_shown)
        ),
    );
    xml.close("longTitle");
    xml.close("preface");
    xml.open("amendmentBody", &[]);
    xml.open("amendmentHeading", &[]);
    xml.inline(
        "p",
        &[],
        &format!(
            "<b>{}</b> {}",
            xml_escape(record.action.as_str()),
            xml_escape(&id)
        ),
    );
    xml.close("amendmentHeading");
    xml.open("amendmentContent", &[]);
    let intro = format!(
        "{} <ref eId=\"mod_1__ref_1\" href=\"{}\">{}</ref>",
        action_words(record.action),
        xml_escape(&target_work),
        xml_escape(&target_shown)
    );
    match &proposal.proposed {
        Some(proposed) => {
            xml.indent();
            let _ = writeln!(
                xml.out,
                "<p><mod eId=\"mod_1\">{intro}, as follows:<quotedStructure eId=\"mod_1__qstr_1\" for=\"#mod_1__ref_1\">"
            );
            xml.depth += 1;
            let mut ctx = Context::new(catalogue, &proposed.text, &proposed.record.citations);
            quoted(&mut xml, &mut ctx, &proposed.text, "mod_1__qstr_1__");
            xml.depth -= 1;
            xml.indent();
            xml.out.push_str("</quotedStructure></mod></p>\n");
        }
        None => {
            xml.inline("p", &[], &format!("<mod eId=\"mod_1\">{intro}.</mod>"));
        }
    }
    xml.close("amendmentContent");
    if !record.reasons.is_empty() {
        xml.open("amendmentJustification", &[]);
        for reason in &record.reasons {
            xml.inline("p", &[], &xml_escape(reason));
        }
        xml.close("amendmentJustification");
    }
    xml.close("amendmentBody");
    xml.close("amendment");
    xml.close("akomaNtoso");
    xml.out
}

/// What a proposal does, in words.
fn action_words(action: Action) -> &'static str {
    match action {
        Action::Mod => "Modification of",
        Action::ModEditorial => "Editorial modification of",
        Action::Add => "Addition of",
        Action::AddMoved => "Addition (moved) of",
        Action::Sup => "Suppression of",
        Action::SupMoved => "Suppression (moved) of",
        Action::Noc => "No change to",
    }
}

/// The text as proposed, inside a `quotedStructure`.
fn quoted(xml: &mut Xml, ctx: &mut Context, text: &StructuredText, prefix: &str) {
    xml.open("longTitle", &[("eId", &format!("{prefix}longTitle_1"))]);
    xml.inline(
        "p",
        uncertain_class(text.header_uncertain),
        &xml_escape(&text.header),
    );
    xml.inline(
        "p",
        uncertain_class(text.title_uncertain),
        &xml_escape(&text.title),
    );
    xml.close("longTitle");
    let (pre, op) = split_sections(text);
    let lead_in_body = text.sections.is_empty();
    preamble(xml, ctx, text, pre, !lead_in_body, prefix);
    operative(xml, ctx, text, op, lead_in_body, prefix);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_characters_xml_cannot_carry() {
        assert_eq!(
            xml_escape("a<b & \"c\" 'd'\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;\u{FFFD}"
        );
    }

    #[test]
    fn numbers_name_the_kind_the_session_and_drafts() {
        let mut un = InstrumentId::numbered(Body::UnGa, InstrumentKind::Resolution, 198);
        un.session = Some(68);
        assert_eq!(number_token(&un), "res-68-198");
        let draft = InstrumentId::provisional(Body::Pp, InstrumentKind::Resolution, "B-1");
        assert_eq!(number_token(&draft), "res-draft-b-1");
        assert_eq!(
            work_iri(
                &InstrumentId::numbered(Body::Pp, InstrumentKind::Decision, 5),
                Some("2014-11-07")
            ),
            "/akn/un/statement/deliberation/itu-pp/2014-11-07/dec-5"
        );
    }

    #[test]
    fn a_footnote_mark_is_found_glued_to_its_word() {
        assert_eq!(
            mark_position("les pays en développement1, et", "1"),
            Some(27)
        );
        assert_eq!(mark_position("la Résolution 1 de", "1"), None);
    }
}
