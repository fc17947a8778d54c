//! `service-dojo`: with no subcommand, the desktop app; otherwise the headless CLI.

use clap::{Parser, Subcommand};
use service_dojo::cli;
use service_dojo::model::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

/// Service Dojo: role-play service-quality training.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Scenarios folder for the app.
    #[arg(long, default_value = "scenarios", global = true)]
    scenarios: PathBuf,
    /// Where settings and progress are kept (default: ~/.local/share/service-dojo).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Don't watch the scenarios folder for edits.
    #[arg(long)]
    no_watch: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario files, quiz banks and folders; print every problem as file:line:column.
    Check {
        /// Files or folders (default: the scenarios folder).
        paths: Vec<PathBuf>,
    },
    /// Play a scenario headless along scripted choices and print the transcript and report.
    Play {
        /// The scenario file.
        file: PathBuf,
        /// Offered choice numbers from 1, comma-separated; `t` lets a timed node run out.
        #[arg(long, default_value = "")]
        choices: String,
        /// Language of the transcript.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Print the report as JSON instead.
        #[arg(long)]
        json: bool,
    },
    /// Draw a randomized quiz from the question banks and grade scripted answers.
    Quiz {
        /// Bank ids or file names (default: every bank in the scenarios folder).
        #[arg(long = "bank")]
        banks: Vec<String>,
        /// Number of questions.
        #[arg(long, default_value_t = 10)]
        count: usize,
        /// Seed; the same seed draws the identical quiz (default: random, printed).
        #[arg(long)]
        seed: Option<u64>,
        /// Only questions on these standards.
        #[arg(long = "standard")]
        standards: Vec<String>,
        /// Answers, comma-separated: `2` (single), `1+3` (multiple), `t`/`f`, `3-1-2` (ordering), `24` (number), `-` to skip.
        #[arg(long, default_value = "")]
        answers: String,
        /// Language of the printout.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Print the result as JSON instead.
        #[arg(long)]
        json: bool,
    },
    /// Print a scenario's branch graph as Graphviz DOT.
    Graph {
        /// The scenario file.
        file: PathBuf,
        /// Language of the labels.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Zh,
    En,
    Both,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
            LangArg::Both => Lang::Both,
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        None => {
            let opts = service_dojo::ui::AppOptions {
                scenarios: args.scenarios,
                data_dir: args
                    .data_dir
                    .unwrap_or_else(service_dojo::store::Store::default_dir),
                watch: !args.no_watch,
                seed: rand::random(),
            };
            match service_dojo::ui::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: could not open the window: {e}");
                    eprintln!("(on a server without a display, run it under Xvfb: see README)");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Check { paths }) => {
            let paths = if paths.is_empty() {
                vec![args.scenarios]
            } else {
                paths
            };
            let res = cli::check::check(&paths);
            println!("{}", res.render());
            if res.errors() > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Some(Command::Play {
            file,
            choices,
            lang,
            json,
        }) => play(&file, &choices, lang.into(), json),
        Some(Command::Quiz {
            banks,
            count,
            seed,
            standards,
            answers,
            lang,
            json,
        }) => {
            let lib = service_dojo::load::Library::load(&args.scenarios);
            let pool = cli::quiz::pool(&lib, &banks);
            let filter = service_dojo::engine::quiz::Filter {
                standards: standards.iter().map(|s| s.as_str().into()).collect(),
                difficulty: None,
            };
            let seed = seed.unwrap_or_else(rand::random);
            match cli::quiz::run(&pool, &filter, count, seed, &answers, lang.into()) {
                Ok((text, res)) => {
                    if json {
                        println!(
                            "{}",
                            serde_json::to_string_pretty(&res).expect("result serialises")
                        );
                    } else {
                        print!("{text}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::Graph { file, lang }) => match cli::open_scenario(&file) {
            Ok((loaded, _)) => {
                print!(
                    "{}",
                    cli::graph::dot(&loaded.scenario, &loaded.analysis.expert, lang.into())
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
    }
}

fn play(file: &std::path::Path, choices: &str, lang: Lang, json: bool) -> ExitCode {
    let (loaded, rubric) = match cli::open_scenario(file) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let moves = match cli::play::parse_moves(choices) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let (transcript, session, err) = cli::play::play(&loaded, &moves, lang);
    let report = cli::play::report(&loaded, &session, &rubric);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serialises")
        );
    } else {
        println!("{transcript}\n{}", report.to_text(lang));
    }
    match err {
        Some(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        None => ExitCode::SUCCESS,
    }
}
