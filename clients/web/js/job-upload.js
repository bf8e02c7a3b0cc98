// POST /api/jobs as multipart form data, with upload progress (fetch cannot report it, XMLHttpRequest can).

import { ApiError, authHeaders, failureMessage } from './api.js';

/** Builds the job form: one `files` part per file plus the options (docs/protocol.md, Batch jobs). */
export function jobForm(files, { language, model, itn, hotwords, formats }) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  form.append('language', language);
  if (model) form.append('model', model);
  form.append('itn', String(itn));
  for (const hotword of hotwords) form.append('hotwords', hotword);
  for (const format of formats) form.append('formats', format);
  return form;
}

/**
 * Uploads the form; onProgress gets the sent fraction (0..1). Resolves with the created job's view ({ id, … }).
 * @returns {Promise<{ id: string }>}
 */
export function uploadJob(form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'api/jobs');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        let job = null;
        try {
          job = JSON.parse(xhr.responseText);
        } catch {
          // Handled below, as an answer without a job id.
        }
        if (job?.id) resolve(job);
        else reject(new ApiError(xhr.status, 'Upload: the server answered without a job id.'));
      } else {
        reject(new ApiError(xhr.status, failureMessage('Upload', xhr.status, xhr.statusText, xhr.responseText)));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, failureMessage('Upload', 0)));
    xhr.send(form);
  });
}
