#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit, integration, property and UI tests.
# UI tests run headless through egui_kittest (no display, no GPU).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo test --all-targets
cargo run --quiet -- check scenarios
