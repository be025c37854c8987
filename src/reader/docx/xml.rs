//! XML parts parsed under the package limits, and the WordprocessingML names matched by
//! namespace URI and local name (never by prefix), Transitional and Strict alike.

use super::package::LIMITS;
use super::DocxError;

/// The WordprocessingML main namespace, Transitional.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The same, Strict.
pub const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility (`mc:AlternateContent`).
pub const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

pub type Node<'a, 'input> = roxmltree::Node<'a, 'input>;

/// Parses a part: no DTD, a cap on nodes; an error names the file, the part and the position.
pub fn parse<'input>(
    file: &str,
    part: &str,
    text: &'input str,
) -> Result<roxmltree::Document<'input>, DocxError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: LIMITS.xml_nodes,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| DocxError::part(file, part, "well-formed XML", e.to_string()))
}

/// `true` when the node is the WordprocessingML element `local`.
pub fn is_w(node: Node<'_, '_>, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local && is_w_ns(node)
}

/// `true` when the node is in the WordprocessingML namespace.
pub fn is_w_ns(node: Node<'_, '_>) -> bool {
    matches!(node.tag_name().namespace(), Some(W | W_STRICT))
}

/// The WordprocessingML attribute `local` (`w:val`), whichever prefix it is written with.
pub fn attr<'a>(node: Node<'a, '_>, local: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == local && matches!(a.namespace(), Some(W | W_STRICT)))
        .map(|a| a.value())
}

/// The first WordprocessingML child element named `local`.
pub fn child<'a, 'input>(node: Node<'a, 'input>, local: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|c| is_w(*c, local))
}

/// `true` for an on/off property that is on (`<w:vanish/>`, `w:val="true"`, `"1"`, `"on"`).
pub fn is_on(node: Node<'_, '_>) -> bool {
    !matches!(attr(node, "val"), Some("0" | "false" | "off"))
}
