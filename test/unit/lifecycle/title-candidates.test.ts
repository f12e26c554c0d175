import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSoftware, type SoftwareItem } from '../../../src/lifecycle/evaluate-software.js';
import { resolveTitle } from '../../../src/lifecycle/resolve-title.js';
import type { RuleSet } from '../../../src/lifecycle/rule-set.js';
import { readCorpus } from '../../../scripts/lifecycle/real-corpus.js';
import { ROOT } from '../../helpers/cli.js';
import { OPTS, rules } from './real-rules.js';

/** The same rules as a new object: its memo of names is empty, so every match is worked out afresh. */
const cold = (set: RuleSet): RuleSet => ({ ...set });

describe('title candidates (the per-name memo resolveTitle walks)', () => {
  it('judges every item of the real-capture corpus as a fresh rule set does, after the same name was judged at another version', () => {
    const warm = cold(rules);
    const items: SoftwareItem[] = readCorpus(path.join(ROOT, 'test', 'fixtures', 'real')).flatMap((m) => m.report.software);
    expect(items.length).toBeGreaterThan(3000);
    const differ = items.filter((item) => {
      evaluateSoftware({ ...item, version: '0' }, warm, OPTS);
      return JSON.stringify(evaluateSoftware(item, warm, OPTS)) !== JSON.stringify(evaluateSoftware(item, cold(rules), OPTS));
    });
    expect(differ).toEqual([]);
  });

  it('lets a version test choose between titles of one name, in either order the versions arrive', () => {
    // titles/microsoft-mac-and-windows-extras.yaml: Equation Editor with no vendor is Office's only at versions 12 and 14.
    const subject = (version: string) => ({ name: 'Microsoft Equation Editor', vendor: '', version });
    const warm = cold(rules);
    const office = resolveTitle(cold(rules), subject('14.1.0'), 'macos');
    const other = resolveTitle(cold(rules), subject('3.1'), 'macos');
    expect(office?.title).not.toBe(other?.title ?? null);
    for (const version of ['3.1', '14.1.0', '3.1', '12.0', '14.1.0']) {
      expect(resolveTitle(warm, subject(version), 'macos')).toEqual(resolveTitle(cold(rules), subject(version), 'macos'));
    }
    expect(resolveTitle(warm, subject('14.1.0'), 'macos')?.title).toBe(office?.title);
  });
});
