#!/usr/bin/env bash
# Installs what the product and its tests need from Debian's packages, when it is missing (idempotent).
# libopus0: Opus decoding/encoding (the reference implementation), called through LibraryImport.
# cmake, build-essential: build native/ascend (the Ascend shim and the AscendCL simulator) during dotnet build.
# libspandsp2: G.722 decoding for SIP calls. sip-tester: SIPp, the SIP peer of the Streaming.Sip tests.
# chromium, nodejs, npm: the browser test of clients/web (tests/browser, headless Chromium via playwright-core).
# redis-server: the scale-out test starts its own Redis as the SignalR backplane.
# ffmpeg: batch jobs decode MP3/M4A/FLAC/OGG through it. postgresql: the jobs tests start a throw-away
# cluster with its initdb/pg_ctl (the PostgreSQL job store).
set -euo pipefail
missing=()
ldconfig -p | grep -q 'libopus\.so\.0' || missing+=(libopus0)
command -v cmake >/dev/null || missing+=(cmake)
{ command -v gcc && command -v make; } >/dev/null || missing+=(build-essential)
ldconfig -p | grep -q 'libspandsp\.so\.2' || missing+=(libspandsp2)
command -v sipp >/dev/null || missing+=(sip-tester)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
