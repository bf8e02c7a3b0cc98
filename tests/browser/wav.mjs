// Reads PCM16 WAV files and compares sample streams, for checks of what the page captured.

import fs from 'node:fs';

/** The samples of a mono PCM16 WAV, as an Int16Array. Throws on any other format. */
export function readPcm16Wav(path) {
  const data = fs.readFileSync(path);
  if (data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${path} is not a RIFF/WAVE file`);
  }
  let offset = 12;
  let format = null;
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4);
    const size = data.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = { codec: data.readUInt16LE(body), channels: data.readUInt16LE(body + 2), rate: data.readUInt32LE(body + 4), bits: data.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!format || format.codec !== 1 || format.channels !== 1 || format.bits !== 16) {
        throw new Error(`${path}: expected mono PCM16, found ${JSON.stringify(format)}`);
      }
      const samples = new Int16Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(body + 2 * i);
      return { rate: format.rate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${path} has no data chunk`);
}

/**
 * Finds where a window of the reference best lines up in the captured stream: returns the normalised
 * cross-correlation (1 = identical up to gain) and the lag in samples.
 */
export function bestAlignment(captured, reference, { start, length, maxLag }) {
  let referenceEnergy = 0;
  for (let i = 0; i < length; i++) referenceEnergy += reference[start + i] ** 2;
  let best = { correlation: 0, lag: 0 };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const from = start + lag;
    if (from < 0 || from + length > captured.length) continue;
    let product = 0;
    let energy = 0;
    for (let i = 0; i < length; i++) {
      product += captured[from + i] * reference[start + i];
      energy += captured[from + i] ** 2;
    }
    const correlation = product / Math.sqrt(energy * referenceEnergy || 1);
    if (correlation > best.correlation) best = { correlation, lag };
  }
  return best;
}
