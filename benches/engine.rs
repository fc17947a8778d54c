//! `cargo bench`: how long loading, analysing, playing and drawing quizzes take.
//! Plain timing loops (no extra dependency); figures are recorded in docs/benchmarks.md.

use service_dojo::engine::quiz::{Draw, Filter, draw};
use service_dojo::engine::{Mode, Session, analyse};
use service_dojo::load::Library;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn time<T>(name: &str, iters: u32, mut f: impl FnMut() -> T) -> Duration {
    black_box(f());
    let start = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    let per = start.elapsed() / iters;
    println!("{name:<48} {:>10.3} ms", per.as_secs_f64() * 1000.0);
    per
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let lib = Library::load(&root);
    let rubric = lib.rubric.clone().unwrap();
    println!(
        "{} scenarios, {} banks",
        lib.scenarios.len(),
        lib.banks.len()
    );
    time("load + validate + analyse the whole folder", 20, || {
        Library::load(&root)
    });
    for s in &lib.scenarios {
        let name = format!("analyse {} ({} states)", s.scenario.id, s.analysis.states);
        time(&name, 50, || analyse(&s.scenario, &rubric).unwrap());
    }
    let s = &lib.scenarios[0];
    time("play the expert path (session only)", 10_000, || {
        let mut sess = Session::new(s.scenario.clone(), Mode::Practice).unwrap();
        for &(_, a) in &s.analysis.expert {
            sess.apply(a).unwrap();
        }
        sess
    });
    let pool: Vec<Arc<_>> = lib
        .banks
        .iter()
        .flat_map(|b| b.bank.questions.iter().cloned().map(Arc::new))
        .collect();
    time("draw a 10-question quiz", 10_000, || {
        draw(&pool, &Filter::default(), 10, 42, Draw::Uniform)
    });
    // Scaling: a chain of N nodes with two choices each, twice as long each time.
    for n in [50, 100, 200, 400] {
        let src = chain(n);
        let dir = std::env::temp_dir().join(format!("dojo-bench-{n}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(root.join("standards.ron"), dir.join("standards.ron")).unwrap();
        std::fs::write(dir.join("chain.ron"), &src).unwrap();
        time(
            &format!("load a {n}-node scenario ({} KiB)", src.len() / 1024),
            20,
            || Library::load(&dir),
        );
    }
}

fn chain(n: usize) -> String {
    let mut s = String::from(
        "(id: \"chain\", title: (zh: \"链\", en: \"Chain\"), summary: (zh: \"链\", en: \"Chain\"), setting: (industry: (zh: \"银行\", en: \"Bank\"), role: (zh: \"柜员\", en: \"Teller\"), customer: (name: \"X\", persona: (zh: \"客户\", en: \"Customer\"))), standards: [\"respect\"], start: \"n0\", nodes: [\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "(id: \"n{i}\", narration: (zh: \"第{i}步\", en: \"Step {i}\"), choices: [(text: (zh: \"好\", en: \"Good\"), next: \"n{next}\", effects: [(standard: \"respect\", amount: 1, why: (zh: \"好\", en: \"Good\"))]), (text: (zh: \"差\", en: \"Bad\"), next: \"n{next}\", mood: -5)]),\n",
            next = i + 1
        ));
    }
    s.push_str(&format!("(id: \"n{n}\", ending: (waterfall: Loyal, realm: First, title: (zh: \"完\", en: \"End\"), debrief: (zh: \"完\", en: \"End\"))),\n])\n"));
    s
}
