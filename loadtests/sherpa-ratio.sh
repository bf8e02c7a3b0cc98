#!/usr/bin/env bash
# Throughput of our streaming transducer against sherpa-onnx (npm sherpa-onnx-node 1.13.8, native) on the same wavs,
# one thread each, decoder only (no VAD): each file fed whole plus one encoder window (T = 45 frames, 7200 samples) of
# silence, then finished. Prints both figures and the ratio ours / sherpa-onnx (> 1: we are faster).
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
cpu = float(re.search(r"RTF \(CPU time / audio\): ([0-9.]+)", ours).group(1))
wall = float(re.search(r"RTF \(wall / audio\): ([0-9.]+)", ours).group(1))
print(f"CPU-time RTF: ours {cpu:.4f}, sherpa-onnx {sherpa['cpuRtf']:.4f}; throughput ratio ours/sherpa-onnx {sherpa['cpuRtf'] / cpu:.2f}")
print(f"wall-time RTF: ours {wall:.4f}, sherpa-onnx {sherpa['rtf']:.4f}; ratio {sherpa['rtf'] / wall:.2f}")
PY
