/**
 * Reads rules/patches/windows-cumulative-updates.yaml. Every problem is reported
 * with its file and line (see parse-yaml-file.ts); a bad file loads nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from './parse-yaml-file.js';
import type { RuleSource } from './read-rule-sources.js';
import { compareIssues, RulesError, type RuleIssue } from './rule-issue.js';
import { WindowsUpdatesFileSchema, type WindowsUpdates } from './windows-updates-schema.js';

/** Where the file sits under the rules folder, and how issues name it. */
export const WINDOWS_UPDATES_FILE = 'patches/windows-cumulative-updates.yaml';

/** Loads and validates; throws RulesError listing every problem when the file is bad. */
export function loadWindowsUpdates(rulesDir: string, file = WINDOWS_UPDATES_FILE): WindowsUpdates {
  const { data, issues } = parseWindowsUpdates({ file, text: readFileSync(join(rulesDir, file), 'utf8') });
  if (!data) throw new RulesError(issues, 'Windows update data');
  return data;
}

/** Pure core: the file's text → the data, or every problem in it, in line order. */
export function parseWindowsUpdates(source: RuleSource): { data: WindowsUpdates | null; issues: RuleIssue[] } {
  const parsed = parseYamlFile(source, WindowsUpdatesFileSchema);
  return { data: parsed.value, issues: [...parsed.issues].sort(compareIssues) };
}
