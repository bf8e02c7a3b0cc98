#!/usr/bin/env bash
# Final pass near the deadline: strict capacity search, then the same search with a relaxed 1 s budget.
set -u
cd /work/wt-loadtests
OUT=/tmp/measure
LOAD="dotnet loadtests/Streaming.LoadTests/bin/Release/net10.0/streaming-load.dll"
AUDIO="--audio samples/jfk.wav --audio /work/shared/testdata/audio/wenet/librispeech-1995-1837-0001.wav --audio /work/shared/testdata/audio/kws-zh-en/en_0.wav"
dotnet src/Streaming.Server/bin/Release/net10.0/Streaming.Server.dll --Server:Host=127.0.0.1 --Server:Port=7962 --Auth:Enabled=false \
  --Engine:ModelsDirectory=/work/wt-loadtests/models > $OUT/server3.log 2>&1 &
echo $! > $OUT/server3.pid
until curl -sf localhost:7962/health/ready >/dev/null; do sleep 1; done
note() { echo "2 cores shared with ~6 developers building and testing; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"; }
echo "capacity3 start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
$LOAD capacity --server http://127.0.0.1:7962 --max 16 --ramp 5 --steady 20 $AUDIO --out $OUT/capacity3 --machine-note "$(note)" > $OUT/capacity3.txt 2>&1
echo "capacity-relaxed start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
$LOAD capacity --server http://127.0.0.1:7962 --max 16 --ramp 5 --steady 20 --budget-ms 900 $AUDIO --out $OUT/capacity-relaxed --machine-note "$(note)" > $OUT/capacity-relaxed.txt 2>&1
echo "capacity-relaxed end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
kill $(cat $OUT/server3.pid)
