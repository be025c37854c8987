//! The pages of the website: the index (the "Rév." tables), one page per instrument (and per
//! version where it has many), one per conference and one per proposal document.

use std::fmt::Write as _;

use super::{
    html_escape as esc, instrument_path, link, page, proposal_document_path, slug, title_html,
    Site, INLINE_VERSIONS,
};
use crate::blame::split_line;
use crate::history::diff::{LineKind, Redline, RunKind};
use crate::lineage::query::{instrument_short_name, CitationEntry, LineageStep};
use crate::model::{Event, Status};
use crate::render::blame::describe_point;
use crate::render::blame_html;
use crate::render::reports::{
    lineage_table, status_words, step_words, table_heading, TABLE_LEGEND,
};
use crate::site::{ProposalDocument, SiteConference, SiteInstrument, TextVersion};

/// The label every proposal carries wherever it is shown.
const NOT_AN_OUTCOME: &str = "proposed, not an outcome";

/// The index: every body's "Rév." table, each instrument and conference a link, with a filter
/// box (the only script of the page; the table reads the same without it).
pub(super) fn index(site: &Site) -> String {
    let path = "index.html";
    let mut m = String::new();
    m.push_str("<h1>ITU instruments, conference by conference</h1>\n");
    m.push_str(
        "<p class=\"lead\">The &ldquo;Rév.&rdquo; lineage table: for each instrument, what each \
         conference did to it, as the sources state it, propose it or let it be inferred.</p>\n",
    );
    m.push_str(
        "<form class=\"filter\" role=\"search\" onsubmit=\"return false\"><label>Filter \
         <input type=\"search\" id=\"filter\" placeholder=\"130, security, Busan…\"></label> \
         <label>Title language <select id=\"filter-lang\"><option value=\"\">any</option>\
         <option value=\"en\">en</option><option value=\"fr\">fr</option><option value=\"es\">es</option>\
         </select></label></form>\n",
    );
    for report in &site.data.tables {
        let heading = table_heading(report);
        let _ = writeln!(
            m,
            "<section class=\"body\" id=\"body-{}\">\n<h2>{}</h2>",
            slug(report.body.code()),
            esc(&heading)
        );
        if report.rows.is_empty() {
            m.push_str(
                "<p>No instrument of this body has a fact in the history.</p>\n</section>\n",
            );
            continue;
        }
        let (table, classes) = lineage_table(report, None);
        m.push_str("<div class=\"scroll\"><table class=\"lineage\">\n<thead><tr><th scope=\"col\">instrument</th><th scope=\"col\">title</th>");
        for c in &report.conferences {
            let _ = write!(
                m,
                "<th scope=\"col\">{}</th>",
                site.conference_link(path, &c.id, &c.label)
            );
        }
        m.push_str("</tr></thead>\n<tbody>\n");
        for ((row, cells), cls) in report.rows.iter().zip(&table.rows).zip(&classes) {
            let instrument = site
                .instruments
                .get(&row.instrument)
                .map(|&n| &site.data.instruments[n]);
            let title = instrument.and_then(|i| i.title.as_ref());
            let lang = title.map(|t| t.language.code()).unwrap_or("");
            let _ = write!(
                m,
                "<tr data-lang=\"{lang}\"><th scope=\"row\">{}</th><td>{}</td>",
                site.instrument_link(
                    path,
                    &row.instrument,
                    &instrument_short_name(&row.instrument)
                ),
                title.map(title_html).unwrap_or_default()
            );
            table_cells(cells.iter().zip(cls).skip(2), &mut m);
            m.push_str("</tr>\n");
        }
        m.push_str("</tbody>\n</table></div>\n</section>\n");
    }
    m.push_str("<section class=\"legend\"><h2>Legend</h2>\n<dl>\n");
    for (key, meaning) in TABLE_LEGEND {
        let _ = writeln!(m, "<dt>{}</dt><dd>{}</dd>", esc(key), esc(meaning));
    }
    m.push_str("</dl>\n</section>\n");
    m.push_str("<section><h2>Conferences</h2>\n<ul class=\"columns\">\n");
    for c in &site.data.conferences {
        let _ = writeln!(
            m,
            "<li>{}{}</li>",
            site.conference_link(path, &c.id, &c.label),
            if c.recorded {
                ""
            } else {
                " <small>(known from revision marks)</small>"
            }
        );
    }
    m.push_str("</ul>\n</section>\n");
    if !site.data.proposal_documents.is_empty() {
        m.push_str("<section><h2>Proposal documents</h2>\n<ul>\n");
        for d in &site.data.proposal_documents {
            let _ = writeln!(
                m,
                "<li>{} <span class=\"badge proposed\">{NOT_AN_OUTCOME}</span></li>",
                link(
                    path,
                    &proposal_document_path(d.conference.as_ref(), &d.document),
                    &document_name(d)
                )
            );
        }
        m.push_str("</ul>\n</section>\n");
    }
    page(path, "Lineage table", &m, &["site.js"])
}

/// The cells of a row of the "Rév." table. A run of empty cells (before the instrument existed,
/// after it was suppressed) or of cells whose fate is unknown is one cell spanning the run: it
/// reads the same, and a table of thousands of instruments over fifty conferences stays a page
/// a browser opens.
fn table_cells<'c>(cells: impl Iterator<Item = (&'c String, &'c String)>, m: &mut String) {
    let mut run: Option<(&String, &String, usize)> = None;
    let flush = |run: Option<(&String, &String, usize)>, m: &mut String| {
        let Some((cell, class, n)) = run else {
            return;
        };
        let span = if n > 1 {
            format!(" colspan=\"{n}\"")
        } else {
            String::new()
        };
        if class.is_empty() {
            let _ = write!(m, "<td{span}></td>");
        } else {
            let _ = write!(m, "<td{span} class=\"{}\">{}</td>", esc(class), esc(cell));
        }
    };
    for (cell, class) in cells {
        let spans = class.is_empty() || class == "unknown";
        match &mut run {
            Some((c, k, n)) if spans && *c == cell && *k == class => *n += 1,
            _ => {
                flush(run.take(), m);
                run = Some((cell, class, 1));
                if !spans {
                    flush(run.take(), m);
                }
            }
        }
    }
    flush(run, m);
}

fn document_name(d: &ProposalDocument) -> String {
    match &d.conference {
        Some(c) => format!("Document {} to {}", d.document, c.0),
        None => format!("Document {}", d.document),
    }
}

/// An instrument's page: its lineage as a timeline of outcomes, its proposals apart, its texts
/// (here, or on a page per version when it has many), the blame, and its citations.
pub(super) fn instrument(site: &Site, i: &SiteInstrument, path: &str) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "<h1>{}</h1>", esc(&i.name));
    if let Some(t) = &i.title {
        let _ = writeln!(
            m,
            "<p class=\"title\">{} <small class=\"lang\">({})</small></p>",
            title_html(t),
            t.language.code()
        );
    }
    m.push_str("<nav class=\"toc\"><a href=\"#lineage\">Lineage</a> <a href=\"#proposals\">Proposals</a> \
                <a href=\"#texts\">Texts</a> <a href=\"#blame\">Blame</a> <a href=\"#citations\">Citations</a></nav>\n");

    m.push_str("<section id=\"lineage\">\n<h2>Lineage</h2>\n<ol class=\"timeline\">\n");
    let outcomes: Vec<&LineageStep> = i
        .lineage
        .steps
        .iter()
        .filter(|s| s.proposal.is_none())
        .collect();
    if outcomes.is_empty() {
        m.push_str("<li>No outcome recorded: only proposals name this instrument.</li>\n");
    }
    for s in outcomes {
        step(site, i, s, path, &mut m);
    }
    m.push_str("</ol>\n</section>\n");

    m.push_str("<section id=\"proposals\">\n<h2>Proposals <span class=\"badge proposed\">proposed, not an outcome</span></h2>\n");
    let proposals: Vec<&LineageStep> = i
        .lineage
        .steps
        .iter()
        .filter(|s| s.proposal.is_some())
        .collect();
    if proposals.is_empty() {
        m.push_str("<p>No proposal in the history names this instrument.</p>\n");
    } else {
        m.push_str("<ol class=\"timeline proposals\">\n");
        for s in proposals {
            step(site, i, s, path, &mut m);
        }
        m.push_str("</ol>\n");
    }
    m.push_str("</section>\n");

    m.push_str("<section id=\"texts\">\n<h2>Texts</h2>\n");
    if i.versions.is_empty() {
        m.push_str("<p>The history holds no text of this instrument: the sources give none (see the lineage for why).</p>\n");
    } else if i.versions.len() > INLINE_VERSIONS {
        m.push_str("<p>One page per version:</p>\n<ul class=\"versions\">\n");
        for v in &i.versions {
            let _ = writeln!(
                m,
                "<li>{} {}</li>",
                link(path, &super::version_path(&i.id, v.name()), v.name()),
                version_badge(v)
            );
        }
        m.push_str("</ul>\n");
    } else {
        for (n, _) in i.versions.iter().enumerate() {
            version_section(site, i, n, path, "h3", &mut m);
        }
    }
    m.push_str("</section>\n");

    m.push_str("<section id=\"blame\">\n<h2>Blame: who brought in each paragraph</h2>\n");
    if i.blames.is_empty() {
        m.push_str("<p>No text to blame.</p>\n");
    }
    for (language, blame) in &i.blames {
        let _ = writeln!(
            m,
            "<h3>{} at {}</h3>\n<div lang=\"{}\">",
            language.code(),
            esc(&describe_point(blame.at())),
            language.code()
        );
        m.push_str(&blame_html::fragment(blame));
        m.push_str("</div>\n");
    }
    m.push_str("</section>\n");

    m.push_str("<section id=\"citations\">\n<h2>Citations</h2>\n<h3>What it cites</h3>\n");
    citations(site, path, &i.cites, true, &mut m);
    m.push_str("<h3>What cites it</h3>\n");
    citations(site, path, &i.cited_by, false, &mut m);
    m.push_str("</section>\n");
    page(path, &i.name, &m, &[])
}

/// One step of a lineage as an item of the timeline.
fn step(site: &Site, i: &SiteInstrument, s: &LineageStep, path: &str, m: &mut String) {
    let kind = status_words(s.status);
    let _ = writeln!(
        m,
        "<li class=\"step {kind}\"><p class=\"what\"><span class=\"when\">{}</span> {} <span class=\"badge {kind}\">{}</span></p>",
        site.conference_link(path, &s.conference, &s.conference_label),
        esc(&step_words(s)),
        if s.status == Status::Proposed { NOT_AN_OUTCOME } else { kind }
    );
    if let Some(p) = &s.proposal {
        let _ = writeln!(
            m,
            "<p>Proposal {}: {}</p>",
            site.proposal_link(path, &p.id.to_string()),
            esc(&p.note)
        );
        if let Some(href) = site.version_href(path, &i.id, &p.id.to_string()) {
            let _ = writeln!(
                m,
                "<p><a href=\"{}\">The text as proposed</a> ({NOT_AN_OUTCOME})</p>",
                esc(&href)
            );
        }
    } else if let Some(href) = site.version_href(path, &i.id, &s.conference.0) {
        let _ = writeln!(
            m,
            "<p><a href=\"{}\">The text after this conference</a></p>",
            esc(&href)
        );
    }
    if !s.texts.is_empty() {
        let texts: Vec<String> = s
            .texts
            .iter()
            .map(|(l, c)| {
                format!(
                    "{} {}",
                    l.code(),
                    crate::render::reports::completeness_words(*c)
                )
            })
            .collect();
        let _ = writeln!(m, "<p class=\"texts\">text: {}</p>", esc(&texts.join(", ")));
    }
    if let Some(note) = &s.text_note {
        let _ = writeln!(m, "<p class=\"texts\">text: {}</p>", esc(note));
    }
    let has_text = s
        .texts
        .values()
        .any(|c| *c != crate::model::Completeness::Absent);
    if s.proposal.is_none() && !has_text {
        m.push_str("<p class=\"texts no-text\">No text in the history at this step: listed here, not exported to Akoma Ntoso.</p>\n");
    }
    m.push_str("<ul class=\"evidence\">\n");
    for e in &s.evidence {
        let _ = writeln!(m, "<li>evidence: {}</li>", esc(&e.to_string()));
    }
    m.push_str("</ul>\n</li>\n");
}

fn version_badge(v: &TextVersion) -> String {
    if v.on_main {
        "<span class=\"badge stated\">conference</span>".to_string()
    } else {
        format!("<span class=\"badge proposed\">{NOT_AN_OUTCOME}</span>")
    }
}

/// The texts of one version in each language, and the word diff from the text before it.
fn version_section(
    site: &Site,
    i: &SiteInstrument,
    n: usize,
    path: &str,
    heading: &str,
    m: &mut String,
) {
    let v = &i.versions[n];
    let class = if v.on_main {
        "version"
    } else {
        "version proposed"
    };
    let _ = writeln!(
        m,
        "<section class=\"{class}\" id=\"v-{}\">\n<{heading}>{} {}</{heading}>",
        slug(v.name()),
        esc(&describe_point(&v.point)),
        version_badge(v)
    );
    if let Some(c) = v.point.conference.as_deref() {
        let id = crate::model::ConferenceId(c.to_string());
        if let Some(&n) = site.conferences.get(&id) {
            let label = &site.data.conferences[n].label;
            let what = if v.on_main {
                "After the conference"
            } else {
                "Proposed to"
            };
            let _ = writeln!(
                m,
                "<p>{what}: {}</p>",
                site.conference_link(path, &id, label)
            );
        }
    }
    for (language, text) in &v.texts {
        let _ = writeln!(
            m,
            "<details open><summary>Text ({})</summary>\n<article class=\"text\" lang=\"{}\">",
            language.code(),
            language.code()
        );
        text_html(text, m);
        m.push_str("</article>\n</details>\n");
        if v.exports.contains_key(language) {
            let _ = writeln!(
                m,
                "<p class=\"akn\">{} <small>(Akoma Ntoso 3.0)</small></p>",
                link(
                    path,
                    &super::akn_path(&i.id, v.name(), *language),
                    &format!("This text as XML ({})", language.code())
                )
            );
        }
        if let Some((before, redline)) = v.changes.get(language) {
            let _ = writeln!(
                m,
                "<details class=\"diff\"><summary>Changes from {} ({})</summary>\n<div class=\"redline\" lang=\"{}\">",
                esc(&describe_point(before)),
                language.code(),
                language.code()
            );
            redline_html(redline, m);
            m.push_str("</div>\n</details>\n");
        }
    }
    m.push_str("</section>\n");
}

/// A page for one version of an instrument with many.
pub(super) fn version(site: &Site, i: &SiteInstrument, n: usize, path: &str) -> String {
    let v = &i.versions[n];
    let mut m = String::new();
    let _ = writeln!(
        m,
        "<h1>{} at {}</h1>\n<p>{}</p>",
        esc(&i.name),
        esc(v.name()),
        link(
            path,
            &instrument_path(&i.id),
            &format!("{}: lineage, blame, citations", i.name)
        )
    );
    m.push_str("<nav class=\"pager\">");
    if n > 0 {
        let p = i.versions[n - 1].name();
        let _ = write!(
            m,
            "{} ",
            link(path, &super::version_path(&i.id, p), &format!("← {p}"))
        );
    }
    if let Some(next) = i.versions.get(n + 1) {
        let p = next.name();
        let _ = write!(
            m,
            "{}",
            link(path, &super::version_path(&i.id, p), &format!("{p} →"))
        );
    }
    m.push_str("</nav>\n");
    version_section(site, i, n, path, "h2", &mut m);
    page(path, &format!("{} at {}", i.name, v.name()), &m, &[])
}

/// A text of the history's layout as HTML: header, title, then a paragraph per line, labels
/// apart, footnotes small; an unsettled paragraph keeps its `[?]`.
fn text_html(text: &str, m: &mut String) {
    for (n, line) in text.lines().enumerate() {
        let parts = split_line(line);
        let mark = if parts.unsettled {
            "<mark class=\"unsettled\" title=\"the reader could not settle this paragraph\">[?]</mark> "
        } else {
            ""
        };
        let class = match (n, parts.label) {
            (_, Some(l)) if l.starts_with("[^") => "footnote",
            (_, Some(_)) => "item",
            (0, None) => "header",
            (1, None) => "title",
            _ if parts.text.starts_with('[') && parts.text.ends_with(']') => "note",
            // A section heading: a short line that ends no sentence (`considérant`, `décide`).
            _ if parts.text.chars().count() < 80 && !parts.text.ends_with(['.', ';', ',', ':']) => {
                "heading"
            }
            _ => "para",
        };
        let class = if parts.unsettled {
            format!("{class} unsettled")
        } else {
            class.to_string()
        };
        match parts.label {
            Some(label) => {
                let _ = writeln!(
                    m,
                    "<p class=\"{class}\">{mark}<span class=\"label\">{}</span> {}</p>",
                    esc(label),
                    esc(parts.text)
                );
            }
            None => {
                let _ = writeln!(m, "<p class=\"{class}\">{mark}{}</p>", esc(parts.text));
            }
        }
    }
}

/// A word-level redline: deleted words in `<del>`, inserted ones in `<ins>`, unchanged
/// paragraphs folded to their first words.
fn redline_html(redline: &Redline, m: &mut String) {
    if redline.is_unchanged() {
        m.push_str("<p>No change.</p>\n");
        return;
    }
    for line in &redline.lines {
        let class = match line.kind {
            LineKind::Equal => "equal",
            LineKind::Changed => "changed",
            LineKind::Deleted => "deleted",
            LineKind::Inserted => "inserted",
        };
        if line.kind == LineKind::Equal {
            continue;
        }
        let _ = write!(m, "<p class=\"{class}\">");
        for run in &line.runs {
            let text = esc(&run.text.replace('\t', " "));
            match run.kind {
                RunKind::Equal => m.push_str(&text),
                RunKind::Deleted => {
                    let _ = write!(m, "<del>{text}</del>");
                }
                RunKind::Inserted => {
                    let _ = write!(m, "<ins>{text}</ins>");
                }
            }
        }
        m.push_str("</p>\n");
    }
    let (_, deleted, inserted) = redline.counts();
    let _ = writeln!(
        m,
        "<p class=\"counts\">Unchanged paragraphs are not shown; {deleted} deleted and {inserted} inserted in all.</p>"
    );
}

fn citations(site: &Site, path: &str, entries: &[CitationEntry], cites: bool, m: &mut String) {
    if entries.is_empty() {
        m.push_str("<p>None in the history.</p>\n");
        return;
    }
    m.push_str("<ul class=\"citations\">\n");
    for e in entries {
        let other = if cites {
            site.instrument_link(path, &e.cited, &e.cited_name)
        } else {
            site.instrument_link(path, &e.citing, &e.citing_name)
        };
        let version = match (&e.cited_version, &e.cited_version_label) {
            (Some(c), Some(label)) if cites => {
                format!(" (the version of {})", site.conference_link(path, c, label))
            }
            _ => String::new(),
        };
        let from = match &e.citing_proposal {
            Some(p) => format!(
                " in proposal {} <span class=\"badge proposed\">{NOT_AN_OUTCOME}</span>",
                site.proposal_link(path, &p.to_string())
            ),
            None => format!(
                " in the text of {}",
                site.conference_link(path, &e.citing_conference, &e.citing_conference_label)
            ),
        };
        let flags: Vec<String> = e
            .flags
            .iter()
            .map(|f| format!("{}: {}", f.what, f.detail))
            .collect();
        let _ = writeln!(
            m,
            "<li>{other}{version}{from}: <q>{}</q>{}{}</li>",
            esc(&e.as_written),
            e.label
                .as_deref()
                .map(|l| format!(", paragraph {}", esc(l)))
                .unwrap_or_default(),
            if flags.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"flag\">{}</span>", esc(&flags.join("; ")))
            }
        );
    }
    m.push_str("</ul>\n");
}

/// A section of a conference's page: its id, its heading and which steps it lists.
type Group = (&'static str, &'static str, fn(&LineageStep) -> bool);

/// A conference's page: what it adopted, revised, abrogated, carried through, and the
/// proposals made to it.
pub(super) fn conference(site: &Site, c: &SiteConference, path: &str) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "<h1>{}</h1>", esc(&c.label));
    let _ = writeln!(
        m,
        "<p>{}{}. {}</p>",
        esc(&c.body_name),
        c.start
            .as_deref()
            .map(|d| format!(", opened {}", esc(d)))
            .unwrap_or_default(),
        if c.recorded {
            "The history records this conference (a commit of main, tagged <code>".to_string()
                + &esc(&c.id.0)
                + "</code>)."
        } else {
            "The history does not record this conference: it is known from revision marks and citations.".to_string()
        }
    );
    let steps: Vec<(&SiteInstrument, &LineageStep)> = site
        .steps_at
        .get(&c.id)
        .map(|v| {
            v.iter()
                .map(|&(n, s)| {
                    let i = &site.data.instruments[n];
                    (i, &i.lineage.steps[s])
                })
                .collect()
        })
        .unwrap_or_default();
    let groups: [Group; 6] = [
        ("adopted", "Adopted new", |s| {
            s.proposal.is_none() && s.event == Event::Adopted
        }),
        ("revised", "Revised", |s| {
            s.proposal.is_none() && s.event == Event::Revised
        }),
        ("suppressed", "Abrogated (suppressed)", |s| {
            s.proposal.is_none() && s.event == Event::Suppressed
        }),
        ("unchanged", "Carried through unchanged", |s| {
            s.proposal.is_none() && s.event == Event::Unchanged
        }),
        (
            "first",
            "First known here (earliest state in the corpus)",
            |s| s.proposal.is_none() && s.event == Event::FirstInCorpus,
        ),
        (
            "proposed",
            "Proposals made to it (proposed, not an outcome)",
            |s| s.proposal.is_some(),
        ),
    ];
    for (id, heading, keep) in groups {
        let chosen: Vec<_> = steps.iter().filter(|(_, s)| keep(s)).collect();
        if chosen.is_empty() {
            continue;
        }
        let _ = writeln!(
            m,
            "<section id=\"{id}\">\n<h2>{}</h2>\n<ul class=\"events\">",
            esc(heading)
        );
        for (i, s) in chosen {
            let kind = status_words(s.status);
            let proposal = s
                .proposal
                .as_ref()
                .map(|p| {
                    format!(
                        " {}: {}",
                        site.proposal_link(path, &p.id.to_string()),
                        esc(&p.note)
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                m,
                "<li>{} {} <span class=\"badge {kind}\">{}</span>{proposal}{}</li>",
                site.instrument_link(path, &i.id, &i.name),
                i.title
                    .as_ref()
                    .map(|t| format!("— {}", title_html(t)))
                    .unwrap_or_default(),
                if s.status == Status::Proposed {
                    NOT_AN_OUTCOME
                } else {
                    kind
                },
                s.evidence
                    .first()
                    .map(|e| format!("<br><small>evidence: {}</small>", esc(&e.to_string())))
                    .unwrap_or_default()
            );
        }
        m.push_str("</ul>\n</section>\n");
    }
    if steps.is_empty() {
        m.push_str("<p>No instrument of the history has a step at this conference.</p>\n");
    }
    page(path, &c.label, &m, &[])
}

/// A proposal document's page: each proposal with its action, target, reasons, what became of
/// it, and a link to its text; all labelled "proposed, not an outcome".
pub(super) fn proposal_document(site: &Site, d: &ProposalDocument, path: &str) -> String {
    let mut m = String::new();
    let _ = writeln!(
        m,
        "<h1>{} <span class=\"badge proposed\">{NOT_AN_OUTCOME}</span></h1>",
        esc(&document_name(d))
    );
    if let Some(c) = &d.conference {
        let label = site
            .conferences
            .get(c)
            .map(|&n| site.data.conferences[n].label.clone())
            .unwrap_or_else(|| c.0.clone());
        let _ = writeln!(
            m,
            "<p>Proposals to {}. Git ref <code>{}</code>.</p>",
            site.conference_link(path, c, &label),
            esc(&d.reference)
        );
    }
    for p in &d.proposals {
        let id = p.id.to_string();
        let target = site
            .instruments
            .get(&p.target)
            .map(|&n| &site.data.instruments[n]);
        let _ = writeln!(
            m,
            "<section class=\"proposal\" id=\"{}\">\n<h2>{} {} <span class=\"badge proposed\">{NOT_AN_OUTCOME}</span></h2>",
            slug(&id),
            esc(&p.action.to_string()),
            esc(&id)
        );
        let _ = writeln!(
            m,
            "<p>Target: {}</p>",
            site.instrument_link(
                path,
                &p.target,
                &crate::lineage::query::instrument_name(&p.target)
            )
        );
        if let Some(note) = target.and_then(|i| {
            i.lineage.steps.iter().find_map(|s| {
                s.proposal
                    .as_ref()
                    .filter(|q| q.id == p.id)
                    .map(|q| q.note.clone())
            })
        }) {
            let _ = writeln!(m, "<p>What became of it: {}</p>", esc(&note));
        }
        if let Some(href) = site.version_href(path, &p.target, &id) {
            let _ = writeln!(
                m,
                "<p><a href=\"{}\">The text as proposed</a></p>",
                esc(&href)
            );
        }
        if d.amendments.contains_key(&id) {
            let _ = writeln!(
                m,
                "<p class=\"akn\">{} <small>(Akoma Ntoso 3.0, {NOT_AN_OUTCOME})</small></p>",
                link(
                    path,
                    &super::amendment_path(d.conference.as_ref(), &d.document, &id),
                    "This proposal as an XML amendment"
                )
            );
        }
        if !p.reasons.is_empty() {
            m.push_str("<h3>Reasons</h3>\n");
            let lang = crate::reader::lang::detect_language(p.reasons.iter().map(String::as_str));
            for r in &p.reasons {
                let _ = writeln!(
                    m,
                    "<p class=\"reasons\" lang=\"{}\">{}</p>",
                    lang.code(),
                    esc(r)
                );
            }
        }
        m.push_str("<ul class=\"evidence\">\n");
        for e in &p.evidence {
            let _ = writeln!(m, "<li>evidence: {}</li>", esc(&e.to_string()));
        }
        let _ = writeln!(
            m,
            "<li>source: {}, {}</li>\n</ul>\n</section>",
            esc(&p.source),
            esc(&p.lines.to_string())
        );
    }
    page(path, &document_name(d), &m, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_empty_or_unknown_cells_span_and_others_stay_one_per_conference() {
        let cells: Vec<(String, String)> = [
            ("", ""),
            ("", ""),
            ("new", "new"),
            ("unknown", "unknown"),
            ("unknown", "unknown"),
            ("unknown", "unknown"),
            ("revised", "revised"),
            ("revised", "revised"),
            ("unknown", "unknown"),
        ]
        .iter()
        .map(|(c, k)| (c.to_string(), k.to_string()))
        .collect();
        let mut m = String::new();
        table_cells(cells.iter().map(|(c, k)| (c, k)), &mut m);
        assert_eq!(
            m,
            "<td colspan=\"2\"></td><td class=\"new\">new</td>\
             <td colspan=\"3\" class=\"unknown\">unknown</td>\
             <td class=\"revised\">revised</td><td class=\"revised\">revised</td>\
             <td class=\"unknown\">unknown</td>"
        );
    }
}
