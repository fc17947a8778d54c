//! Semantic checks and lints for scenarios: everything serde cannot see.
//! Each check is one small function that pushes positioned diagnostics.

use super::diagnostics::{Code, Diagnostic};
use super::limits::*;
use super::spans::{Seg, SourceMap};
use crate::graph;
use crate::model::{Condition, Flag, Rubric, Scenario, StandardId, Text};
use std::collections::{HashMap, HashSet};
use std::path::Path;

use Seg::{Field as F, Index as I};

/// Where a scenario's problems are reported and how positions are found.
pub struct Ctx<'a> {
    /// The file, for the diagnostics.
    pub file: &'a Path,
    /// Its structural index.
    pub map: &'a SourceMap,
    /// The scenarios folder images must stay inside.
    pub root: &'a Path,
    /// Everything found so far.
    pub out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn at(&mut self, path: &[Seg], code: Code, msg: impl Into<String>) {
        let pos = self.map.locate(path);
        self.out.push(Diagnostic::new(self.file, pos, code, msg));
    }

    fn at_value(&mut self, path: &[Seg], code: Code, msg: impl Into<String>) {
        let pos = self.map.locate_value(path);
        self.out.push(Diagnostic::new(self.file, pos, code, msg));
    }
}

/// Run every scenario check. `rubric` is `None` when standards.ron failed to load.
pub fn scenario(sc: &Scenario, rubric: Option<&Rubric>, ctx: &mut Ctx) {
    if sc.format != crate::model::FORMAT_VERSION {
        ctx.at_value(
            &[F("format")],
            Code::Version,
            format!("format version {} is not supported; expected 1", sc.format),
        );
        return;
    }
    if !limits(sc, ctx) {
        return;
    }
    let ids = node_ids(sc, ctx);
    references(sc, &ids, ctx);
    node_shapes(sc, ctx);
    match rubric {
        Some(r) => standards(sc, r, ctx),
        None => ctx.at(
            &[F("standards")],
            Code::NoRubric,
            "standards.ron did not load, so standard ids cannot be checked",
        ),
    }
    let graph = NodeGraph::new(sc, &ids);
    reachability(sc, &graph, ctx);
    loops(sc, &graph, ctx);
    conditions(sc, ctx);
    images(sc, ctx);
    texts(sc, ctx);
}

/// Size limits; false stops further checks (they could be slow on hostile input).
fn limits(sc: &Scenario, ctx: &mut Ctx) -> bool {
    let before = ctx.out.len();
    if sc.nodes.len() > MAX_NODES {
        ctx.at(
            &[F("nodes")],
            Code::Limit,
            format!("{} nodes; the limit is {MAX_NODES}", sc.nodes.len()),
        );
        return false;
    }
    if sc.mood > 100 {
        ctx.at_value(
            &[F("mood")],
            Code::OutOfRange,
            format!("mood {} is outside 0–100", sc.mood),
        );
    }
    for (n, node) in sc.nodes.iter().enumerate() {
        if node.choices.len() > MAX_CHOICES {
            ctx.at(
                &[F("nodes"), I(n), F("choices")],
                Code::Limit,
                format!(
                    "{} choices; the limit is {MAX_CHOICES} (keys 1–9)",
                    node.choices.len()
                ),
            );
        }
        if node.lines.len() > MAX_LINES {
            ctx.at(
                &[F("nodes"), I(n), F("lines")],
                Code::Limit,
                format!("{} lines; the limit is {MAX_LINES}", node.lines.len()),
            );
        }
        if let Some(t) = &node.time_limit
            && !(1..=MAX_TIME_LIMIT).contains(&t.seconds)
        {
            let p = [F("nodes"), I(n), F("time_limit"), F("seconds")];
            ctx.at_value(
                &p,
                Code::OutOfRange,
                format!(
                    "time limit of {} s is outside 1–{MAX_TIME_LIMIT}",
                    t.seconds
                ),
            );
        }
        for (c, choice) in node.choices.iter().enumerate() {
            for (e, eff) in choice.effects.iter().enumerate() {
                if eff.amount.abs() > MAX_EFFECT {
                    let p = effect_path(n, c, e, "amount");
                    ctx.at_value(
                        &p,
                        Code::OutOfRange,
                        format!(
                            "effect {} is outside -{MAX_EFFECT}…{MAX_EFFECT}",
                            eff.amount
                        ),
                    );
                }
            }
            if choice.mood.abs() > 100 {
                let p = [F("nodes"), I(n), F("choices"), I(c), F("mood")];
                ctx.at_value(
                    &p,
                    Code::OutOfRange,
                    format!("mood change {} is outside -100…100", choice.mood),
                );
            }
        }
    }
    let flags = flag_names(sc);
    if flags.len() > MAX_FLAGS {
        ctx.at(
            &[F("nodes")],
            Code::Limit,
            format!(
                "{} distinct flags and visited-conditions; the limit is {MAX_FLAGS}",
                flags.len()
            ),
        );
    }
    for_each_text(sc, &mut |path, text| {
        if text.parts().any(|s| s.chars().count() > MAX_TEXT_CHARS) {
            ctx.at(
                &path,
                Code::Limit,
                format!("text longer than {MAX_TEXT_CHARS} characters"),
            );
        }
    });
    ctx.out.len() == before
}

/// Every name a condition can test: flags, and nodes named in visited-conditions.
pub fn flag_names(sc: &Scenario) -> HashSet<String> {
    let mut names = HashSet::new();
    for node in &sc.nodes {
        for choice in &node.choices {
            names.extend(choice.set.iter().map(|f| format!("flag:{f}")));
            for cond in &choice.when {
                match cond {
                    Condition::Flag(f) | Condition::NotFlag(f) => names.insert(format!("flag:{f}")),
                    Condition::Visited(n) | Condition::NotVisited(n) => {
                        names.insert(format!("node:{n}"))
                    }
                    _ => false,
                };
            }
        }
    }
    names
}

/// Node id → index, reporting duplicates.
fn node_ids(sc: &Scenario, ctx: &mut Ctx) -> HashMap<String, usize> {
    let mut ids = HashMap::new();
    for (n, node) in sc.nodes.iter().enumerate() {
        if let Some(first) = ids.insert(node.id.0.clone(), n) {
            ids.insert(node.id.0.clone(), first);
            let line = ctx.map.locate(&[F("nodes"), I(first), F("id")]).line;
            ctx.at_value(
                &[F("nodes"), I(n), F("id")],
                Code::DuplicateId,
                format!(
                    "duplicate node id `{}` (first defined on line {line})",
                    node.id
                ),
            );
        }
    }
    ids
}

/// Unknown node ids in `start`, `next`, `goto` and visited-conditions.
fn references(sc: &Scenario, ids: &HashMap<String, usize>, ctx: &mut Ctx) {
    let check = |path: &[Seg], id: &str, what: &str, ctx: &mut Ctx| {
        if !ids.contains_key(id) {
            let hint = suggestion(id, ids.keys().map(String::as_str));
            ctx.at_value(
                path,
                Code::UnknownNode,
                format!("{what} `{id}` is not a node in this file{hint}"),
            );
        }
    };
    check(&[F("start")], sc.start.as_str(), "start node", ctx);
    for (n, node) in sc.nodes.iter().enumerate() {
        if let Some(t) = &node.time_limit {
            match &t.goto {
                Some(g) => check(&[F("nodes"), I(n), F("time_limit"), F("goto")], g.as_str(), "timeout target", ctx),
                None => ctx.at(
                    &[F("nodes"), I(n), F("time_limit")],
                    Code::TimeoutTarget,
                    "time limit has no `goto`: say which node the scenario moves to when time runs out",
                ),
            }
        }
        for (c, choice) in node.choices.iter().enumerate() {
            check(
                &[F("nodes"), I(n), F("choices"), I(c), F("next")],
                choice.next.as_str(),
                "next node",
                ctx,
            );
            for (k, cond) in choice.when.iter().enumerate() {
                if let Condition::Visited(v) | Condition::NotVisited(v) = cond {
                    check(
                        &[F("nodes"), I(n), F("choices"), I(c), F("when"), I(k)],
                        v.as_str(),
                        "visited node",
                        ctx,
                    );
                }
            }
        }
    }
}

/// ", did you mean `x`?" when a known id is one or two edits away.
fn suggestion<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .filter(|k| edit_distance(id, k) <= 2)
        .min_by_key(|k| edit_distance(id, k))
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Every node is a decision or an ending, never both or neither.
fn node_shapes(sc: &Scenario, ctx: &mut Ctx) {
    for (n, node) in sc.nodes.iter().enumerate() {
        match (node.choices.is_empty(), node.ending.is_some()) {
            (false, true) => ctx.at(
                &[F("nodes"), I(n), F("ending")],
                Code::ChoicesAndEnding,
                format!(
                    "node `{}` has both choices and an ending; keep one",
                    node.id
                ),
            ),
            (true, false) => ctx.at(
                &[F("nodes"), I(n), F("id")],
                Code::DeadEnd,
                format!(
                    "node `{}` has neither choices nor an ending, so play would stop here",
                    node.id
                ),
            ),
            _ => {}
        }
    }
}

/// Standard ids exist; claimed ones are exercised; exercised ones are claimed.
fn standards(sc: &Scenario, rubric: &Rubric, ctx: &mut Ctx) {
    let known: Vec<&str> = rubric.standards.iter().map(|s| s.id.as_str()).collect();
    let unknown = |path: &[Seg], id: &StandardId, ctx: &mut Ctx| {
        let ok = rubric.get(id).is_some();
        if !ok {
            let hint = suggestion(id.as_str(), known.iter().copied());
            ctx.at_value(
                path,
                Code::UnknownStandard,
                format!("standard `{id}` is not in standards.ron{hint}"),
            );
        }
        ok
    };
    let mut used: HashMap<&StandardId, Vec<Seg>> = HashMap::new();
    for (n, node) in sc.nodes.iter().enumerate() {
        if let Some(t) = &node.time_limit {
            let p = vec![F("nodes"), I(n), F("time_limit"), F("standard")];
            if unknown(&p, &t.standard, ctx) {
                used.entry(&t.standard).or_insert(p);
            }
        }
        for (c, choice) in node.choices.iter().enumerate() {
            for (e, eff) in choice.effects.iter().enumerate() {
                let p = effect_path(n, c, e, "standard");
                if unknown(&p, &eff.standard, ctx) {
                    used.entry(&eff.standard).or_insert(p);
                }
            }
        }
    }
    for (k, id) in sc.standards.iter().enumerate() {
        if unknown(&[F("standards"), I(k)], id, ctx) && !used.contains_key(id) {
            ctx.at_value(
                &[F("standards"), I(k)],
                Code::UnexercisedStandard,
                format!(
                    "the scenario claims to train `{id}` but no choice or time limit scores it"
                ),
            );
        }
    }
    let mut unclaimed: Vec<_> = used
        .into_iter()
        .filter(|(id, _)| !sc.standards.contains(id))
        .collect();
    unclaimed.sort_by_key(|(id, _)| (*id).clone());
    for (id, path) in unclaimed {
        ctx.at_value(
            &path,
            Code::UnclaimedStandard,
            format!("`{id}` is scored here but missing from the scenario's `standards` list"),
        );
    }
}

/// Edges between nodes, ignoring conditions: choices and timeouts.
struct NodeGraph {
    succ: Vec<Vec<usize>>,
    start: Option<usize>,
    index: HashMap<String, usize>,
}

impl NodeGraph {
    fn new(sc: &Scenario, ids: &HashMap<String, usize>) -> Self {
        let succ = sc
            .nodes
            .iter()
            .map(|node| {
                node.targets()
                    .filter_map(|id| ids.get(id.as_str()).copied())
                    .collect()
            })
            .collect();
        NodeGraph {
            succ,
            start: ids.get(sc.start.as_str()).copied(),
            index: ids.clone(),
        }
    }
}

/// Unreachable nodes, and nodes from which no ending can be reached.
fn reachability(sc: &Scenario, g: &NodeGraph, ctx: &mut Ctx) {
    let n = sc.nodes.len();
    let mut seen = vec![false; n];
    let mut todo: Vec<usize> = g.start.into_iter().collect();
    while let Some(v) = todo.pop() {
        if !std::mem::replace(&mut seen[v], true) {
            todo.extend(&g.succ[v]);
        }
    }
    let mut pred = vec![Vec::new(); n];
    for (v, s) in g.succ.iter().enumerate() {
        for &w in s {
            pred[w].push(v);
        }
    }
    let mut ends = vec![false; n];
    let mut todo: Vec<usize> = (0..n).filter(|&v| sc.nodes[v].ending.is_some()).collect();
    while let Some(v) = todo.pop() {
        if !std::mem::replace(&mut ends[v], true) {
            todo.extend(&pred[v]);
        }
    }
    for (v, node) in sc.nodes.iter().enumerate() {
        let p = [F("nodes"), I(v), F("id")];
        let duplicate = g.index.get(node.id.as_str()) != Some(&v);
        if duplicate {
            continue;
        }
        if g.start.is_some() && !seen[v] {
            ctx.at_value(
                &p,
                Code::Unreachable,
                format!(
                    "node `{}` cannot be reached from the start `{}`",
                    node.id, sc.start
                ),
            );
        } else if !ends[v] && !node.choices.is_empty() {
            ctx.at_value(
                &p,
                Code::NoWayOut,
                format!(
                    "no ending can be reached from node `{}`: its choices only loop back",
                    node.id
                ),
            );
        }
    }
}

/// Choices (and timeouts) inside a loop must not change scores.
fn loops(sc: &Scenario, g: &NodeGraph, ctx: &mut Ctx) {
    let comp = graph::scc(sc.nodes.len(), &|v| g.succ[v].clone());
    let on_loop = |from: usize, to: &str| g.index.get(to).is_some_and(|&t| comp[t] == comp[from]);
    for (n, node) in sc.nodes.iter().enumerate() {
        for (c, choice) in node.choices.iter().enumerate() {
            if !choice.effects.is_empty() && on_loop(n, choice.next.as_str()) {
                ctx.at(
                    &[F("nodes"), I(n), F("choices"), I(c), F("effects")],
                    Code::LoopEffect,
                    format!("this choice leads back round a loop to `{}`, so its effects could be scored again and again; move the effects to a choice outside the loop", choice.next),
                );
            }
        }
        if let Some(t) = &node.time_limit
            && let Some(g) = &t.goto
            && on_loop(n, g.as_str())
        {
            ctx.at(&[F("nodes"), I(n), F("time_limit")], Code::LoopEffect, format!("the timeout leads back round a loop to `{g}`, so its penalty could be counted again and again"));
        }
    }
}

/// Conditions that contradict themselves or test flags nothing sets.
fn conditions(sc: &Scenario, ctx: &mut Ctx) {
    let set: HashSet<&Flag> = sc
        .nodes
        .iter()
        .flat_map(|n| &n.choices)
        .flat_map(|c| &c.set)
        .collect();
    for (n, node) in sc.nodes.iter().enumerate() {
        for (c, choice) in node.choices.iter().enumerate() {
            let base = [F("nodes"), I(n), F("choices"), I(c), F("when")];
            let mut at_least = 0u8;
            let mut at_most = 100u8;
            for (k, cond) in choice.when.iter().enumerate() {
                let mut p = base.to_vec();
                p.push(I(k));
                let clash = match cond {
                    Condition::MoodAtLeast(v) if *v > 100 => Some(format!(
                        "mood can never be at least {v} (it stays within 0–100)"
                    )),
                    Condition::MoodAtLeast(v) => {
                        at_least = at_least.max(*v);
                        None
                    }
                    Condition::MoodAtMost(v) => {
                        at_most = at_most.min(*v);
                        None
                    }
                    Condition::Flag(f) if !set.contains(f) => Some(format!(
                        "no choice sets the flag `{f}`, so this choice is never offered"
                    )),
                    Condition::Flag(f) if choice.when.contains(&Condition::NotFlag(f.clone())) => {
                        Some(format!("requires `{f}` both set and not set"))
                    }
                    Condition::Visited(v)
                        if choice.when.contains(&Condition::NotVisited(v.clone())) =>
                    {
                        Some(format!("requires `{v}` both visited and not visited"))
                    }
                    _ => None,
                };
                if let Some(msg) = clash {
                    ctx.at_value(&p, Code::NeverOffered, msg);
                }
            }
            if at_least > at_most {
                ctx.at(&base, Code::NeverOffered, format!("mood must be at least {at_least} and at most {at_most} at once, which can never hold"));
            }
        }
    }
}

/// Image paths stay inside the scenarios folder and exist.
fn images(sc: &Scenario, ctx: &mut Ctx) {
    let dir = ctx.file.parent().unwrap_or(Path::new(".")).to_path_buf();
    for (n, node) in sc.nodes.iter().enumerate() {
        let Some(img) = &node.image else { continue };
        let p = [F("nodes"), I(n), F("image")];
        match super::assets::resolve(ctx.root, &dir, img) {
            Ok(_) => {}
            Err(super::assets::AssetError::Escapes) => ctx.at_value(&p, Code::AssetEscapes, format!("image `{img}` leaves the scenarios folder; use a plain relative path such as `images/counter.png`")),
            Err(super::assets::AssetError::Missing) => ctx.at_value(&p, Code::AssetMissing, format!("image `{img}` does not exist (paths are relative to this file)")),
        }
    }
}

/// The lint every text gets, in scenarios, banks and the rubric: empty, or half translated.
pub fn text_lint(text: &Text) -> Option<(Code, String)> {
    if text.is_empty() {
        Some((Code::EmptyText, "empty text".into()))
    } else {
        text.missing().map(|lang| {
            (
                Code::MissingTranslation,
                format!("missing {lang} translation"),
            )
        })
    }
}

/// Missing translations and empty texts.
fn texts(sc: &Scenario, ctx: &mut Ctx) {
    for_each_text(sc, &mut |path, text| {
        if let Some((code, msg)) = text_lint(text) {
            ctx.at(&path, code, msg);
        }
    });
}

/// Path to a field of one effect of one choice.
fn effect_path(n: usize, c: usize, e: usize, field: &'static str) -> Vec<Seg> {
    vec![
        F("nodes"),
        I(n),
        F("choices"),
        I(c),
        F("effects"),
        I(e),
        F(field),
    ]
}

/// Visit every bilingual text with its path.
pub fn for_each_text(sc: &Scenario, f: &mut dyn FnMut(Vec<Seg>, &Text)) {
    f(vec![F("title")], &sc.title);
    f(vec![F("summary")], &sc.summary);
    f(vec![F("setting"), F("industry")], &sc.setting.industry);
    f(vec![F("setting"), F("role")], &sc.setting.role);
    f(
        vec![F("setting"), F("customer"), F("name")],
        &sc.setting.customer.name,
    );
    f(
        vec![F("setting"), F("customer"), F("persona")],
        &sc.setting.customer.persona,
    );
    for (n, node) in sc.nodes.iter().enumerate() {
        let at = |rest: &[Seg]| [vec![F("nodes"), I(n)], rest.to_vec()].concat();
        if let Some(t) = &node.narration {
            f(at(&[F("narration")]), t);
        }
        for (l, line) in node.lines.iter().enumerate() {
            f(at(&[F("lines"), I(l), F("text")]), &line.text);
        }
        if let Some(t) = &node.time_limit {
            f(at(&[F("time_limit"), F("why")]), &t.why);
        }
        for (c, choice) in node.choices.iter().enumerate() {
            f(at(&[F("choices"), I(c), F("text")]), &choice.text);
            for (e, eff) in choice.effects.iter().enumerate() {
                f(
                    at(&[F("choices"), I(c), F("effects"), I(e), F("why")]),
                    &eff.why,
                );
            }
        }
        if let Some(e) = &node.ending {
            f(at(&[F("ending"), F("title")]), &e.title);
            f(at(&[F("ending"), F("debrief")]), &e.debrief);
        }
    }
}
