// One live captioning run over WebRTC: the microphone published through WHIP (POST api/whip with an SDP
// offer), the session's captions watched through the hub's Subscribe. Same interface as CaptionSession.

import { authHeaders, failureMessage } from './api.js';
import { createHubConnection, describeHubError } from './hub-connection.js';

const GATHERING_WAIT_MS = 2000;

/** Resolves when ICE gathering completes (or after a short wait: host candidates come first). */
function gatheringComplete(pc) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, GATHERING_WAIT_MS);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState !== 'complete') return;
      clearTimeout(timer);
      resolve();
    });
  });
}

export class WhipCaptionSession {
  /**
   * @param {{ onLevel: (peak: number) => void, onFailure: (message: string) => void }} handlers
   * onFailure fires once when the session ends on its own (server error event, WebRTC connection lost).
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.connection = createHubConnection({ reconnect: false });
    this.sessionId = null;
    this.inferenceDevice = null;
    this.language = null; // the language and model serving it, once published
    this.model = null;
    this.resource = null; // the WHIP session URL (Location)
    this.pc = null;
    this.stream = null;
    this.ending = false;
  }

  /** @param {{ language: string, hotwords: string[], itn: boolean, deviceId: string, inferenceDevice: string }} settings */
  async start(settings) {
    this.connection.on('error', (e) => {
      if (e?.sessionId === this.sessionId) this.fail(`${e.message} (${e.code})`);
    });
    this.connection.onclose((error) => this.fail(`Connection closed${error ? `: ${describeHubError(error)}` : '.'}`));
    try {
      await this.connection.start();
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          deviceId: settings.deviceId ? { exact: settings.deviceId } : undefined,
          channelCount: 1,
          echoCancellation: false,
          noiseSuppression: false,
          autoGainControl: false,
        },
      });
      this.pc = new RTCPeerConnection();
      this.pc.addTransceiver(this.stream.getAudioTracks()[0], { direction: 'sendonly' });
      await this.pc.setLocalDescription(await this.pc.createOffer());
      await gatheringComplete(this.pc);
      const answer = await this.publish(this.pc.localDescription.sdp, settings);
      // Watch before media flows, so no caption is missed.
      await this.connection.invoke('Subscribe', this.sessionId);
      this.pc.addEventListener('connectionstatechange', () => {
        if (this.pc?.connectionState === 'failed') this.fail('The WebRTC connection failed.');
      });
      await this.pc.setRemoteDescription({ type: 'answer', sdp: answer });
    } catch (error) {
      await this.release();
      throw new Error(error instanceof Error && !error.message.startsWith('An unexpected') ? error.message : describeHubError(error));
    }
  }

  async publish(offer, settings) {
    const query = new URLSearchParams({ language: settings.language, itn: String(settings.itn) });
    if (settings.hotwords.length > 0) query.set('hotwords', settings.hotwords.join(','));
    if (settings.keywords?.length > 0) query.set('keywords', settings.keywords.join(','));
    if (settings.inferenceDevice) query.set('device', settings.inferenceDevice);
    const response = await fetch(new URL(`api/whip?${query}`, document.baseURI), {
      method: 'POST',
      headers: authHeaders({ 'Content-Type': 'application/sdp' }),
      body: offer,
    });
    const body = await response.text();
    if (response.status !== 201) throw new Error(failureMessage('WebRTC publish', response.status, response.statusText, body));
    this.resource = new URL(response.headers.get('Location'), document.baseURI).href;
    this.sessionId = response.headers.get('X-Session-Id');
    this.inferenceDevice = response.headers.get('X-Session-Device') ?? 'the server default';
    this.language = response.headers.get('X-Session-Language');
    this.model = response.headers.get('X-Session-Model');
    return body;
  }

  get deviceLabel() {
    return this.stream?.getAudioTracks()[0]?.label ?? '';
  }

  /** Stops the microphone and ends the session; DELETE answers once its last captions were sent. */
  async stop() {
    if (this.ending) return;
    this.ending = true;
    try {
      if (this.resource) await fetch(this.resource, { method: 'DELETE', headers: authHeaders() });
    } finally {
      await this.release();
    }
  }

  async fail(message) {
    if (this.ending) return;
    await this.release();
    this.handlers.onFailure(message);
  }

  async release() {
    this.ending = true;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.pc?.close();
    this.pc = null;
    this.stream = null;
    await this.connection.stop();
  }
}
