//! The static website of the history (`actes site`): [`crate::site::SiteData`] in, a map of
//! relative paths to file contents out. No I/O here: the CLI writes the files.
//!
//! The site is plain files that open from `file://` or any web server: HTML pages, one style
//! sheet, a small script for the index's filter box and the search page, and the search index
//! as a script file (browsers refuse to fetch JSON from `file://`). Every page but search works
//! without JavaScript. URLs name the body and are stable: `pp/resolution-130.html`,
//! `wtdc/resolution-69.html`, `pp-2018-dubai.html`, `proposals/pp-2018-dubai-67.html`; an
//! instrument with many versions gets one page per version (`pp/resolution-130/pp-2014-busan.html`).
//!
//! Beside the HTML, each version with a text is in Akoma Ntoso (`render::akn`), one file per
//! language (`pp/resolution-130/pp-2014-busan.fr.xml`), and each proposal is an amendment
//! document (`proposals/pp-2018-dubai-67/B-67-4.xml`); the pages link to them. A version without
//! a text has no such file: its page lists it and says so.

mod assets;
mod pages;
mod search;

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::html_escape;
use crate::model::{ConferenceId, InstrumentId};
use crate::site::{SiteData, Title};

/// The file at the site's root that marks a folder as an actes site, so that `actes site` may
/// replace it and nothing else.
pub const MARKER: &str = ".actes-site";

/// An instrument with more versions than this gets one page per version; with this many or
/// fewer, its texts are on its own page.
pub const INLINE_VERSIONS: usize = 6;

/// Every file of the site, by path relative to its root.
pub fn build(data: &SiteData) -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    let site = Site::new(data);
    let catalogue = crate::catalogue::Catalogue::from_conferences(data.catalogue.clone());
    files.insert(
        PathBuf::from(MARKER),
        "This folder was written by `actes site`; `actes site` may replace it.\n".to_string(),
    );
    files.insert(PathBuf::from("site.css"), assets::CSS.to_string());
    files.insert(PathBuf::from("site.js"), assets::SITE_JS.to_string());
    files.insert(PathBuf::from("search.js"), assets::SEARCH_JS.to_string());
    files.insert(PathBuf::from("index.html"), pages::index(&site));
    files.insert(PathBuf::from("search.html"), search::page(&site));
    files.insert(PathBuf::from("search-index.js"), search::index(&site));
    for c in &data.conferences {
        let path = conference_path(&c.id);
        files.insert(PathBuf::from(&path), pages::conference(&site, c, &path));
    }
    for d in &data.proposal_documents {
        let path = proposal_document_path(d.conference.as_ref(), &d.document);
        files.insert(
            PathBuf::from(&path),
            pages::proposal_document(&site, d, &path),
        );
        for (id, amendment) in &d.amendments {
            files.insert(
                PathBuf::from(amendment_path(d.conference.as_ref(), &d.document, id)),
                crate::render::akn::render_proposal(amendment, &catalogue),
            );
        }
    }
    for i in &data.instruments {
        let path = instrument_path(&i.id);
        files.insert(PathBuf::from(&path), pages::instrument(&site, i, &path));
        if i.versions.len() > INLINE_VERSIONS {
            for (n, v) in i.versions.iter().enumerate() {
                let vpath = version_path(&i.id, v.name());
                files.insert(PathBuf::from(&vpath), pages::version(&site, i, n, &vpath));
            }
        }
        for v in &i.versions {
            for (language, version) in &v.exports {
                files.insert(
                    PathBuf::from(akn_path(&i.id, v.name(), *language)),
                    crate::render::akn::render_version(version, &catalogue),
                );
            }
        }
    }
    files
}

/// The data with the lookups the pages need.
pub(crate) struct Site<'a> {
    pub data: &'a SiteData,
    /// Instrument index by id.
    pub instruments: BTreeMap<&'a InstrumentId, usize>,
    /// Conference index by id.
    pub conferences: BTreeMap<&'a ConferenceId, usize>,
    /// For each conference, (instrument index, step index) of every lineage step at it.
    pub steps_at: BTreeMap<&'a ConferenceId, Vec<(usize, usize)>>,
    /// The page of each proposal document, by proposal id.
    pub proposal_pages: BTreeMap<String, String>,
}

impl<'a> Site<'a> {
    fn new(data: &'a SiteData) -> Self {
        let instruments = data
            .instruments
            .iter()
            .enumerate()
            .map(|(n, i)| (&i.id, n))
            .collect();
        let conferences = data
            .conferences
            .iter()
            .enumerate()
            .map(|(n, c)| (&c.id, n))
            .collect();
        let mut steps_at: BTreeMap<&ConferenceId, Vec<(usize, usize)>> = BTreeMap::new();
        for (n, i) in data.instruments.iter().enumerate() {
            for (s, step) in i.lineage.steps.iter().enumerate() {
                steps_at.entry(&step.conference).or_default().push((n, s));
            }
        }
        let mut proposal_pages = BTreeMap::new();
        for d in &data.proposal_documents {
            let path = proposal_document_path(d.conference.as_ref(), &d.document);
            for p in &d.proposals {
                proposal_pages.insert(p.id.to_string(), path.clone());
            }
        }
        Site {
            data,
            instruments,
            conferences,
            steps_at,
            proposal_pages,
        }
    }

    /// A link to an instrument's page from the page at `from`, or its name alone when the site
    /// has no page for it.
    pub fn instrument_link(&self, from: &str, id: &InstrumentId, text: &str) -> String {
        if self.instruments.contains_key(id) {
            link(from, &instrument_path(id), text)
        } else {
            html_escape(text)
        }
    }

    /// A link to a conference's page, or its label alone.
    pub fn conference_link(&self, from: &str, id: &ConferenceId, text: &str) -> String {
        if self.conferences.contains_key(id) {
            link(from, &conference_path(id), text)
        } else {
            html_escape(text)
        }
    }

    /// A link to the page of the document of a proposal, or its id alone.
    pub fn proposal_link(&self, from: &str, id: &str) -> String {
        match self.proposal_pages.get(id) {
            Some(path) => link(from, &format!("{path}#{}", slug(id)), id),
            None => html_escape(id),
        }
    }

    /// Where the text of an instrument at a version is shown: its version page, or the section
    /// of its page.
    pub fn version_href(&self, from: &str, id: &InstrumentId, version: &str) -> Option<String> {
        let i = &self.data.instruments[*self.instruments.get(id)?];
        if !i.versions.iter().any(|v| v.name() == version) {
            return None;
        }
        Some(if i.versions.len() > INLINE_VERSIONS {
            relative(from, &version_path(id, version))
        } else {
            format!(
                "{}#v-{}",
                relative(from, &instrument_path(id)),
                slug(version)
            )
        })
    }
}

/// A name made safe for a file name or a fragment: ASCII letters, digits, `-` and `_`; anything
/// else (`/`, spaces, accents) becomes `-`.
pub fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// `pp/resolution-130.html`, `wtdc/resolution-69.html`, `pp/resolution-B-1.html`.
pub fn instrument_path(id: &InstrumentId) -> String {
    format!("{}.html", instrument_stem(id))
}

fn instrument_stem(id: &InstrumentId) -> String {
    let dir = id.tree_dir();
    let mut parts = dir.splitn(2, '/');
    let body = parts.next().unwrap_or_default();
    let rest = parts.next().unwrap_or_default();
    format!("{}/{}", slug(body), slug(rest))
}

/// `pp/resolution-130/pp-2014-busan.html`, `pp/resolution-130/B-67-4.html`.
pub fn version_path(id: &InstrumentId, version: &str) -> String {
    format!("{}/{}.html", instrument_stem(id), slug(version))
}

/// `pp/resolution-130/pp-2014-busan.fr.xml`: a version's text in Akoma Ntoso.
pub fn akn_path(id: &InstrumentId, version: &str, language: crate::model::Language) -> String {
    format!(
        "{}/{}.{}.xml",
        instrument_stem(id),
        slug(version),
        language.code()
    )
}

/// `proposals/pp-2018-dubai-67/B-67-4.xml`: a proposal as an Akoma Ntoso amendment.
pub fn amendment_path(conference: Option<&ConferenceId>, document: &str, id: &str) -> String {
    let page = proposal_document_path(conference, document);
    let folder = page.strip_suffix(".html").unwrap_or(&page);
    format!("{folder}/{}.xml", slug(id))
}

/// `pp-2018-dubai.html`.
pub fn conference_path(id: &ConferenceId) -> String {
    format!("{}.html", slug(&id.0))
}

/// The site's folder of proposal-document pages (a URL, not the history's tree folder).
const PROPOSAL_PAGES: &str = "proposals";

/// `proposals/pp-2018-dubai-67.html`.
pub fn proposal_document_path(conference: Option<&ConferenceId>, document: &str) -> String {
    match conference {
        Some(c) => format!("{PROPOSAL_PAGES}/{}-{}.html", slug(&c.0), slug(document)),
        None => format!("{PROPOSAL_PAGES}/{}.html", slug(document)),
    }
}

/// The path of `to` relative to the folder of the page at `from` (both relative to the root).
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{to}", "../".repeat(depth))
}

/// `<a href="...">text</a>`, the text escaped.
pub fn link(from: &str, to: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        html_escape(&relative(from, to)),
        html_escape(text)
    )
}

/// The one rendering of a title: in a `<span>` with its language; a proposal's title says so.
pub fn title_html(title: &Title) -> String {
    let proposed = match &title.proposal {
        Some(p) => format!(" <small>(the title proposed by {p})</small>"),
        None => String::new(),
    };
    format!(
        "<span lang=\"{}\">{}</span>{proposed}",
        title.language.code(),
        html_escape(&title.text)
    )
}

/// A whole page: `path` is its place in the site (for relative links), `title` its heading,
/// `main` its content (HTML, already escaped).
pub(crate) fn page(path: &str, title: &str, main: &str, scripts: &[&str]) -> String {
    let root = relative(path, "");
    let mut out = String::with_capacity(main.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{} · actes</title>\n", html_escape(title)));
    out.push_str(&format!(
        "<link rel=\"stylesheet\" href=\"{}site.css\">\n</head>\n<body>\n",
        html_escape(&root)
    ));
    out.push_str(&format!(
        "<header class=\"site\"><nav><a class=\"home\" href=\"{r}index.html\">actes</a> \
         <a href=\"{r}index.html\">Lineage table</a> <a href=\"{r}search.html\">Search</a></nav></header>\n",
        r = html_escape(&root)
    ));
    out.push_str("<main>\n");
    out.push_str(main);
    out.push_str("</main>\n<footer class=\"site\"><p>Written by <code>actes site</code> from the history. \
                  Every fact carries its evidence and its kind: <em>stated</em>, <em>proposed</em> (not an outcome) \
                  or <em>inferred</em>. <code>[?]</code> marks what the sources could not settle.</p></footer>\n");
    for s in scripts {
        out.push_str(&format!(
            "<script src=\"{}{}\"></script>\n",
            html_escape(&root),
            html_escape(s)
        ));
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, InstrumentKind, Language};

    #[test]
    fn urls_name_the_body_and_stay_inside_the_site() {
        let r130 = InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, 130);
        let r69 = InstrumentId::numbered(Body::Wtdc, InstrumentKind::Resolution, 69);
        let draft = InstrumentId::provisional(Body::Pp, InstrumentKind::Resolution, "B-1");
        assert_eq!(instrument_path(&r130), "pp/resolution-130.html");
        assert_eq!(instrument_path(&r69), "wtdc/resolution-69.html");
        assert_eq!(instrument_path(&draft), "pp/resolution-B-1.html");
        assert_eq!(
            version_path(&r130, "B/67/4"),
            "pp/resolution-130/B-67-4.html"
        );
        assert_eq!(
            conference_path(&ConferenceId("pp-2018-dubai".into())),
            "pp-2018-dubai.html"
        );
        assert_eq!(
            akn_path(&r130, "pp-2014-busan", Language::Fr),
            "pp/resolution-130/pp-2014-busan.fr.xml"
        );
        assert_eq!(
            amendment_path(Some(&ConferenceId("pp-2018-dubai".into())), "67", "B/67/4"),
            format!("{PROPOSAL_PAGES}/pp-2018-dubai-67/B-67-4.xml")
        );
        assert_eq!(slug("../a b/é"), "---a-b--");
        assert_eq!(
            relative("pp/resolution-130/x.html", "index.html"),
            "../../index.html"
        );
        assert_eq!(
            relative("index.html", "pp-2018-dubai.html"),
            "pp-2018-dubai.html"
        );
    }

    #[test]
    fn titles_are_escaped_and_carry_their_language() {
        let t = Title {
            text: "<b>Sécurité</b>".into(),
            language: Language::Fr,
            proposal: None,
        };
        assert_eq!(
            title_html(&t),
            "<span lang=\"fr\">&lt;b&gt;Sécurité&lt;/b&gt;</span>"
        );
    }
}
