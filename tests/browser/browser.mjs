// Headless Debian Chromium with a fake microphone that plays a WAV file once.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Chromium with a new empty profile; close() also removes the profile. */
export async function launchBrowser(fakeMicrophoneWav) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/setup-tests.sh (apt-get install chromium)`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'streaming-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      // %noloop: play the file once, then silence, so the last words end in a pause the VAD closes.
      `--use-file-for-fake-audio-capture=${fakeMicrophoneWav}%noloop`,
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a page that fails the test on uncaught page errors, and logs the console for diagnosis. */
export async function openPage(context, url, log) {
  const page = await context.newPage();
  page.on('console', (message) => log(`[${new URL(page.url() || url).pathname}] ${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log(`[page error] ${error.message}`));
  await page.goto(url);
  return page;
}
