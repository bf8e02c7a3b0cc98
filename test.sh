#!/usr/bin/env bash
# Runs every test of the solution (unit, CLI and functional), after installing what they need.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup-tests.sh
dotnet test Streaming.sln -c Release --nologo "$@"
bash tests/browser/run.sh
