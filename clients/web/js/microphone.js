// Microphone capture: getUserMedia → AudioWorklet (pcm16-downsampler) → PCM16 chunks at 16 kHz.

export const CAPTURE_SAMPLE_RATE = 16000;
const CHUNK_MS = 100;

/** Lists the audio inputs; labels are empty until the page has been granted microphone access once. */
export async function listAudioInputs() {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'audioinput');
}

/** One capture run; create a new instance per recording. */
export class Microphone {
  /**
   * @param {(pcm: ArrayBuffer, peak: number) => void} onChunk receives little-endian PCM16 mono chunks.
   */
  constructor(onChunk) {
    this.onChunk = onChunk;
    this.stream = null;
    this.context = null;
    this.node = null;
  }

  /** Opens the device (the default one when deviceId is empty) and starts delivering chunks. */
  async start(deviceId) {
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new Error('This browser cannot capture audio here (a secure origin, https or localhost, is required).');
    }
    // The browser's voice processing is off: noise suppression and gain control distort the spectrum the
    // recogniser was trained on, and the page plays nothing that echo cancellation would have to remove.
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        deviceId: deviceId ? { exact: deviceId } : undefined,
        channelCount: 1,
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
      },
    });
    this.context = new AudioContext();
    await this.context.audioWorklet.addModule(new URL('./pcm16-downsampler.worklet.js', import.meta.url));
    const source = this.context.createMediaStreamSource(this.stream);
    this.node = new AudioWorkletNode(this.context, 'pcm16-downsampler', {
      processorOptions: { targetRate: CAPTURE_SAMPLE_RATE, chunkMs: CHUNK_MS },
      channelCountMode: 'explicit',
      channelCount: 1,
    });
    this.node.port.onmessage = (event) => this.onChunk(event.data.pcm, event.data.peak);
    source.connect(this.node);
    // The node writes silence; connecting it to the destination keeps the graph pulling it.
    this.node.connect(this.context.destination);
    if (this.context.state === 'suspended') await this.context.resume();
  }

  /** The label of the device actually opened. */
  get deviceLabel() {
    return this.stream?.getAudioTracks()[0]?.label ?? '';
  }

  /** Flushes the last partial chunk, then releases the device and the audio context. */
  async stop() {
    if (this.node) {
      const flushed = new Promise((resolve) => {
        this.node.port.onmessage = (event) => {
          this.onChunk(event.data.pcm, event.data.peak);
          resolve();
        };
        setTimeout(resolve, 200); // nothing buffered: the worklet posts nothing
      });
      this.node.port.postMessage('flush');
      await flushed;
      this.node.port.onmessage = null;
      this.node.disconnect();
    }
    this.stream?.getTracks().forEach((track) => track.stop());
    await this.context?.close();
    this.node = null;
    this.stream = null;
    this.context = null;
  }
}
