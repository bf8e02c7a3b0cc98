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
  if (/401|unauthori[sz]ed/i.test(message)) return 'Not authorised: enter a valid server token.';
  return message.replace(/^An unexpected error occurred invoking '(\w+)' on the server\.\s*/, '$1 failed. ')
    .replace(/^HubException:\s*/, '');
}
