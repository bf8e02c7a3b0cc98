// batch.html: choose or drop files, upload them as one job, follow its progress, download its results.

import { formatBytes, nonEmptyLines } from './format.js';
import { JobProgress } from './job-progress.js';
import { jobForm, uploadJob } from './job-upload.js';
import { JobView } from './job-view.js';
import { ModelChoice } from './model-choice.js';
import { bindSetting, getToken } from './settings.js';

const $ = (id) => document.getElementById(id);
const dropZone = $('drop-zone');
const fileInput = $('files');
const form = $('upload');
const message = $('upload-message');
const progress = new JobProgress();
let chosen = [];
const model = new ModelChoice($('model'), $('language'));

bindSetting($('language'), 'language', 'auto');
bindSetting($('itn'), 'itn', 'true');
bindSetting($('hotwords'), 'hotwords');
bindSetting($('token'), 'token');

function showMessage(text, kind = '') {
  message.textContent = text;
  message.className = `message ${kind}`;
}

function showChosen() {
  $('file-list').replaceChildren(...chosen.map((file) => {
    const item = document.createElement('li');
    item.textContent = `${file.name} (${formatBytes(file.size)})`;
    return item;
  }));
  $('clear-files').hidden = chosen.length === 0;
}

function addFiles(files) {
  const names = new Set(chosen.map((file) => file.name));
  // Results are reported per file name, so a second file with the same name would be ambiguous.
  chosen.push(...[...files].filter((file) => !names.has(file.name)));
  showChosen();
}

fileInput.addEventListener('change', () => {
  addFiles(fileInput.files);
  fileInput.value = '';
});
$('clear-files').addEventListener('click', () => {
  chosen = [];
  showChosen();
});
for (const type of ['dragenter', 'dragover']) {
  dropZone.addEventListener(type, (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
}
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  addFiles(event.dataTransfer.files);
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const formats = [...form.querySelectorAll('input[name="formats"]:checked')].map((box) => box.value);
  if (chosen.length === 0) return showMessage('Choose at least one file.', 'error');
  if (formats.length === 0) return showMessage('Choose at least one result format.', 'error');
  if (!getToken()) return showMessage('Enter the server token first.', 'error');
  showMessage('');

  const files = chosen;
  chosen = [];
  showChosen();
  $('no-jobs').hidden = true;
  const view = new JobView($('jobs'), files.map((file) => file.name), formats);
  const options = {
    language: $('language').value,
    model: model.value,
    itn: $('itn').checked,
    hotwords: nonEmptyLines($('hotwords').value),
    formats,
  };
  try {
    const job = await uploadJob(jobForm(files, options), (fraction) => view.uploadProgress(fraction));
    view.started(job.id);
    await progress.watch(job.id, (status) => view.update(status));
  } catch (error) {
    view.failed(error.message);
  }
});

let tokenEdit = null;
$('token').addEventListener('input', () => {
  clearTimeout(tokenEdit);
  tokenEdit = setTimeout(() => model.refresh(), 300);
});
model.refresh();
