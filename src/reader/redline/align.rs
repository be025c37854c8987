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

use crate::reader::labels::core_values;
pub use crate::reader::labels::{roman_rank, LabelKind, LabelValue};

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

/// Splits a label as written into what comes before its core, the core, and what comes after
/// (`(b)` into `(`, `b`, `)`; `810` into ``, `810`, ``). The three together are the trimmed label.
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

/// The parts of a label (see [`label_parts`]) if it is shaped like one we read: a core, and
/// nothing alphanumeric after it (`b)x` is not a label).
fn readable_parts(label: &str) -> Option<(&str, &str, &str)> {
    let (before, core, after) = label_parts(label);
    if after.chars().any(char::is_alphanumeric) || core.is_empty() {
        return None;
    }
    Some((before, core, after))
}

/// One reading of a label core as values only. Its texts follow from the label: a single
/// value's is the trimmed label, a pair's are the label with its core cut at `split`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueReading {
    Single(LabelValue),
    /// Old label first, the core cut at byte `split`.
    Pair {
        old: LabelValue,
        new: LabelValue,
        split: usize,
    },
}

/// Calls `visit` on every reading of a label core, singles first, then pairs by where the core
/// is cut: the order [`label_readings`] lists them in.
fn for_each_reading(core: &str, mut visit: impl FnMut(ValueReading)) {
    core_values(core).for_each(|value| visit(ValueReading::Single(value)));
    for (split, _) in core.char_indices().skip(1) {
        let (left, right) = core.split_at(split);
        let news = core_values(right);
        for old in core_values(left) {
            for new in news.clone() {
                if old.kind == new.kind && old != new {
                    visit(ValueReading::Pair { old, new, split });
                }
            }
        }
    }
}

/// Every reading of a label as written: as one label and as two run together. A bullet (`–`,
/// `•`) or anything else outside the three numbering systems has none.
pub fn label_readings(label: &str) -> Vec<LabelReading> {
    let Some((before, core, after)) = readable_parts(label) else {
        return Vec::new();
    };
    let mut readings = Vec::new();
    for_each_reading(core, |reading| {
        readings.push(match reading {
            ValueReading::Single(value) => LabelReading::Single {
                value,
                text: [before, core, after].concat(),
            },
            ValueReading::Pair { old, new, split } => {
                let (left, right) = core.split_at(split);
                LabelReading::Pair {
                    old,
                    old_text: [before, left, after].concat(),
                    new,
                    new_text: [before, right, after].concat(),
                }
            }
        });
    });
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

/// One way to read one label: a step of both sequences, of one, or of neither. Steps carry no
/// text, only values: the item's label gives the texts when a placement is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Both(LabelValue),
    /// Old label first, the label's core cut at byte `split`.
    Pair {
        old: LabelValue,
        new: LabelValue,
        split: usize,
    },
    Old(LabelValue),
    New(LabelValue),
    /// A label outside any numbering system: in both texts, no effect on the sequences.
    Neutral,
}

/// A placement of one item as a step gives it, before its labels are written out. Two steps of
/// one label give the same [`Placement`] exactly when they give the same key: a label's single
/// readings all keep the label as written, and a pair's two texts are fixed by where it is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlacementKey {
    Both,
    Renumbered { split: usize },
    OldOnly,
    NewOnly,
}

impl Step {
    fn placement_key(self) -> PlacementKey {
        match self {
            Step::Both(_) | Step::Neutral => PlacementKey::Both,
            Step::Pair { split, .. } => PlacementKey::Renumbered { split },
            Step::Old(_) => PlacementKey::OldOnly,
            Step::New(_) => PlacementKey::NewOnly,
        }
    }
}

impl PlacementKey {
    /// The placement written out with the labels of `label`, the label the step was read from.
    fn placement(self, label: &str) -> Placement {
        // A single reading's text, and a neutral label's, is the label trimmed: what comes before
        // the core, the core and what comes after.
        let as_written = || label.trim().to_string();
        match self {
            PlacementKey::Both => Placement::Both {
                label: as_written(),
            },
            PlacementKey::OldOnly => Placement::OldOnly {
                label: as_written(),
            },
            PlacementKey::NewOnly => Placement::NewOnly {
                label: as_written(),
            },
            PlacementKey::Renumbered { split } => {
                let (before, core, after) = label_parts(label);
                let (left, right) = core.split_at(split);
                Placement::Renumbered {
                    old: [before, left, after].concat(),
                    new: [before, right, after].concat(),
                }
            }
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
fn transition(state: State, step: Step) -> Option<(Cost, State)> {
    match step {
        Step::Neutral => Some(((0, 0), state)),
        Step::Both(v) => {
            // One gap in a list that both texts share is one gap.
            let gap = advance(state.old, v)?.max(advance(state.new, v)?);
            Some((
                (gap, 0),
                State {
                    old: Some(v),
                    new: Some(v),
                    mode: Mode::Both,
                },
            ))
        }
        Step::Pair { old, new, .. } => {
            let gap = advance(state.old, old)?.max(advance(state.new, new)?);
            Some((
                (gap + PAIR_COST, 0),
                State {
                    old: Some(old),
                    new: Some(new),
                    mode: Mode::Pair,
                },
            ))
        }
        Step::Old(v) => {
            let gap = advance(state.old, v)?;
            let run = if state.mode == Mode::Old { 0 } else { RUN_COST };
            let order = u64::from(state.mode == Mode::New);
            Some((
                (gap + run, order),
                State {
                    old: Some(v),
                    new: state.new,
                    mode: Mode::Old,
                },
            ))
        }
        Step::New(v) => {
            let gap = advance(state.new, v)?;
            let run = if state.mode == Mode::New { 0 } else { RUN_COST };
            Some((
                (gap + run, 0),
                State {
                    old: state.old,
                    new: Some(v),
                    mode: Mode::New,
                },
            ))
        }
    }
}

/// The steps each label of a list allows, item by item, in one vector: every single reading
/// read in both texts, in the old only and in the new only, then every pair reading; a label
/// with no reading is neutral.
struct ItemSteps {
    steps: Vec<Step>,
    /// Item `i`'s steps are `steps[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
}

impl ItemSteps {
    fn read(labels: &[&str]) -> ItemSteps {
        let mut steps = Vec::with_capacity(labels.len() * 4);
        let mut starts = Vec::with_capacity(labels.len() + 1);
        starts.push(0);
        for label in labels {
            if let Some((_, core, _)) = readable_parts(label) {
                for_each_reading(core, |reading| match reading {
                    ValueReading::Single(value) => {
                        steps.extend([Step::Both(value), Step::Old(value), Step::New(value)]);
                    }
                    ValueReading::Pair { old, new, split } => {
                        steps.push(Step::Pair { old, new, split });
                    }
                });
            }
            if steps.len() == *starts.last().expect("starts begins with 0") {
                steps.push(Step::Neutral);
            }
            starts.push(steps.len());
        }
        ItemSteps { steps, starts }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn of(&self, item: usize) -> &[Step] {
        &self.steps[self.starts[item]..self.starts[item + 1]]
    }
}

type Cost = (u64, u64);

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

/// One step taken from one state: the states are indices into [`Lattice::states`].
#[derive(Debug, Clone, Copy)]
struct Edge {
    from: usize,
    to: usize,
    step: Step,
    cost: Cost,
}

/// Every reading of a list's labels as a graph: the states reachable before each item, and every
/// step from each of them. Which states and steps there are does not depend on how steps are
/// costed, so the graph is built once and searched once per cost function.
struct Lattice {
    /// The states before item 0 (the start), before item 1, ..., after the last item; each
    /// item's states in the order of the states (as a `BTreeMap` would iterate them, so that
    /// every "first" below is the same whatever the order steps reached them in).
    states: Vec<State>,
    /// The states before item `i` are `states[layer_starts[i]..layer_starts[i + 1]]`.
    layer_starts: Vec<usize>,
    /// The steps of item 0, of item 1, ...; each item's by the state they leave, then in the
    /// order of the item's steps.
    edges: Vec<Edge>,
    /// Item `i`'s edges are `edges[edge_starts[i]..edge_starts[i + 1]]`.
    edge_starts: Vec<usize>,
}

impl Evidence {
    /// Whether an item with this evidence may be read by `step`: deleted text inside rules out
    /// an insertion, inserted text inside a deletion.
    fn allows(self, step: Step) -> bool {
        let rules_out = self.in_old && matches!(step, Step::New(..))
            || self.in_new && matches!(step, Step::Old(..));
        !rules_out
    }
}

impl Lattice {
    /// Builds the graph, leaving out the steps `evidence` rules out (one entry per item; missing
    /// entries rule out nothing). `None` where some item can be reached by no reading, or by more
    /// than [`MAX_STATES`] states.
    fn build(steps: &ItemSteps, evidence: &[Evidence]) -> Option<Lattice> {
        let start = State {
            old: None,
            new: None,
            mode: Mode::Start,
        };
        let items = steps.len();
        let mut lattice = Lattice {
            states: Vec::with_capacity(items * 8 + 1),
            layer_starts: Vec::with_capacity(items + 2),
            edges: Vec::with_capacity(items * 16),
            edge_starts: Vec::with_capacity(items + 1),
        };
        lattice.states.push(start);
        lattice.layer_starts.extend([0, 1]);
        lattice.edge_starts.push(0);
        // The states the current item's steps reach, sorted by key as they are found, and the
        // key each of its edges leads to until the states have their final indices.
        let mut next: Vec<(u128, State)> = Vec::with_capacity(32);
        let mut edge_keys: Vec<u128> = Vec::with_capacity(64);
        for item in 0..items {
            let item_evidence = evidence.get(item).copied().unwrap_or_default();
            next.clear();
            edge_keys.clear();
            let first_edge = lattice.edges.len();
            for from in lattice.layer(item) {
                for &step in steps.of(item) {
                    if !item_evidence.allows(step) {
                        continue;
                    }
                    let Some((cost, to)) = transition(lattice.states[from], step) else {
                        continue;
                    };
                    let key = to.order_key();
                    if let Err(index) = next.binary_search_by_key(&key, |(key, _)| *key) {
                        next.insert(index, (key, to));
                    }
                    edge_keys.push(key);
                    lattice.edges.push(Edge {
                        from,
                        to: usize::MAX,
                        step,
                        cost,
                    });
                }
            }
            if next.is_empty() || next.len() > MAX_STATES {
                return None;
            }
            let base = lattice.states.len();
            for (edge, key) in lattice.edges[first_edge..].iter_mut().zip(&edge_keys) {
                let index = next
                    .binary_search_by_key(key, |(key, _)| *key)
                    .expect("every state reached is among the next states");
                edge.to = base + index;
            }
            lattice.states.extend(next.iter().map(|(_, state)| *state));
            lattice.layer_starts.push(lattice.states.len());
            lattice.edge_starts.push(lattice.edges.len());
        }
        Some(lattice)
    }

    fn items(&self) -> usize {
        self.edge_starts.len() - 1
    }

    /// The indices of the states before `item` (after the last item for `item == items()`).
    fn layer(&self, item: usize) -> std::ops::Range<usize> {
        self.layer_starts[item]..self.layer_starts[item + 1]
    }

    fn item_edges(&self, item: usize) -> &[Edge] {
        &self.edges[self.edge_starts[item]..self.edge_starts[item + 1]]
    }

    /// The forward and backward passes over the graph with one cost function: for each item,
    /// the placements on some cheapest reading, and one cheapest reading. `u64::MAX` stands for
    /// "no way through" (costs add up saturating, as a cost can never reach it otherwise).
    fn search(&self, cost_of: impl Fn(Cost) -> u64) -> Option<Search> {
        let unreachable = u64::MAX;
        // forward[s]: the best cost from the start to state s. Edges come item by item, so every
        // state's cost is final before the edges leaving it are read.
        let mut forward = vec![unreachable; self.states.len()];
        forward[0] = 0;
        for edge in &self.edges {
            let via = forward[edge.from].saturating_add(cost_of(edge.cost));
            forward[edge.to] = forward[edge.to].min(via);
        }
        // backward[s]: the best cost from state s to the end, if the end can be reached from s.
        let mut backward = vec![unreachable; self.states.len()];
        backward[self.layer(self.items())].fill(0);
        for edge in self.edges.iter().rev() {
            let rest = backward[edge.to];
            if rest != unreachable {
                let via = cost_of(edge.cost).saturating_add(rest);
                backward[edge.from] = backward[edge.from].min(via);
            }
        }
        let optimum = backward[0];
        if optimum == unreachable {
            return None;
        }
        let items = self.items();
        let mut optimal = Vec::with_capacity(items);
        let mut optimal_starts = Vec::with_capacity(items + 1);
        optimal_starts.push(0);
        for item in 0..items {
            let first = optimal.len();
            for edge in self.item_edges(item) {
                let rest = backward[edge.to];
                if rest != unreachable
                    && forward[edge.from]
                        .saturating_add(cost_of(edge.cost))
                        .saturating_add(rest)
                        == optimum
                {
                    let key = edge.step.placement_key();
                    if !optimal[first..].contains(&key) {
                        optimal.push(key);
                    }
                }
            }
            optimal_starts.push(optimal.len());
        }
        // One cheapest reading, walking forward: the first step on some cheapest reading.
        let mut chosen = Vec::with_capacity(items);
        let mut state = 0;
        let mut spent = 0u64;
        for item in 0..items {
            let (edge, via) = self
                .item_edges(item)
                .iter()
                .filter(|edge| edge.from == state && backward[edge.to] != unreachable)
                .find_map(|edge| {
                    let via = spent.saturating_add(cost_of(edge.cost));
                    (via.saturating_add(backward[edge.to]) == optimum).then_some((edge, via))
                })?;
            chosen.push(edge.step);
            state = edge.to;
            spent = via;
        }
        Some(Search {
            optimal,
            optimal_starts,
            chosen,
        })
    }
}

/// The cheapest readings of a list under one cost function.
struct Search {
    /// The placements some cheapest reading gives each item, in the order first found.
    optimal: Vec<PlacementKey>,
    /// Item `i`'s placements are `optimal[optimal_starts[i]..optimal_starts[i + 1]]`.
    optimal_starts: Vec<usize>,
    /// One cheapest reading.
    chosen: Vec<Step>,
}

impl Search {
    fn optimal(&self, item: usize) -> &[PlacementKey] {
        &self.optimal[self.optimal_starts[item]..self.optimal_starts[item + 1]]
    }
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
    let steps = ItemSteps::read(labels);
    let full_cost = |(primary, order): Cost| primary.saturating_mul(1000).saturating_add(order);
    let searched = |evidence: &[Evidence]| {
        let lattice = Lattice::build(&steps, evidence)?;
        let full = lattice.search(full_cost)?;
        Some((lattice, full))
    };
    let Some((lattice, full)) = searched(evidence).or_else(|| searched(&[])) else {
        return ListAlignment::Unaligned;
    };
    let Some(primary) = lattice.search(|(primary, _)| primary) else {
        return ListAlignment::Unaligned;
    };
    let mut items = Vec::with_capacity(labels.len());
    for (i, label) in labels.iter().enumerate() {
        let chosen_key = full.chosen[i].placement_key();
        let chosen = chosen_key.placement(label);
        let optimal = full.optimal(i);
        let mut alternatives: Vec<Placement> =
            optimal.iter().map(|key| key.placement(label)).collect();
        if !optimal.contains(&chosen_key) {
            alternatives.insert(0, chosen.clone());
        }
        let ruled_out_by_order = primary
            .optimal(i)
            .iter()
            .filter(|key| **key != chosen_key && !optimal.contains(key))
            .map(|key| key.placement(label))
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
    for (i, &step) in full.chosen.iter().enumerate() {
        if let Some(((c, _), to)) = transition(state, step) {
            items[i].gap = c >= GAP_COST;
            state = to;
        }
    }
    ListAlignment::Aligned(items)
}

#[cfg(test)]
mod reference;

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

    #[test]
    fn roman_ranks_match_the_reference_on_every_short_numeral() {
        let mut numerals = vec![String::new()];
        let mut last_length = vec![String::new()];
        for _ in 0..9 {
            last_length = last_length
                .iter()
                .flat_map(|n| ["i", "v", "x"].map(|d| format!("{n}{d}")))
                .collect();
            numerals.extend(last_length.iter().cloned());
        }
        numerals.extend(["a", "iv)", "IV", "ï", "1"].map(String::from));
        for numeral in &numerals {
            assert_eq!(
                roman_rank(numeral),
                reference::roman_rank(numeral),
                "{numeral}"
            );
        }
    }

    mod against_the_reference {
        use super::super::{align_labels, label_readings, reference, Evidence};
        use proptest::prelude::*;

        /// The core of the label of rank `rank` in one numbering system (0 letters, 1 numbers,
        /// 2 roman numerals).
        fn core(kind: u8, rank: u32) -> String {
            match kind {
                0 => char::from(b'a' + u8::try_from((rank - 1) % 26).expect("below 26")).into(),
                1 => rank.to_string(),
                _ => reference::roman(rank.min(39)),
            }
        }

        /// Labels of one list as a redline runs them together: mostly one numbering system,
        /// ranks rising with repeats and skips, some pairs, a stray label of another kind.
        fn list() -> impl Strategy<Value = Vec<String>> {
            let label = (
                0u8..4,
                1u32..14,
                proptest::option::of(1u32..14),
                prop_oneof![
                    Just(("", "")),
                    Just(("", ")")),
                    Just(("(", ")")),
                    Just((" ", " "))
                ],
            );
            (0u8..3, proptest::collection::vec(label, 0..13)).prop_map(|(kind, labels)| {
                labels
                    .into_iter()
                    .map(|(stray, rank, paired, (before, after))| {
                        let kind = if stray == 0 { (kind + 1) % 3 } else { kind };
                        let second = paired.map_or(String::new(), |rank| core(kind, rank));
                        format!("{before}{}{second}{after}", core(kind, rank))
                    })
                    .collect()
            })
        }

        fn any_label() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-z0-9ivx()\\-•]{0,6}",
                "\\PC{0,6}",
                Just("–".to_string()),
                Just("iiiii)".to_string()),
            ]
        }

        fn evidence() -> impl Strategy<Value = Vec<Evidence>> {
            proptest::collection::vec(
                (proptest::bool::weighted(0.2), proptest::bool::weighted(0.2))
                    .prop_map(|(in_old, in_new)| Evidence { in_old, in_new }),
                0..13,
            )
        }

        proptest! {
            #[test]
            fn lists_align_as_the_reference_aligns_them(labels in list(), evidence in evidence()) {
                let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                prop_assert_eq!(
                    align_labels(&labels, &evidence),
                    reference::align_labels(&labels, &evidence)
                );
            }

            #[test]
            fn any_labels_align_as_the_reference_aligns_them(
                labels in proptest::collection::vec(any_label(), 0..8),
                evidence in evidence(),
            ) {
                let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                prop_assert_eq!(
                    align_labels(&labels, &evidence),
                    reference::align_labels(&labels, &evidence)
                );
            }

            #[test]
            fn labels_read_as_the_reference_reads_them(label in any_label()) {
                prop_assert_eq!(label_readings(&label), reference::label_readings(&label));
            }
        }
    }
}
