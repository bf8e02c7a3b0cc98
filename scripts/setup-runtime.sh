#!/usr/bin/env bash
# Installs what building and serving need from Debian's packages, when it is missing (idempotent, quick when all is there).
# libopus0: Opus decoding/encoding, called through LibraryImport. libspandsp2: G.722 decoding for SIP calls.
# cmake, build-essential: build native/ascend (the Ascend shim and the AscendCL simulator) during dotnet build.
# ffmpeg: batch jobs decode MP3/M4A/FLAC/OGG through it.
# libpinyin15, libpinyin-data: pinyin → Chinese characters for Mandarin models whose tokens are pinyin.
# libdb5.3-dev: Berkeley DB's header, to build native/pinyin-cache (the page cache of libpinyin's tables).
# unicode-data: Unihan's readings spell Chinese keywords in a pinyin model's tokens (every reading of a polyphone).
set -euo pipefail
source "$(dirname "$0")/apt-missing.sh"
missing=()
ldconfig -p | grep -q 'libopus\.so\.0' || missing+=(libopus0)
ldconfig -p | grep -q 'libspandsp\.so\.2' || missing+=(libspandsp2)
command -v cmake >/dev/null || missing+=(cmake)
{ command -v gcc && command -v make; } >/dev/null || missing+=(build-essential)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
ldconfig -p | grep -q 'libpinyin\.so\.15' || missing+=(libpinyin15)
compgen -G '/usr/lib/*/libpinyin/data' >/dev/null || missing+=(libpinyin-data)
[ -f /usr/include/db.h ] || missing+=(libdb5.3-dev)
[ -f /usr/share/unicode/Unihan_Readings.txt.bz2 ] || missing+=(unicode-data)
apt_install_missing "${missing[@]}"
