// index.html: settings, start/stop of a live captioning session, and its captions.

import { apiFetch } from './api.js';
import { CaptionSession } from './captions-session.js';
import { CaptionsView } from './captions-view.js';
import { nonEmptyLines } from './format.js';
import { listAudioInputs } from './microphone.js';
import { ModelChoice } from './model-choice.js';
import { bindSetting, getToken, loadSetting, saveSetting } from './settings.js';
import { WhipCaptionSession } from './whip-session.js';

const $ = (id) => document.getElementById(id);
const language = $('language');
const transport = $('transport');
const device = $('device');
const inferenceDevice = $('inference-device');
const itn = $('itn');
const hotwords = $('hotwords');
const keywords = $('keywords');
const startButton = $('start');
const stopButton = $('stop');
const status = $('status');
const level = $('level');
const captions = new CaptionsView($('captions'), $('speaking'));
const model = new ModelChoice($('model'), language);
let session = null;

bindSetting(language, 'language', 'auto');
bindSetting(transport, 'transport', 'signalr');
bindSetting(itn, 'itn', 'true');
bindSetting(hotwords, 'hotwords');
bindSetting(keywords, 'keywords');
bindSetting($('token'), 'token');
device.addEventListener('change', () => saveSetting('device', device.value));
inferenceDevice.addEventListener('change', () => saveSetting('inferenceDevice', inferenceDevice.value));

function setStatus(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

function setRunning(running) {
  startButton.disabled = running;
  stopButton.disabled = !running;
  for (const control of $('settings').elements) {
    if (control.id !== 'token') control.disabled = running;
  }
  if (!running) level.value = 0;
}

async function refreshDevices() {
  const chosen = loadSetting('device', '');
  const inputs = await listAudioInputs();
  const options = [new Option('Default microphone', '')];
  inputs.forEach((input, i) => options.push(new Option(input.label || `Microphone ${i + 1}`, input.deviceId)));
  device.replaceChildren(...options);
  device.value = inputs.some((input) => input.deviceId === chosen) ? chosen : '';
}

/** Fills the inference-device list from GET api/devices (needs the token); keeps the stored choice when offered. */
async function refreshInferenceDevices() {
  const chosen = loadSetting('inferenceDevice', '');
  const options = [new Option('Server default', '')];
  if (getToken()) {
    try {
      for (const d of await apiFetch('api/devices', 'Inference devices')) {
        options.push(new Option(`${d.name} · ${d.runtime}${d.default ? ' (default)' : ''}`, d.name));
      }
    } catch {
      // A wrong token is reported when captions start; the list just stays at the default.
    }
  }
  inferenceDevice.replaceChildren(...options);
  inferenceDevice.value = options.some((option) => option.value === chosen) ? chosen : '';
}

let tokenEdit = null;
$('token').addEventListener('input', () => {
  clearTimeout(tokenEdit);
  tokenEdit = setTimeout(() => { refreshInferenceDevices(); model.refresh(); }, 300);
});

async function start() {
  if (!getToken()) {
    setStatus('Enter the server token first.', true);
    $('token').focus();
    return;
  }
  setRunning(true);
  setStatus('Connecting…');
  $('session-info').hidden = true;
  captions.clear();
  const Session = transport.value === 'webrtc' ? WhipCaptionSession : CaptionSession;
  const current = new Session({
    onLevel: (peak) => { level.value = peak; },
    onFailure: (message) => {
      session = null;
      setRunning(false);
      captions.finish();
      setStatus(`Stopped: ${message}`, true);
    },
  });
  captions.listen(current.connection, (sessionId) => sessionId === current.sessionId);
  session = current;
  try {
    await current.start({
      language: language.value,
      model: model.value,
      hotwords: nonEmptyLines(hotwords.value),
      keywords: nonEmptyLines(keywords.value),
      itn: itn.checked,
      deviceId: device.value,
      inferenceDevice: inferenceDevice.value,
    });
  } catch (error) {
    session = null;
    setRunning(false);
    setStatus(`Could not start: ${error.message}`, true);
    return;
  }
  if (session !== current) return; // it already failed (onFailure said why)
  $('session-id').textContent = current.sessionId;
  $('viewer-link').href = `viewer.html?session=${encodeURIComponent(current.sessionId)}`;
  $('session-info').hidden = false;
  setStatus(`Listening on ${current.deviceLabel || 'the microphone'}; recognising on ${current.inferenceDevice} (${current.language}, ${current.model}).`);
  // Labels are only readable once access was granted, so refresh the list now.
  await refreshDevices();
refreshInferenceDevices();
}

async function stop() {
  const running = session;
  session = null;
  stopButton.disabled = true;
  setStatus('Finishing: waiting for the last captions…');
  try {
    await running.stop();
    setStatus('Stopped.');
  } catch (error) {
    setStatus(`Stopped: ${error.message}`, true);
  }
  captions.finish();
  setRunning(false);
}

startButton.addEventListener('click', start);
stopButton.addEventListener('click', stop);
$('refresh-devices').addEventListener('click', refreshDevices);
navigator.mediaDevices?.addEventListener('devicechange', refreshDevices);
refreshDevices();
model.refresh();
