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
