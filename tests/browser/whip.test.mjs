// WebRTC ingress from a real browser: headless Chromium publishes its fake microphone (samples/jfk.wav) through
// WHIP (the captions page's "Send with: WebRTC") to the real server on loopback, and the page shows the finals;
// the same in Mandarin with one of the transducer's test clips.

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
let token;
const browserLog = [];

// Finals of the page, lower case, punctuation dropped; Chinese also without spaces (the recogniser may split a
// sentence where it pauses).
function normalise(text, language) {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ');
  return language === 'zh' ? words.replace(/ /g, '') : words;
}

async function finals(page, language) {
  return normalise((await page.locator('#captions .caption.final').allTextContents()).join(' '), language);
}

before(async () => {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startServer(repoRoot);
  token = await issueToken(server, 'whip-test');
});

after(async () => {
  await server?.stop();
  fs.writeFileSync(path.join(artifacts, 'browser.log'), browserLog.join('\n'));
  if (server) fs.writeFileSync(path.join(artifacts, 'server.log'), server.log());
});

/**
 * Launches Chromium whose fake microphone plays <wav>, picks <language> and "Send with: WebRTC" on the captions
 * page, waits for a final containing <phrase>, then stops and checks the WHIP resource is gone.
 */
async function publishAndExpect(wav, language, phrase, name) {
  const browser = await launchBrowser(path.join(repoRoot, wav));
  const page = await openPage(browser.context, `${server.url}/`, (line) => browserLog.push(`[${name}] ${line}`));
  try {
    await page.fill('#token', token);
    await page.selectOption('#language', language);
    await page.selectOption('#transport', 'webrtc');
    await page.click('#start');
    await page.locator('#session-info').waitFor({ state: 'visible', timeout: 30_000 });
    const sessionId = (await page.locator('#session-id').textContent()).trim();
    assert.match(sessionId, /^[0-9a-f]{32}$/);
    // The status names the language and model the server chose (from the WHIP answer's headers).
    assert.match(await page.locator('#status').textContent(), new RegExp(`\\(${language}, [\\w-]+\\)`));
    try {
      await page.waitForFunction(
        ([expected, zh]) => {
          const text = [...document.querySelectorAll('#captions .caption.final')].map((l) => l.textContent).join(' ')
            .toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ');
          return (zh ? text.replace(/ /g, '') : text).includes(expected);
        },
        [phrase, language === 'zh'],
        { timeout: CAPTION_TIMEOUT_MS, polling: 250 },
      );
    } catch (error) {
      throw new Error(`no final with "${phrase}"; status "${await page.locator('#status').textContent()}", finals: "${await finals(page, language)}"`, { cause: error });
    }
    await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
    await page.click('#stop');
    await page.locator('#status', { hasText: /^Stopped\.$/ }).waitFor({ timeout: 30_000 });
    // The server ended the session on DELETE: its WHIP resource is gone.
    const gone = await fetch(`${server.url}/api/whip/${sessionId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(gone.status, 404);
  } catch (error) {
    await page.screenshot({ path: path.join(artifacts, `failure-${name}.png`), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await page.close();
    await browser.close();
  }
}

test('Captions page sending with WebRTC (WHIP) shows "ask what you can do for your country" as finals', async () => {
  await publishAndExpect('samples/jfk.wav', 'en', 'ask what you can do for your country', 'captions-webrtc');
});

// The Mandarin transducer gives 闻声特卡所是全球知名的法国性各派演员 for this clip through `streaming transcribe`
// (reference 文森特卡索是全球知名的法国性格派演员); after Opus at 48 kHz a run in CI heard 全求知名的法国…, so the test
// asks for the part that held in every run, 知名的法国.
test('Captions page sending Mandarin with WebRTC (WHIP) shows 知名的法国 as finals', async () => {
  await publishAndExpect('models/zipformer-wenetspeech-zh/test_wavs/3.wav', 'zh', '知名的法国', 'captions-webrtc-zh');
});
