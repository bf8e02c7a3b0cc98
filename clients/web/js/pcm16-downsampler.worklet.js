// AudioWorklet processor: mixes the input to mono, low-pass filters and resamples it to the target rate
// (16 kHz by default) with a windowed-sinc kernel, converts to little-endian PCM16 and posts fixed-size
// chunks to the main thread. Runs on the audio rendering thread, so it allocates only per posted chunk.

const PHASES_PER_SAMPLE = 64; // kernel table resolution between input samples
const ZERO_CROSSINGS = 8; // half-width of the kernel in output-rate periods

/** Blackman window over [-1, 1]. */
function blackman(x) {
  const a = Math.PI * (x + 1);
  return 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
}

/**
 * Tabulates a low-pass windowed-sinc kernel h(d) for d = 0 .. halfWidth input samples, in steps of
 * 1 / PHASES_PER_SAMPLE, so each tap costs a table lookup and a linear interpolation instead of a sine.
 */
function buildKernel(cutoff, halfWidth) {
  const size = halfWidth * PHASES_PER_SAMPLE + 2;
  const table = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const d = i / PHASES_PER_SAMPLE;
    if (d >= halfWidth) break;
    const x = 2 * cutoff * d;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    table[i] = 2 * cutoff * sinc * blackman(d / halfWidth);
  }
  return table;
}

class Pcm16DownsamplerProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const { targetRate = 16000, chunkMs = 100 } = options.processorOptions ?? {};
    this.step = sampleRate / targetRate;
    // Cut off a little below the output Nyquist so the transition band stays out of the speech band's alias.
    const cutoff = 0.5 * Math.min(1, targetRate / sampleRate) * 0.9;
    this.halfWidth = Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
    this.kernel = buildKernel(cutoff, this.halfWidth);

    // history holds input samples from absolute index historyStart; zeros stand in for the time before capture.
    this.history = new Float32Array(Math.max(4096, 4 * this.halfWidth + 512));
    this.historyStart = -this.halfWidth;
    this.historyLength = this.halfWidth;
    this.nextPosition = 0; // absolute input-sample position of the next output sample

    this.chunk = new Int16Array(Math.round((targetRate * chunkMs) / 1000));
    this.chunkLength = 0;
    this.peak = 0;
    this.port.onmessage = (event) => {
      if (event.data === 'flush') this.flush();
    };
  }

  process(inputs) {
    const input = inputs[0];
    if (input && input.length > 0) {
      this.append(input);
      this.produce();
    }
    return true;
  }

  append(channels) {
    const frames = channels[0].length;
    if (this.historyLength + frames > this.history.length) this.compact();
    const offset = this.historyLength;
    for (let i = 0; i < frames; i++) {
      let sum = 0;
      for (let c = 0; c < channels.length; c++) sum += channels[c][i];
      this.history[offset + i] = sum / channels.length;
    }
    this.historyLength += frames;
  }

  /** Drops input samples that no future output sample's kernel reaches. */
  compact() {
    const keepFrom = Math.floor(this.nextPosition) - this.halfWidth - this.historyStart;
    if (keepFrom <= 0) return;
    this.history.copyWithin(0, keepFrom, this.historyLength);
    this.historyLength -= keepFrom;
    this.historyStart += keepFrom;
  }

  produce() {
    const end = this.historyStart + this.historyLength;
    while (this.nextPosition + this.halfWidth < end) {
      this.emit(this.sampleAt(this.nextPosition));
      this.nextPosition += this.step;
    }
  }

  sampleAt(position) {
    const first = Math.ceil(position - this.halfWidth);
    const last = Math.floor(position + this.halfWidth);
    let sum = 0;
    for (let n = first; n <= last; n++) {
      const t = Math.abs(position - n) * PHASES_PER_SAMPLE;
      const i = t | 0;
      const tap = this.kernel[i] + (this.kernel[i + 1] - this.kernel[i]) * (t - i);
      sum += this.history[n - this.historyStart] * tap;
    }
    return sum;
  }

  emit(sample) {
    const clipped = Math.max(-1, Math.min(1, sample));
    const magnitude = Math.abs(clipped);
    if (magnitude > this.peak) this.peak = magnitude;
    this.chunk[this.chunkLength++] = clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff;
    if (this.chunkLength === this.chunk.length) this.flush();
  }

  /** Posts the buffered samples (an ArrayBuffer of PCM16, transferred) and the chunk's peak level. */
  flush() {
    if (this.chunkLength === 0) return;
    const pcm = this.chunk.slice(0, this.chunkLength).buffer;
    this.port.postMessage({ pcm, peak: this.peak }, [pcm]);
    this.chunkLength = 0;
    this.peak = 0;
  }
}

registerProcessor('pcm16-downsampler', Pcm16DownsamplerProcessor);
