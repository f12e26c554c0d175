import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WINDOWS_UPDATES_FILE } from '../../../src/rules/load-windows-updates.js';
import { RulesError } from '../../../src/rules/rule-issue.js';
import { withWindowsUpdates } from '../../../src/rules/with-windows-updates.js';

const RULES = fileURLToPath(new URL('../../../rules', import.meta.url));
const SHIPPED = fs.readFileSync(path.join(RULES, WINDOWS_UPDATES_FILE), 'utf8');
const EMPTY = { rules: [], titles: [], digest: 'rules' };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A rules folder whose update list is `text`. */
function rulesWith(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-updates-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, path.dirname(WINDOWS_UPDATES_FILE)));
  fs.writeFileSync(path.join(dir, WINDOWS_UPDATES_FILE), text);
  return dir;
}

describe('withWindowsUpdates', () => {
  it('reads an edited list again, and a broken one is refused even after a good one was read', () => {
    const shipped = withWindowsUpdates(EMPTY, RULES).windowsUpdates!;
    const firstThrough = /^ {4}through: (\S+)$/m.exec(SHIPPED)![1]!;
    const edited = withWindowsUpdates(EMPTY, rulesWith(SHIPPED.replace(`    through: ${firstThrough}`, '    through: 2026-06-30'))).windowsUpdates!;
    expect(edited.builds[0]!.through).toBe('2026-06-30');
    expect(edited.builds.slice(1)).toEqual(shipped.builds.slice(1));
    expect(() => withWindowsUpdates(EMPTY, rulesWith(SHIPPED.replace(`    through: ${firstThrough}`, '    through: someday')))).toThrow(RulesError);
    expect(withWindowsUpdates(EMPTY, RULES).windowsUpdates).toEqual(shipped);
  });
});
