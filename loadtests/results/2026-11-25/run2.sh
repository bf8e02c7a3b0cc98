#!/usr/bin/env bash
# Second pass: a 5-minute soak judged after 150 s, then the capacity search again (machine possibly quieter).
set -u
cd /work/wt-loadtests
OUT=/tmp/measure
LOAD="dotnet loadtests/Streaming.LoadTests/bin/Release/net10.0/streaming-load.dll"
AUDIO="--audio samples/jfk.wav --audio /work/shared/testdata/audio/wenet/librispeech-1995-1837-0001.wav --audio /work/shared/testdata/audio/kws-zh-en/en_0.wav"
dotnet src/Streaming.Server/bin/Release/net10.0/Streaming.Server.dll --Server:Host=127.0.0.1 --Server:Port=7962 --Auth:Enabled=false \
  --Engine:ModelsDirectory=/work/wt-loadtests/models > $OUT/server2.log 2>&1 &
echo $! > $OUT/server2.pid
until curl -sf localhost:7962/health/ready >/dev/null; do sleep 1; done
note() { echo "2 cores shared with ~6 developers building and testing; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"; }
echo "soak2 start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
$LOAD soak --server http://127.0.0.1:7962 --capacity 1 --minutes 5 --warm-up 150 --sample-every 5 --max-slope 2 $AUDIO --out $OUT/soak2 --machine-note "$(note)" > $OUT/soak2.txt 2>&1
echo "soak2 exit $? end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
$LOAD capacity --server http://127.0.0.1:7962 --max 16 --ramp 5 --steady 20 $AUDIO --out $OUT/capacity2 --machine-note "$(note)" > $OUT/capacity2.txt 2>&1
echo "capacity2 end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/timeline.txt
kill $(cat $OUT/server2.pid)
