#!/usr/bin/env bash
# Run the app on the bundled scenarios (installs missing runtime libraries first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh app
exec cargo run --release -- --scenarios scenarios "$@"
