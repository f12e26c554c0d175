/**
 * `estatewatch data update <file>` takes endoflife.date data or a KEV
 * catalogue: the catalogue is told by its shape (an object with
 * catalogVersion and vulnerabilities), so the operator needs no flag.
 */
import fs from 'node:fs';
import { kevFromJson, type KevCatalogue } from './read-kev.js';

export interface KevFile {
  catalogue: KevCatalogue;
  /** The file's text, unchanged: what is stored. */
  text: string;
}

/**
 * The catalogue in `file`, checked (RulesError naming the file and the field);
 * null when it is a folder, compressed, not JSON or not shaped like a catalogue
 * at all, so the lifecycle data reader takes it and says what is wrong.
 */
export function recogniseKevFile(file: string): KevFile | null {
  if (!fs.statSync(file).isFile() || file.endsWith('.gz')) return null;
  const text = fs.readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!looksLikeKev(json)) return null;
  return { catalogue: kevFromJson(file, json), text };
}

function looksLikeKev(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'catalogVersion' in json && 'vulnerabilities' in json;
}
