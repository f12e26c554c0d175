/** Rule files as text, so that loading and checking stay pure functions of their sources. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RuleSource {
  /** File name relative to the rules directory. */
  file: string;
  text: string;
}

export function readRuleSources(dir: string): RuleSource[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** Plain code-unit order, not localeCompare: the order must not depend on the machine's locale. */
export function sortSources(sources: readonly RuleSource[]): RuleSource[] {
  return [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** sha256 over names and contents of sorted sources: the same files give the same digest anywhere. */
export function digestSources(sorted: readonly RuleSource[]): string {
  const hash = createHash('sha256');
  for (const s of sorted) hash.update(`${s.file}\0${s.text}\0`);
  return hash.digest('hex');
}
