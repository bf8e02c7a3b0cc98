// Mandarin in the captions page: headless Chromium whose fake microphone plays the bundled Mandarin model's
// test_wavs/3.wav (文森特卡索是全球知名的法国性格派演员), language zh, the real server on a loopback port.
// The finals must be Chinese characters (pinyin tokens converted by libpinyin), not pinyin or empty text.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage } from './browser.mjs';
import { issueToken, startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts', 'mandarin');
const speech = path.join(repoRoot, 'models/zipformer-wenetspeech-zh/test_wavs/3.wav');
const CAPTION_TIMEOUT_MS = 90_000;

let server;
let browser;
let token;
const browserLog = [];

before(async () => {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startServer(repoRoot);
  token = await issueToken(server, 'browser-test-zh');
  browser = await launchBrowser(speech);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  fs.writeFileSync(path.join(artifacts, 'browser.log'), browserLog.join('\n'));
  if (server) fs.writeFileSync(path.join(artifacts, 'server.log'), server.log());
});

test('Mandarin speech in the captions page with language zh shows Chinese-character finals', async () => {
  const page = await openPage(browser.context, `${server.url}/`, (line) => browserLog.push(line));
  try {
    await page.fill('#token', token);
    await page.selectOption('#language', 'zh');
    await page.click('#start');
    await page.locator('#status', { hasText: '(zh, zipformer-wenetspeech-zh)' }).waitFor({ timeout: 30_000 });
    // 法国 and 演员 are near the end of the clip: by then the page has shown its finals in characters.
    try {
      await page.waitForFunction(
        () => {
          const text = [...document.querySelectorAll('#captions .caption.final')].map((line) => line.textContent).join('');
          return text.includes('法国') && text.includes('演员');
        },
        null,
        { timeout: CAPTION_TIMEOUT_MS, polling: 250 },
      );
    } catch (error) {
      const finals = await page.locator('#captions .caption.final').allTextContents();
      throw new Error(`no final with 法国 and 演员 within ${CAPTION_TIMEOUT_MS / 1000} s; finals: ${JSON.stringify(finals)}`, { cause: error });
    }
    const text = (await page.locator('#captions .caption.final').allTextContents()).join('');
    const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
    assert.ok(han >= 12, `finals "${text}" have ${han} Chinese characters`);
    assert.doesNotMatch(text, /[āáǎàēéěèīíǐìōóǒòūúǔù]/, `finals "${text}" still hold toned pinyin`);
    await page.screenshot({ path: path.join(artifacts, 'captions-zh.png'), fullPage: true });
    await page.click('#stop');
    await page.locator('#status', { hasText: /^Stopped\.$/ }).waitFor({ timeout: 30_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(artifacts, 'failure-mandarin.png'), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await page.close();
  }
});
