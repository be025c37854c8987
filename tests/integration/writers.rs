//! Independent writers of test inputs, shared by the integration tests and the benchmarks
//! (`#[path]`): Word files written with `docx-rs` as Word writes tracked changes, and text laid
//! out as `pdftotext` gives it.

#![allow(dead_code)]

use actes::model::{Change, InstrumentText};
use actes::reader::Document;

/// Word's words and the spaces between them, for a word diff.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(is_space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A run of `text` with its tabs as `w:tab`, deleted text as `w:delText`.
pub fn run(text: &str, deleted: bool) -> docx_rs::Run {
    let mut r = docx_rs::Run::new();
    for (i, part) in text.split('\t').enumerate() {
        if i > 0 {
            r = r.add_tab();
        }
        if !part.is_empty() {
            r = if deleted {
                r.add_delete_text(part)
            } else {
                r.add_text(part)
            };
        }
    }
    r
}

/// A paragraph that Word would save for `old` edited into `new` with tracking on: a word diff,
/// deletions before insertions.
pub fn tracked(old: &str, new: &str) -> docx_rs::Paragraph {
    let (a, b) = (tokens(old), tokens(new));
    // Longest common subsequence of tokens.
    let mut table = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let mut p = docx_rs::Paragraph::new();
    let (mut i, mut j) = (0, 0);
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |p: docx_rs::Paragraph, del: &mut String, ins: &mut String| {
        let mut p = p;
        if !del.is_empty() {
            p = p.add_delete(
                docx_rs::Delete::new()
                    .author("test")
                    .date("2018-10-01T00:00:00Z")
                    .add_run(run(del, true)),
            );
        }
        if !ins.is_empty() {
            p = p.add_insert(
                docx_rs::Insert::new(run(ins, false))
                    .author("test")
                    .date("2018-10-01T00:00:00Z"),
            );
        }
        del.clear();
        ins.clear();
        p
    };
    // Unchanged text between two changes is one run, as Word saves it.
    let mut same = String::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            p = flush(p, &mut del, &mut ins);
            same.push_str(a[i]);
            i += 1;
            j += 1;
        } else if j == b.len() || (i < a.len() && table[i + 1][j] >= table[i][j + 1]) {
            if !same.is_empty() {
                p = p.add_run(run(&std::mem::take(&mut same), false));
            }
            del.push_str(a[i]);
            i += 1;
        } else {
            if !same.is_empty() {
                p = p.add_run(run(&std::mem::take(&mut same), false));
            }
            ins.push_str(b[j]);
            j += 1;
        }
    }
    if !same.is_empty() {
        p = p.add_run(run(&same, false));
    }
    flush(p, &mut del, &mut ins)
}

/// A paragraph in one view only: its runs and its mark inserted or deleted.
pub fn whole(text: &str, inserted: bool) -> docx_rs::Paragraph {
    if inserted {
        docx_rs::Paragraph::new()
            .add_insert(docx_rs::Insert::new(run(text, false)).author("test"))
            .insert("test", "2018-10-01T00:00:00Z")
    } else {
        docx_rs::Paragraph::new()
            .add_delete(
                docx_rs::Delete::new()
                    .author("test")
                    .add_run(run(text, true)),
            )
            .delete("test", "2018-10-01T00:00:00Z")
    }
}

pub fn plain(text: &str) -> docx_rs::Paragraph {
    docx_rs::Paragraph::new().add_run(run(text, false))
}

pub fn line_of(label: Option<&str>, text: &str) -> String {
    match label {
        Some(l) => format!("{l}\t{text}"),
        None => text.to_string(),
    }
}

/// The paragraphs of a text as written lines: header, title, formula, headings and paragraphs.
pub fn text_lines(text: &InstrumentText) -> Vec<String> {
    let mut out = vec![text.header.clone()];
    if !text.title.is_empty() {
        out.push(text.title.clone());
    }
    out.extend(text.formula.clone());
    for s in &text.sections {
        if !s.heading.is_empty() {
            out.push(s.heading.clone());
        }
        out.extend(
            s.paragraphs
                .iter()
                .map(|p| line_of(p.label.as_deref(), &p.text)),
        );
    }
    out
}

/// A proposal's paragraphs written as Word writes them: `MOD` with its changes tracked (old and
/// new paired as the text reader paired them), `ADD`/`SUP`/`NOC` as plain text.
pub fn write_proposal(docx: docx_rs::Docx, p: &actes::reader::Proposal) -> docx_rs::Docx {
    let mut docx = docx.add_paragraph(plain(&format!("{}\t{}", p.action, p.id)));
    let mut add = |para| {
        docx = std::mem::take(&mut docx).add_paragraph(para);
    };
    match (&p.old, &p.new) {
        (Some(old), Some(new)) if old != new => {
            add(tracked(&old.header, &new.header));
            if !(old.title.is_empty() && new.title.is_empty()) {
                add(tracked(&old.title, &new.title));
            }
            if let (Some(a), Some(b)) = (&old.formula, &new.formula) {
                add(tracked(a, b));
            }
            for (os, ns) in old.sections.iter().zip(&new.sections) {
                if !(os.heading.is_empty() && ns.heading.is_empty()) {
                    add(tracked(&os.heading, &ns.heading));
                }
                let (mut i, mut j) = (0, 0);
                while i < os.paragraphs.len() || j < ns.paragraphs.len() {
                    let o = os.paragraphs.get(i);
                    let n = ns.paragraphs.get(j);
                    let deleted = o.filter(|o| o.change == Change::Deleted);
                    let inserted = n.filter(|n| n.change == Change::Inserted);
                    match (deleted, inserted) {
                        (Some(d), Some(ins)) if ins.lines.first < d.lines.first => {
                            add(whole(&line_of(ins.label.as_deref(), &ins.text), true));
                            j += 1;
                        }
                        (Some(d), _) => {
                            add(whole(&line_of(d.label.as_deref(), &d.text), false));
                            i += 1;
                        }
                        (None, Some(ins)) => {
                            add(whole(&line_of(ins.label.as_deref(), &ins.text), true));
                            j += 1;
                        }
                        (None, None) => {
                            let (o, n) = (o.expect("paired"), n.expect("paired"));
                            add(tracked(
                                &line_of(o.label.as_deref(), &o.text),
                                &line_of(n.label.as_deref(), &n.text),
                            ));
                            i += 1;
                            j += 1;
                        }
                    }
                }
            }
        }
        (old, new) => {
            for line in text_lines(new.as_ref().or(old.as_ref()).expect("a text")) {
                add(plain(&line));
            }
        }
    }
    for (i, reason) in p.reasons.iter().enumerate() {
        if i == 0 {
            add(plain(&format!("Motifs:\t{reason}")));
        } else {
            add(plain(reason));
        }
    }
    docx
}

pub fn pack(docx: docx_rs::Docx) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("docx-rs packs");
    out.into_inner()
}

/// A document's proposals `ids` (all when empty) as a Word file: `MOD` with its changes
/// tracked, the others as plain text.
pub fn document_as_docx(document: &Document, ids: &[&str]) -> Vec<u8> {
    let mut docx = docx_rs::Docx::new();
    for p in &document.proposals {
        if ids.is_empty() || ids.contains(&p.id.to_string().as_str()) {
            docx = write_proposal(docx, p);
        }
    }
    pack(docx)
}

/// How the seed is laid out as a PDF would give it.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub width: usize,
    /// Spaces written for each tab.
    pub tab: usize,
    /// Lines per page.
    pub page: usize,
    /// Hyphenate at a line end one word in `hyphenate` where the word also stands whole elsewhere.
    pub hyphenate: usize,
}

/// The seed as `pdftotext` would give it under `layout`.
pub fn pdf_like(text: &str, layout: Layout) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let count = |w: &str| words.iter().filter(|x| x.as_str() == w).count();
    let mut hyphenated: std::collections::BTreeSet<String> = Default::default();
    let mut chances = 0usize;
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let line =
            actes::reader::structure::drop_bookmarks(line).replace('\t', &" ".repeat(layout.tab));
        let line = line.trim_end();
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        let mut current = String::new();
        for token in line.split(' ') {
            let fits = current.chars().count() + 1 + token.chars().count() <= layout.width;
            if current.is_empty() || fits {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(token);
                continue;
            }
            let lower = token.to_lowercase();
            let can_split = token.chars().count() >= 8
                && token.chars().all(char::is_alphabetic)
                && token.starts_with(char::is_lowercase)
                && count(&lower) >= 2
                && !hyphenated.contains(&lower);
            if can_split {
                chances += 1;
                let room = layout.width.saturating_sub(current.chars().count() + 2);
                let chars: Vec<char> = token.chars().collect();
                let k = room.min(chars.len().saturating_sub(3));
                if chances % layout.hyphenate == 0 && k >= 3 {
                    let left: String = chars[..k].iter().collect();
                    let right: String = chars[k..].iter().collect();
                    out.push(format!("{current} {left}-"));
                    hyphenated.insert(lower);
                    current = right;
                    continue;
                }
            }
            out.push(std::mem::take(&mut current));
            current.push_str(token);
        }
        out.push(current);
    }
    // Page furniture every `page` lines: the footer, a form feed, the header.
    let mut paged = Vec::new();
    for (i, chunk) in out.chunks(layout.page).enumerate() {
        if i > 0 {
            paged.push(String::new());
            paged.push(format!("- {} -", i + 1));
            paged.push("\u{c}PP18/67-F".to_string());
            paged.push(String::new());
        }
        paged.extend(chunk.iter().cloned());
    }
    paged.join("\n") + "\n"
}
