import { AgentError } from '../agent-error.js';
import { parseJson } from '../parse-json.js';

/** One object as the scripts print it: values are strings, booleans or null. */
export type PsRecord = Readonly<Record<string, unknown>>;

/**
 * Reads a script's JSON output as a list of objects. Tolerates what other
 * PowerShell setups print: a UTF-8 BOM (console code page 65001), nothing at all
 * for an empty result, and a bare object where a list of one was meant.
 * Anything else is a broken script, and the scan must say so.
 */
export function parsePsJson(text: string): PsRecord[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return [];
  const value = parseJson(body);
  const list = Array.isArray(value) ? value : [value];
  if (list.every(isRecord)) return list;
  throw new AgentError('tool-output', `PowerShell printed something that is not a JSON object list: ${body.slice(0, 80)}`);
}

function isRecord(value: unknown): value is PsRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field as trimmed text; numbers and booleans (ConvertTo-Json style) are accepted too. */
export function psText(record: PsRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A WMI/registry flag: true, "True" or 1. */
export function psFlag(record: PsRecord, key: string): boolean {
  return /^(true|1)$/i.test(psText(record, key) ?? '');
}
