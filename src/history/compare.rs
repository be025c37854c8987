//! What changed between two trees of the history, compared by id: a folder whose id did not change
//! is never opened. The lineage reads each commit's changed records this way, which keeps reading
//! a whole history proportional to what changed rather than to its size.

use std::collections::BTreeMap;

use super::id::ObjectId;
use super::read::{History, ReadError};

/// A file that differs between two trees: its path and its blob id in the newer tree.
pub type ChangedFile = (String, ObjectId);

impl History {
    /// The files of tree `new` that are absent from `old` or differ from it (deleted files are not
    /// listed), in tree order, keeping only the paths `keep` accepts. Descends only into folders
    /// whose ids differ.
    pub fn changed_files(
        &self,
        old: Option<ObjectId>,
        new: ObjectId,
        keep: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<ChangedFile>, ReadError> {
        let mut out = Vec::new();
        self.changed_under(old, new, "", keep, &mut out)?;
        Ok(out)
    }

    fn changed_under(
        &self,
        old: Option<ObjectId>,
        new: ObjectId,
        prefix: &str,
        keep: &dyn Fn(&str) -> bool,
        out: &mut Vec<ChangedFile>,
    ) -> Result<(), ReadError> {
        let old_entries: BTreeMap<String, (bool, ObjectId)> = match old {
            Some(id) => self
                .tree_entries(id)?
                .into_iter()
                .map(|e| (e.name, (e.is_dir, e.id)))
                .collect(),
            None => BTreeMap::new(),
        };
        for entry in self.tree_entries(new)? {
            let before = old_entries.get(&entry.name);
            if before.is_some_and(|(_, old_id)| *old_id == entry.id) {
                continue;
            }
            let full = if prefix.is_empty() {
                entry.name.clone()
            } else {
                format!("{prefix}/{}", entry.name)
            };
            if entry.is_dir {
                let old_tree = before.filter(|(t, _)| *t).map(|(_, id)| *id);
                self.changed_under(old_tree, entry.id, &full, keep, out)?;
            } else if keep(&full) {
                out.push((full, entry.id));
            }
        }
        Ok(())
    }
}
