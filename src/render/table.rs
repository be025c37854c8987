//! A plain table (headers and rows of strings) and its renderings: aligned text, Markdown, CSV
//! (RFC 4180 quoting) and a standalone HTML page.

use super::{html_escape, pad};

/// Headers and rows of cells, all strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if i < widths.len() {
                    widths[i] = widths[i].max(cell.chars().count());
                }
            }
        }
        widths
    }

    /// Columns aligned with spaces, two between columns, no trailing spaces.
    pub fn to_text(&self) -> String {
        let widths = self.widths();
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                text.push_str(&pad(cell, widths.get(i).copied().unwrap_or(0)));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&self.headers, &mut out);
        for row in &self.rows {
            line(row, &mut out);
        }
        out
    }

    /// A GitHub-flavoured Markdown table; `|` in cells is escaped.
    pub fn to_markdown(&self) -> String {
        let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let mut out = String::new();
        out.push_str("| ");
        out.push_str(
            &self
                .headers
                .iter()
                .map(|h| esc(h))
                .collect::<Vec<_>>()
                .join(" | "),
        );
        out.push_str(" |\n|");
        for _ in &self.headers {
            out.push_str(" --- |");
        }
        out.push('\n');
        for row in &self.rows {
            out.push_str("| ");
            out.push_str(&row.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "));
            out.push_str(" |\n");
        }
        out
    }

    /// CSV with `\n` line ends; cells with a comma, quote or line break are quoted.
    pub fn to_csv(&self) -> String {
        let quote = |s: &str| {
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        };
        let mut out = String::new();
        for row in std::iter::once(&self.headers).chain(&self.rows) {
            out.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }

    /// A standalone HTML page holding the table, with a title and a small inline style.
    /// `classes` gives an optional CSS class per body cell (same shape as `rows`).
    pub fn to_html(&self, title: &str, classes: Option<&[Vec<String>]>) -> String {
        html_page(
            title,
            &format!(
                "<h1>{}</h1>\n{}",
                html_escape(title),
                self.to_html_table(classes)
            ),
        )
    }

    /// The table alone as an HTML `<table>` element, for a page of several tables
    /// ([`html_page`]). `classes` as in [`Table::to_html`].
    pub fn to_html_table(&self, classes: Option<&[Vec<String>]>) -> String {
        let mut out = String::from("<table>\n<thead>\n<tr>");
        for h in &self.headers {
            out.push_str(&format!("<th>{}</th>", html_escape(h)));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for (r, row) in self.rows.iter().enumerate() {
            out.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let class = classes
                    .and_then(|cl| cl.get(r))
                    .and_then(|row| row.get(c))
                    .filter(|s| !s.is_empty());
                match class {
                    Some(class) => out.push_str(&format!(
                        "<td class=\"{}\">{}</td>",
                        html_escape(class),
                        html_escape(cell)
                    )),
                    None => out.push_str(&format!("<td>{}</td>", html_escape(cell))),
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }
}

/// A standalone HTML page: `title` in the head, `body` (HTML, already escaped) as its content,
/// with the small inline style of the tables.
pub fn html_page(title: &str, body: &str) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n", html_escape(title)));
    out.push_str(
        "<style>\nbody{font-family:sans-serif;margin:1em}\ntable{border-collapse:collapse}\n\
         th,td{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}\n\
         th{background:#eee;position:sticky;top:0}\n\
         .new{background:#d4f4d4}.revised{background:#d4e4fb}.unchanged{color:#666}\n\
         .suppressed{background:#f9d4d4}.proposed{background:#fff4c4;font-style:italic}\n\
         .unknown{color:#aaa}.inferred{border-style:dashed}\n</style>\n</head>\n<body>\n",
    );
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            headers: vec!["res".into(), "title".into()],
            rows: vec![vec!["130".into(), "a, \"b\" | c".into()]],
        }
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        assert_eq!(sample().to_csv(), "res,title\n130,\"a, \"\"b\"\" | c\"\n");
    }

    #[test]
    fn markdown_escapes_pipes() {
        assert_eq!(
            sample().to_markdown(),
            "| res | title |\n| --- | --- |\n| 130 | a, \"b\" \\| c |\n"
        );
    }

    #[test]
    fn html_is_a_standalone_escaped_page() {
        let html = sample().to_html("T<1>", None);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>T&lt;1&gt;</title>"));
        assert!(html.contains("<td>a, &quot;b&quot; | c</td>"));
    }
}
