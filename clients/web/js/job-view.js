// One job's card on the batch page: overall and per-file progress bars, errors, cancel, result downloads.

import { apiRequest } from './api.js';

let nextId = 0;

/** A labelled <progress> row: name, bar, state text. */
class ProgressRow {
  constructor(parent, name) {
    const id = `progress-${++nextId}`;
    this.row = document.createElement('div');
    this.row.className = 'progress-row';
    this.name = document.createElement('span');
    this.name.id = `${id}-name`;
    this.name.textContent = name;
    this.bar = document.createElement('progress');
    this.bar.max = 1;
    this.bar.value = 0;
    this.bar.setAttribute('aria-labelledby', this.name.id);
    this.state = document.createElement('span');
    this.row.append(this.name, this.bar, this.state);
    parent.append(this.row);
  }

  set(progress, state) {
    if (progress != null) this.bar.value = Math.max(0, Math.min(1, progress));
    this.state.textContent = state;
  }
}

/** The server reports progress in percent; <progress> here runs 0..1. */
function fraction(percent) {
  return (percent ?? 0) / 100;
}

function stateText(state, percent) {
  if (state === 'running' && percent != null) return `running ${Math.round(percent)} %`;
  return state;
}

export class JobView {
  /**
   * @param {HTMLElement} container where the card goes (newest first)
   * @param {string[]} fileNames the uploaded files, in upload order
   * @param {string[]} formats the result formats asked for
   */
  constructor(container, fileNames, formats) {
    this.formats = formats;
    this.card = document.createElement('article');
    this.card.className = 'job';
    this.title = document.createElement('h3');
    this.title.textContent = `Uploading ${fileNames.length} file${fileNames.length === 1 ? '' : 's'}`;
    this.overall = new ProgressRow(this.card, 'Job');
    this.files = new Map(fileNames.map((name) => [name, new ProgressRow(this.card, name)]));
    this.message = document.createElement('p');
    this.message.className = 'message';
    this.message.setAttribute('role', 'status');
    this.actions = document.createElement('div');
    this.actions.className = 'actions'; // Cancel while it runs, the downloads once it completed
    this.card.prepend(this.title);
    this.card.append(this.message, this.actions);
    container.prepend(this.card);
  }

  uploadProgress(fraction) {
    this.overall.set(fraction, `uploading ${Math.round(fraction * 100)} %`);
  }

  started(jobId) {
    this.jobId = jobId;
    this.title.textContent = `Job ${jobId}`;
    this.overall.set(0, 'queued');
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel job';
    cancel.addEventListener('click', () => this.cancel(cancel));
    this.actions.replaceChildren(cancel);
  }

  /** DELETE /api/jobs/{id}; the progress that follows (state "cancelled") updates the card. */
  async cancel(button) {
    button.disabled = true;
    try {
      await apiRequest(`api/jobs/${encodeURIComponent(this.jobId)}`, 'Cancel job', { method: 'DELETE' });
    } catch (error) {
      this.showMessage(error.message, 'error');
      button.disabled = false;
    }
  }

  /** Shows a job progress; bars never move backwards, so a late poll cannot undo a newer event. */
  update(status) {
    if (status.state === 'unknown') {
      this.showMessage(status.error, 'error');
      return;
    }
    this.overall.set(Math.max(this.overall.bar.value, fraction(status.progress)), stateText(status.state, status.progress));
    for (const file of status.files ?? []) {
      const row = this.files.get(file.name) ?? this.addFile(file.name);
      row.set(Math.max(row.bar.value, fraction(file.progress)), file.error ? `failed: ${file.error}` : stateText(file.state, file.progress));
    }
    if (status.state === 'completed') {
      const failures = (status.files ?? []).filter((file) => file.state === 'failed').length;
      this.showMessage(failures ? `Done; ${failures} file(s) failed.` : 'Done.', failures ? 'error' : 'ok');
      this.showDownloads((status.files ?? []).filter((file) => file.state === 'completed').map((file) => file.name));
    } else if (status.state === 'failed') {
      this.showMessage('The job failed: no file could be transcribed.', 'error');
      this.actions.replaceChildren();
    } else if (status.state === 'cancelled') {
      this.showMessage('The job was cancelled.', 'error');
      this.actions.replaceChildren();
    } else {
      this.showMessage('');
    }
  }

  addFile(name) {
    const row = new ProgressRow(this.card, name);
    this.message.before(row.row);
    this.files.set(name, row);
    return row;
  }

  failed(message) {
    if (!this.jobId) this.title.textContent = 'Upload failed';
    this.overall.set(null, 'failed');
    this.showMessage(message, 'error');
  }

  showMessage(text, kind = '') {
    this.message.textContent = text;
    this.message.className = `message ${kind}`;
  }

  /**
   * One button per format; subtitles hold one file each, so for a job of several files srt and vtt get a
   * button per completed file.
   */
  showDownloads(completedFiles) {
    const buttons = [];
    for (const format of this.formats) {
      const perFile = (format === 'srt' || format === 'vtt') && completedFiles.length > 1;
      for (const file of perFile ? completedFiles : [null]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = file ? `Download ${file} .${format}` : `Download .${format}`;
        button.addEventListener('click', () => this.download(format, file));
        buttons.push(button);
      }
    }
    this.actions.replaceChildren(...buttons);
  }

  /** Fetches with the token (a plain link could not send it) and saves the result as a file. */
  async download(format, file) {
    const name = `result.${format}`;
    const query = file ? `?file=${encodeURIComponent(file)}` : '';
    try {
      const response = await apiRequest(`api/jobs/${encodeURIComponent(this.jobId)}/${name}${query}`, `Download ${name}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${file ? file.replace(/\.[^.]*$/, '') : this.jobId}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.showMessage(error.message, 'error');
    }
  }
}
