#!/usr/bin/env bash
# Throughput of our streaming transducer against sherpa-onnx (npm sherpa-onnx-node 1.13.8, native) on the same wavs,
# one thread each, decoder only (no VAD): each file fed whole plus one encoder window (T = 45 frames, 7200 samples) of
# silence, then finished; each side timed after one untimed pass over the files (a server is warm). sherpa-onnx
# emits pinyin tokens and converts nothing, so the ratio compares token decoding; our pinyin → 汉字 conversion of
# the finals (timed alone on the same tokens) is printed on its own line, with the ratio it gives when included.
# A shared machine's speed drifts by tens of percent within minutes, so the two sides run in ROUNDS alternating
# pairs (default 3): each pair's ratio is printed, then the median of the pairs.
#   loadtests/sherpa-ratio.sh [FOLDER_OF_WAVS] [greedy_search|modified_beam_search] [ROUNDS]
# Default: ../shared/testdata/audio/zh-eval, greedy search, the bundled models/zipformer-wenetspeech-zh.
# CPU time is the figure compared (wall time is printed too): on a shared machine wall time measures the others' load.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wavs="$(cd "${1:-$root/../shared/testdata/audio/zh-eval}" && pwd)"
method="${2:-greedy_search}"
rounds="${3:-3}"
model="$root/models/zipformer-wenetspeech-zh"
bash "$root/scripts/setup-tests.sh" >/dev/null
dotnet build -c Release "$root/src/Streaming.Cli" -v q -nologo >/dev/null

beam=()
[ "$method" = modified_beam_search ] && beam=(--beam 4)
pairs=()
for round in $(seq "$rounds"); do
  ours="$(dotnet "$root/src/Streaming.Cli/bin/Release/net10.0/streaming.dll" bench asr --models "$root/models" \
    --model zipformer-wenetspeech-zh --lang zh "${beam[@]}" --decoder-only "$wavs")"
  sherpa="$(cd "$root/tests/oracle" && node decode.js --bench --model "$model" --method "$method" --paths 4 \
    --tail-padding 7200 --threads 1 "$wavs"/*.wav)"
  [ "$round" = 1 ] && echo "$ours"
  pairs+=("$ours" "$sherpa")
done

echo "sherpa-onnx 1.13.8 (one thread, $method), $rounds rounds alternating with ours:"
python3 - "${pairs[@]}" <<'PY'
import json, re, statistics, sys
def figure(text, pattern):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None
rows = []
for ours, sherpa in zip(sys.argv[1::2], sys.argv[2::2]):
    s = json.loads(sherpa)
    full = figure(ours, r"RTF \(CPU time / audio\): ([0-9.]+)")
    wall = figure(ours, r"RTF \(wall / audio\): ([0-9.]+)")
    tokens = figure(ours, r"RTF \(token CPU time / audio\): ([0-9.]+)") or full
    text = figure(ours, r"text assembly of the finals: CPU time [0-9.]+ s, RTF ([0-9.]+)")
    rows.append((tokens, s['cpuRtf'], text, full, wall, s['rtf']))
    i = len(rows)
    line = f"  round {i}: CPU-time RTF, token decoding: ours {tokens:.4f}, sherpa-onnx {s['cpuRtf']:.4f}; ratio {s['cpuRtf'] / tokens:.2f}"
    if text is not None:
        line += f"; with our 汉字 conversion ({text * 1000:.2f} ms CPU per audio s) ours {full:.4f}, ratio {s['cpuRtf'] / full:.2f}"
    print(line)
median = statistics.median
print(f"throughput ratio ours/sherpa-onnx, token decoding (CPU time), median of {len(rows)}: {median(r[1] / r[0] for r in rows):.2f}")
if rows[0][2] is not None:
    print(f"throughput ratio with our pinyin -> 汉字 conversion of the finals included, median: {median(r[1] / r[3] for r in rows):.2f}")
print(f"wall-time ratio, tokens and text, median: {median(r[5] / r[4] for r in rows):.2f}")
PY
