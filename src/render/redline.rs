//! The text renderings of a word-level redline (`crate::history::diff`): `[-...-]{+...+}` markers
//! for files and pipes, ANSI colours for a terminal.

use crate::history::diff::{Redline, RunKind};

/// The redline as plain text: `[-deleted-]{+inserted+}`, one line per paragraph.
pub fn plain_text(redline: &Redline) -> String {
    render_marked(redline, ("[-", "-]"), ("{+", "+}"))
}

/// The redline with ANSI colours: deleted words red and struck through, inserted green and
/// underlined.
pub fn ansi_text(redline: &Redline) -> String {
    render_marked(
        redline,
        ("\x1b[31;9m", "\x1b[0m"),
        ("\x1b[32;4m", "\x1b[0m"),
    )
}

/// The redline one line per paragraph, deleted and inserted runs between their markers (opening,
/// closing).
fn render_marked(redline: &Redline, deleted: (&str, &str), inserted: (&str, &str)) -> String {
    let mut out = String::new();
    for line in &redline.lines {
        for run in &line.runs {
            let (open, close) = match run.kind {
                RunKind::Equal => ("", ""),
                RunKind::Deleted => deleted,
                RunKind::Inserted => inserted,
            };
            out.push_str(open);
            out.push_str(&run.text);
            out.push_str(close);
        }
        out.push('\n');
    }
    out
}
