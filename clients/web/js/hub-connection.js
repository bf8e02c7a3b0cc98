// The SignalR connection to /hubs/transcription, authenticated with the stored token.

import '../lib/signalr.min.js';
import { getToken } from './settings.js';

/** The vendored @microsoft/signalr browser build (it registers itself as self.signalR). */
export const signalR = self.signalR;

/**
 * Builds (does not start) a hub connection. With reconnect it retries on its own after a network drop;
 * an audio stream cannot survive a reconnect, so senders leave it off and report the drop instead.
 */
export function createHubConnection({ reconnect }) {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(new URL('hubs/transcription', document.baseURI).href, { accessTokenFactory: () => getToken() })
    .configureLogging(signalR.LogLevel.Warning);
  if (reconnect) builder.withAutomaticReconnect();
  return builder.build();
}

/** Turns a SignalR failure into a sentence for the user (hub errors carry the server's message). */
export function describeHubError(error) {
  const message = error?.message ?? String(error);
  // Negotiation failures embed the whole response body; the status code says what matters.
  const status = /Status code '(\d+)'/.exec(message)?.[1];
  if (status === '401' || /unauthori[sz]ed/i.test(message)) return 'Not authorised: enter a valid server token.';
  if (status === '403') return 'This token may not do that.';
  if (status) return `The server refused the connection (HTTP ${status}).`;
  // "An unexpected error occurred invoking 'X' on the server. HubException: why" → "X failed: why".
  return message
    .replace(/^An unexpected error occurred invoking '(\w+)' on the server\.\s*(HubException:\s*)?/, '$1 failed: ')
    .replace(/^Error:\s*/, '');
}
