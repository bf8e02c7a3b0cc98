#!/usr/bin/env bash
# Throughput of our streaming transducer against sherpa-onnx (npm sherpa-onnx-node 1.13.8, native) on the same wavs,
# one thread each, decoder only (no VAD): each file fed whole plus one encoder window (T = 45 frames, 7200 samples) of
# silence, then finished; each side timed after one untimed pass over the files (a server is warm). Prints both
# figures and the ratio ours / sherpa-onnx (> 1: we are faster). sherpa-onnx emits pinyin tokens and converts
# nothing, so the ratio compares token decoding; our pinyin → 汉字 conversion of the finals (timed alone on the
# same tokens) is printed on its own line, with the ratio it gives when included.
#   loadtests/sherpa-ratio.sh [FOLDER_OF_WAVS] [greedy_search|modified_beam_search]
# Default: ../shared/testdata/audio/zh-eval, greedy search, the bundled models/zipformer-wenetspeech-zh.
# CPU time is the figure compared (wall time is printed too): on a shared machine wall time measures the others' load.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wavs="$(cd "${1:-$root/../shared/testdata/audio/zh-eval}" && pwd)"
method="${2:-greedy_search}"
model="$root/models/zipformer-wenetspeech-zh"
bash "$root/scripts/setup-tests.sh" >/dev/null

beam=()
[ "$method" = modified_beam_search ] && beam=(--beam 4)
ours="$(dotnet run -c Release --project "$root/src/Streaming.Cli" -- bench asr --models "$root/models" \
  --model zipformer-wenetspeech-zh --lang zh "${beam[@]}" --decoder-only "$wavs")"
sherpa="$(cd "$root/tests/oracle" && node decode.js --bench --model "$model" --method "$method" --paths 4 \
  --tail-padding 7200 --threads 1 "$wavs"/*.wav)"

echo "$ours"
echo "sherpa-onnx 1.13.8 (one thread, $method): $sherpa"
python3 - "$ours" "$sherpa" <<'PY'
import json, re, sys
ours, sherpa = sys.argv[1], json.loads(sys.argv[2])
def figure(pattern):
    m = re.search(pattern, ours)
    return float(m.group(1)) if m else None
full = figure(r"RTF \(CPU time / audio\): ([0-9.]+)")
wall = figure(r"RTF \(wall / audio\): ([0-9.]+)")
tokens = figure(r"RTF \(token CPU time / audio\): ([0-9.]+)") or full
text = figure(r"text assembly of the finals: CPU time [0-9.]+ s, RTF ([0-9.]+)")
print(f"CPU-time RTF, token decoding: ours {tokens:.4f}, sherpa-onnx {sherpa['cpuRtf']:.4f}; throughput ratio ours/sherpa-onnx {sherpa['cpuRtf'] / tokens:.2f}")
if text is not None:
    print(f"pinyin -> 汉字 conversion of the finals (ours only): {text * 1000:.2f} ms CPU per audio second; "
          f"with it included ours {full:.4f}, ratio {sherpa['cpuRtf'] / full:.2f}")
print(f"wall-time RTF, tokens and text: ours {wall:.4f}, sherpa-onnx {sherpa['rtf']:.4f}; ratio {sherpa['rtf'] / wall:.2f}")
PY
