//! Golden plays of the shipped scenarios: the expert and the worst path give exactly the
//! expected reports, the analysis agrees with brute force, and timeouts cost what they say.

mod common;

use common::{all_plays, as_choices, golden, library, report, scenario};
use service_dojo::model::{Realm, Waterfall};

/// (scenario, expert path, worst path, worst overall, worst waterfall)
#[rustfmt::skip]
const SHIPPED: &[(&str, &str, &str, u8, Waterfall)] = &[
    ("bank-security-guard", "2,2,3,1,3,2,3", "3,1,4,2,1,2", 17, Waterfall::Complaining),
    ("late-courier", "2,3,2,2,3,2,2,3", "1,1,1,1,1,1,1,2,1", 17, Waterfall::Angry),
    ("warranty-expired", "2,3,1,2,1,3,2", "t,1,2,2,1,1,1", 14, Waterfall::Complaining),
    ("return-other-store", "2,1,3,2,3,1", "t,2,2,1,1", 21, Waterfall::Complaining),
    ("peak-hour-queue", "2,3,1,3,2,2,1", "t,2,2,2,2,1,1", 9, Waterfall::Dissatisfied),
    ("phone-callback", "2,3,1,2,3,1,2", "t,1,2,2,1,2,1,t,1", 14, Waterfall::Dissatisfied),
    ("quality-complaint", "2,3,2,1,2,2,2", "1,1,1,3,1", 21, Waterfall::Complaining),
    ("airport-delay", "2,2,1,2,2,2,1", "3,1", 23, Waterfall::Angry),
    ("vip-care-call", "2,2,2,2,3,1,1,1", "3,1", 17, Waterfall::Angry),
    ("repeat-complainer", "1,2,1,1,2,2", "3,3,2,2,1", 17, Waterfall::Angry),
];

#[test]
fn expert_paths_score_100_and_reach_the_top_of_the_waterfall() {
    for &(id, expert, ..) in SHIPPED {
        let loaded = scenario(id);
        assert_eq!(
            as_choices(loaded, &loaded.analysis.expert),
            expert,
            "{id}: the analysis found another expert path"
        );
        let r = report(id, expert);
        assert_eq!(r.overall, 100, "{id}");
        let o = r.outcome.as_ref().unwrap();
        assert_eq!(
            (o.waterfall, o.realm),
            (Waterfall::Loyal, Realm::Third),
            "{id}"
        );
        assert_eq!(r.left_expert_at, None, "{id}");
        assert!(
            r.standards
                .iter()
                .all(|s| s.percent == 100 && s.total == s.best),
            "{id}: {:?}",
            r.standards
        );
        golden(
            &format!("{id}.expert.json"),
            &serde_json::to_string_pretty(&r).unwrap(),
        );
    }
}

#[test]
fn worst_paths_give_the_expected_reports() {
    for &(id, expert, worst, overall, waterfall) in SHIPPED {
        let loaded = scenario(id);
        assert_eq!(
            as_choices(loaded, &loaded.analysis.worst_path),
            worst,
            "{id}"
        );
        let r = report(id, worst);
        assert_eq!(r.overall, overall, "{id}");
        assert_eq!(r.outcome.as_ref().unwrap().waterfall, waterfall, "{id}");
        assert_eq!(
            r.left_expert_at,
            Some(0),
            "{id}: the worst path should leave the expert's at once"
        );
        assert_eq!(r.expert.len(), expert.split(',').count());
        golden(
            &format!("{id}.worst.json"),
            &serde_json::to_string_pretty(&r).unwrap(),
        );
    }
}

#[test]
fn the_bank_report_reads_as_the_trainee_sees_it() {
    let r = report("bank-security-guard", "3,1,4,2,1,2");
    golden(
        "bank-security-guard.worst.txt",
        &r.to_text(service_dojo::model::Lang::En),
    );
}

#[test]
fn best_and_worst_per_standard_match_brute_force_over_every_play() {
    for s in &library().scenarios {
        let plays = all_plays(s, 20_000);
        let a = &s.analysis;
        let overall: Vec<u8> = plays.iter().map(|p| p.1.overall).collect();
        assert_eq!(overall.iter().max(), Some(&100), "{}", s.scenario.id);
        let worst_path = report(s.scenario.id.as_str(), &as_choices(s, &a.worst_path)).overall;
        assert_eq!(overall.iter().min(), Some(&worst_path), "{}", s.scenario.id);
        for (i, id) in a.standards.iter().enumerate() {
            let totals: Vec<i32> = plays.iter().map(|p| p.1.standards[i].total).collect();
            assert_eq!(
                totals.iter().max(),
                Some(&a.best[i]),
                "{} {id} best",
                s.scenario.id
            );
            assert_eq!(
                totals.iter().min(),
                Some(&a.worst[i]),
                "{} {id} worst",
                s.scenario.id
            );
        }
    }
}

#[test]
fn a_timeout_takes_the_timeout_branch_and_costs_the_named_standard() {
    let loaded = scenario("bank-security-guard");
    let start = loaded.scenario.node(&loaded.scenario.start).unwrap();
    let limit = start
        .time_limit
        .as_ref()
        .expect("the bank scenario opens on a timed node");
    let r = report("bank-security-guard", "t");
    assert_eq!(r.path.len(), 1);
    assert_eq!(r.path[0].action, service_dojo::engine::Action::Timeout);
    let std = r.standards.iter().find(|s| s.id == limit.standard).unwrap();
    assert_eq!(std.total, limit.amount);
    assert_eq!(std.evidence.len(), 1);
    assert_eq!(std.evidence[0].why, limit.why);
    assert!(limit.amount < 0);
    // The play is now at the timeout target.
    let (_, session, _) = service_dojo::cli::play::play(
        loaded,
        &[service_dojo::cli::play::Move::Timeout],
        service_dojo::model::Lang::En,
    );
    assert_eq!(Some(&session.node().id), limit.goto.as_ref());
    assert_eq!(
        session.mood(),
        (i32::from(loaded.scenario.mood) + limit.mood).clamp(0, 100) as u8
    );
}

#[test]
fn every_shipped_file_passes_check_with_no_errors_and_no_warnings() {
    let res = service_dojo::cli::check::check(&[common::scenarios_dir()]);
    assert!(res.diagnostics.is_empty(), "{}", res.render());
    assert!(res.files >= 13);
    assert_eq!(
        library().scenarios.len(),
        std::fs::read_dir(common::scenarios_dir())
            .unwrap()
            .filter(|e| {
                let p = e.as_ref().unwrap().path();
                p.extension().is_some_and(|x| x == "ron") && !p.ends_with("standards.ron")
            })
            .count()
    );
}

#[test]
fn every_shipped_scenario_is_in_the_golden_table() {
    for s in &library().scenarios {
        assert!(
            SHIPPED.iter().any(|e| e.0 == s.scenario.id.as_str()),
            "{} has no golden paths",
            s.scenario.id
        );
    }
}

#[test]
fn every_scenario_meets_the_content_bar() {
    use std::collections::BTreeSet;
    for s in &library().scenarios {
        let sc = &s.scenario;
        let id = sc.id.as_str();
        assert!(sc.nodes.len() >= 12, "{id}: {} nodes", sc.nodes.len());
        let levels: BTreeSet<_> = sc
            .nodes
            .iter()
            .filter_map(|n| n.ending.as_ref())
            .map(|e| e.waterfall)
            .collect();
        let endings = sc.nodes.iter().filter(|n| n.ending.is_some()).count();
        assert!(
            endings >= 4 && levels.len() >= 4,
            "{id}: {endings} endings over {levels:?}"
        );
        assert!(
            sc.nodes.iter().any(|n| n.time_limit.is_some()),
            "{id}: no timed node"
        );
        assert!(
            sc.nodes
                .iter()
                .flat_map(|n| &n.choices)
                .any(|c| !c.when.is_empty()),
            "{id}: no conditions"
        );
        let expert_end = &sc.nodes[s.analysis.expert.last().map(|p| p.0).unwrap()];
        let last = report(id, &as_choices(s, &s.analysis.expert));
        assert_eq!(
            last.outcome.unwrap().realm,
            Realm::Third,
            "{id}: expert ends at {}",
            expert_end.id
        );
        for text in [&sc.title, &sc.summary] {
            assert!(
                text.zh.is_some() && text.en.is_some(),
                "{id}: not bilingual"
            );
        }
    }
    // The expert should not always be the first choice, or trainees learn to press 1.
    let firsts: usize = SHIPPED
        .iter()
        .map(|e| e.1.split(',').filter(|c| *c == "1").count())
        .sum();
    let all: usize = SHIPPED.iter().map(|e| e.1.split(',').count()).sum();
    assert!(
        firsts * 2 < all,
        "{firsts} of {all} expert steps are choice 1"
    );
}

#[test]
fn every_standard_is_exercised_by_at_least_two_scenarios() {
    let rubric = library().rubric.as_ref().unwrap();
    for std in &rubric.standards {
        let n = library()
            .scenarios
            .iter()
            .filter(|s| {
                s.analysis.standards.contains(&std.id) && s.scenario.standards.contains(&std.id)
            })
            .count();
        assert!(n >= 2, "{} is trained by {n} scenario(s)", std.id);
    }
}

#[test]
fn the_verdict_reads_score_and_outcome_together() {
    let en = |choices: &str| report("bank-security-guard", choices).verdict().en.unwrap();
    assert!(en("2,2,3,1,3,2,3").starts_with("Expert handling"));
    assert!(en("2,2,3,1,3,2,1").contains("only 'satisfied'"));
    assert!(en("2,2,2").starts_with("Many right moves, yet the customer left unhappy"));
    assert!(en("3,1,4,2,1,2").starts_with("This customer was lost"));
    assert!(en("2").starts_with("The scenario has not reached an ending"));
}
