//! `service-dojo play FILE --choices 2,1,t,3`: a scripted play, printed as a transcript and a report.

use crate::engine::{Action, Mode, Report, Session};
use crate::load::LoadedScenario;
use crate::model::{Lang, Node, Rubric, Speaker};

/// One scripted move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Offered choice number, from 1.
    Choose(usize),
    /// Let the timer run out.
    Timeout,
}

/// Parse `2,1,t,3`.
pub fn parse_moves(s: &str) -> Result<Vec<Move>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p {
            "t" | "T" => Ok(Move::Timeout),
            n => match n.parse::<usize>() {
                Ok(k) if k >= 1 => Ok(Move::Choose(k)),
                _ => Err(format!("`{n}` is not a choice number (1–9) or `t`")),
            },
        })
        .collect()
}

/// Play the moves; returns the transcript, the session, and an error if a move did not fit.
pub fn play(
    loaded: &LoadedScenario,
    moves: &[Move],
    lang: Lang,
) -> (String, Session, Option<String>) {
    let mut s = Session::new(loaded.scenario.clone(), Mode::Assessed)
        .expect("validated scenario has a start");
    let mut out = String::new();
    for (k, m) in moves.iter().enumerate() {
        out.push_str(&describe(s.node(), &s, lang));
        let res = match m {
            Move::Choose(n) => s.choose(n - 1),
            Move::Timeout => s.time_out(),
        };
        if let Err(e) = res {
            return (out, s, Some(format!("move {} ({m:?}): {e}", k + 1)));
        }
        let step = s.steps().last().expect("a step was just taken");
        let picked = match step.action {
            Action::Choose(c) => s.scenario().nodes[step.node].choices[c].text.inline(lang),
            Action::Timeout => "(time ran out)".into(),
        };
        out.push_str(&format!(
            "> {picked}   [mood {} → {}]\n\n",
            step.mood.0, step.mood.1
        ));
    }
    out.push_str(&describe(s.node(), &s, lang));
    (out, s, None)
}

fn describe(node: &Node, s: &Session, lang: Lang) -> String {
    let mut out = format!("[{}]\n", node.id);
    if let Some(n) = &node.narration {
        out.push_str(&format!("{}\n", n.inline(lang)));
    }
    for l in &node.lines {
        let who = match &l.who {
            Speaker::Customer => s.scenario().setting.customer.name.inline(lang),
            Speaker::Trainee => "You".into(),
            Speaker::Other(t) => t.inline(lang),
        };
        out.push_str(&format!(
            "{who} ({}): {}\n",
            l.emotion.label().get(lang),
            l.text.inline(lang)
        ));
    }
    if let Some(t) = &node.time_limit {
        out.push_str(&format!("(time limit: {} s)\n", t.seconds));
    }
    if let Some(e) = &node.ending {
        out.push_str(&format!("== {} ==\n", e.title.inline(lang)));
    }
    for (i, &c) in s.offered().iter().enumerate() {
        out.push_str(&format!(
            "  {}. {}\n",
            i + 1,
            node.choices[c].text.inline(lang)
        ));
    }
    out
}

/// The report for a play.
pub fn report(loaded: &LoadedScenario, s: &Session, rubric: &Rubric) -> Report {
    Report::new(s, &loaded.analysis, rubric)
}
