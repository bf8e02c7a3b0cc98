// viewer.html?session=ID: subscribes to a session and shows its captions as they arrive.

import { CaptionsView } from './captions-view.js';
import { createHubConnection, describeHubError } from './hub-connection.js';
import { bindSetting, getToken } from './settings.js';

const $ = (id) => document.getElementById(id);
const sessionField = $('session');
const status = $('status');
const captions = new CaptionsView($('captions'), $('speaking'));
let connection = null;
let watched = '';

bindSetting($('token'), 'token');
// The token is sent when connecting, so a new one needs a new connection (made by the next Watch).
$('token').addEventListener('change', () => {
  const old = connection;
  connection = null;
  old?.stop();
});

function setStatus(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

async function subscribe() {
  await connection.invoke('Subscribe', watched);
  setStatus(`Watching session ${watched}.`);
}

function connect() {
  connection = createHubConnection({ reconnect: true });
  captions.listen(connection, (sessionId) => sessionId === watched);
  connection.on('error', (e) => {
    if (e?.sessionId === watched) setStatus(`Session error: ${e.message} (${e.code})`, true);
  });
  connection.onreconnecting(() => setStatus('Connection lost; reconnecting…', true));
  // Subscriptions belong to the old connection; a reconnected one must ask again.
  connection.onreconnected(() => subscribe().catch((error) => setStatus(describeHubError(error), true)));
  const own = connection;
  connection.onclose((error) => {
    if (own === connection) setStatus(`Disconnected${error ? `: ${describeHubError(error)}` : '.'}`, true);
  });
  return connection.start();
}

async function watch(sessionId) {
  if (!getToken()) {
    setStatus('Enter the server token first.', true);
    $('token').focus();
    return;
  }
  const previous = watched;
  watched = sessionId;
  captions.clear();
  history.replaceState(null, '', `?session=${encodeURIComponent(sessionId)}`);
  try {
    if (connection?.state !== 'Connected') {
      setStatus('Connecting…');
      await connection?.stop();
      await connect();
    } else if (previous && previous !== sessionId) {
      await connection.invoke('Unsubscribe', previous);
    }
    await subscribe();
  } catch (error) {
    setStatus(`Could not watch ${sessionId}: ${describeHubError(error)}`, true);
  }
}

$('watch').addEventListener('submit', (event) => {
  event.preventDefault();
  const sessionId = sessionField.value.trim();
  if (sessionId) watch(sessionId);
});

const fromQuery = new URLSearchParams(location.search).get('session');
if (fromQuery) {
  sessionField.value = fromQuery;
  watch(fromQuery);
}
