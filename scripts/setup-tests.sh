#!/usr/bin/env bash
# Installs what the tests need on top of what serving needs (idempotent, quick when all is there).
# sip-tester: SIPp, the SIP peer of the Streaming.Sip tests. chromium, nodejs, npm: the browser tests of clients/web
# (headless Chromium via playwright-core). redis-server: the scale-out test starts its own Redis as the SignalR
# backplane. postgresql: the jobs tests start a throw-away cluster with its initdb/pg_ctl (the PostgreSQL job store).
set -euo pipefail
here="$(dirname "$0")"
bash "$here/setup-runtime.sh"
source "$here/apt-missing.sh"
missing=()
command -v sipp >/dev/null || missing+=(sip-tester)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v redis-server >/dev/null || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
apt_install_missing "${missing[@]}"

# sherpa-onnx (npm sherpa-onnx-node, native) is the reference decoder of the transducer parity tests and of
# loadtests/sherpa-ratio.sh; installed from the lock file into tests/oracle, skipped when already there.
oracle="$here/../tests/oracle"
if [ ! -f "$oracle/node_modules/sherpa-onnx-linux-x64/libsherpa-onnx-c-api.so" ] \
  || ! grep -q '"version": "1.13.8"' "$oracle/node_modules/sherpa-onnx-node/package.json" 2>/dev/null; then
  (cd "$oracle" && npm ci --no-audit --no-fund --loglevel=error)
fi
