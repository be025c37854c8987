//! Aligns the labels of one list of a flattened redline with the two label sequences it hides.
//!
//! A list such as `a, b, a, cb, dc, ..., h, ig, jh, i, j, k` is the old list (`a, b, c, ...`) and
//! the new list (`a, b, c, ...`) run together: a label may stand for both texts (`a)`), for a pair
//! (`cb)` is old c) now b)), for the old text only (a deleted paragraph) or for the new text only (an
//! inserted one). This module finds every reading that makes both sequences run 1, 2, 3, ... (or
//! a, b, c, ... or i, ii, iii, ...) at the lowest cost, and says, item by item, whether all the best
//! readings agree.
//!
//! Costs: an item in both texts costs nothing, a renumbered pair 1, a run of deleted or of
//! inserted items 10 for the run (continuing a run is free, so an item that may equally continue an
//! insertion or stand in both texts is left unsettled), a skipped label 100 per gap. A second,
//! lower-rank cost of 1 is charged where a deleted item follows an inserted one: deleted text comes
//! first as a rule, and where only that rule decides, the caller is told.

/// The numbering system of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelKind {
    /// `a)`, `b)`, ... (one Latin letter).
    Letter,
    /// `1`, `2`, ... or `1)`.
    Number,
    /// `i)`, `ii)`, ... (i, v and x only, up to 39).
    Roman,
}

/// One label read in one numbering system: its kind and its rank (a = 1, ii = 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabelValue {
    pub kind: LabelKind,
    pub rank: u32,
}

/// What one label as written can stand for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum LabelReading {
    /// One label (`c)`), in one numbering system.
    Single { value: LabelValue, text: String },
    /// Two labels run together, old first (`cb)` is old `c)`, new `b)`).
    Pair {
        old: LabelValue,
        old_text: String,
        new: LabelValue,
        new_text: String,
    },
}

/// Reads a roman numeral made of i, v and x (1 to 39), in canonical form only.
pub fn roman_rank(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 || !s.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return None;
    }
    (1..40).find(|&n| roman(n) == s)
}

fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Every numbering-system reading of a bare label core (`c`, `12`, `iii`).
fn core_values(core: &str) -> Vec<LabelValue> {
    let mut values = Vec::new();
    if !core.is_empty() && core.len() <= 4 && core.bytes().all(|b| b.is_ascii_digit()) {
        if !core.starts_with('0') {
            if let Ok(rank) = core.parse::<u32>() {
                values.push(LabelValue {
                    kind: LabelKind::Number,
                    rank,
                });
            }
        }
        return values;
    }
    let mut chars = core.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_lowercase() {
            values.push(LabelValue {
                kind: LabelKind::Letter,
                rank: u32::from(c as u8 - b'a') + 1,
            });
        }
    }
    if let Some(rank) = roman_rank(core) {
        values.push(LabelValue {
            kind: LabelKind::Roman,
            rank,
        });
    }
    values
}

/// Splits a label as written into what comes before its core, the core, and what comes after
/// (`(b)` into `(`, `b`, `)`; `810` into ``, `810`, ``).
fn label_parts(label: &str) -> (&str, &str, &str) {
    let trimmed = label.trim();
    let start = trimmed
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(trimmed.len(), |(i, _)| i);
    let rest = &trimmed[start..];
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    (&trimmed[..start], &rest[..end], &rest[end..])
}

/// Every reading of a label as written: as one label and as two run together. A bullet (`–`,
/// `•`) or anything else outside the three numbering systems has none.
pub fn label_readings(label: &str) -> Vec<LabelReading> {
    let (before, core, after) = label_parts(label);
    // Anything after the suffix (`b)x`) is not a label we read.
    if after.chars().any(char::is_alphanumeric) || core.is_empty() {
        return Vec::new();
    }
    let mut readings = Vec::new();
    for value in core_values(core) {
        readings.push(LabelReading::Single {
            value,
            text: format!("{before}{core}{after}"),
        });
    }
    let boundaries: Vec<usize> = core.char_indices().map(|(i, _)| i).skip(1).collect();
    for split in boundaries {
        let (left, right) = core.split_at(split);
        for old in core_values(left) {
            for new in core_values(right) {
                if old.kind == new.kind && old != new {
                    readings.push(LabelReading::Pair {
                        old,
                        old_text: format!("{before}{left}{after}"),
                        new,
                        new_text: format!("{before}{right}{after}"),
                    });
                }
            }
        }
    }
    readings
}

/// Where one item of a list stands in the two texts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Placement {
    /// In both texts under the same label.
    Both { label: String },
    /// In both texts, renumbered.
    Renumbered { old: String, new: String },
    /// In the old text only: deleted.
    OldOnly { label: String },
    /// In the new text only: inserted.
    NewOnly { label: String },
}

impl Placement {
    /// The label in the old text, if the item is there.
    pub fn old_label(&self) -> Option<&str> {
        match self {
            Placement::Both { label } | Placement::OldOnly { label } => Some(label),
            Placement::Renumbered { old, .. } => Some(old),
            Placement::NewOnly { .. } => None,
        }
    }

    /// The label in the new text, if the item is there.
    pub fn new_label(&self) -> Option<&str> {
        match self {
            Placement::Both { label } | Placement::NewOnly { label } => Some(label),
            Placement::Renumbered { new, .. } => Some(new),
            Placement::OldOnly { .. } => None,
        }
    }

    /// A reading in words, for the uncertainty list.
    pub fn describe(&self) -> String {
        match self {
            Placement::Both { label } => format!("in both texts as {label}"),
            Placement::Renumbered { old, new } => format!("old {old} renumbered {new}"),
            Placement::OldOnly { label } => format!("deleted: old {label} only"),
            Placement::NewOnly { label } => format!("inserted: new {label} only"),
        }
    }
}

/// The outcome for one item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAlignment {
    /// The placement on the reading chosen (the cheapest, deleted first where only that rule
    /// decides, then the first in a fixed order).
    pub chosen: Placement,
    /// Every placement that some cheapest reading gives this item; more than one means the labels
    /// cannot settle the item.
    pub alternatives: Vec<Placement>,
    /// Other placements that only the deleted-first rule ruled out.
    pub ruled_out_by_order: Vec<Placement>,
    /// Labels skipped before this item (a gap in the numbering), on the chosen reading.
    pub gap: bool,
}

/// How a list was aligned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListAlignment {
    /// One outcome per item, in order.
    Aligned(Vec<ItemAlignment>),
    /// The labels admit no reading at all, or too many to search: items stay as written.
    Unaligned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Mode {
    Start,
    Both,
    Pair,
    Old,
    New,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct State {
    old: Option<LabelValue>,
    new: Option<LabelValue>,
    mode: Mode,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Both(LabelValue, String),
    Pair(LabelValue, String, LabelValue, String),
    Old(LabelValue, String),
    New(LabelValue, String),
    /// A label outside any numbering system: in both texts, no effect on the sequences.
    Neutral(String),
}

impl Step {
    fn placement(&self) -> Placement {
        match self {
            Step::Both(_, l) | Step::Neutral(l) => Placement::Both { label: l.clone() },
            Step::Pair(_, o, _, n) => Placement::Renumbered {
                old: o.clone(),
                new: n.clone(),
            },
            Step::Old(_, l) => Placement::OldOnly { label: l.clone() },
            Step::New(_, l) => Placement::NewOnly { label: l.clone() },
        }
    }
}

/// The largest number of distinct states kept per item before the search gives up.
const MAX_STATES: usize = 4096;
const GAP_COST: u64 = 100;
const RUN_COST: u64 = 10;
const PAIR_COST: u64 = 1;

/// Advances one side of the state by `value`: the cost of the labels skipped, or `None` where the
/// label cannot come next.
fn advance(side: Option<LabelValue>, value: LabelValue) -> Option<u64> {
    let expected = match side {
        None => LabelValue {
            kind: value.kind,
            rank: 1,
        },
        Some(last) if last.kind == value.kind => LabelValue {
            kind: last.kind,
            rank: last.rank + 1,
        },
        Some(_) => return None,
    };
    if value.rank < expected.rank {
        return None;
    }
    Some(u64::from(value.rank - expected.rank) * GAP_COST)
}

/// The cost of taking `step` from `state`, primary cost first, and the state it leads to.
fn transition(state: State, step: &Step) -> Option<((u64, u64), State)> {
    match step {
        Step::Neutral(_) => Some(((0, 0), state)),
        Step::Both(v, _) => {
            // One gap in a list that both texts share is one gap.
            let gap = advance(state.old, *v)?.max(advance(state.new, *v)?);
            Some((
                (gap, 0),
                State {
                    old: Some(*v),
                    new: Some(*v),
                    mode: Mode::Both,
                },
            ))
        }
        Step::Pair(o, _, n, _) => {
            let gap = advance(state.old, *o)?.max(advance(state.new, *n)?);
            Some((
                (gap + PAIR_COST, 0),
                State {
                    old: Some(*o),
                    new: Some(*n),
                    mode: Mode::Pair,
                },
            ))
        }
        Step::Old(v, _) => {
            let gap = advance(state.old, *v)?;
            let run = if state.mode == Mode::Old { 0 } else { RUN_COST };
            let order = u64::from(state.mode == Mode::New);
            Some((
                (gap + run, order),
                State {
                    old: Some(*v),
                    new: state.new,
                    mode: Mode::Old,
                },
            ))
        }
        Step::New(v, _) => {
            let gap = advance(state.new, *v)?;
            let run = if state.mode == Mode::New { 0 } else { RUN_COST };
            Some((
                (gap + run, 0),
                State {
                    old: state.old,
                    new: Some(*v),
                    mode: Mode::New,
                },
            ))
        }
    }
}

fn steps_for(label: &str) -> Vec<Step> {
    let readings = label_readings(label);
    if readings.is_empty() {
        return vec![Step::Neutral(label.trim().to_string())];
    }
    let mut steps = Vec::new();
    for reading in readings {
        match reading {
            LabelReading::Single { value, text } => {
                steps.push(Step::Both(value, text.clone()));
                steps.push(Step::Old(value, text.clone()));
                steps.push(Step::New(value, text));
            }
            LabelReading::Pair {
                old,
                old_text,
                new,
                new_text,
            } => steps.push(Step::Pair(old, old_text, new, new_text)),
        }
    }
    steps
}

type Cost = (u64, u64);

/// The forward and backward passes over the items with one cost function: for each item, the
/// placements on some cheapest reading, and one cheapest reading.
struct Search {
    /// For each item, the steps used by some cheapest reading.
    optimal_steps: Vec<Vec<Step>>,
    /// One cheapest reading.
    chosen: Vec<Step>,
}

/// One side of a state as a number that sorts as the side does: `None` first, then by kind, then
/// by rank.
fn side_key(side: Option<LabelValue>) -> u128 {
    side.map_or(0, |v| {
        let kind = match v.kind {
            LabelKind::Letter => 1u128,
            LabelKind::Number => 2,
            LabelKind::Roman => 3,
        };
        kind << 32 | u128::from(v.rank)
    })
}

impl State {
    /// The state as one number that sorts as the state does (old side, new side, mode): one
    /// comparison of integers in the searches below instead of a field-by-field one.
    fn order_key(&self) -> u128 {
        let mode = match self.mode {
            Mode::Start => 0u128,
            Mode::Both => 1,
            Mode::Pair => 2,
            Mode::Old => 3,
            Mode::New => 4,
        };
        side_key(self.old) << 40 | side_key(self.new) << 3 | mode
    }
}

/// The best cost of each state, in the order of the states (as a `BTreeMap` would iterate them,
/// so that every "first" below is the same), in a sorted vector, each with its
/// [`State::order_key`]: a list holds a handful of states at each step, too few for a tree to
/// pay.
#[derive(Debug, Clone, Default)]
struct StateCosts(Vec<(u128, State, u64)>);

impl StateCosts {
    /// Records `cost` for `state` unless a lower one is there.
    fn keep_lowest(&mut self, state: State, cost: u64) {
        let key = state.order_key();
        match self.0.binary_search_by(|(k, _, _)| k.cmp(&key)) {
            Ok(i) => self.0[i].2 = self.0[i].2.min(cost),
            Err(i) => self.0.insert(i, (key, state, cost)),
        }
    }

    fn get(&self, state: &State) -> Option<&u64> {
        let key = state.order_key();
        self.0
            .binary_search_by(|(k, _, _)| k.cmp(&key))
            .ok()
            .map(|i| &self.0[i].2)
    }

    fn iter(&self) -> impl Iterator<Item = (&State, &u64)> {
        self.0.iter().map(|(_, s, c)| (s, c))
    }

    fn keys(&self) -> impl Iterator<Item = &State> {
        self.0.iter().map(|(_, s, _)| s)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn search(steps: &[Vec<Step>], cost_of: impl Fn(Cost) -> u64) -> Option<Search> {
    let start = State {
        old: None,
        new: None,
        mode: Mode::Start,
    };
    // forward[i]: best cost to reach each state before item i.
    let mut forward: Vec<StateCosts> = vec![StateCosts(vec![(start.order_key(), start, 0)])];
    for item_steps in steps {
        let mut next = StateCosts::default();
        let current = forward.last().expect("forward starts with the start state");
        for (state, cost) in current.iter() {
            for step in item_steps {
                if let Some((c, to)) = transition(*state, step) {
                    next.keep_lowest(to, cost.saturating_add(cost_of(c)));
                }
            }
        }
        if next.is_empty() || next.len() > MAX_STATES {
            return None;
        }
        forward.push(next);
    }
    // backward[i]: best cost from each state before item i to the end.
    let n = steps.len();
    let mut backward: Vec<StateCosts> = vec![StateCosts::default(); n + 1];
    backward[n] = StateCosts(forward[n].0.iter().map(|(k, s, _)| (*k, *s, 0)).collect());
    for i in (0..n).rev() {
        let mut here = StateCosts::default();
        for state in forward[i].keys() {
            let mut best = u64::MAX;
            for step in &steps[i] {
                if let Some((c, to)) = transition(*state, step) {
                    if let Some(rest) = backward[i + 1].get(&to) {
                        best = best.min(cost_of(c).saturating_add(*rest));
                    }
                }
            }
            if best != u64::MAX {
                here.keep_lowest(*state, best);
            }
        }
        backward[i] = here;
    }
    let optimum = *backward[0].get(&start)?;
    let mut optimal_steps = Vec::with_capacity(n);
    for i in 0..n {
        let mut used: Vec<Step> = Vec::new();
        for (state, cost) in forward[i].iter() {
            for step in &steps[i] {
                if let Some((c, to)) = transition(*state, step) {
                    if let Some(rest) = backward[i + 1].get(&to) {
                        if cost.saturating_add(cost_of(c)).saturating_add(*rest) == optimum
                            && !used.contains(step)
                        {
                            used.push(step.clone());
                        }
                    }
                }
            }
        }
        optimal_steps.push(used);
    }
    // One cheapest reading, walking forward.
    let mut chosen = Vec::with_capacity(n);
    let mut state = start;
    let mut spent = 0u64;
    for i in 0..n {
        let mut taken = None;
        for step in &steps[i] {
            if let Some((c, to)) = transition(state, step) {
                if let Some(rest) = backward[i + 1].get(&to) {
                    let via = spent.saturating_add(cost_of(c));
                    if via.saturating_add(*rest) == optimum {
                        taken = Some((step.clone(), to, via));
                        break;
                    }
                }
            }
        }
        let (step, to, via) = taken?;
        chosen.push(step);
        state = to;
        spent = via;
    }
    Some(Search {
        optimal_steps,
        chosen,
    })
}

fn distinct_placements(steps: &[Step]) -> Vec<Placement> {
    let mut out: Vec<Placement> = Vec::new();
    for step in steps {
        let p = step.placement();
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// What an item's own words show about where it stands: deleted text inside means it was in the
/// old text, inserted text inside means it is in the new text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub in_old: bool,
    pub in_new: bool,
}

/// Aligns the labels of one list (items in order, labels as written), with what each item's
/// words show (`evidence`, one per label; missing entries show nothing). Where the evidence
/// contradicts every reading of the labels, the labels alone decide.
pub fn align_labels(labels: &[&str], evidence: &[Evidence]) -> ListAlignment {
    let all_steps: Vec<Vec<Step>> = labels.iter().map(|l| steps_for(l)).collect();
    let constrained: Vec<Vec<Step>> = all_steps
        .iter()
        .enumerate()
        .map(|(i, steps)| {
            let e = evidence.get(i).copied().unwrap_or_default();
            steps
                .iter()
                .filter(|s| !(e.in_old && matches!(s, Step::New(..))))
                .filter(|s| !(e.in_new && matches!(s, Step::Old(..))))
                .cloned()
                .collect()
        })
        .collect();
    let full_cost = |(primary, order): Cost| primary.saturating_mul(1000).saturating_add(order);
    let (steps, full) = match search(&constrained, full_cost) {
        Some(found) => (constrained, found),
        None => match search(&all_steps, full_cost) {
            Some(found) => (all_steps, found),
            None => return ListAlignment::Unaligned,
        },
    };
    let Some(primary) = search(&steps, |(primary, _)| primary) else {
        return ListAlignment::Unaligned;
    };
    let mut items = Vec::with_capacity(labels.len());
    for i in 0..labels.len() {
        let chosen_step = &full.chosen[i];
        let chosen = chosen_step.placement();
        let mut alternatives = distinct_placements(&full.optimal_steps[i]);
        if !alternatives.contains(&chosen) {
            alternatives.insert(0, chosen.clone());
        }
        let ruled_out_by_order = distinct_placements(&primary.optimal_steps[i])
            .into_iter()
            .filter(|p| !alternatives.contains(p))
            .collect();
        items.push(ItemAlignment {
            chosen,
            alternatives,
            ruled_out_by_order,
            gap: false,
        });
    }
    // Mark gaps on the chosen reading.
    let mut state = State {
        old: None,
        new: None,
        mode: Mode::Start,
    };
    for (i, step) in full.chosen.iter().enumerate() {
        if let Some(((c, _), to)) = transition(state, step) {
            items[i].gap = c >= GAP_COST;
            state = to;
        }
    }
    ListAlignment::Aligned(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aligned(labels: &[&str]) -> Vec<ItemAlignment> {
        match align_labels(labels, &[]) {
            ListAlignment::Aligned(items) => items,
            ListAlignment::Unaligned => panic!("expected an alignment of {labels:?}"),
        }
    }

    fn old_labels(items: &[ItemAlignment]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| i.chosen.old_label().map(str::to_string))
            .collect()
    }

    fn new_labels(items: &[ItemAlignment]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| i.chosen.new_label().map(str::to_string))
            .collect()
    }

    #[test]
    fn states_sort_by_their_keys_as_they_sort_by_their_fields() {
        let sides = [
            None,
            Some(LabelValue {
                kind: LabelKind::Letter,
                rank: 1,
            }),
            Some(LabelValue {
                kind: LabelKind::Letter,
                rank: 30,
            }),
            Some(LabelValue {
                kind: LabelKind::Number,
                rank: 2,
            }),
            Some(LabelValue {
                kind: LabelKind::Roman,
                rank: u32::MAX,
            }),
        ];
        let modes = [Mode::Start, Mode::Both, Mode::Pair, Mode::Old, Mode::New];
        let mut states = Vec::new();
        for old in sides {
            for new in sides {
                for mode in modes {
                    states.push(State { old, new, mode });
                }
            }
        }
        for a in &states {
            for b in &states {
                assert_eq!(a.order_key().cmp(&b.order_key()), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn roman_numerals_read_in_canonical_form_only() {
        assert_eq!(roman_rank("iii"), Some(3));
        assert_eq!(roman_rank("iv"), Some(4));
        assert_eq!(roman_rank("xix"), Some(19));
        assert_eq!(roman_rank("iiii"), None);
        assert_eq!(roman_rank("iiiii"), None);
    }

    #[test]
    fn a_two_letter_label_reads_as_an_old_and_a_new_letter() {
        let readings = label_readings("cb)");
        assert!(readings.contains(&LabelReading::Pair {
            old: LabelValue {
                kind: LabelKind::Letter,
                rank: 3
            },
            old_text: "c)".into(),
            new: LabelValue {
                kind: LabelKind::Letter,
                rank: 2
            },
            new_text: "b)".into(),
        }));
    }

    #[test]
    fn an_unchanged_list_stands_in_both_texts() {
        let items = aligned(&["a)", "b)", "c)"]);
        assert!(items
            .iter()
            .all(|i| matches!(i.chosen, Placement::Both { .. }) && i.alternatives.len() == 1));
    }

    #[test]
    fn resolution_130_considerant_labels_give_old_a_to_j_and_new_a_to_k() {
        let labels = [
            "a)", "b)", "a)", "cb)", "dc)", "ed)", "fe)", "gf)", "h)", "ig)", "jh)", "i)", "j)",
            "k)",
        ];
        let items = aligned(&labels);
        assert_eq!(
            old_labels(&items),
            ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)", "k)"]
        );
        assert_eq!(
            new_labels(&items),
            ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)", "k)"]
        );
        assert_eq!(items[0].chosen, Placement::OldOnly { label: "a)".into() });
        assert_eq!(items[1].chosen, Placement::OldOnly { label: "b)".into() });
        assert_eq!(items[2].chosen, Placement::NewOnly { label: "a)".into() });
        assert_eq!(items[8].chosen, Placement::OldOnly { label: "h)".into() });
        assert_eq!(items[11].chosen, Placement::NewOnly { label: "i)".into() });
        assert_eq!(items[12].chosen, Placement::NewOnly { label: "j)".into() });
        for settled in &items[..13] {
            assert_eq!(settled.alternatives.len(), 1, "{settled:?}");
        }
        // k) may continue the insertion or have been there before.
        assert!(items[13]
            .alternatives
            .contains(&Placement::Both { label: "k)".into() }));
        assert!(items[13]
            .alternatives
            .contains(&Placement::NewOnly { label: "k)".into() }));
    }

    #[test]
    fn a_number_pair_after_two_plain_numbers_marks_them_inserted() {
        let labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "810"];
        let items = aligned(&labels);
        assert_eq!(old_labels(&items).len(), 8);
        assert_eq!(new_labels(&items).len(), 10);
        assert_eq!(items[7].chosen, Placement::NewOnly { label: "8".into() });
        assert_eq!(items[8].chosen, Placement::NewOnly { label: "9".into() });
        assert_eq!(
            items[9].chosen,
            Placement::Renumbered {
                old: "8".into(),
                new: "10".into()
            }
        );
    }

    #[test]
    fn twenty_three_after_two_is_old_two_new_three() {
        let items = aligned(&["1", "2", "23", "4", "3"]);
        assert_eq!(
            items[2].chosen,
            Placement::Renumbered {
                old: "2".into(),
                new: "3".into()
            }
        );
        assert_eq!(items[1].chosen, Placement::NewOnly { label: "2".into() });
    }

    #[test]
    fn i_after_h_is_a_letter() {
        let items = aligned(&["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)"]);
        assert!(items
            .iter()
            .all(|i| matches!(i.chosen, Placement::Both { .. })));
    }

    #[test]
    fn two_equal_labels_read_deleted_first_and_say_that_the_rule_decided() {
        let items = aligned(&["a)", "b)", "b)", "c)"]);
        assert_eq!(items[1].chosen, Placement::OldOnly { label: "b)".into() });
        assert_eq!(items[2].chosen, Placement::NewOnly { label: "b)".into() });
        assert!(!items[1].ruled_out_by_order.is_empty());
    }

    #[test]
    fn iiiii_admits_two_readings() {
        let items = aligned(&["i)", "ii)", "iiiii)"]);
        assert!(items[2].alternatives.len() > 1);
        assert!(items[1].alternatives.len() > 1);
    }

    #[test]
    fn an_item_with_changes_inside_stands_in_both_texts() {
        let both = Evidence {
            in_old: true,
            in_new: true,
        };
        let items = match align_labels(&["a)", "b)", "b)", "c)"], &[both, both, both, both]) {
            ListAlignment::Aligned(items) => items,
            ListAlignment::Unaligned => panic!("aligned"),
        };
        // Evidence that contradicts every reading is set aside.
        assert_eq!(items.len(), 4);
        let items = match align_labels(
            &["a)", "b)", "b)", "c)"],
            &[
                Evidence::default(),
                Evidence::default(),
                Evidence::default(),
                both,
            ],
        ) {
            ListAlignment::Aligned(items) => items,
            ListAlignment::Unaligned => panic!("aligned"),
        };
        assert_eq!(
            items[3].alternatives,
            [Placement::Both { label: "c)".into() }]
        );
    }

    #[test]
    fn a_gap_in_the_labels_is_noticed() {
        let items = aligned(&["a)", "b)", "c)", "e)", "f)"]);
        assert!(items[3].gap);
        assert!(items
            .iter()
            .all(|i| matches!(i.chosen, Placement::Both { .. })));
    }

    #[test]
    fn bullets_are_neutral() {
        let items = aligned(&["–", "•", "a)"]);
        assert_eq!(
            items[0].chosen,
            Placement::Both {
                label: "–".into()
            }
        );
    }
}
