// Renders caption results: one line per segment; partials are replaced in place and finally by the final.
// Keywords spotted in a segment are highlighted in its line as they arrive.

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
    this.results = new Map(); // segment id → the last result shown, to redraw it when a keyword arrives
    this.keywords = new Map(); // segment id → keywords spotted in it
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
    connection.on('keywordSpotted', ours((hit) => this.spot(hit)));
  }

  /** Records a `keywordSpotted` event (docs/protocol.md) and highlights it in its segment's line. */
  spot(hit) {
    const key = String(hit.segmentId);
    const spotted = this.keywords.get(key) ?? new Set();
    spotted.add(hit.keyword);
    this.keywords.set(key, spotted);
    const result = this.results.get(key);
    if (result) this.show(result);
  }

  clear() {
    this.speaking.hidden = true;
    this.lines.clear();
    this.results.clear();
    this.keywords.clear();
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
    this.results.set(key, result);
    const spotted = this.keywords.get(key);
    line.className = `caption ${isFinal ? 'final' : 'partial'}${spotted ? ' spotted' : ''}`;
    // Partials change several times a second; hiding them from assistive technology means only finals are read.
    if (isFinal) line.removeAttribute('aria-hidden');
    else line.setAttribute('aria-hidden', 'true');
    const written = isFinal && result.itnText ? result.itnText : result.text;
    line.replaceChildren(...highlighted(written, spotted));
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

/**
 * The text as nodes, each occurrence of a spotted keyword (ignoring case) in a <mark class="keyword">; keywords the
 * text does not contain as written (the spotter heard them, the words came out otherwise) follow as tags.
 */
function highlighted(text, spotted) {
  if (!spotted) return [text];
  const nodes = [];
  const lower = text.toLowerCase();
  const found = [...spotted].filter((k) => lower.includes(k.toLowerCase()));
  let at = 0;
  while (found.length > 0) {
    let next = null;
    for (const keyword of found) {
      const index = lower.indexOf(keyword.toLowerCase(), at);
      if (index >= 0 && (next === null || index < next.index)) next = { index, length: keyword.length };
    }
    if (next === null) break;
    nodes.push(text.slice(at, next.index));
    const mark = document.createElement('mark');
    mark.className = 'keyword';
    mark.textContent = text.slice(next.index, next.index + next.length);
    nodes.push(mark);
    at = next.index + next.length;
  }
  nodes.push(text.slice(at));
  for (const keyword of spotted) {
    if (found.includes(keyword)) continue;
    const tag = document.createElement('span');
    tag.className = 'keyword-tag';
    tag.textContent = keyword;
    nodes.push(' ', tag);
  }
  return nodes;
}
