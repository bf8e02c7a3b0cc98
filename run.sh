#!/usr/bin/env bash
# Starts the server on its embedded defaults (CPU, bundled models, SQLite job store under ./data, port 7860)
# after installing what it needs. Extra arguments replace the default command and go to the `streaming` CLI,
# e.g. ./run.sh transcribe samples/jfk.wav
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup-runtime.sh
# Few malloc arenas from the first allocation on: steadier native memory (docs/hosting.md, Server:MallocArenas).
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.arena_max=$(nproc)}"
if [ $# -eq 0 ]; then set -- serve; fi
dotnet run --project src/Streaming.Cli -c Release -- "$@"
