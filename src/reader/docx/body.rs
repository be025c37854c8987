//! The paragraphs of a part (the main document, a footnote), each read once into what it shows
//! with every change rejected (old) and with every change accepted (new).
//!
//! One ancestor rule decides run-level revisions: content under a `w:del` or `w:moveFrom` is not in
//! the new text, content under a `w:ins` or `w:moveTo` is not in the old one, whatever the element
//! that holds the characters (`w:t` in moved text, `w:delText` in deleted text). A revised
//! paragraph mark (`w:pPr/w:rPr/w:ins|w:del|w:moveFrom|w:moveTo`) joins the paragraph to the next in
//! the view where the mark does not exist, with nothing between them, the next paragraph's
//! properties kept; the last paragraph of a body, a cell or a note is kept as it is. Table rows
//! and cells revised as a whole (`w:trPr/w:ins|w:del`, `w:cellIns`, `w:cellDel`) are left out of
//! the view where they do not exist. Bookmarks, proofing marks, comments, field codes, hidden
//! text and drawings give no text; hyperlinks, smart tags, custom XML, content controls and the
//! displayed result of fields give theirs.

use super::xml::{attr, child, is_on, is_w, is_w_ns, Node, MC};

/// The placeholder for a note reference in a paragraph's text until the notes of a view are
/// numbered (XML text cannot hold NUL).
pub const NOTE_MARK: char = '\0';

/// A footnote or an endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoteKind {
    Foot,
    End,
}

/// A reference to a note, by its kind and its `w:id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRef {
    pub kind: NoteKind,
    pub id: String,
}

/// What one view shows of a paragraph: its characters, a [`NOTE_MARK`] for each note reference,
/// and the references in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub notes: Vec<NoteRef>,
}

/// A list reference (`w:numPr`) or the paragraph style that may carry one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParaProps {
    pub style: Option<String>,
    /// `(numId, ilvl)` given on the paragraph itself.
    pub num: Option<(String, Option<u32>)>,
}

/// One `w:p` of a part, read in both views.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceParagraph {
    /// 1-based, in document order, counting every paragraph of the part (tables included).
    pub number: u32,
    pub old: Shown,
    pub new: Shown,
    /// Whether the paragraph mark exists in the old and in the new view.
    pub mark_old: bool,
    pub mark_new: bool,
    /// The last paragraph of its body, cell or note: never joined to what follows.
    pub ends_container: bool,
    pub props_new: ParaProps,
    pub props_old: ParaProps,
}

/// What the reading counted, for the document's input notes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub insertions: u32,
    pub deletions: u32,
    pub moves: u32,
    pub marks: u32,
}

/// Where content stands with respect to revisions.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    /// Not in the new view.
    del: bool,
    /// Not in the old view.
    ins: bool,
    /// Elements entered to get here.
    depth: u16,
}

/// The deepest nesting of elements read; deeper content is refused (a hostile file could
/// otherwise exhaust the stack). Word nests a few tens deep at most.
pub const MAX_DEPTH: u16 = 200;

impl Ctx {
    fn deeper(self) -> Option<Ctx> {
        (self.depth < MAX_DEPTH).then_some(Ctx {
            depth: self.depth + 1,
            ..self
        })
    }
}

/// Reads the paragraphs of the block-level container `root` (`w:body`, a `w:footnote`).
pub struct Reader {
    pub paragraphs: Vec<SourceParagraph>,
    pub counts: Counts,
    /// `w:lang` values of runs, counted by their first two letters.
    pub languages: std::collections::BTreeMap<String, u32>,
    /// Elements were nested deeper than [`MAX_DEPTH`]: their content was not read.
    pub too_deep: bool,
}

impl Reader {
    pub fn new() -> Reader {
        Reader {
            paragraphs: Vec::new(),
            counts: Counts::default(),
            languages: std::collections::BTreeMap::new(),
            too_deep: false,
        }
    }

    /// Reads the block-level content of `root`; its last paragraph ends a container.
    pub fn blocks(&mut self, root: Node<'_, '_>) {
        self.container(root, Ctx::default());
    }

    fn container(&mut self, root: Node<'_, '_>, ctx: Ctx) {
        let before = self.paragraphs.len();
        self.block_children(root, ctx);
        if self.paragraphs.len() > before {
            if let Some(last) = self.paragraphs.last_mut() {
                last.ends_container = true;
            }
        }
    }

    fn block_children(&mut self, root: Node<'_, '_>, ctx: Ctx) {
        let Some(ctx) = ctx.deeper() else {
            self.too_deep = true;
            return;
        };
        for node in root.children().filter(|n| n.is_element()) {
            if node.tag_name().namespace() == Some(MC) {
                if let Some(fallback) = node.children().find(|c| c.tag_name().name() == "Fallback")
                {
                    self.block_children(fallback, ctx);
                }
                continue;
            }
            if !is_w_ns(node) {
                continue;
            }
            match node.tag_name().name() {
                "p" => self.paragraph(node, ctx),
                "tbl" => self.table(node, ctx),
                "sdt" => {
                    if let Some(content) = child(node, "sdtContent") {
                        self.block_children(content, ctx);
                    }
                }
                "customXml" => self.block_children(node, ctx),
                "ins" | "moveTo" => self.block_children(node, Ctx { ins: true, ..ctx }),
                "del" | "moveFrom" => self.block_children(node, Ctx { del: true, ..ctx }),
                _ => {}
            }
        }
    }

    fn table(&mut self, table: Node<'_, '_>, ctx: Ctx) {
        for row in table.descendants().filter(|n| is_w(*n, "tr")) {
            // Rows of nested tables are read with their own table.
            if row.ancestors().skip(1).find(|a| is_w(*a, "tbl")) != Some(table) {
                continue;
            }
            let mut row_ctx = ctx;
            if let Some(props) = child(row, "trPr") {
                row_ctx.ins |= child(props, "ins").is_some();
                row_ctx.del |= child(props, "del").is_some();
            }
            for cell in row.descendants().filter(|n| is_w(*n, "tc")) {
                if cell.ancestors().skip(1).find(|a| is_w(*a, "tr")) != Some(row) {
                    continue;
                }
                let mut cell_ctx = row_ctx;
                if let Some(props) = child(cell, "tcPr") {
                    cell_ctx.ins |= child(props, "cellIns").is_some();
                    cell_ctx.del |= child(props, "cellDel").is_some();
                }
                self.container(cell, cell_ctx);
            }
        }
    }

    fn paragraph(&mut self, p: Node<'_, '_>, ctx: Ctx) {
        let number = u32::try_from(self.paragraphs.len() + 1).unwrap_or(u32::MAX);
        let mut para = SourceParagraph {
            number,
            mark_old: !ctx.ins,
            mark_new: !ctx.del,
            ..SourceParagraph::default()
        };
        if let Some(ppr) = child(p, "pPr") {
            para.props_new = props_of(ppr);
            para.props_old = para.props_new.clone();
            if let Some(num) = child(ppr, "numPr") {
                if child(num, "ins").is_some() {
                    para.props_old.num = Some(("0".into(), None));
                }
            }
            if let Some(previous) = child(ppr, "pPrChange").and_then(|c| child(c, "pPr")) {
                para.props_old = props_of(previous);
            }
            if let Some(rpr) = child(ppr, "rPr") {
                for mark in rpr.children().filter(|n| is_w_ns(*n)) {
                    match mark.tag_name().name() {
                        "ins" | "moveTo" => {
                            para.mark_old = false;
                            self.counts.marks += 1;
                        }
                        "del" | "moveFrom" => {
                            para.mark_new = false;
                            self.counts.marks += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        for node in p.children() {
            self.inline(node, ctx, &mut para);
        }
        self.paragraphs.push(para);
    }

    fn push(para: &mut SourceParagraph, ctx: Ctx, text: &str) {
        if !ctx.ins {
            para.old.text.push_str(text);
        }
        if !ctx.del {
            para.new.text.push_str(text);
        }
    }

    fn inline(&mut self, node: Node<'_, '_>, ctx: Ctx, para: &mut SourceParagraph) {
        if !node.is_element() {
            return;
        }
        let Some(ctx) = ctx.deeper() else {
            self.too_deep = true;
            return;
        };
        if node.tag_name().namespace() == Some(MC) {
            if let Some(fallback) = node.children().find(|c| c.tag_name().name() == "Fallback") {
                for c in fallback.children() {
                    self.inline(c, ctx, para);
                }
            }
            return;
        }
        if !is_w_ns(node) {
            return;
        }
        match node.tag_name().name() {
            "t" | "delText" => {
                let text = node.text().unwrap_or("");
                let preserve = node.attribute(("http://www.w3.org/XML/1998/namespace", "space"))
                    == Some("preserve");
                let text = if preserve {
                    text
                } else {
                    text.trim_matches([' ', '\t', '\n', '\r'])
                };
                Self::push(para, ctx, text);
            }
            "tab" | "ptab" => Self::push(para, ctx, "\t"),
            // A page or column break gives nothing; a line break a space.
            "br" if matches!(attr(node, "type"), Some("page" | "column")) => {}
            "br" => Self::push(para, ctx, " "),
            "cr" => Self::push(para, ctx, " "),
            "noBreakHyphen" => Self::push(para, ctx, "-"),
            "sym" => {
                let code = attr(node, "char").and_then(|c| u32::from_str_radix(c, 16).ok());
                // Symbol-font code points sit at U+F0xx; their ASCII half is the character.
                let code = code.map(|c| {
                    if (0xF020..0xF080).contains(&c) {
                        c - 0xF000
                    } else {
                        c
                    }
                });
                if let Some(c) = code.and_then(char::from_u32) {
                    Self::push(para, ctx, c.encode_utf8(&mut [0; 4]));
                }
            }
            "footnoteReference" | "endnoteReference" => {
                if attr(node, "customMarkFollows").is_some_and(|v| !matches!(v, "0" | "false")) {
                    return;
                }
                let kind = if node.tag_name().name() == "footnoteReference" {
                    NoteKind::Foot
                } else {
                    NoteKind::End
                };
                let note = NoteRef {
                    kind,
                    id: attr(node, "id").unwrap_or("").to_string(),
                };
                let mut mark = [0u8; 4];
                let mark = NOTE_MARK.encode_utf8(&mut mark);
                if !ctx.ins {
                    para.old.text.push_str(mark);
                    para.old.notes.push(note.clone());
                }
                if !ctx.del {
                    para.new.text.push_str(mark);
                    para.new.notes.push(note);
                }
            }
            "r" => {
                if let Some(rpr) = child(node, "rPr") {
                    if child(rpr, "vanish").is_some_and(is_on) {
                        return;
                    }
                    if let Some(lang) = child(rpr, "lang").and_then(|l| attr(l, "val")) {
                        let key: String = lang.chars().take(2).collect();
                        *self.languages.entry(key.to_ascii_lowercase()).or_default() += 1;
                    }
                }
                for c in node.children() {
                    self.inline(c, ctx, para);
                }
            }
            "ins" => {
                self.counts.insertions += 1;
                self.inline_children(node, Ctx { ins: true, ..ctx }, para);
            }
            "del" => {
                self.counts.deletions += 1;
                self.inline_children(node, Ctx { del: true, ..ctx }, para);
            }
            "moveTo" => {
                self.counts.moves += 1;
                self.inline_children(node, Ctx { ins: true, ..ctx }, para);
            }
            "moveFrom" => self.inline_children(node, Ctx { del: true, ..ctx }, para),
            // Properties, field codes, note marks inside notes, comments, drawings, markers.
            "rPr"
            | "pPr"
            | "instrText"
            | "delInstrText"
            | "fldChar"
            | "footnoteRef"
            | "endnoteRef"
            | "annotationRef"
            | "commentReference"
            | "drawing"
            | "pict"
            | "object"
            | "sdtPr"
            | "sdtEndPr"
            | "separator"
            | "continuationSeparator" => {}
            "fldSimple" | "hyperlink" | "smartTag" | "customXml" | "sdt" | "sdtContent" | "dir"
            | "bdo" => self.inline_children(node, ctx, para),
            _ => {}
        }
    }

    fn inline_children(&mut self, node: Node<'_, '_>, ctx: Ctx, para: &mut SourceParagraph) {
        for c in node.children() {
            self.inline(c, ctx, para);
        }
    }
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

/// The style and list reference of a `w:pPr`.
fn props_of(ppr: Node<'_, '_>) -> ParaProps {
    ParaProps {
        style: child(ppr, "pStyle")
            .and_then(|s| attr(s, "val"))
            .map(str::to_string),
        num: child(ppr, "numPr").and_then(|num| {
            let id = child(num, "numId").and_then(|n| attr(n, "val"))?;
            let level = child(num, "ilvl")
                .and_then(|l| attr(l, "val"))
                .and_then(|v| v.parse().ok());
            Some((id.to_string(), level))
        }),
    }
}

/// Which view of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Every change rejected.
    Old,
    /// Every change accepted.
    New,
}

/// A paragraph as one view shows it, after paragraphs joined by a missing mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// The number of the source paragraph whose mark ends it (whose properties it keeps).
    pub number: u32,
    pub shown: Shown,
    pub props: ParaProps,
}

/// The paragraphs of a view: a paragraph whose mark does not exist in the view runs on into the
/// next, with nothing between them, unless it ends its container.
pub fn join(paragraphs: &[SourceParagraph], view: View) -> Vec<Joined> {
    let mut out = Vec::new();
    let mut pending = Shown::default();
    for p in paragraphs {
        let (shown, mark, props) = match view {
            View::Old => (&p.old, p.mark_old, &p.props_old),
            View::New => (&p.new, p.mark_new, &p.props_new),
        };
        pending.text.push_str(&shown.text);
        pending.notes.extend(shown.notes.iter().cloned());
        if mark || (p.ends_container && !pending.text.is_empty()) {
            out.push(Joined {
                number: p.number,
                shown: std::mem::take(&mut pending),
                props: props.clone(),
            });
        } else if p.ends_container {
            pending = Shown::default();
        }
    }
    out
}
