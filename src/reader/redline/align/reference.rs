//! The aligner as first written, kept for tests only: a clear search over owned steps, run once
//! per cost function, that the faster search in the parent module must match result for result.
//! It is an oracle for the speed work, not a second specification: when the alignment is meant to
//! change, change it here too, or drop this module and the proptests that use it.

use super::{
    advance, Evidence, ItemAlignment, LabelKind, LabelReading, LabelValue, ListAlignment, Mode,
    Placement, State, GAP_COST, MAX_STATES, PAIR_COST, RUN_COST,
};

/// Reads a roman numeral made of i, v and x (1 to 39), in canonical form only.
pub fn roman_rank(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 || !s.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return None;
    }
    (1..40).find(|&n| roman(n) == s)
}

pub fn roman(mut n: u32) -> String {
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

/// The best cost of each state, in the order of the states, in a sorted vector.
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
