// WebRTC ingress from a real browser: headless Chromium publishes its fake microphone (samples/jfk.wav) through
// WHIP (the captions page's "Send with: WebRTC") to the real server on loopback, and the page shows the finals.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage } from './browser.mjs';
import { issueToken, startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts', 'whip');
const CAPTION_TIMEOUT_MS = 90_000;

let server;
let browser;
let token;
const browserLog = [];

async function finals(page) {
  const lines = await page.locator('#captions .caption.final').allTextContents();
  return lines.join(' ').toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ');
}

before(async () => {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startServer(repoRoot);
  token = await issueToken(server, 'whip-test');
  browser = await launchBrowser(path.join(repoRoot, 'samples/jfk.wav'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  fs.writeFileSync(path.join(artifacts, 'browser.log'), browserLog.join('\n'));
  if (server) fs.writeFileSync(path.join(artifacts, 'server.log'), server.log());
});

test('Captions page sending with WebRTC (WHIP) shows "ask what you can do for your country" as finals', async () => {
  const page = await openPage(browser.context, `${server.url}/`, (line) => browserLog.push(line));
  try {
    await page.fill('#token', token);
    await page.selectOption('#language', 'en');
    await page.selectOption('#transport', 'webrtc');
    await page.click('#start');
    await page.locator('#session-info').waitFor({ state: 'visible', timeout: 30_000 });
    const sessionId = (await page.locator('#session-id').textContent()).trim();
    assert.match(sessionId, /^[0-9a-f]{32}$/);
    try {
      await page.waitForFunction(
        () => [...document.querySelectorAll('#captions .caption.final')].map((l) => l.textContent).join(' ')
          .toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ')
          .includes('ask what you can do for your country'),
        null,
        { timeout: CAPTION_TIMEOUT_MS, polling: 250 },
      );
    } catch (error) {
      throw new Error(`no final with the phrase; status "${await page.locator('#status').textContent()}", finals: "${await finals(page)}"`, { cause: error });
    }
    await page.screenshot({ path: path.join(artifacts, 'captions-webrtc.png'), fullPage: true });
    await page.click('#stop');
    await page.locator('#status', { hasText: /^Stopped\.$/ }).waitFor({ timeout: 30_000 });
    // The server ended the session on DELETE: its WHIP resource is gone.
    const gone = await fetch(`${server.url}/api/whip/${sessionId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(gone.status, 404);
  } catch (error) {
    await page.screenshot({ path: path.join(artifacts, 'failure-captions-webrtc.png'), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await page.close();
  }
});
