#!/usr/bin/env bash
# Browser tests of clients/web: builds the server, installs playwright-core from the lock file, runs
# web-client.test.mjs (headless /usr/bin/chromium; see README.md). Called by ./test.sh after dotnet test.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build ../../src/Streaming.Server -c Release --nologo -v quiet
npm ci --no-audit --no-fund --loglevel=error
node --test --test-reporter=spec web-client.test.mjs
