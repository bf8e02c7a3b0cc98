// Number and time formatting shared by the admin and batch pages.

const bytesFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes) {
  if (bytes == null) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${bytesFormat.format(value)} ${units[unit]}`;
}

/** A 0..1 fraction as a percentage. */
export function formatPercent(fraction) {
  return fraction == null ? '—' : `${Math.round(fraction * 100)} %`;
}

/** An ISO time as local time of day (with the date when it is not today). */
export function formatTime(iso) {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso ?? '—';
  const sameDay = time.toDateString() === new Date().toDateString();
  return sameDay ? time.toLocaleTimeString() : time.toLocaleString();
}

/** Builds a table row from cell values; the columns listed in numeric are right-aligned. */
export function tableRow(cells, numeric = []) {
  const row = document.createElement('tr');
  cells.forEach((cell, column) => {
    const td = document.createElement('td');
    td.textContent = cell == null ? '—' : String(cell);
    if (numeric.includes(column)) td.className = 'number';
    row.append(td);
  });
  return row;
}

/** The non-empty trimmed lines of a text box (hotwords are entered one per line). */
export function nonEmptyLines(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}
