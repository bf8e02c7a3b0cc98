// Decodes wav files with sherpa-onnx's OnlineRecognizer (native, through sherpa-onnx-node) and prints one JSON
// object per file: { file, tokens, timestamps, text }. The reference side of the transducer parity tests and of
// loadtests/sherpa-ratio.sh.
//
// node decode.js --model DIR [--method greedy_search|modified_beam_search] [--paths 4] [--tail-padding SAMPLES]
//                [--threads 1] [--bench] WAV...
//
// Each file is fed whole, followed by --tail-padding zero samples, then InputFinished, then decoded while the
// recognizer says it is ready; endpointing is off. With --bench only a summary line is printed:
// { audioSeconds, decodeSeconds, cpuSeconds, rtf, cpuRtf } (model loading, wav reading and one warm-up file excluded).
'use strict';
const fs = require('fs');
const path = require('path');
const sherpa = require('sherpa-onnx-node');

function parseArgs(argv) {
  const options = { method: 'greedy_search', paths: 4, tailPadding: 0, threads: 1, bench: false, files: [] };
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

function createRecognizer(options) {
  return new sherpa.OnlineRecognizer({
    featConfig: { sampleRate: 16000, featureDim: 80 },
    modelConfig: {
      transducer: {
        encoder: pick(options.model, 'encoder'),
        decoder: pick(options.model, 'decoder'),
        joiner: pick(options.model, 'joiner'),
      },
      tokens: path.join(options.model, 'tokens.txt'),
      numThreads: options.threads,
      provider: 'cpu',
      debug: 0,
    },
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

function main() {
  const options = parseArgs(process.argv.slice(2));
  const recognizer = createRecognizer(options);
  const waves = options.files.map((file) => ({ file, wave: sherpa.readWave(file) }));
  if (options.bench) {
    const audioSeconds = waves.reduce((sum, w) => sum + w.wave.samples.length / w.wave.sampleRate, 0);
    if (waves.length > 0) decode(recognizer, waves[0].wave, options.tailPadding);
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
