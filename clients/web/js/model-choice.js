// The recogniser choice shared by the captions and batch pages: GET api/models, filtered by the chosen language.

import { apiFetch } from './api.js';
import { getToken, loadSetting, saveSetting } from './settings.js';

/**
 * Keeps a model <select> in step with a language <select>: "Default for the language" plus every loaded model
 * that serves the chosen language (all of them for "auto"); the stored choice is kept while it is offered.
 */
export class ModelChoice {
  constructor(modelSelect, languageSelect) {
    this.select = modelSelect;
    this.language = languageSelect;
    this.models = [];
    modelSelect.addEventListener('change', () => saveSetting('model', modelSelect.value));
    languageSelect.addEventListener('change', () => this.render());
  }

  /** Reloads the list from the server (needs the token); a failure leaves only the default. */
  async refresh() {
    this.models = [];
    if (getToken()) {
      try {
        this.models = (await apiFetch('api/models', 'Models')).filter((m) => m.loaded && m.languages.length > 0);
      } catch {
        // A wrong token is reported when the session or job starts.
      }
    }
    this.render();
  }

  render() {
    const chosen = loadSetting('model', '');
    const language = this.language.value;
    const options = [new Option('Default for the language', '')];
    for (const m of this.models.filter((m) => language === 'auto' || m.languages.includes(language))) {
      const defaults = m.defaultFor.length ? ` (default for ${m.defaultFor.join(', ')})` : '';
      options.push(new Option(`${m.name} · ${m.languages.join(', ')}${defaults}`, m.name));
    }
    this.select.replaceChildren(...options);
    this.select.value = options.some((option) => option.value === chosen) ? chosen : '';
  }

  /** The chosen model's name, or null for the language's default. */
  get value() {
    return this.select.value || null;
  }
}
