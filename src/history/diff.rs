//! A word-level redline between two versions of a text, as data.
//!
//! Texts in the history hold one paragraph per line, so the comparison works in two steps: lines
//! first (histogram diff, as git does), then, inside each changed stretch, lines paired by
//! likeness are compared word by word. A paragraph that only changed a few words shows those
//! words struck and inserted; a paragraph with nothing in common shows as deleted or inserted
//! whole. Renderers (`crate::render::redline`) turn the runs into colours,
//! `[-...-]{+...+}` markers or JSON.

use gix::diff::blob::{sources::words, Algorithm, Diff, InternedInput, Token};
use serde::Serialize;

/// One side of a diff as the `actes diff` report names it.
#[derive(Debug, Clone, Serialize)]
pub struct DiffSide {
    /// A short name: the conference id, the proposal id or the commit id.
    pub label: String,
    /// The commit id, in full.
    pub commit: String,
    /// `adopted` (a conference of main) or `proposed` (a proposal ref).
    pub status: &'static str,
}

/// Why `actes diff` compares nothing, or what follows its comparison, as data.
#[derive(Debug, Clone)]
pub enum DiffAccount {
    /// Named versions without a text: each one's label and why.
    Absent(Vec<(String, super::absence::Absence)>),
    /// The version named is the first text of the instrument on its line of history.
    FirstText { at: String },
    /// After the last change compared, the text went away at `at`; `latest` names where it is
    /// looked for.
    GoneAfter {
        at: String,
        latest: String,
        absence: super::absence::Absence,
    },
    /// No two adopted texts on main: its versions, why the text is absent at `latest` if it is,
    /// and the proposals that change it (with the instrument as the user typed it).
    NothingOnMain {
        versions: Vec<(String, VersionChange)>,
        latest: String,
        absence: Option<super::absence::Absence>,
        proposals: Vec<String>,
        typed: String,
    },
}

/// What a version of a text file did, for [`DiffAccount::NothingOnMain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionChange {
    /// The text is gone from here on.
    Gone,
    /// The first text in the corpus.
    First,
    /// The text changed.
    Changed,
}

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunKind {
    Equal,
    Deleted,
    Inserted,
}

/// Consecutive words with the same fate, spaces included as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub kind: RunKind,
    pub text: String,
}

/// What happened to a line (a paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    Equal,
    /// Present on both sides with some words changed.
    Changed,
    Deleted,
    Inserted,
}

/// One line of the redline, with its line numbers on each side (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RedlineLine {
    pub kind: LineKind,
    pub old_line: Option<usize>,
    pub new_line: Option<usize>,
    pub runs: Vec<Run>,
}

/// A whole redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redline {
    pub lines: Vec<RedlineLine>,
}

impl Redline {
    /// Whether the two texts are the same.
    pub fn is_unchanged(&self) -> bool {
        self.lines.iter().all(|l| l.kind == LineKind::Equal)
    }

    /// How many lines were changed, deleted and inserted.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |k| self.lines.iter().filter(|l| l.kind == k).count();
        (
            count(LineKind::Changed),
            count(LineKind::Deleted),
            count(LineKind::Inserted),
        )
    }
}

/// Two lines at least this alike (share of words in common) are one paragraph changed rather
/// than one deleted and another inserted.
const PAIRING_THRESHOLD: f64 = 0.4;

/// The redline from `old` to `new`.
pub fn redline(old: &str, new: &str) -> Redline {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let mut input = InternedInput::default();
    input.update_before(old_lines.iter().copied());
    input.update_after(new_lines.iter().copied());
    let mut diff = Diff::compute(Algorithm::Histogram, &input);
    diff.postprocess_no_heuristic(&input);

    let mut lines = Vec::new();
    let (mut i, mut j) = (0usize, 0usize);
    let equal = |lines: &mut Vec<RedlineLine>, i: usize, j: usize| {
        lines.push(RedlineLine {
            kind: LineKind::Equal,
            old_line: Some(i + 1),
            new_line: Some(j + 1),
            runs: vec![Run {
                kind: RunKind::Equal,
                text: old_lines[i].to_string(),
            }],
        })
    };
    for hunk in diff.hunks() {
        let (b0, b1) = (hunk.before.start as usize, hunk.before.end as usize);
        let (a0, a1) = (hunk.after.start as usize, hunk.after.end as usize);
        while i < b0 {
            equal(&mut lines, i, j);
            i += 1;
            j += 1;
        }
        pair_hunk(&old_lines, b0..b1, &new_lines, a0..a1, &mut lines);
        i = b1;
        j = a1;
    }
    while i < old_lines.len() {
        equal(&mut lines, i, j);
        i += 1;
        j += 1;
    }
    Redline { lines }
}

/// Pairs the lines of one changed stretch: in order, each old line with the first new line
/// alike enough; the rest are deleted or inserted whole.
fn pair_hunk(
    old: &[&str],
    old_range: std::ops::Range<usize>,
    new: &[&str],
    new_range: std::ops::Range<usize>,
    out: &mut Vec<RedlineLine>,
) {
    let mut j = new_range.start;
    for i in old_range {
        let partner = (j..new_range.end).find(|&k| likeness(old[i], new[k]) >= PAIRING_THRESHOLD);
        match partner {
            Some(k) => {
                for (n, line) in new.iter().enumerate().take(k).skip(j) {
                    out.push(whole(LineKind::Inserted, None, Some(n), line));
                }
                out.push(RedlineLine {
                    kind: LineKind::Changed,
                    old_line: Some(i + 1),
                    new_line: Some(k + 1),
                    runs: word_runs(old[i], new[k]),
                });
                j = k + 1;
            }
            None => out.push(whole(LineKind::Deleted, Some(i), None, old[i])),
        }
    }
    for (n, line) in new.iter().enumerate().take(new_range.end).skip(j) {
        out.push(whole(LineKind::Inserted, None, Some(n), line));
    }
}

fn whole(kind: LineKind, old: Option<usize>, new: Option<usize>, text: &str) -> RedlineLine {
    RedlineLine {
        kind,
        old_line: old.map(|i| i + 1),
        new_line: new.map(|i| i + 1),
        runs: vec![Run {
            kind: if kind == LineKind::Deleted {
                RunKind::Deleted
            } else {
                RunKind::Inserted
            },
            text: text.to_string(),
        }],
    }
}

/// The share of words two lines have in common, from 0 to 1.
fn likeness(a: &str, b: &str) -> f64 {
    let input = InternedInput::new(words(a), words(b));
    let is_word = |t: &Token| input.interner[*t].chars().any(|c| c.is_alphanumeric());
    let total = input.before.iter().filter(|t| is_word(t)).count()
        + input.after.iter().filter(|t| is_word(t)).count();
    if total == 0 {
        return if a.trim() == b.trim() { 1.0 } else { 0.0 };
    }
    let diff = Diff::compute(Algorithm::Histogram, &input);
    let common = input
        .before
        .iter()
        .enumerate()
        .filter(|(n, t)| is_word(t) && !diff.is_removed(*n as u32))
        .count();
    2.0 * common as f64 / total as f64
}

/// The word runs of one changed line.
pub fn word_runs(old: &str, new: &str) -> Vec<Run> {
    let input = InternedInput::new(words(old), words(new));
    let mut diff = Diff::compute(Algorithm::Histogram, &input);
    diff.postprocess_no_heuristic(&input);
    let text = |tokens: &[Token]| -> String { tokens.iter().map(|t| input.interner[*t]).collect() };
    let mut runs: Vec<Run> = Vec::new();
    let mut push = |kind: RunKind, text: String| {
        if text.is_empty() {
            return;
        }
        match runs.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&text),
            _ => runs.push(Run { kind, text }),
        }
    };
    let mut i = 0usize;
    for hunk in diff.hunks() {
        let (b0, b1) = (hunk.before.start as usize, hunk.before.end as usize);
        let (a0, a1) = (hunk.after.start as usize, hunk.after.end as usize);
        push(RunKind::Equal, text(&input.before[i..b0]));
        push(RunKind::Deleted, text(&input.before[b0..b1]));
        push(RunKind::Inserted, text(&input.after[a0..a1]));
        i = b1;
    }
    push(RunKind::Equal, text(&input.before[i..]));
    absorb_lone_spaces(runs)
}

/// A run of spaces alone between two changes reads better inside them: `[-a b-]{+c d+}` rather
/// than `[-a-]{+c+} [-b-]{+d+}`.
fn absorb_lone_spaces(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    let n = runs.len();
    let mut k = 0;
    while k < n {
        let run = &runs[k];
        let between_changes = run.kind == RunKind::Equal
            && run.text.trim().is_empty()
            && k > 0
            && k + 1 < n
            && runs[k - 1].kind != RunKind::Equal
            && runs[k + 1].kind != RunKind::Equal;
        if between_changes {
            // Append the spaces to the deleted and inserted runs just before, then merge what
            // follows into them.
            let mut del = String::new();
            let mut ins = String::new();
            while matches!(out.last(), Some(r) if r.kind != RunKind::Equal) {
                let r = out.pop().expect("just matched");
                match r.kind {
                    RunKind::Deleted => del.insert_str(0, &r.text),
                    _ => ins.insert_str(0, &r.text),
                }
            }
            del.push_str(&run.text);
            ins.push_str(&run.text);
            k += 1;
            while k < n && runs[k].kind != RunKind::Equal {
                match runs[k].kind {
                    RunKind::Deleted => del.push_str(&runs[k].text),
                    _ => ins.push_str(&runs[k].text),
                }
                k += 1;
            }
            if !del.trim().is_empty() {
                out.push(Run {
                    kind: RunKind::Deleted,
                    text: del,
                });
            }
            if !ins.trim().is_empty() {
                out.push(Run {
                    kind: RunKind::Inserted,
                    text: ins,
                });
            }
            continue;
        }
        out.push(run.clone());
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The redline with `[-...-]{+...+}` markers, as `crate::render::redline::plain_text` prints
    /// it (the store does not call the renderers, even in its tests).
    fn render_plain(redline: &Redline) -> String {
        let mut out = String::new();
        for line in &redline.lines {
            for run in &line.runs {
                let (open, close) = match run.kind {
                    RunKind::Equal => ("", ""),
                    RunKind::Deleted => ("[-", "-]"),
                    RunKind::Inserted => ("{+", "+}"),
                };
                out.push_str(open);
                out.push_str(&run.text);
                out.push_str(close);
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn a_changed_word_shows_struck_and_inserted() {
        let r = redline(
            "a)\tque les technologies évoluent\n",
            "a)\tque les technologies changent\n",
        );
        assert_eq!(
            render_plain(&r),
            "a)\tque les technologies [-évoluent-]{+changent+}\n"
        );
        assert_eq!(r.counts(), (1, 0, 0));
    }

    #[test]
    fn two_changed_words_in_a_row_make_one_change() {
        let r = redline("au sein de l'UIT\n", "dans le cadre de l'UIT\n");
        assert_eq!(render_plain(&r), "[-au sein-]{+dans le cadre+} de l'UIT\n");
    }

    #[test]
    fn unrelated_paragraphs_are_deleted_and_inserted_whole() {
        let r = redline(
            "considérant\na)\tun texte ancien sur la sécurité\nb)\tfin\n",
            "considérant\na)\tune disposition toute nouvelle ici\nb)\tfin\n",
        );
        assert_eq!(
            render_plain(&r),
            "considérant\n[-a)\tun texte ancien sur la sécurité-]\n{+a)\tune disposition toute nouvelle ici+}\nb)\tfin\n"
        );
        assert_eq!(r.counts(), (0, 1, 1));
    }

    #[test]
    fn a_renumbered_paragraph_changes_only_its_label() {
        let r = redline(
            "c)\tque l'UIT joue un rôle\n",
            "b)\tque l'UIT joue un rôle\n",
        );
        assert_eq!(render_plain(&r), "[-c-]{+b+})\tque l'UIT joue un rôle\n");
    }

    #[test]
    fn the_same_text_is_unchanged() {
        let r = redline("x\ny\n", "x\ny\n");
        assert!(r.is_unchanged());
        assert_eq!(r.lines.len(), 2);
    }
}
