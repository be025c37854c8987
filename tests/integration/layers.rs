//! The layering of the library, checked on its sources: a module imports only from layers below
//! its own (which also rules out cycles), only the store (`history`) names gix, and the ref names
//! are spelled out in one file. The layers are read from docs/architecture.md, so that the
//! drawing and the check cannot disagree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The layers as docs/architecture.md declares them (the fenced block after "## Layers"), bottom
/// first: module name to layer number.
fn declared_layers() -> BTreeMap<String, usize> {
    let doc = std::fs::read_to_string(crate_root().join("docs/architecture.md"))
        .expect("docs/architecture.md is readable");
    let section = doc
        .split("\n## Layers")
        .nth(1)
        .expect("docs/architecture.md has a `## Layers` section");
    let block = section
        .split("```")
        .nth(1)
        .expect("the Layers section opens with a fenced block");
    let mut layers = BTreeMap::new();
    for line in block.lines() {
        let Some((number, modules)) = line.trim().split_once(". ") else {
            continue;
        };
        let Ok(number) = number.trim().parse::<usize>() else {
            continue;
        };
        // The modules, then (after two spaces or more) what the layer is for.
        let modules = modules.split("  ").next().unwrap_or("");
        for module in modules.split_whitespace() {
            let module = module.trim_matches(',').trim_end_matches('/');
            assert!(
                layers.insert(module.to_string(), number).is_none(),
                "{module} is declared twice"
            );
        }
    }
    assert!(!layers.is_empty(), "the Layers block declares no module");
    layers
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/history/read.rs` -> `history`).
fn module_of(path: &Path) -> String {
    let relative = path
        .strip_prefix(crate_root().join("src"))
        .expect("a file under src");
    let first = relative
        .components()
        .next()
        .expect("a path under src")
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a file without its comments (line comments and doc comments).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let code = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        (!code.trim().is_empty()).then_some((i + 1, code))
    })
}

/// The modules a line names through `crate::` paths (`crate::history::read`, `crate::{a, b}`).
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for part in inner.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

fn library_sources() -> Vec<(String, PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&crate_root().join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let module = module_of(&path);
            // The binary's front end sits on top of everything and imports through `actes::`.
            if matches!(module.as_str(), "main" | "lib" | "cli") {
                return None;
            }
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            Some((module, path, text))
        })
        .collect()
}

#[test]
fn every_module_of_the_library_has_a_declared_layer() {
    let layers = declared_layers();
    let lib = std::fs::read_to_string(crate_root().join("src/lib.rs")).expect("src/lib.rs");
    for line in lib.lines() {
        let line = line.trim();
        let Some(name) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
        else {
            continue;
        };
        let name = name.trim_end_matches(';');
        assert!(
            layers.contains_key(name),
            "module `{name}` (src/lib.rs) has no layer in docs/architecture.md"
        );
    }
}

#[test]
fn no_module_imports_from_its_own_layer_or_a_higher_one() {
    let layers = declared_layers();
    let mut violations = Vec::new();
    for (module, path, text) in library_sources() {
        let Some(&own) = layers.get(&module) else {
            continue;
        };
        for (line, code) in code_lines(&text) {
            for target in crate_paths(code) {
                if target == module {
                    continue;
                }
                let Some(&theirs) = layers.get(&target) else {
                    continue;
                };
                if theirs >= own {
                    violations.push(format!(
                        "{}:{line}: `{module}` (layer {own}) imports `{target}` (layer {theirs})",
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_layer_check_catches_an_upward_import() {
    assert_eq!(
        crate_paths("use crate::render::short_id; let x = crate::{history, model::Body};"),
        ["render", "history", "model"]
    );
    assert!(crate_paths("let actes_crate::x = 1;").is_empty());
    let layers = declared_layers();
    assert!(layers["history"] < layers["render"]);
    assert!(layers["model"] < layers["reader"]);
}

#[test]
fn only_the_store_names_gix() {
    let mut offenders = Vec::new();
    for (module, path, text) in library_sources() {
        if module == "history" {
            continue;
        }
        for (line, code) in code_lines(&text) {
            if code.contains("gix::") || code.contains("use gix") {
                offenders.push(format!("{}:{line}", path.display()));
            }
        }
    }
    let mut cli = Vec::new();
    rust_files(&crate_root().join("src/cli"), &mut cli);
    for path in cli {
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        for (line, code) in code_lines(&text) {
            if code.contains("gix::") {
                offenders.push(format!("{}:{line}", path.display()));
            }
        }
    }
    assert!(offenders.is_empty(), "gix outside history: {offenders:?}");
}

#[test]
fn ref_names_and_tree_folders_are_spelled_out_only_in_the_layout() {
    let layout = crate_root().join("src/history/layout.rs");
    let mut all = Vec::new();
    rust_files(&crate_root().join("src"), &mut all);
    let mut offenders = Vec::new();
    for path in all {
        if path == layout {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        for (line, code) in code_lines(&text) {
            for literal in [
                "\"refs/heads/main\"",
                "\"refs/proposals/",
                "\"refs/tags/",
                "\"conferences/",
                "\"proposals/",
                "/meta.json\"",
            ] {
                if code.contains(literal) {
                    offenders.push(format!("{}:{line}: {literal}", path.display()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}
