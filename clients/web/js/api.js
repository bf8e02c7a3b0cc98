// REST calls to the server with the stored bearer token, turning failures into readable messages.

import { getToken } from './settings.js';

/** A failed API call; message is meant for the user. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** Adds the Authorization header when a token is set. */
export function authHeaders(headers = {}) {
  const token = getToken();
  return token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
}

/** The detail of a problem+json body (with validation errors), or the start of a plain body. */
function problemDetail(body) {
  try {
    const problem = JSON.parse(body);
    const errors = problem.errors ? Object.values(problem.errors).flat().join(' ') : '';
    return `${problem.detail ?? problem.title ?? ''} ${errors}`.trim();
  } catch {
    // An HTML error page says nothing the status line does not.
    return body.trimStart().startsWith('<') ? '' : body.slice(0, 200).trim();
  }
}

/**
 * The user-facing sentence for a failed request.
 * @param {string} what the action, e.g. "Upload"
 * @param {number} status HTTP status, 0 when no response came
 */
export function failureMessage(what, status, statusText, body) {
  switch (status) {
    case 0: return `${what}: the server cannot be reached.`;
    case 401: return `${what}: not authorised (401). Enter a valid server token.`;
    case 403: return `${what}: this token may not do that (403).`;
    case 404: return `${what}: not available on this server (404).`;
    case 413: return `${what}: larger than the server accepts (413).`;
    default: {
      const detail = problemDetail(body ?? '');
      return `${what}: ${status} ${statusText}${detail ? ` — ${detail}` : ''}`;
    }
  }
}

/**
 * fetch() with the token; returns the response when it succeeded, or throws ApiError.
 * @param {string} path relative to the page, e.g. "api/admin/sessions"
 */
export async function apiRequest(path, what, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: authHeaders(options.headers) });
  } catch {
    throw new ApiError(0, failureMessage(what, 0));
  }
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new ApiError(response.status, failureMessage(what, response.status, response.statusText, body));
  }
  return response;
}

/** apiRequest() returning the parsed JSON body (null for an empty body). */
export async function apiFetch(path, what, options = {}) {
  const text = await (await apiRequest(path, what, options)).text();
  return text ? JSON.parse(text) : null;
}
