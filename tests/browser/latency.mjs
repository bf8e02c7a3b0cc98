// Partial latency of the captions page over SignalR and over WebRTC (WHIP) for the same wav: a measurement,
// not a test (run.sh does not run it). Usage, after `dotnet build src/Streaming.Cli -c Release` and `npm ci`:
//
//   node latency.mjs [--runs 3] [--wav samples/jfk.wav] [--language en]
//
// Each run captions the wav once per transport (SignalR, then WebRTC), each in a fresh headless Chromium whose
// fake microphone plays the wav, against one real server on loopback. For every partial the page receives:
//
//   latency = arrival wall time − (origin + partial.end)
//
// where origin is the wall time of stream time 0, estimated the same way for both transports from what has left
// the page: at each observation, origin ≤ now − (audio sent so far), so origin = the minimum of that over the
// session. SignalR: each SendAudio stream item leaving the WebSocket adds its PCM16 duration. WebRTC: the
// sender's outbound-rtp packetsSent (polled through getStats every 10 ms) × the Opus frame (20 ms). The server's
// stream time counts the same audio (PCM samples received, decoded Opus frames), so the two origins agree in
// meaning; see docs/webrtc.md for the error of the estimate.
//
// The page is instrumented from outside (an init script wraps WebSocket and RTCPeerConnection); the product's
// code is unchanged.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser, openPage } from './browser.mjs';
import { issueToken, startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts', 'latency');
const OPUS_FRAME_MS = 20; // Chromium's Opus packets carry 20 ms (ptime 20, no DTX: the offer does not ask for it)
const SETTLE_MS = 2000; // after the last expected final, so the tail's partials and final arrive
const CAPTION_TIMEOUT_MS = 120_000;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    wav: { type: 'string', default: 'samples/jfk.wav' },
    language: { type: 'string', default: 'en' },
    // A final containing this ends a session (the wav's last words).
    phrase: { type: 'string', default: 'what you can do for your country' },
  },
});

// Runs in the page before its modules: records partial/final arrivals and outgoing audio on the hub's WebSocket,
// and polls every RTCPeerConnection's audio sender for packets sent.
function instrument(pcmSampleRate) {
  const now = () => performance.timeOrigin + performance.now();
  const record = { partials: [], finals: [], sent: [], rtp: [], pcmSeconds: 0 };
  window.__latency = record;
  const parseFrames = (data) => (typeof data === 'string' ? data.split('\x1e').filter(Boolean) : [])
    .map((frame) => { try { return JSON.parse(frame); } catch { return null; } })
    .filter(Boolean);
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const at = now();
        for (const message of parseFrames(event.data)) {
          if (message.type !== 1) continue;
          const result = message.arguments?.[0];
          if (message.target === 'partial') record.partials.push({ at, end: result.end, segment: result.segmentId });
          if (message.target === 'final') record.finals.push({ at, end: result.end, segment: result.segmentId, text: result.text });
        }
      });
    }

    send(data) {
      for (const message of parseFrames(data)) {
        // A SendAudio stream item: base64 PCM16 mono.
        if (message.type !== 2 || typeof message.item !== 'string') continue;
        const item = message.item;
        const bytes = (item.length * 3) / 4 - (item.endsWith('==') ? 2 : item.endsWith('=') ? 1 : 0);
        record.pcmSeconds += bytes / 2 / pcmSampleRate;
        record.sent.push({ at: now(), seconds: record.pcmSeconds });
      }
      return super.send(data);
    }
  };
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      const poll = async () => {
        if (this.connectionState === 'closed') return;
        const before = now();
        const stats = await this.getStats();
        const after = now();
        for (const report of stats.values()) {
          if (report.type !== 'outbound-rtp' || report.kind !== 'audio' || !report.packetsSent) continue;
          // Stats may be served from a short cache: only a fresh report (gathered during this call) dates its count.
          const stamp = report.timestamp > 1e12 ? report.timestamp : performance.timeOrigin + report.timestamp;
          if (stamp >= before - 1 && stamp <= after + 1) record.rtp.push({ at: stamp, packets: report.packetsSent });
        }
        setTimeout(poll, 10);
      };
      poll();
    }
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function summarise(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
}

/** Wall time of stream time 0: min over observations of (time − audio sent by then), in ms. */
function origin(record, transport) {
  const observations = transport === 'webrtc'
    ? record.rtp.map((o) => o.at - o.packets * OPUS_FRAME_MS)
    : record.sent.map((o) => o.at - o.seconds * 1000);
  if (observations.length === 0) throw new Error(`no ${transport} audio was seen leaving the page`);
  return Math.min(...observations);
}

/** How much audio left the page per second of wall time, from the first to the last observation (≈ 1). */
function sendRate(record, transport) {
  const points = transport === 'webrtc'
    ? record.rtp.map((o) => [o.at, o.packets * OPUS_FRAME_MS])
    : record.sent.map((o) => [o.at, o.seconds * 1000]);
  const [first, last] = [points[0], points.at(-1)];
  return (last[1] - first[1]) / (last[0] - first[0]);
}

async function caption(server, token, transport, name, log) {
  const browser = await launchBrowser(path.join(repoRoot, options.wav));
  try {
    await browser.context.addInitScript(instrument, 16000);
    const page = await openPage(browser.context, `${server.url}/`, (line) => log.push(`[${name}] ${line}`));
    await page.fill('#token', token);
    await page.selectOption('#language', options.language);
    await page.selectOption('#transport', transport);
    await page.click('#start');
    await page.locator('#session-info').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(
      (phrase) => window.__latency.finals.some((f) => f.text.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').includes(phrase)),
      options.phrase,
      { timeout: CAPTION_TIMEOUT_MS, polling: 100 },
    );
    await page.waitForTimeout(SETTLE_MS);
    const record = await page.evaluate(() => window.__latency);
    await page.click('#stop');
    await page.locator('#status', { hasText: /^Stopped\.$/ }).waitFor({ timeout: 30_000 });
    const zero = origin(record, transport);
    const latencies = record.partials.map((p) => p.at - (zero + p.end * 1000));
    const ends = record.partials.map((p) => p.end);
    const finals = record.finals.map((f) => f.at - (zero + f.end * 1000));
    const observations = transport === 'webrtc' ? record.rtp.length : record.sent.length;
    return { transport, partials: summarise(latencies), finals: summarise(finals), rate: sendRate(record, transport), observations, latencies, ends };
  } finally {
    await browser.close();
  }
}

const format = (ms) => (Number.isFinite(ms) ? `${Math.round(ms)}`.padStart(5) : '    -');
const line = (label, s) => `${label.padEnd(22)} n=${String(s.count).padStart(3)}  p50 ${format(s.p50)} ms  p95 ${format(s.p95)} ms  max ${format(s.max)} ms`;

fs.mkdirSync(artifacts, { recursive: true });
const log = [];
const server = await startServer(repoRoot);
const results = [];
try {
  const token = await issueToken(server, 'latency');
  const runs = Number(options.runs);
  console.log(`${options.wav} (${options.language}), ${runs} run(s), load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  for (let run = 1; run <= runs; run++) {
    for (const transport of ['signalr', 'webrtc']) {
      const result = await caption(server, token, transport, `${transport}-${run}`, log);
      results.push({ run, ...result });
      console.log(`run ${run} ${line(`${transport} partials`, result.partials)}  (audio sent/wall ${result.rate.toFixed(3)}, ${result.observations} send observations)`);
      console.log(`run ${run} ${line(`${transport} finals`, result.finals)}`);
    }
  }
  for (const transport of ['signalr', 'webrtc']) {
    const all = results.filter((r) => r.transport === transport).flatMap((r) => r.latencies);
    console.log(`all   ${line(`${transport} partials`, summarise(all))}`);
  }
  console.log(`load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
} finally {
  await server.stop();
  fs.writeFileSync(path.join(artifacts, 'browser.log'), log.join('\n'));
  fs.writeFileSync(path.join(artifacts, 'server.log'), server.log());
  fs.writeFileSync(path.join(artifacts, 'results.json'), JSON.stringify(results, null, 2));
}
