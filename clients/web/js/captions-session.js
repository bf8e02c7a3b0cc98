// One live captioning run: StartSession, then microphone PCM streamed through SendAudio until stopped.

import { createHubConnection, describeHubError, signalR } from './hub-connection.js';
import { CAPTURE_SAMPLE_RATE, Microphone } from './microphone.js';

// Every event the server counts in SendAudio's result (StreamCompleted.events).
const SESSION_EVENTS = ['speechStarted', 'partial', 'final', 'speechEnded', 'keywordSpotted', 'error'];
const LAST_EVENTS_WAIT_MS = 5000;

/** The JSON hub protocol carries byte[] as base64 strings. */
function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000));
  }
  return btoa(binary);
}

export class CaptionSession {
  /**
   * @param {{ onLevel: (peak: number) => void, onFailure: (message: string) => void }} handlers
   * onFailure fires once when the session ends on its own (server error, dropped connection).
   * Subscribe to the session's caption events on `connection` before calling start().
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.connection = createHubConnection({ reconnect: false });
    this.sessionId = null;
    this.inferenceDevice = null; // the server device the session runs on, once started
    this.language = null; // the language and model serving it, once started
    this.model = null;
    this.audio = null;
    this.sending = null;
    this.microphone = null;
    this.ending = false;
    this.received = 0; // events of this session so far, to match against SendAudio's count
    this.onReceived = null;
  }

  /**
   * Connects, starts the session and the microphone.
   * @param {{ language: string, model: string|null, hotwords: string[], keywords: string[], itn: boolean, deviceId: string, inferenceDevice: string }} settings
   *   deviceId picks the microphone; inferenceDevice the server device ('' for the server's default); model the
   *   recogniser (null for the language's default).
   */
  async start(settings) {
    for (const event of SESSION_EVENTS) {
      this.connection.on(event, (payload) => {
        if (payload?.sessionId !== this.sessionId) return;
        this.received++;
        this.onReceived?.();
      });
    }
    this.connection.on('error', (e) => {
      if (e?.sessionId === this.sessionId) this.fail(`${e.message} (${e.code})`);
    });
    this.connection.onclose((error) => this.fail(`Connection closed${error ? `: ${describeHubError(error)}` : '.'}`));
    try {
      await this.connection.start();
      const started = await this.connection.invoke('StartSession', {
        language: settings.language,
        model: settings.model || null,
        sampleRate: CAPTURE_SAMPLE_RATE,
        codec: 'pcm16',
        hotwords: settings.hotwords,
        keywords: settings.keywords,
        itn: settings.itn,
        device: settings.inferenceDevice || null,
      });
      this.sessionId = started.sessionId;
      this.inferenceDevice = started.device;
      this.language = started.language;
      this.model = started.model;
      this.audio = new signalR.Subject();
      this.sending = this.connection.invoke('SendAudio', this.sessionId, this.audio);
      this.sending.catch((error) => this.fail(describeHubError(error)));
      this.microphone = new Microphone((pcm, peak) => {
        if (!this.ending) this.audio.next(toBase64(pcm));
        this.handlers.onLevel(peak);
      });
      await this.microphone.start(settings.deviceId);
    } catch (error) {
      await this.release();
      throw new Error(describeHubError(error));
    }
  }

  get deviceLabel() {
    return this.microphone?.deviceLabel ?? '';
  }

  /** Stops the microphone, ends the audio stream and waits until every event of the session has arrived. */
  async stop() {
    if (this.ending) return;
    await this.microphone?.stop();
    this.ending = true;
    this.audio?.complete();
    try {
      const completed = await this.sending;
      await this.eventsArrived(completed?.events ?? 0);
    } finally {
      await this.release();
    }
  }

  /**
   * SendAudio's result travels apart from the events and may overtake the last of them; it says how many
   * were sent, so wait for that many (bounded, in case a dropped partial was counted).
   */
  eventsArrived(count) {
    if (this.received >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, LAST_EVENTS_WAIT_MS);
      this.onReceived = () => {
        if (this.received < count) return;
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async fail(message) {
    if (this.ending) return;
    await this.release();
    this.handlers.onFailure(message);
  }

  async release() {
    this.ending = true;
    const microphone = this.microphone;
    this.microphone = null;
    await microphone?.stop();
    await this.connection.stop();
  }
}
