// Follows batch jobs: `jobProgress` events from the hub (SubscribeJob), and GET /api/jobs/{id} polling
// whenever the hub is not connected, so progress keeps coming when WebSockets are blocked or the hub drops.

import { apiFetch } from './api.js';
import { createHubConnection } from './hub-connection.js';

const POLL_MS = 2000;
export const FINISHED_STATES = new Set(['completed', 'failed']);

export class JobProgress {
  constructor() {
    this.watchers = new Map(); // jobId → onUpdate(status)
    this.connection = null;
    this.timer = null;
  }

  /** Calls onUpdate with each JobStatus of the job until it has finished. */
  async watch(jobId, onUpdate) {
    this.watchers.set(jobId, onUpdate);
    try {
      await this.hub();
      await this.connection.invoke('SubscribeJob', jobId);
    } catch {
      // The polling below carries the progress instead.
    }
    // Progress made before the subscription took effect arrives only through a GET.
    await this.poll(jobId);
    this.timer ??= setInterval(() => this.pollIfHubDown(), POLL_MS);
  }

  async hub() {
    if (this.connection) {
      if (this.connection.state === 'Disconnected') await this.connection.start();
      return;
    }
    this.connection = createHubConnection({ reconnect: true });
    this.connection.on('jobProgress', (status) => this.deliver(status));
    this.connection.onreconnected(() => {
      for (const jobId of this.watchers.keys()) this.connection.invoke('SubscribeJob', jobId).catch(() => {});
    });
    await this.connection.start();
  }

  async poll(jobId) {
    try {
      this.deliver(await apiFetch(`api/jobs/${encodeURIComponent(jobId)}`, 'Job status'));
    } catch (error) {
      this.watchers.get(jobId)?.({ jobId, state: 'unknown', error: error.message });
    }
  }

  pollIfHubDown() {
    if (this.connection?.state === 'Connected') return;
    for (const jobId of this.watchers.keys()) this.poll(jobId);
  }

  deliver(status) {
    const onUpdate = this.watchers.get(status?.jobId);
    if (!onUpdate) return;
    onUpdate(status);
    if (FINISHED_STATES.has(status.state)) {
      this.watchers.delete(status.jobId);
      if (this.watchers.size === 0) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }
  }
}
