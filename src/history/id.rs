//! The id of a git object as the rest of actes sees it: the store (`history`) is the one module
//! that names gix, so commits, trees and blobs travel outside it under this type of its own.

use std::fmt;

/// The id of a commit, tree, tag or blob of the history (SHA-1, 40 hex digits when printed).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectId(gix::ObjectId);

/// How many hex digits a short id keeps.
pub const SHORT_ID_LEN: usize = 10;

/// The short form of an id or of anything printed as one (a hex string).
pub fn short_hex(id: &(impl fmt::Display + ?Sized)) -> String {
    id.to_string().chars().take(SHORT_ID_LEN).collect()
}

/// A string that is not the hex of an object id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a git object id (40 hex digits)")]
pub struct BadObjectId(pub String);

impl ObjectId {
    /// Reads 40 hex digits.
    pub fn from_hex(hex: &[u8]) -> Result<ObjectId, BadObjectId> {
        gix::ObjectId::from_hex(hex)
            .map(ObjectId)
            .map_err(|_| BadObjectId(String::from_utf8_lossy(hex).into_owned()))
    }

    /// Reads the 20 raw bytes of an id, as trees store them.
    pub(super) fn from_bytes(bytes: &[u8]) -> Option<ObjectId> {
        gix::ObjectId::try_from(bytes).ok().map(ObjectId)
    }

    /// The short form every output uses: the first [`SHORT_ID_LEN`] hex digits.
    pub fn short(&self) -> String {
        short_hex(self)
    }

    pub(super) fn from_gix(id: gix::ObjectId) -> ObjectId {
        ObjectId(id)
    }

    pub(super) fn to_gix(self) -> gix::ObjectId {
        self.0
    }
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ObjectId({})", self.0)
    }
}
