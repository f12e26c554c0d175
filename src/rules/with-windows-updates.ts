/**
 * The Windows cumulative-update list (rules/patches/windows-cumulative-updates.yaml)
 * laid on a rule set: the evaluator then tells a Windows machine's patch
 * currency from its build (lifecycle/os-patch-on-asset.ts), and the rule set's
 * digest, hence the basis of every stored verdict, changes when the list does.
 * A trust's own rules folder may have no list: the rules stand as they are and
 * a Windows machine's patch currency cannot be told.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../lifecycle/rule-set.js';
import { parseWindowsUpdates, WINDOWS_UPDATES_FILE } from './load-windows-updates.js';
import { digestSources } from './read-rule-sources.js';
import { RulesError } from './rule-issue.js';
import { ruleFileMemo } from './rule-file-memo.js';

/** The list is parsed once while its text is unchanged (~25 ms a parse; see rule-file-memo.ts). */
const parsedUpdates = ruleFileMemo<ReturnType<typeof parseWindowsUpdates>>();

/** Throws RulesError naming file and line when the list is malformed. */
export function withWindowsUpdates(rules: RuleSet, rulesDir: string): RuleSet {
  const path = join(rulesDir, WINDOWS_UPDATES_FILE);
  if (!existsSync(path)) return rules;
  const source = { file: WINDOWS_UPDATES_FILE, text: readFileSync(path, 'utf8') };
  const { data, issues } = parsedUpdates.get(source.file, source.text, () => parseWindowsUpdates(source));
  if (!data) throw new RulesError(issues, 'Windows update data');
  return { ...rules, windowsUpdates: data, digest: digestSources([{ file: 'rules', text: rules.digest }, source]) };
}
