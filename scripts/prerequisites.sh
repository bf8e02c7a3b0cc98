#!/usr/bin/env bash
# Installs the native libraries the product loads at run time, when they are missing.
# libopus0: Opus decoding (the reference implementation), called through LibraryImport.
# redis-server: the scale-out test starts its own Redis as the SignalR backplane.
set -euo pipefail
missing=()
ldconfig -p | grep -q 'libopus\.so\.0' || missing+=(libopus0)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
