#!/usr/bin/env bash
# Runs the product on its embedded defaults (CPU, bundled models, bundled sample) after installing
# what it needs. Extra arguments replace the default command, e.g. ./run.sh transcribe samples/jfk.wav
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
if [ $# -eq 0 ]; then set -- transcribe samples/jfk.wav; fi
dotnet run --project src/Streaming.Cli -c Release -- "$@"
