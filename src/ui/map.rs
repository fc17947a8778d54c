//! The branch map: every node of a scenario by its distance from the start, what each
//! choice leads to and scores, timeouts and conditions, with the expert path marked.
//! For trainers checking a scenario they are writing (it follows live reload).

use super::view::{Nav, View};
use crate::engine::Action;
use crate::load::LoadedScenario;
use crate::model::{Condition, Scenario, Waterfall};
use egui::{Color32, Frame, RichText, ScrollArea, Stroke, Ui};
use std::collections::VecDeque;

/// Nodes grouped by their shortest distance from the start (unreachable ones cannot load).
pub fn layers(sc: &Scenario) -> Vec<Vec<usize>> {
    let index = sc.index_by_id();
    let mut depth = vec![usize::MAX; sc.nodes.len()];
    let mut queue = VecDeque::new();
    if let Some(&s) = index.get(sc.start.as_str()) {
        depth[s] = 0;
        queue.push_back(s);
    }
    while let Some(v) = queue.pop_front() {
        for next in sc.nodes[v].targets() {
            if let Some(&w) = index.get(next.as_str())
                && depth[w] == usize::MAX
            {
                depth[w] = depth[v] + 1;
                queue.push_back(w);
            }
        }
    }
    let max = depth
        .iter()
        .filter(|d| **d != usize::MAX)
        .max()
        .copied()
        .unwrap_or(0);
    let mut out = vec![Vec::new(); max + 1];
    for (v, d) in depth.iter().enumerate() {
        if *d != usize::MAX {
            out[*d].push(v);
        }
    }
    out
}

fn condition(c: &Condition) -> String {
    match c {
        Condition::MoodAtLeast(v) => format!("mood ≥ {v}"),
        Condition::MoodAtMost(v) => format!("mood ≤ {v}"),
        Condition::Flag(f) => format!("flag {f}"),
        Condition::NotFlag(f) => format!("no flag {f}"),
        Condition::Visited(n) => format!("visited {n}"),
        Condition::NotVisited(n) => format!("not visited {n}"),
    }
}

/// Draw the map of one scenario.
pub fn ui(ui: &mut Ui, v: &View, loaded: &LoadedScenario) -> Option<Nav> {
    let sc = &loaded.scenario;
    let mut nav = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!(
            "{} — {}",
            v.t("分支图", "Branch map"),
            sc.title.inline(v.lang)
        ));
        if ui.button(v.t("开始练习", "Play it")).clicked() {
            nav = Some(Nav::Play(loaded.clone()));
        }
        if ui.button(v.t("返回书架", "Back to library")).clicked() {
            nav = Some(Nav::Library);
        }
    });
    let facts = format!(
        "{} {} · {} {} · {}",
        sc.nodes.len(),
        v.t("个节点", "nodes"),
        loaded.analysis.states,
        v.t("个状态", "play states"),
        v.t("粗体 = 专家路径", "bold = expert path")
    );
    ui.label(RichText::new(facts).size(v.sizes.small));
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (d, layer) in layers(sc).iter().enumerate() {
                ui.label(
                    RichText::new(format!("{} {d}", v.t("第几步", "Step")))
                        .size(v.sizes.small)
                        .strong(),
                );
                ui.horizontal_wrapped(|ui| {
                    for &n in layer {
                        node_card(ui, v, loaded, n);
                    }
                });
            }
        });
    nav
}

fn node_card(ui: &mut Ui, v: &View, loaded: &LoadedScenario, n: usize) {
    let node = &loaded.scenario.nodes[n];
    let expert = &loaded.analysis.expert;
    let on_expert = expert.iter().any(|(x, _)| *x == n)
        || expert
            .last()
            .is_some_and(|_| ending_of_expert(loaded) == Some(n));
    let stroke = if on_expert {
        Stroke::new(3.0, v.pal.good)
    } else {
        Stroke::new(1.0, v.pal.text.gamma_multiply(0.5))
    };
    let fill = node.ending.as_ref().map_or(v.pal.card, |e| {
        waterfall_colour(e.waterfall).gamma_multiply(0.35)
    });
    Frame::new()
        .stroke(stroke)
        .fill(fill)
        .inner_margin(8.0)
        .corner_radius(6.0)
        .show(ui, |ui| {
            // Lines stacked inside the card, whatever the surrounding layout.
            ui.vertical(|ui| {
                ui.set_max_width(v.sizes.body * 22.0);
                ui.label(RichText::new(node.id.as_str()).size(v.sizes.body).strong());
                if let Some(e) = &node.ending {
                    let text = format!(
                        "{} · {}",
                        e.waterfall.label().inline(v.lang),
                        e.title.inline(v.lang)
                    );
                    ui.label(RichText::new(text).size(v.sizes.small));
                }
                if let Some(t) = &node.time_limit {
                    let goto = t.goto.as_ref().map_or("?", |g| g.as_str());
                    let line = format!(
                        "{} {} s → {goto} ({:+} {})",
                        v.t("限时", "timer"),
                        t.seconds,
                        t.amount,
                        t.standard
                    );
                    ui.label(RichText::new(line).size(v.sizes.small).color(v.pal.bad));
                }
                for (c, choice) in node.choices.iter().enumerate() {
                    let score: i32 = choice.effects.iter().map(|e| e.amount).sum();
                    let mut line = format!(
                        "{}. → {} ({score:+}, mood {:+})",
                        c + 1,
                        choice.next,
                        choice.mood
                    );
                    if !choice.when.is_empty() {
                        line.push_str(&format!(
                            " [{}]",
                            choice
                                .when
                                .iter()
                                .map(condition)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    }
                    let mut text = RichText::new(line).size(v.sizes.small);
                    if expert.contains(&(n, Action::Choose(c))) {
                        text = text.strong().color(v.pal.good);
                    }
                    ui.label(text).on_hover_text(choice.text.show(v.lang));
                }
            });
        });
}

/// The node the expert path ends on.
fn ending_of_expert(loaded: &LoadedScenario) -> Option<usize> {
    let sc = &loaded.scenario;
    let &(node, action) = loaded.analysis.expert.last()?;
    let next = match action {
        Action::Choose(c) => &sc.nodes[node].choices[c].next,
        Action::Timeout => sc.nodes[node].time_limit.as_ref()?.goto.as_ref()?,
    };
    sc.node_index(next)
}

fn waterfall_colour(w: Waterfall) -> Color32 {
    match w {
        Waterfall::Loyal | Waterfall::VerySatisfied => Color32::from_rgb(60, 170, 90),
        Waterfall::Satisfied => Color32::from_rgb(190, 170, 60),
        Waterfall::Dissatisfied => Color32::from_rgb(220, 130, 50),
        Waterfall::Angry | Waterfall::Complaining => Color32::from_rgb(210, 70, 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_follow_choices_and_timeouts_from_the_start() {
        let src = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/good/minimal.ron"
        ))
        .unwrap();
        let sc: Scenario =
            crate::load::parse::parse_ron(std::path::Path::new("minimal.ron"), &src).unwrap();
        let names: Vec<Vec<&str>> = layers(&sc)
            .iter()
            .map(|l| l.iter().map(|&n| sc.nodes[n].id.as_str()).collect())
            .collect();
        assert_eq!(
            names,
            vec![vec!["approach"], vec!["ignored", "served"], vec!["left"]]
        );
    }
}
