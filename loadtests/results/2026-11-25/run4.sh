#!/usr/bin/env bash
# Last pass: strict capacity search on the quieter machine, then a 5-minute soak at 70 % of it.
set -u
cd /work/wt-loadtests
OUT=/tmp/measure
LOAD="dotnet loadtests/Streaming.LoadTests/bin/Release/net10.0/streaming-load.dll"
AUDIO="--audio samples/jfk.wav --audio /work/shared/testdata/audio/wenet/librispeech-1995-1837-0001.wav --audio /work/shared/testdata/audio/kws-zh-en/en_0.wav"
dotnet src/Streaming.Server/bin/Release/net10.0/Streaming.Server.dll --Server:Host=127.0.0.1 --Server:Port=7962 --Auth:Enabled=false \
  --Engine:ModelsDirectory=/work/wt-loadtests/models > $OUT/server4.log 2>&1 &
echo $! > $OUT/server4.pid
until curl -sf localhost:7962/health/ready >/dev/null; do sleep 1; done
note() { echo "2 cores shared with ~6 developers building and testing; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"; }
echo "capacity4 start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
$LOAD capacity --server http://127.0.0.1:7962 --max 16 --ramp 5 --steady 20 $AUDIO --out $OUT/capacity4 --machine-note "$(note)" > $OUT/capacity4.txt 2>&1
CAP=$(python3 -c "import json;print(max(1,json.load(open('$OUT/capacity4/summary.json'))['report']['capacity']['capacity']))")
echo "soak3 start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) capacity $CAP" >> $OUT/timeline.txt
$LOAD soak --server http://127.0.0.1:7962 --capacity $CAP --minutes 5 --warm-up 120 --sample-every 5 --max-slope 2 $AUDIO --out $OUT/soak3 --machine-note "$(note)" > $OUT/soak3.txt 2>&1
echo "soak3 exit $? end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
kill $(cat $OUT/server4.pid)
