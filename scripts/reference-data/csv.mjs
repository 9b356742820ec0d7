// Minimal RFC 4180 CSV reader/writer shared by the reference-data scripts (no dependencies).
import { readFileSync } from 'node:fs';

/** Parses CSV text into an array of records (arrays of strings). Throws on malformed quoting. */
export function parseCsv(text, fileLabel = 'input') {
  if (text.charCodeAt(0) === 0xfeff) throw new Error(`${fileLabel}: starts with a BOM`);
  const rows = [];
  let row = [], field = '', i = 0, inQuotes = false, line = 1;
  while (i < text.length) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        inQuotes = false; i++; continue;
      }
      if (c === '\n') line++;
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field.length > 0) throw new Error(`${fileLabel}:${line}: quote inside unquoted field`);
      inQuotes = true; i++; continue;
    }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r') throw new Error(`${fileLabel}:${line}: CR found (files must use LF)`);
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; line++; continue; }
    field += c; i++;
  }
  if (inQuotes) throw new Error(`${fileLabel}: unterminated quoted field`);
  if (field.length > 0 || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Reads a CSV file with a header row into objects; checks the header when `expected` is given. */
export function readCsv(path, expected) {
  const rows = parseCsv(readFileSync(path, 'utf8'), path);
  const header = rows.shift();
  if (expected && header.join(',') !== expected.join(',')) {
    throw new Error(`${path}: header is "${header.join(',')}", expected "${expected.join(',')}"`);
  }
  return rows.map((r, idx) => {
    if (r.length !== header.length) throw new Error(`${path}: data row ${idx + 1} has ${r.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k]]));
  });
}

/** Quotes a field only when RFC 4180 needs it. */
export function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header, records) {
  return [header.join(','), ...records.map(r => header.map(h => csvField(r[h])).join(','))].join('\n') + '\n';
}
