/** JSON.parse with the failure turned into an import error that names the line. */
import type { ImportError } from './importer.js';

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: ImportError };

export function parseJson(text: string, line?: number): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    // V8 reports a character offset ("at position 812"); people need a line.
    const position = /position (\d+)/.exec(message)?.[1];
    const at = line ?? (position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length);
    return { ok: false, error: { ...(at !== undefined && { line: at }), message: `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}` } };
  }
}

/** Splits NDJSON into its non-blank lines with 1-based line numbers. */
export function ndjsonLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');
}
