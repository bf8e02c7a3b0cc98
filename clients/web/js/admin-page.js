// admin.html: active sessions, inference devices and the cache release action.

import { apiFetch } from './api.js';
import { formatBytes, formatPercent, formatTime, tableRow } from './format.js';
import { bindSetting } from './settings.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 5000;
let timer = null;

bindSetting($('token'), 'token');
bindSetting($('auto-refresh'), 'admin.autoRefresh', 'true');

function showMessage(element, text, kind = '') {
  element.textContent = text;
  element.className = `message ${kind}`;
}

/** Loads one table; a failure clears it and says why, without stopping the other table. */
async function loadTable(path, what, body, message, toRow) {
  try {
    const items = await apiFetch(path, what);
    body.replaceChildren(...items.map(toRow));
    showMessage(message, items.length === 0 ? `No ${what.toLowerCase()}.` : '');
  } catch (error) {
    body.replaceChildren();
    showMessage(message, error.message, 'error');
  }
}

function refresh() {
  return Promise.all([
    loadTable('api/admin/sessions', 'Active sessions', $('sessions'), $('sessions-message'), (s) =>
      tableRow([s.sessionId, s.owner, s.language, s.device, formatTime(s.startedAt), s.audioSeconds?.toFixed(1), s.subscribers], [5, 6])),
    loadTable('api/admin/devices', 'Devices', $('devices'), $('devices-message'), (d) =>
      tableRow([d.name, d.kind, formatBytes(d.memoryUsedBytes), formatBytes(d.memoryTotalBytes), formatPercent(d.utilisation)], [2, 3, 4])),
  ]);
}

function schedule() {
  clearInterval(timer);
  timer = $('auto-refresh').checked ? setInterval(refresh, REFRESH_MS) : null;
}

$('release-cache').addEventListener('click', async () => {
  const button = $('release-cache');
  button.disabled = true;
  try {
    await apiFetch('api/admin/devices/release-cache', 'Release inference cache', { method: 'POST' });
    showMessage($('release-message'), 'Inference cache released.', 'ok');
    await refresh();
  } catch (error) {
    showMessage($('release-message'), error.message, 'error');
  } finally {
    button.disabled = false;
  }
});
$('refresh').addEventListener('click', refresh);
$('auto-refresh').addEventListener('change', schedule);
$('token').addEventListener('change', refresh);
refresh();
schedule();
