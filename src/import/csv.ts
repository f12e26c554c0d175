/**
 * A small RFC 4180 CSV reader: quoted fields with embedded commas, newlines
 * and doubled quotes, CRLF or LF line ends, a leading UTF-8 byte-order mark.
 * Each record carries the 1-based line it starts on (the header is line 1),
 * so a bad row can be named the way a person sees it in an editor.
 */
import type { ImportError } from './importer.js';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; error: ImportError };

export function parseCsv(input: string): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record (and a file's final newline makes none either).
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' && field === '') {
      const opened = line;
      const quoted = readQuoted(text, i + 1, line);
      if (!quoted.ok) return quoted;
      field = quoted.value;
      line = quoted.line;
      i = quoted.end;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        // A stray quote swallows the lines after it: the mistake is where the field opened, not where the parser stopped.
        const where = opened === line ? '' : ` on line ${line}; the quoted field opens on line ${opened}`;
        return { ok: false, error: { line: opened, message: `unexpected ${JSON.stringify(next)} after a closing quote${where} (a quote inside a quoted field is written "")` } };
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || fields.length) endRecord();
  return { ok: true, records };
}

type Quoted = { ok: true; value: string; end: number; line: number } | { ok: false; error: ImportError };

/** Reads a quoted field from just after its opening quote to just after its closing one. */
function readQuoted(text: string, start: number, startLine: number): Quoted {
  let value = '';
  let line = startLine;
  for (let i = start; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i++;
        continue;
      }
      return { ok: true, value, end: i + 1, line };
    }
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
    value += ch;
  }
  return { ok: false, error: { line: startLine, message: 'a quoted field is never closed (missing ")' } };
}
