//! The Word package (a ZIP archive of XML parts) opened in memory, with the guards a hostile file
//! needs: the container recognised before unzipping (an encrypted package or a legacy `.doc` is an
//! OLE compound file, reported as such), entry names checked (no `..`, no absolute or drive paths,
//! no backslashes, no NUL, no two names equal but for case), sizes capped ([`LIMITS`]) both as
//! declared and as actually inflated, and parts found through their relationships rather than by
//! fixed names. Nothing is written to disk.

use std::collections::BTreeMap;
use std::io::Read;

use super::DocxError;

/// The caps on what a package may hold, declared or inflated: past any of them the file is
/// refused as a likely ZIP bomb. A Word proposal of a hundred pages is well under a megabyte of
/// XML; these leave two orders of magnitude of room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive.
    pub entries: usize,
    /// Inflated bytes of one part that is read.
    pub part_bytes: u64,
    /// Inflated bytes of all the parts read together.
    pub total_bytes: u64,
    /// XML nodes in one part.
    pub xml_nodes: u32,
}

/// The limits every package is read under.
pub const LIMITS: Limits = Limits {
    entries: 10_000,
    part_bytes: 64 * 1024 * 1024,
    total_bytes: 256 * 1024 * 1024,
    xml_nodes: 4_000_000,
};

/// The first bytes of an OLE compound file (an encrypted OOXML package or a Word 97-2003 `.doc`).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The first bytes of a ZIP archive.
pub const ZIP_MAGIC: [u8; 4] = *b"PK\x03\x04";

/// `true` when the bytes are a ZIP archive or an OLE compound file: what a Word reader, not the
/// text reader, must answer for.
pub fn looks_like_word(bytes: &[u8]) -> bool {
    bytes.starts_with(&ZIP_MAGIC)
        || bytes.starts_with(&OLE_MAGIC)
        || bytes.starts_with(b"PK\x05\x06")
}

/// An opened package: the archive and its entry names.
pub struct Package<'a> {
    file: &'a str,
    archive: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
    /// Entry index by part name folded to ASCII lower case (part names compare so).
    names: BTreeMap<String, usize>,
    read_so_far: u64,
}

impl<'a> Package<'a> {
    /// Opens the archive and checks every entry name.
    pub fn open(file: &'a str, bytes: &'a [u8]) -> Result<Package<'a>, DocxError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(DocxError::package(
                file,
                "a Word package (a ZIP archive)",
                "an OLE compound file: an encrypted (password-protected) Word file or a Word 97-2003 \
                 .doc, which actes cannot read; save it unprotected as .docx",
            ));
        }
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
            DocxError::package(
                file,
                "a Word package (a ZIP archive)",
                format!("a file that is not a readable ZIP archive ({e})"),
            )
        })?;
        if archive.len() > LIMITS.entries {
            return Err(DocxError::package(
                file,
                format!("at most {} entries in the archive", LIMITS.entries),
                format!("{} entries", archive.len()),
            ));
        }
        let mut names = BTreeMap::new();
        for index in 0..archive.len() {
            let name = archive.name_for_index(index).unwrap_or("");
            check_name(file, name)?;
            if names.insert(name.to_ascii_lowercase(), index).is_some() {
                return Err(DocxError::part(
                    file,
                    name,
                    "part names that differ other than by case",
                    "a second entry of the same name",
                ));
            }
        }
        Ok(Package {
            file,
            archive,
            names,
            read_so_far: 0,
        })
    }

    /// `true` when the package holds the part (`word/document.xml`, no leading slash).
    pub fn has(&self, part: &str) -> bool {
        self.names.contains_key(&part.to_ascii_lowercase())
    }

    /// The part's text: inflated under the limits, UTF-8, its byte-order mark dropped. `None`
    /// when the package has no such part.
    pub fn text(&mut self, part: &str) -> Result<Option<String>, DocxError> {
        let Some(&index) = self.names.get(&part.to_ascii_lowercase()) else {
            return Ok(None);
        };
        let file = self.file;
        let mut entry = self.archive.by_index(index).map_err(|e| {
            DocxError::part(
                file,
                part,
                "a part the ZIP archive can inflate",
                e.to_string(),
            )
        })?;
        if entry.encrypted() {
            return Err(DocxError::part(
                file,
                part,
                "an unencrypted part",
                "a part encrypted inside the ZIP archive",
            ));
        }
        let left = LIMITS.total_bytes.saturating_sub(self.read_so_far);
        let cap = LIMITS.part_bytes.min(left);
        if entry.size() > cap {
            return Err(DocxError::part(
                file,
                part,
                format!("a part of at most {cap} bytes inflated"),
                format!(
                    "a declared size of {} bytes (a likely ZIP bomb)",
                    entry.size()
                ),
            ));
        }
        let mut bytes = Vec::new();
        (&mut entry)
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                DocxError::part(
                    file,
                    part,
                    "a part the ZIP archive can inflate",
                    e.to_string(),
                )
            })?;
        if bytes.len() as u64 > cap {
            return Err(DocxError::part(
                file,
                part,
                format!("a part of at most {cap} bytes inflated"),
                "more than that once inflated (a likely ZIP bomb)",
            ));
        }
        self.read_so_far += bytes.len() as u64;
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .map(<[u8]>::to_vec)
            .unwrap_or(bytes);
        String::from_utf8(bytes).map(Some).map_err(|e| {
            DocxError::part(
                file,
                part,
                "XML in UTF-8",
                format!(
                    "a byte that is not UTF-8 at offset {}",
                    e.utf8_error().valid_up_to()
                ),
            )
        })
    }
}

/// Refuses names that could escape a folder if ever extracted, or that OPC forbids.
fn check_name(file: &str, name: &str) -> Result<(), DocxError> {
    let bad = name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains('\0')
        || name.as_bytes().get(1) == Some(&b':')
        || name.split('/').any(|s| s == ".." || s == ".");
    if bad {
        return Err(DocxError::part(
            file,
            name,
            "an entry name relative to the package root, without `..`, `\\` or a drive",
            "an unsafe entry name",
        ));
    }
    Ok(())
}

/// One relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub id: String,
    /// The type's last path segment (`officeDocument`, `footnotes`, `numbering`).
    pub kind: String,
    /// The target part, resolved against the source part's folder (no leading slash).
    pub target: String,
}

/// The relationships part of `part` (`word/_rels/document.xml.rels` for `word/document.xml`,
/// `_rels/.rels` for the package itself, given as `""`).
pub fn rels_part_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Reads a relationships part; external targets are skipped, and a target that climbs out of
/// the package is an error.
pub fn relationships(
    file: &str,
    rels_part: &str,
    source_part: &str,
    xml: &str,
) -> Result<Vec<Relationship>, DocxError> {
    let doc = super::xml::parse(file, rels_part, xml)?;
    let base = source_part.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = Vec::new();
    for node in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
    {
        if node.attribute("TargetMode") == Some("External") {
            continue;
        }
        let (Some(id), Some(kind), Some(target)) = (
            node.attribute("Id"),
            node.attribute("Type"),
            node.attribute("Target"),
        ) else {
            continue;
        };
        let target = resolve(base, target).ok_or_else(|| {
            DocxError::part(
                file,
                rels_part,
                "relationship targets inside the package",
                format!("`{target}`"),
            )
        })?;
        out.push(Relationship {
            id: id.to_string(),
            kind: kind.rsplit('/').next().unwrap_or(kind).to_string(),
            target,
        });
    }
    Ok(out)
}

/// Resolves a relationship target against a folder: a leading `/` starts from the root, `.` and
/// `..` segments are folded; `None` when the path climbs above the root.
pub fn resolve(base: &str, target: &str) -> Option<String> {
    let mut segments: Vec<&str> = Vec::new();
    let target = match target.strip_prefix('/') {
        Some(rest) => rest,
        None => {
            segments.extend(base.split('/').filter(|s| !s.is_empty()));
            target
        }
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            s => segments.push(s),
        }
    }
    Some(segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder_and_never_climb_out() {
        assert_eq!(
            resolve("word", "footnotes.xml").as_deref(),
            Some("word/footnotes.xml")
        );
        assert_eq!(
            resolve("", "/word/document2.xml").as_deref(),
            Some("word/document2.xml")
        );
        assert_eq!(
            resolve("word", "../customXml/item.xml").as_deref(),
            Some("customXml/item.xml")
        );
        assert_eq!(resolve("word", "../../etc/passwd"), None);
        assert_eq!(
            rels_part_of("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
    }
}
