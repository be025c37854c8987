//! Pairs the paragraphs of two consecutive versions of a text: first those whose words are
//! identical (whatever their label), then those whose words changed but stay recognisably the
//! same paragraph.
//!
//! This is the heart of `actes blame`, kept apart so that it can be tested on hand-made texts and
//! has nothing to do with git.
//!
//! The steps:
//! 1. an ordered alignment (longest common subsequence) of the *keys*, the words after the label,
//!    so that a paragraph only renumbered (`c)` now `b)`) is the same paragraph and identical lines
//!    are paired in order, as `git blame` pairs them;
//! 2. identical keys left over on both sides are paired out of order (a paragraph moved);
//! 3. between two paired lines, the leftover lines are paired by similarity, in order, keeping
//!    the pairing of highest total similarity; a pair counts only if its similarity reaches
//!    [`SIMILARITY_THRESHOLD`].

use std::collections::HashMap;

/// The least similarity (in thousandths) for two paragraphs with different words to count as the
/// same paragraph modified: 600, that is 60 %.
///
/// Similarity is `2 × LCS / (a + b)` over the folded tokens of the two texts (runs of letters or
/// digits, and each punctuation mark), where LCS is the length of their longest common
/// subsequence of tokens. A proposal's rewording of a paragraph (a few words inserted or struck,
/// a year or a citation updated) scores 0.8 or more; two unrelated paragraphs of the same
/// resolution share function words (`de`, `la`, `l'`, `,`) and score up to 0.4-0.5. 0.6 sits
/// between the two. Headers whose revision mark changed
/// (`RÉSOLUTION 130 (Rév. Busan, 2014)` / `RÉSOLUTION 130 (Rév. Dubaï, 2018)`) score 0.8.
pub const SIMILARITY_THRESHOLD: u16 = 600;

/// Above this many cells (old lines × new lines between the common head and tail), the ordered
/// alignment falls back to pairing unique identical keys greedily, to bound time and memory.
const MAX_ALIGNMENT_CELLS: usize = 4_000_000;

/// How a line of the new version was paired with a line of the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// Same words (the label may differ).
    Identical { old: usize },
    /// Different words, similar enough: `similarity` in thousandths.
    Similar { old: usize, similarity: u16 },
}

impl Pairing {
    /// The index of the old line.
    pub fn old(self) -> usize {
        match self {
            Pairing::Identical { old } | Pairing::Similar { old, .. } => old,
        }
    }
}

/// For each line of `new`, its pairing with a line of `old`, if any. Each old line is paired at
/// most once. The inputs are the keys (words after the label) of each line.
pub fn pair_lines<S: AsRef<str>>(old: &[S], new: &[S]) -> Vec<Option<Pairing>> {
    let old: Vec<&str> = old.iter().map(AsRef::as_ref).collect();
    let new: Vec<&str> = new.iter().map(AsRef::as_ref).collect();
    let mut pairs: Vec<Option<Pairing>> = vec![None; new.len()];
    let mut old_used = vec![false; old.len()];

    // 1. Ordered alignment of identical keys.
    for (o, n) in align_identical(&old, &new) {
        pairs[n] = Some(Pairing::Identical { old: o });
        old_used[o] = true;
    }

    // 2. Identical keys out of order (moved paragraphs), first unused occurrence first.
    let mut unused_by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (o, key) in old.iter().enumerate().rev() {
        if !old_used[o] {
            unused_by_key.entry(key).or_default().push(o);
        }
    }
    for (n, key) in new.iter().enumerate() {
        if pairs[n].is_some() {
            continue;
        }
        if let Some(o) = unused_by_key.get_mut(key).and_then(Vec::pop) {
            pairs[n] = Some(Pairing::Identical { old: o });
            old_used[o] = true;
        }
    }

    // 3. Similar lines within each gap between paired lines, in order.
    let mut gap_new: Vec<usize> = Vec::new();
    let mut last_old: Option<usize> = None;
    let mut n = 0;
    while n <= new.len() {
        let anchor = if n == new.len() {
            Some(old.len())
        } else {
            match pairs[n] {
                // Only an in-order pairing bounds a gap; moved lines are skipped over.
                Some(p) if last_old.is_none_or(|l| p.old() > l) => Some(p.old()),
                Some(_) => {
                    n += 1;
                    continue;
                }
                None => None,
            }
        };
        match anchor {
            None => gap_new.push(n),
            Some(next_old) => {
                let from = last_old.map_or(0, |l| l + 1);
                let gap_old: Vec<usize> = (from..next_old).filter(|&o| !old_used[o]).collect();
                if !gap_new.is_empty() && !gap_old.is_empty() {
                    for (o, nn, similarity) in align_similar(&old, &new, &gap_old, &gap_new) {
                        pairs[nn] = Some(Pairing::Similar { old: o, similarity });
                        old_used[o] = true;
                    }
                }
                gap_new.clear();
                if n < new.len() {
                    last_old = Some(next_old);
                }
            }
        }
        n += 1;
    }
    pairs
}

/// The longest common subsequence of the two key sequences, as (old, new) index pairs in order.
fn align_identical(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    out.extend((0..head).map(|i| (i, i)));
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = &old[head..old.len() - tail];
    let new_mid = &new[head..new.len() - tail];
    if !old_mid.is_empty() && !new_mid.is_empty() {
        if old_mid.len().saturating_mul(new_mid.len()) <= MAX_ALIGNMENT_CELLS {
            let table = lcs_table(old_mid.len(), new_mid.len(), |i, j| {
                old_mid[i] == new_mid[j]
            });
            for (i, j) in lcs_pairs(&table, old_mid.len(), new_mid.len(), |i, j| {
                old_mid[i] == new_mid[j]
            }) {
                out.push((head + i, head + j));
            }
        } else {
            out.extend(
                unique_in_order(old_mid, new_mid)
                    .into_iter()
                    .map(|(i, j)| (head + i, head + j)),
            );
        }
    }
    let (old_len, new_len) = (old.len(), new.len());
    out.extend((0..tail).rev().map(|k| (old_len - 1 - k, new_len - 1 - k)));
    out
}

/// Row-major `(n + 1) × (m + 1)` table of LCS lengths of suffixes.
fn lcs_table(n: usize, m: usize, equal: impl Fn(usize, usize) -> bool) -> Vec<u32> {
    let width = m + 1;
    let mut table = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if equal(i, j) {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    table
}

/// Walks an LCS table from the start and returns the matched pairs.
fn lcs_pairs(
    table: &[u32],
    n: usize,
    m: usize,
    equal: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let width = m + 1;
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if equal(i, j) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Pairs keys that occur exactly once on each side, keeping only those in increasing order on
/// both sides (greedy): the fallback for very long texts.
fn unique_in_order(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    let mut count: HashMap<&str, (u32, u32, usize)> = HashMap::new();
    for (i, k) in old.iter().enumerate() {
        let e = count.entry(k).or_insert((0, 0, i));
        e.0 += 1;
        e.2 = i;
    }
    for k in new {
        if let Some(e) = count.get_mut(k) {
            e.1 += 1;
        }
    }
    let mut out = Vec::new();
    let mut last_old = None;
    for (j, k) in new.iter().enumerate() {
        if let Some(&(1, 1, i)) = count.get(k) {
            if last_old.is_none_or(|l| i > l) {
                out.push((i, j));
                last_old = Some(i);
            }
        }
    }
    out
}

/// Pairs leftover lines of one gap by similarity: the in-order pairing of the highest total
/// similarity among pairs that reach the threshold.
fn align_similar(
    old: &[&str],
    new: &[&str],
    gap_old: &[usize],
    gap_new: &[usize],
) -> Vec<(usize, usize, u16)> {
    let mut interner: HashMap<String, u32> = HashMap::new();
    let mut intern = |text: &str| -> (Vec<u32>, Vec<u32>) {
        let ids: Vec<u32> = tokens(text)
            .into_iter()
            .map(|t| {
                let next = u32::try_from(interner.len()).expect("fewer than 2^32 tokens");
                *interner.entry(t).or_insert(next)
            })
            .collect();
        let mut bag = ids.clone();
        bag.sort_unstable();
        (ids, bag)
    };
    let old_tokens: Vec<(Vec<u32>, Vec<u32>)> = gap_old.iter().map(|&o| intern(old[o])).collect();
    let new_tokens: Vec<(Vec<u32>, Vec<u32>)> = gap_new.iter().map(|&n| intern(new[n])).collect();
    let (n, m) = (gap_old.len(), gap_new.len());
    let width = m + 1;
    let mut sim = vec![0u16; n * m];
    for i in 0..n {
        for j in 0..m {
            let (a, a_bag) = &old_tokens[i];
            let (b, b_bag) = &new_tokens[j];
            // The common bag of tokens bounds the common subsequence: skip hopeless pairs cheaply.
            let total = a.len() + b.len();
            if total > 0
                && 2000 * bag_intersection(a_bag, b_bag) / total < usize::from(SIMILARITY_THRESHOLD)
            {
                continue;
            }
            sim[i * m + j] = similarity_of_tokens(a, b);
        }
    }
    let score = |i: usize, j: usize| -> u32 {
        let s = sim[i * m + j];
        if s >= SIMILARITY_THRESHOLD {
            u32::from(s)
        } else {
            0
        }
    };
    // Weighted LCS over suffixes.
    let mut best = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = match score(i, j) {
                0 => 0,
                s => best[(i + 1) * width + j + 1] + s,
            };
            best[i * width + j] = take
                .max(best[(i + 1) * width + j])
                .max(best[i * width + j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = score(i, j);
        if s > 0 && best[i * width + j] == best[(i + 1) * width + j + 1] + s {
            out.push((gap_old[i], gap_new[j], sim[i * m + j]));
            i += 1;
            j += 1;
        } else if best[(i + 1) * width + j] >= best[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The similarity of two texts in thousandths (see [`SIMILARITY_THRESHOLD`]).
pub fn similarity(a: &str, b: &str) -> u16 {
    similarity_of_tokens(&tokens(a), &tokens(b))
}

/// The size of the intersection of two sorted multisets.
fn bag_intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

fn similarity_of_tokens<T: PartialEq>(a: &[T], b: &[T]) -> u16 {
    if a.is_empty() && b.is_empty() {
        return 1000;
    }
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let table = lcs_table(a.len(), b.len(), |i, j| a[i] == b[j]);
    let common = table[0] as usize;
    u16::try_from(2000 * common / (a.len() + b.len())).expect("a ratio of at most 1000")
}

/// The folded tokens of a text: runs of letters and digits, and each other visible character.
fn tokens(text: &str) -> Vec<String> {
    let folded = crate::text::fold(text);
    let mut out = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_lines_pair_in_order_and_inserted_ones_stay_unpaired() {
        let pairs = pair_lines(&["a", "b", "c"], &["a", "x", "b", "c"]);
        assert_eq!(
            pairs,
            vec![
                Some(Pairing::Identical { old: 0 }),
                None,
                Some(Pairing::Identical { old: 1 }),
                Some(Pairing::Identical { old: 2 }),
            ]
        );
    }

    #[test]
    fn a_moved_line_is_still_identical() {
        let pairs = pair_lines(&["a", "b", "c"], &["c", "a", "b"]);
        assert_eq!(pairs[0], Some(Pairing::Identical { old: 2 }));
    }

    #[test]
    fn a_reworded_line_pairs_by_similarity_and_an_unrelated_one_does_not() {
        let old = [
            "RÉSOLUTION 130 (Rév. Busan, 2014)",
            "que la CMDT-14 a adopté le Plan d'action de Dubaï et son Objectif 3",
            "le spam a été décrit par la Commission d'études 2",
        ];
        let new = [
            "RÉSOLUTION 130 (Rév. Dubaï, 2018)",
            "que la CMDT-17 a adopté le Plan d'action de Buenos Aires et son Objectif 2",
            "de fournir un appui aux membres concernant les activités d'évaluation des risques",
        ];
        let pairs = pair_lines(&old, &new);
        assert!(matches!(pairs[0], Some(Pairing::Similar { old: 0, .. })));
        assert!(matches!(pairs[1], Some(Pairing::Similar { old: 1, .. })));
        assert_eq!(pairs[2], None);
    }

    #[test]
    fn similarity_is_one_for_equal_texts_and_low_for_unrelated_ones() {
        assert_eq!(similarity("de la sécurité", "DE LA SECURITE"), 1000);
        assert!(
            similarity(
                "que les Etats Membres n'ont de cesse d'améliorer les environnements institutionnels;",
                "de promouvoir la réalisation d'une étude sur les stratégies institutionnelles"
            ) < SIMILARITY_THRESHOLD
        );
    }

    #[test]
    fn long_texts_fall_back_to_unique_keys_in_order() {
        let old: Vec<String> = (0..3000).map(|i| format!("line {i}")).collect();
        let mut new = old.clone();
        new.insert(1500, "inserted".to_string());
        new[10] = "line 10 changed".to_string();
        let pairs = pair_lines(&old, &new);
        assert_eq!(pairs[1500], None);
        assert_eq!(pairs[1501], Some(Pairing::Identical { old: 1500 }));
        assert!(matches!(pairs[10], Some(Pairing::Similar { old: 10, .. })));
    }
}
