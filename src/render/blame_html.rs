//! The HTML view of a blame: the text as it reads, each paragraph coloured by the version that
//! brought in its wording, with a legend. Proposals are drawn with a dashed border and labelled
//! "proposed, not an outcome"; unsettled paragraphs are hatched grey and credited to nobody. One
//! self-contained page, no script, deterministic.

use std::fmt::Write as _;

use super::blame::{describe_point, explain};
use super::html_escape as escape;
use crate::blame::{Attribution, Blame};

/// Background colours for versions, oldest credited version first; soft enough to read black
/// text on.
const PALETTE: [&str; 12] = [
    "#dbe9f6", "#fde2c4", "#d7f0d2", "#f6d5e5", "#e8e0f5", "#fff3b0", "#cfeeed", "#f3d9c9",
    "#e2e8c8", "#f0d0d0", "#d9dcf2", "#ecdcc0",
];

/// The style of [`fragment`]'s classes, for a page that holds one.
pub const STYLE: &str = "\
.blame .line { display: flex; gap: 0.8em; padding: 0.2em 0.5em; margin: 1px 0; border: 1px solid transparent; }\n\
.blame .line .n { color: #777; min-width: 2.5em; text-align: right; font-family: monospace; }\n\
.blame .line .label { min-width: 2.5em; font-weight: bold; }\n\
.blame .line .who { margin-left: auto; font-family: monospace; font-size: 0.8em; color: #444; white-space: nowrap; }\n\
.blame .proposed { border: 1px dashed #a33; }\n\
.blame .unsettled { background: repeating-linear-gradient(45deg, #eee, #eee 6px, #ddd 6px, #ddd 12px); }\n\
.blame .legend { margin: 1em 0 2em; padding: 0; list-style: none; }\n\
.blame .legend li { display: inline-block; margin: 0.2em 0.4em; padding: 0.2em 0.6em; border: 1px solid #999; }\n";

/// Renders a blame as a self-contained HTML page. `title` heads it (`pp resolution 130, fr`).
pub fn to_html(blame: &Blame, title: &str) -> String {
    let heading = format!("{title} at {}", describe_point(blame.at()));
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&heading));
    out.push_str("<style>\n");
    out.push_str(
        "body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; line-height: 1.45; }\n",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&heading));
    out.push_str(&fragment(blame));
    out.push_str("</body>\n</html>\n");
    out
}

/// The legend and the coloured text of a blame, inside `<div class="blame">`, for a page of
/// its own ([`to_html`]) or a section of a larger one (the website). Unsettled paragraphs keep
/// their `[?]` mark.
pub fn fragment(blame: &Blame) -> String {
    let credited = blame.credited_versions();
    let colour_of = |version: usize| -> &'static str {
        let rank = credited
            .iter()
            .position(|&v| v == version)
            .expect("every credited version has a colour");
        PALETTE[rank % PALETTE.len()]
    };
    let mut out = String::from("<div class=\"blame\">\n");
    out.push_str("<ul class=\"legend\">\n");
    for &v in &credited {
        let point = &blame.versions[v];
        let class = if point.is_proposed() {
            " class=\"proposed\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<li{class} style=\"background: {}\">{}</li>",
            colour_of(v),
            escape(&describe_point(point))
        );
    }
    if blame
        .lines
        .iter()
        .any(|l| l.attribution == Attribution::Unsettled)
    {
        out.push_str("<li class=\"unsettled\">unsettled: credited to no version</li>\n");
    }
    out.push_str("</ul>\n<div class=\"text\">\n");
    for line in &blame.lines {
        let explanation = escape(&explain(blame, line));
        let (class, style, who) = match &line.attribution {
            Attribution::Unsettled => (
                "line unsettled".to_string(),
                String::new(),
                "[?]".to_string(),
            ),
            Attribution::Credited(c) => {
                let point = &blame.versions[c.wording];
                let class = if point.is_proposed() {
                    "line proposed"
                } else {
                    "line"
                };
                (
                    class.to_string(),
                    format!(" style=\"background: {}\"", colour_of(c.wording)),
                    point.name.clone(),
                )
            }
        };
        let _ = writeln!(
            out,
            "<div class=\"{class}\"{style} title=\"{explanation}\"><span class=\"n\">{}</span><span class=\"label\">{}</span><span class=\"t\">{}</span><span class=\"who\">{}</span></div>",
            line.number,
            escape(line.label.as_deref().unwrap_or("")),
            escape(&line.text),
            escape(&who)
        );
    }
    out.push_str("</div>\n</div>\n");
    out
}
