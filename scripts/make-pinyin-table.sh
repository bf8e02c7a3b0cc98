#!/usr/bin/env bash
# Regenerates src/Streaming.Text/Resources/pinyin.tsv from Unicode's Unihan database (kMandarin field),
# as shipped by Debian's unicode-data package. Unicode data files are under the Unicode License v3
# (https://www.unicode.org/license.txt), which permits redistribution of derived data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download unicode-data >/dev/null && dpkg -x unicode-data_*.deb .)
bzcat "$work/usr/share/unicode/Unihan_Readings.txt.bz2" | python3 -c '
import sys, unicodedata, collections
# Toneless syllable -> characters, for the CJK Unified Ideographs block (U+4E00..U+9FFF).
groups = collections.defaultdict(list)
for line in sys.stdin:
    if not line.startswith("U+"):
        continue
    code, field, value = line.rstrip("\n").split("\t")
    cp = int(code[2:], 16)
    if field != "kMandarin" or not 0x4E00 <= cp <= 0x9FFF:
        continue
    for reading in value.split():
        plain = "".join(c for c in unicodedata.normalize("NFD", reading.replace("ü", "v")) if not unicodedata.combining(c))
        groups[plain].append(chr(cp))
print("# Toneless pinyin<TAB>characters, from Unicode Unihan 15.0 kMandarin (Unicode License v3); see scripts/make-pinyin-table.sh")
for syllable in sorted(groups):
    print(syllable + "\t" + "".join(groups[syllable]))
' > "$root/src/Streaming.Text/Resources/pinyin.tsv"
echo "wrote $root/src/Streaming.Text/Resources/pinyin.tsv"
