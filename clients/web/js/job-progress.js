// Follows batch jobs: `jobProgress` events from the hub (SubscribeJob), and GET /api/jobs/{id} polling for
// every job the hub is not delivering (hub unreachable, dropped, or SubscribeJob refused).

import { apiFetch } from './api.js';
import { createHubConnection } from './hub-connection.js';

const POLL_MS = 2000;
const FINISHED_STATES = new Set(['completed', 'failed', 'cancelled']);

export class JobProgress {
  constructor() {
    this.watchers = new Map(); // jobId → onUpdate(progress)
    this.subscribed = new Set(); // jobIds the hub is sending events for
    this.connection = null;
    this.timer = null;
  }

  /** Calls onUpdate with each progress of the job ({ jobId, state, progress 0–100, files }) until it has finished. */
  async watch(jobId, onUpdate) {
    this.watchers.set(jobId, onUpdate);
    try {
      await this.hub();
      await this.subscribe(jobId);
    } catch {
      // Polling carries this job's progress instead.
    }
    // Progress made before the subscription took effect arrives only through a GET.
    await this.poll(jobId);
    this.timer ??= setInterval(() => this.pollUnfollowed(), POLL_MS);
  }

  async hub() {
    if (this.connection) {
      if (this.connection.state === 'Disconnected') await this.connection.start();
      return;
    }
    this.connection = createHubConnection({ reconnect: true });
    this.connection.on('jobProgress', (progress) => this.deliver(progress));
    // Subscriptions belong to a connection: a reconnected one starts with none.
    this.connection.onreconnecting(() => this.subscribed.clear());
    this.connection.onclose(() => this.subscribed.clear());
    this.connection.onreconnected(() => {
      for (const jobId of this.watchers.keys()) this.subscribe(jobId).catch(() => {});
    });
    await this.connection.start();
  }

  async subscribe(jobId) {
    await this.connection.invoke('SubscribeJob', jobId);
    this.subscribed.add(jobId);
  }

  async poll(jobId) {
    try {
      // GET answers the job view, whose id field is "id"; jobProgress events name it "jobId".
      const view = await apiFetch(`api/jobs/${encodeURIComponent(jobId)}`, 'Job status');
      this.deliver({ ...view, jobId: view.id });
    } catch (error) {
      this.watchers.get(jobId)?.({ jobId, state: 'unknown', error: error.message });
    }
  }

  pollUnfollowed() {
    const hubUp = this.connection?.state === 'Connected';
    for (const jobId of this.watchers.keys()) {
      if (!hubUp || !this.subscribed.has(jobId)) this.poll(jobId);
    }
  }

  deliver(progress) {
    const onUpdate = this.watchers.get(progress?.jobId);
    if (!onUpdate) return;
    onUpdate(progress);
    if (FINISHED_STATES.has(progress.state)) {
      this.watchers.delete(progress.jobId);
      this.subscribed.delete(progress.jobId);
      this.connection?.invoke('UnsubscribeJob', progress.jobId).catch(() => {});
      if (this.watchers.size === 0) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }
  }
}
