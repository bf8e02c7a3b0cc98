#!/usr/bin/env bash
# Browser tests of clients/web: builds the server and the CLI, installs playwright-core from the lock file, runs
# web-client.test.mjs, whip.test.mjs and mandarin.test.mjs (headless /usr/bin/chromium; see README.md). Called by ./test.sh after dotnet test.
set -euo pipefail
cd "$(dirname "$0")"
# The CLI references the server, so this builds both (the tests run the server and `streaming token`).
dotnet build ../../src/Streaming.Cli -c Release --nologo -v quiet
npm ci --no-audit --no-fund --loglevel=error
node --test --test-reporter=spec web-client.test.mjs whip.test.mjs mandarin.test.mjs
