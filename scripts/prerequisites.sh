#!/usr/bin/env bash
# Installs the native libraries the product loads at run time, when they are missing.
# libopus0: Opus decoding (the reference implementation), called through LibraryImport.
set -euo pipefail
missing=()
ldconfig -p | grep -q 'libopus\.so\.0' || missing+=(libopus0)
# ffmpeg: batch jobs decode MP3/M4A/FLAC/OGG through it. postgresql: the jobs tests start a throw-away
# cluster with its initdb/pg_ctl (the PostgreSQL job store).
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
