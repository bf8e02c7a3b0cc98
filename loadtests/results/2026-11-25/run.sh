#!/usr/bin/env bash
# Measurement runs for the report: capacity search, a concurrency sweep for the plot, a short soak.
set -u
cd /work/wt-loadtests
OUT=/tmp/measure
LOAD="dotnet loadtests/Streaming.LoadTests/bin/Release/net10.0/streaming-load.dll"
AUDIO="--audio samples/jfk.wav --audio /work/shared/testdata/audio/wenet/librispeech-1995-1837-0001.wav --audio /work/shared/testdata/audio/kws-zh-en/en_0.wav"
dotnet src/Streaming.Server/bin/Release/net10.0/Streaming.Server.dll --Server:Host=127.0.0.1 --Server:Port=7962 --Auth:Enabled=false \
  --Engine:ModelsDirectory=/work/wt-loadtests/models > $OUT/server.log 2>&1 &
echo $! > $OUT/server.pid
until curl -sf localhost:7962/health/ready >/dev/null; do sleep 1; done
note() { echo "2 cores shared with ~6 developers building and testing; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"; }
echo "capacity start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
$LOAD capacity --server http://127.0.0.1:7962 --max 16 --ramp 5 --steady 20 $AUDIO --out $OUT/capacity --machine-note "$(note)" > $OUT/capacity.txt 2>&1
echo "sweep start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
$LOAD run --server http://127.0.0.1:7962 --sessions 1,2,4 --ramp 5 --steady 20 $AUDIO --out $OUT/sweep --machine-note "$(note)" > $OUT/sweep.txt 2>&1
CAP=$(python3 -c "import json;print(max(1,json.load(open('$OUT/capacity/summary.json'))['report']['capacity']['capacity']))")
echo "soak start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) capacity-for-soak $CAP" >> $OUT/timeline.txt
$LOAD soak --server http://127.0.0.1:7962 --capacity $CAP --minutes 4 --warm-up 60 --sample-every 5 --max-slope 2 $AUDIO --out $OUT/soak --machine-note "$(note)" > $OUT/soak.txt 2>&1
echo "soak exit $? end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
kill $(cat $OUT/server.pid)
