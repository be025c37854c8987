//! Renderers: query results in, text out. Every rendering of the crate lives here, so that
//! printing is in one place and the CLI commands only parse arguments, query and hand the data
//! over: Akoma Ntoso XML (`akn`), plain text for the terminal (every command's report, blame, search, a redline), Markdown,
//! CSV and a standalone HTML page for tables and for blame, DOT and Mermaid for graphs. Nothing
//! here reads files, the environment or the terminal; every function takes data and returns a
//! `String`.

pub mod akn;
pub mod blame;
pub mod blame_html;
pub mod document;
pub mod final_acts;
pub mod graph;
pub mod history;
pub mod outcome;
pub mod redline;
pub mod reports;
pub mod search;
pub mod site;
pub mod table;

/// A commit id cut to its first ten characters, as the text outputs show it.
pub fn short_id(id: &(impl std::fmt::Display + ?Sized)) -> String {
    crate::history::short_hex(id)
}

/// Pads `text` with spaces to `width` characters (not bytes).
pub fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    if len >= width {
        text.to_string()
    } else {
        let mut out = String::with_capacity(text.len() + width - len);
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', width - len));
        out
    }
}

/// Cuts `text` to at most `width` characters, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Escapes text for HTML content and for attribute values in either quotes: `&`, `<`, `>`, `"`
/// and `'`. The one HTML escaping of the crate: every HTML renderer uses it.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pad_counts_characters_not_bytes() {
        assert_eq!(pad("Dubaï", 7), "Dubaï  ");
        assert_eq!(truncate("Résolution", 5), "Réso…");
        assert_eq!(
            html_escape("a<b & \"c\" 'd'"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;"
        );
    }
}
