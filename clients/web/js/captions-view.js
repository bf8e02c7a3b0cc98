// Renders caption results: one line per segment; partials are replaced in place and finally by the final.

/** Keeps the list of caption lines of one session. */
export class CaptionsView {
  /**
   * @param {HTMLElement} list an <ol> inside an aria-live region
   * @param {HTMLElement} speaking indicator shown between speechStarted and speechEnded
   */
  constructor(list, speaking) {
    this.list = list;
    this.speaking = speaking;
    this.lines = new Map();
  }

  /** Subscribes to a session's caption and speech events on a hub connection. */
  listen(connection, isWatched) {
    const ours = (handler) => (payload) => {
      if (isWatched(payload?.sessionId)) handler(payload);
    };
    connection.on('partial', ours((result) => this.show(result)));
    connection.on('final', ours((result) => this.show(result)));
    connection.on('speechStarted', ours(() => { this.speaking.hidden = false; }));
    connection.on('speechEnded', ours(() => { this.speaking.hidden = true; }));
  }

  clear() {
    this.speaking.hidden = true;
    this.lines.clear();
    this.list.replaceChildren();
  }

  /** Shows a `partial` or `final` Result (docs/protocol.md); a partial never overwrites its final. */
  show(result) {
    const key = String(result.segmentId);
    let line = this.lines.get(key);
    if (!line) {
      line = document.createElement('li');
      line.dataset.segmentId = key;
      this.lines.set(key, line);
      this.list.append(line);
    }
    const isFinal = result.kind === 'final';
    if (!isFinal && line.classList.contains('final')) return;
    line.className = `caption ${isFinal ? 'final' : 'partial'}`;
    // Partials change several times a second; hiding them from assistive technology means only finals are read.
    if (isFinal) line.removeAttribute('aria-hidden');
    else line.setAttribute('aria-hidden', 'true');
    const written = isFinal && result.itnText ? result.itnText : result.text;
    line.textContent = written;
    // A segment the recogniser found no words in (a cough, a click) takes no room.
    line.hidden = written.trim() === '';
    line.title = written !== result.text ? `spoken form: ${result.text}` : '';
    line.scrollIntoView({ block: 'nearest' });
  }

  /** Marks the end of the stream: partials that never got a final are dropped. */
  finish() {
    this.speaking.hidden = true;
    for (const [key, line] of this.lines) {
      if (line.classList.contains('partial')) {
        line.remove();
        this.lines.delete(key);
      }
    }
  }
}
