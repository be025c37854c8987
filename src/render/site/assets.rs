//! The site's style sheet and its two small scripts, shipped as files beside the pages (no
//! external assets). The style reads on a phone (one column, tables scroll sideways) and in print
//! (no navigation, links unadorned); the scripts only filter the index and run the search.

/// `site.css`.
pub const CSS: &str = r#":root { --ink: #1d232a; --muted: #5b6470; --line: #d5dae0; --accent: #1f5f99; --paper: #fff;
  --stated: #e3f1e3; --proposed: #fff4cc; --inferred: #eef0f4; --suppressed: #f8dede; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header.site { background: #16324f; color: #fff; }
header.site nav { max-width: 76rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; gap: 1.2rem; flex-wrap: wrap; align-items: baseline; }
header.site a { color: #fff; text-decoration: none; }
header.site a:hover { text-decoration: underline; }
header.site .home { font-weight: 700; letter-spacing: 0.04em; margin-right: auto; }
main { max-width: 76rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
footer.site { max-width: 76rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.6rem 0 0.4rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
a { color: var(--accent); }
.lead, .title { font-size: 1.1rem; color: #333; }
.title small, small { color: var(--muted); }
code { font-size: 0.9em; }
.toc, .pager { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin: 0.6rem 0 1rem; }
.filter, .search { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: center; margin: 1rem 0; }
input[type=search] { font: inherit; padding: 0.35rem 0.6rem; border: 1px solid #9aa3ad; border-radius: 4px; min-width: min(22rem, 100%); }
select, button { font: inherit; padding: 0.3rem 0.6rem; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; }
table.lineage { border-collapse: collapse; font-size: 0.88rem; width: 100%; }
table.lineage th, table.lineage td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
table.lineage thead th { background: #f2f4f7; position: sticky; top: 0; font-weight: 600; }
table.lineage tbody th { white-space: nowrap; font-weight: 600; }
table.lineage td:nth-child(2) { min-width: 12rem; max-width: 22rem; color: #333; }
table.lineage td:nth-child(n+3) { white-space: nowrap; }
table.lineage tbody tr:hover { background: #fafbfc; }
td.new { background: var(--stated); } td.revised { background: #dfeafb; } td.unchanged { color: var(--muted); }
td.suppressed { background: var(--suppressed); } td.proposed { background: var(--proposed); font-style: italic; }
td.unknown { color: #9aa3ad; } td.inferred { outline: 1px dashed #9aa3ad; outline-offset: -3px; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; }
ul.columns { columns: 3 14rem; }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0.05rem 0.45rem; border-radius: 999px; border: 1px solid #9aa3ad; vertical-align: 0.1em; white-space: nowrap; }
.badge.stated { background: var(--stated); border-color: #8fbf8f; }
.badge.proposed { background: var(--proposed); border-color: #c9a530; }
.badge.inferred { background: var(--inferred); border-style: dashed; }
ol.timeline { list-style: none; margin: 0; padding: 0 0 0 1.2rem; border-left: 3px solid var(--line); }
ol.timeline > li { position: relative; margin: 0 0 1rem; padding: 0.5rem 0.8rem; border: 1px solid var(--line); border-radius: 6px; background: #fbfcfd; }
ol.timeline > li::before { content: ""; position: absolute; left: -1.75rem; top: 0.9rem; width: 0.8rem; height: 0.8rem; border-radius: 50%; background: #7d8b99; border: 2px solid #fff; }
ol.timeline > li.stated::before { background: #3c8d3c; }
ol.timeline > li.proposed { border-style: dashed; border-color: #c9a530; background: #fffdf3; }
ol.timeline > li.proposed::before { background: #c9a530; }
ol.timeline > li.inferred::before { background: #fff; border-color: #7d8b99; }
ol.timeline p { margin: 0.2rem 0; }
.step .what { font-weight: 600; }
.step .when { margin-right: 0.4rem; }
.texts { color: var(--muted); font-size: 0.9rem; }
ul.evidence { margin: 0.3rem 0 0; padding-left: 1.1rem; font-size: 0.82rem; color: var(--muted); overflow-wrap: anywhere; }
section.version { border: 1px solid var(--line); border-radius: 6px; padding: 0 1rem 0.6rem; margin: 1rem 0; }
section.version.proposed { border-style: dashed; border-color: #c9a530; background: #fffdf3; }
details { margin: 0.5rem 0; }
summary { cursor: pointer; font-weight: 600; }
article.text { font-family: Georgia, "Times New Roman", serif; max-width: 46rem; }
article.text p { margin: 0.35rem 0; }
article.text .header { font-weight: 700; text-align: center; margin-top: 0.8rem; }
article.text .title { font-style: italic; text-align: center; }
article.text .heading { font-style: italic; margin-top: 0.8rem; }
article.text .item .label { font-weight: 700; margin-right: 0.3rem; }
article.text .footnote { font-size: 0.85rem; color: #444; }
article.text .note { color: var(--muted); font-style: italic; }
mark.unsettled, .unsettled > mark { background: #ffe08a; font-family: monospace; font-weight: 700; padding: 0 0.15rem; }
p.unsettled { background: repeating-linear-gradient(45deg, #f6f6f6, #f6f6f6 6px, #ececec 6px, #ececec 12px); }
.redline { font-family: Georgia, "Times New Roman", serif; max-width: 46rem; }
.redline p { margin: 0.35rem 0; padding-left: 0.5rem; border-left: 3px solid var(--line); }
.redline p.inserted { border-color: #3c8d3c; } .redline p.deleted { border-color: #b33; }
del { background: #fbd9d9; color: #8a1f1f; } ins { background: #d8f3d8; color: #1f5f1f; text-decoration: none; border-bottom: 1px solid #3c8d3c; }
.counts { color: var(--muted); font-size: 0.85rem; border: 0 !important; }
.blame .line { display: flex; gap: 0.8em; padding: 0.2em 0.5em; margin: 1px 0; border: 1px solid transparent; font-size: 0.92rem; }
.blame .line .n { color: #777; min-width: 2.2em; text-align: right; font-family: monospace; }
.blame .line .label { min-width: 2em; font-weight: bold; }
.blame .line .t { flex: 1; }
.blame .line .who { font-family: monospace; font-size: 0.8em; color: #444; white-space: nowrap; }
.blame .proposed { border: 1px dashed #a33; }
.blame .unsettled { background: repeating-linear-gradient(45deg, #eee, #eee 6px, #ddd 6px, #ddd 12px); }
.blame .legend { margin: 0.6rem 0 1rem; padding: 0; list-style: none; }
.blame .legend li { display: inline-block; margin: 0.2em 0.4em 0.2em 0; padding: 0.1em 0.6em; border: 1px solid #999; font-size: 0.85rem; }
ul.citations li, ul.events li { margin: 0.3rem 0; }
.flag { color: #8a4b00; font-size: 0.85rem; }
ol.results li { margin: 0.6rem 0; }
ol.results .line { display: block; font-family: Georgia, serif; }
ol.results mark { background: #ffe08a; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.35rem; }
  main { padding: 0.6rem; }
  .blame .line { flex-wrap: wrap; }
  .blame .line .who { width: 100%; text-align: right; }
  ol.timeline { padding-left: 0.9rem; }
  ol.timeline > li::before { left: -1.45rem; }
}
@media print {
  header.site, .toc, .pager, form, footer.site { display: none; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; border: 0; }
  table.lineage thead th { position: static; }
  details { display: block; }
  details > summary { list-style: none; }
  section, li, tr { break-inside: avoid; }
  td, .badge, del, ins, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// `site.js`: the index's filter box; rows stay visible without it.
pub const SITE_JS: &str = r#""use strict";
(function () {
  var box = document.getElementById("filter");
  var lang = document.getElementById("filter-lang");
  if (!box || !lang) { return; }
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function apply() {
    var q = fold(box.value);
    var l = lang.value;
    var rows = document.querySelectorAll("table.lineage tbody tr");
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (q === "" || fold(row.textContent).indexOf(q) >= 0) &&
        (l === "" || row.getAttribute("data-lang") === l);
      row.hidden = !ok;
    }
  }
  box.addEventListener("input", apply);
  lang.addEventListener("change", apply);
})();
"#;

/// `search.js`: reads `?q=` from the URL, searches `window.ACTES_INDEX` and draws the results
/// with DOM text nodes (nothing is parsed as HTML).
pub const SEARCH_JS: &str = r#""use strict";
(function () {
  var index = window.ACTES_INDEX;
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var LIMIT = 200;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae")
      .replace(/\u00df/g, "ss").toLowerCase().replace(/\s+/g, " ").trim();
  }
  var folded = null;
  function el(name, text, cls) {
    var e = document.createElement(name);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function run(phrase) {
    results.textContent = "";
    var q = fold(phrase);
    if (q === "") { status.textContent = "Type a phrase to search every text of the history."; return; }
    if (!index) { status.textContent = "The search index (search-index.js) did not load."; return; }
    if (folded === null) { folded = index.lines.map(function (l) { return fold(l[0]); }); }
    var byDoc = {};
    var order = [];
    for (var i = 0; i < folded.length; i++) {
      if (folded[i].indexOf(q) < 0) { continue; }
      var docs = index.lines[i][1];
      for (var j = 0; j < docs.length; j++) {
        var d = docs[j];
        if (!byDoc[d]) { byDoc[d] = []; order.push(d); }
        byDoc[d].push(index.lines[i][0]);
      }
    }
    order.sort(function (a, b) { return a - b; });
    status.textContent = order.length === 0 ? "No text contains \u201c" + phrase + "\u201d." :
      order.length + " text" + (order.length === 1 ? "" : "s") + " contain \u201c" + phrase + "\u201d" +
      (order.length > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
    for (var k = 0; k < order.length && k < LIMIT; k++) {
      var doc = index.docs[order[k]];
      var li = el("li");
      li.setAttribute("lang", doc.lang);
      var a = el("a", doc.name + " at " + doc.version);
      a.href = doc.url;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + doc.lang + ") "));
      li.appendChild(el("span", doc.proposed ? "proposed, not an outcome" : "conference",
        doc.proposed ? "badge proposed" : "badge stated"));
      var lines = byDoc[order[k]];
      for (var m = 0; m < lines.length; m++) {
        li.appendChild(el("span", lines[m].replace(/\t/g, " "), "line"));
      }
      results.appendChild(li);
    }
  }
  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  run(initial);
})();
"#;
