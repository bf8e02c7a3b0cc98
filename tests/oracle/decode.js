// Decodes wav files with sherpa-onnx's OnlineRecognizer (native, through sherpa-onnx-node) and prints one JSON
// object per file: { file, tokens, timestamps, text }. The reference side of the transducer parity tests and of
// loadtests/sherpa-ratio.sh.
//
// node decode.js --model DIR [--method greedy_search|modified_beam_search] [--paths 4] [--tail-padding SAMPLES]
//                [--threads 1] [--bench] [--keywords FILE [--keywords-threshold 0.25] [--keywords-score 1.0]] WAV...
//
// Each file is fed whole, followed by --tail-padding zero samples, then InputFinished, then decoded while the
// recognizer says it is ready; endpointing is off. With --bench only a summary line is printed:
// { audioSeconds, decodeSeconds, cpuSeconds, rtf, cpuRtf }, timed after one untimed pass over every file (model
// loading, wav reading and the warm-up pass excluded), as loadtests/sherpa-ratio.sh times our side.
// With --keywords, sherpa-onnx's KeywordSpotter (4 active paths, 1 trailing blank) spots the keywords of FILE
// (sherpa-onnx's keywords.txt form) instead, and each file prints { file, hits: [{ keyword, startTime, timestamps,
// tokens }] }: the result of every decode call that named a keyword, the stream never reset by hand.
'use strict';
const fs = require('fs');
const path = require('path');
const sherpa = require('sherpa-onnx-node');

function parseArgs(argv) {
  const options = {
    method: 'greedy_search', paths: 4, tailPadding: 0, threads: 1, bench: false, files: [],
    keywordsThreshold: 0.25, keywordsScore: 1.0,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--model') options.model = value();
    else if (a === '--method') options.method = value();
    else if (a === '--paths') options.paths = parseInt(value(), 10);
    else if (a === '--tail-padding') options.tailPadding = parseInt(value(), 10);
    else if (a === '--threads') options.threads = parseInt(value(), 10);
    else if (a === '--bench') options.bench = true;
    else if (a === '--keywords') options.keywords = value();
    else if (a === '--keywords-threshold') options.keywordsThreshold = parseFloat(value());
    else if (a === '--keywords-score') options.keywordsScore = parseFloat(value());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else options.files.push(a);
  }
  if (!options.model) throw new Error('--model DIR is required');
  return options;
}

// The single file matching stem*.onnx, preferring the int8 variant (as the C# loader does).
function pick(dir, stem) {
  const all = fs.readdirSync(dir).filter((f) => f.startsWith(stem) && f.endsWith('.onnx'));
  const int8 = all.filter((f) => f.endsWith('.int8.onnx'));
  const chosen = all.length > 1 ? int8 : all;
  if (chosen.length !== 1) throw new Error(`cannot choose one ${stem}*.onnx in ${dir}: ${all.join(', ')}`);
  return path.join(dir, chosen[0]);
}

function modelConfig(options) {
  return {
    transducer: {
      encoder: pick(options.model, 'encoder'),
      decoder: pick(options.model, 'decoder'),
      joiner: pick(options.model, 'joiner'),
    },
    tokens: path.join(options.model, 'tokens.txt'),
    numThreads: options.threads,
    provider: 'cpu',
    debug: 0,
  };
}

function createRecognizer(options) {
  return new sherpa.OnlineRecognizer({
    featConfig: { sampleRate: 16000, featureDim: 80 },
    modelConfig: modelConfig(options),
    decodingMethod: options.method,
    maxActivePaths: options.paths,
    enableEndpoint: 0,
  });
}

function decode(recognizer, wave, tailPadding) {
  const stream = recognizer.createStream();
  stream.acceptWaveform({ samples: wave.samples, sampleRate: wave.sampleRate });
  if (tailPadding > 0) {
    stream.acceptWaveform({ samples: new Float32Array(tailPadding), sampleRate: wave.sampleRate });
  }
  stream.inputFinished();
  while (recognizer.isReady(stream)) {
    recognizer.decode(stream);
  }
  return recognizer.getResult(stream);
}

function spot(options, waves) {
  const spotter = new sherpa.KeywordSpotter({
    featConfig: { sampleRate: 16000, featureDim: 80 },
    modelConfig: modelConfig(options),
    maxActivePaths: 4,
    numTrailingBlanks: 1,
    keywordsScore: options.keywordsScore,
    keywordsThreshold: options.keywordsThreshold,
    keywordsFile: options.keywords,
  });
  for (const w of waves) {
    const stream = spotter.createStream();
    stream.acceptWaveform({ samples: w.wave.samples, sampleRate: w.wave.sampleRate });
    if (options.tailPadding > 0) {
      stream.acceptWaveform({ samples: new Float32Array(options.tailPadding), sampleRate: w.wave.sampleRate });
    }
    stream.inputFinished();
    const hits = [];
    while (spotter.isReady(stream)) {
      spotter.decode(stream);
      const r = spotter.getResult(stream);
      if (r.keyword !== '') {
        hits.push({ keyword: r.keyword, startTime: r.start_time, timestamps: r.timestamps, tokens: r.tokens });
      }
    }
    console.log(JSON.stringify({ file: w.file, hits }));
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const waves = options.files.map((file) => ({ file, wave: sherpa.readWave(file) }));
  if (options.keywords) {
    spot(options, waves);
    return;
  }
  const recognizer = createRecognizer(options);
  if (options.bench) {
    const audioSeconds = waves.reduce((sum, w) => sum + w.wave.samples.length / w.wave.sampleRate, 0);
    for (const w of waves) decode(recognizer, w.wave, options.tailPadding);
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const w of waves) decode(recognizer, w.wave, options.tailPadding);
    const decodeSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(JSON.stringify({
      audioSeconds, decodeSeconds, cpuSeconds, rtf: decodeSeconds / audioSeconds, cpuRtf: cpuSeconds / audioSeconds,
    }));
    return;
  }
  for (const w of waves) {
    const r = decode(recognizer, w.wave, options.tailPadding);
    console.log(JSON.stringify({ file: w.file, tokens: r.tokens, timestamps: r.timestamps, text: r.text }));
  }
}

main();
