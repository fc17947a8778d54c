//! `service-dojo graph FILE`: the branch map as Graphviz DOT.

use crate::model::{Lang, Scenario, Waterfall};

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn short(s: &str, n: usize) -> String {
    let mut t: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        t.push('…');
    }
    t
}

/// DOT text: endings coloured by waterfall level, timeouts dashed, conditional choices dotted,
/// expert choices bold.
pub fn dot(sc: &Scenario, expert: &[(usize, crate::engine::Action)], lang: Lang) -> String {
    let mut out = format!(
        "digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Noto Sans CJK SC\"];\n",
        esc(sc.id.as_str())
    );
    for node in &sc.nodes {
        let mut attrs = format!("label=\"{}\"", esc(node.id.as_str()));
        if let Some(e) = &node.ending {
            let color = match e.waterfall {
                Waterfall::Loyal | Waterfall::VerySatisfied => "palegreen",
                Waterfall::Satisfied => "khaki",
                Waterfall::Dissatisfied => "orange",
                Waterfall::Angry | Waterfall::Complaining => "salmon",
            };
            attrs = format!(
                "label=\"{}\\n{}\", shape=doubleoctagon, style=filled, fillcolor={color}",
                esc(node.id.as_str()),
                esc(e.waterfall.label().get(lang))
            );
        }
        if node.id == sc.start {
            attrs.push_str(", penwidth=3");
        }
        out.push_str(&format!("  \"{}\" [{attrs}];\n", esc(node.id.as_str())));
    }
    for (n, node) in sc.nodes.iter().enumerate() {
        for (c, choice) in node.choices.iter().enumerate() {
            let score: i32 = choice.effects.iter().map(|e| e.amount).sum();
            let mut style = if choice.when.is_empty() {
                String::new()
            } else {
                ", style=dotted".into()
            };
            if expert.contains(&(n, crate::engine::Action::Choose(c))) {
                style.push_str(", penwidth=3, color=darkgreen");
            }
            let label = format!(
                "{}. {} ({score:+})",
                c + 1,
                short(choice.text.get(lang), 18)
            );
            out.push_str(&format!(
                "  \"{}\" -> \"{}\" [label=\"{}\"{style}];\n",
                esc(node.id.as_str()),
                esc(choice.next.as_str()),
                esc(&label)
            ));
        }
        if let Some(t) = &node.time_limit
            && let Some(g) = &t.goto
        {
            out.push_str(&format!(
                "  \"{}\" -> \"{}\" [label=\"timeout {}s ({:+})\", style=dashed, color=red];\n",
                esc(node.id.as_str()),
                esc(g.as_str()),
                t.seconds,
                t.amount
            ));
        }
    }
    out.push_str("}\n");
    out
}
