//! The search page and its index. The index is a script file (`search-index.js`) that sets
//! `window.ACTES_INDEX`, since browsers refuse to fetch a JSON file from `file://`. It lists the
//! texts (instrument, version, language, whether proposed, page) and each distinct paragraph of
//! an instrument's text in a language once, with the texts it appears in, so that a paragraph
//! kept through many versions costs one entry.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{page as layout, Site};

/// One text of the history, as the index names it.
#[derive(Serialize)]
struct Doc<'a> {
    /// The page (and fragment) where the text is shown, relative to the site's root.
    url: String,
    name: &'a str,
    version: &'a str,
    lang: &'static str,
    /// `true` for a proposal's text: proposed, not an outcome.
    proposed: bool,
}

#[derive(Serialize)]
struct Index<'a> {
    docs: Vec<Doc<'a>>,
    /// Each distinct paragraph with the indices of the texts it appears in.
    lines: Vec<(&'a str, Vec<usize>)>,
}

/// `search-index.js`.
pub(super) fn index(site: &Site) -> String {
    let mut docs = Vec::new();
    let mut lines = Vec::new();
    for i in &site.data.instruments {
        let mut by_language: BTreeMap<_, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
        for v in &i.versions {
            for (language, text) in &v.texts {
                let doc = docs.len();
                docs.push(Doc {
                    url: site
                        .version_href("index.html", &i.id, v.name())
                        .expect("a version with a text has a place in the site"),
                    name: &i.name,
                    version: v.name(),
                    lang: language.code(),
                    proposed: !v.on_main,
                });
                let seen = by_language.entry(*language).or_default();
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    let at = seen.entry(line).or_default();
                    if at.last() != Some(&doc) {
                        at.push(doc);
                    }
                }
            }
        }
        for (_, seen) in by_language {
            lines.extend(seen);
        }
    }
    let json = serde_json::to_string(&Index { docs, lines })
        .expect("the index is plain strings and numbers");
    format!("window.ACTES_INDEX = {json};\n")
}

/// `search.html`: a form that works with a query in the URL (`search.html?q=...`), results
/// drawn by `search.js`.
pub(super) fn page_html() -> &'static str {
    "<h1>Search the texts</h1>\n\
     <p class=\"lead\">Finds a phrase in every text of the history, outcomes and proposals, \
     ignoring case, accents and spacing. A proposal's text is proposed, not an outcome.</p>\n\
     <form class=\"search\" role=\"search\" action=\"search.html\" method=\"get\">\
     <label for=\"q\">Phrase</label> <input type=\"search\" id=\"q\" name=\"q\" \
     placeholder=\"sécurité dès la conception\"> <button type=\"submit\">Search</button></form>\n\
     <noscript><p>The search needs JavaScript; every other page works without it.</p></noscript>\n\
     <p id=\"status\" role=\"status\"></p>\n<ol id=\"results\" class=\"results\"></ol>\n"
}

pub(super) fn page(_site: &Site) -> String {
    layout(
        "search.html",
        "Search",
        page_html(),
        &["search-index.js", "search.js"],
    )
}
