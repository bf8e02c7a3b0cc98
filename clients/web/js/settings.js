// Page settings kept in localStorage, so a reload (or another page of the same origin) keeps them.

const PREFIX = 'streaming.';

/** Reads a stored setting, or the fallback when none is stored (or storage is unavailable). */
export function loadSetting(name, fallback) {
  try {
    const value = localStorage.getItem(PREFIX + name);
    return value === null ? fallback : value;
  } catch {
    return fallback;
  }
}

/** Stores a setting; an empty string removes it. */
export function saveSetting(name, value) {
  try {
    if (value === '') localStorage.removeItem(PREFIX + name);
    else localStorage.setItem(PREFIX + name, value);
  } catch {
    // Storage disabled (private mode, policy): the setting lasts for this page only.
  }
}

/** The server token (JWT) the user entered; empty when none. */
export function getToken() {
  return loadSetting('token', '').trim();
}

/**
 * Binds a form control to a stored setting: fills it now and saves on every edit.
 * Checkboxes store "true"/"false"; text saves on every keystroke so no blur is needed.
 */
export function bindSetting(control, name, fallback = '') {
  const isCheckbox = control.type === 'checkbox';
  const stored = loadSetting(name, fallback);
  if (isCheckbox) control.checked = stored === 'true';
  else control.value = stored;
  control.addEventListener('input', () => saveSetting(name, isCheckbox ? String(control.checked) : control.value));
}
