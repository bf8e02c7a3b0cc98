#!/usr/bin/env bash
# Runs the product on its embedded defaults (CPU, bundled models, bundled sample) after installing
# what it needs. Extra arguments replace the default command, e.g. ./run.sh vad samples/silero-test.wav
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
if [ $# -eq 0 ]; then set -- vad samples/silero-test.wav; fi
dotnet run --project src/Streaming.Cli -c Release -- "$@"
