/**
 * Every machine of the real-capture corpus (test/fixtures/real: inventories
 * captured on real machines by other people, see each provenance.md) judged by
 * the shipped rules, as `estatewatch assess` judges it (one machine of each
 * platform through the real command, the rest in-process): every expected
 * verdict (from cited facts, not from these rules) must come out, and the share
 * of items no title recognises must not grow. `npm run coverage` prints the table.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssessedItem } from '../../src/lifecycle/assess-report.js';
import { loadLifecycleRules } from '../../src/rules/load-lifecycle-rules.js';
import { judgeMachine, readCorpus } from '../../scripts/lifecycle/real-corpus.js';
import { ROOT, runCli } from '../helpers/cli.js';

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'real');
const machines = readCorpus(CORPUS);
const rules = loadLifecycleRules(path.join(ROOT, 'rules', 'lifecycle'));
const results = machines.map((m) => judgeMachine(m, rules));

describe('the real-capture corpus', () => {
  it('holds at least 10 Windows, 5 macOS and 8 Linux machines, Alpine and Amazon Linux among them', () => {
    const count = (p: string) => machines.filter((m) => m.platform === p).length;
    expect(count('windows')).toBeGreaterThanOrEqual(10);
    expect(count('macos')).toBeGreaterThanOrEqual(5);
    expect(count('linux')).toBeGreaterThanOrEqual(8);
    expect(machines.some((m) => m.report.os.name.startsWith('Alpine'))).toBe(true);
    expect(machines.some((m) => m.report.os.name.startsWith('Amazon Linux'))).toBe(true);
  });

  it.each(results.map((r) => [`${r.platform}/${r.id}`, r] as const))('gives %s every expected verdict', (_, result) => {
    for (const e of result.expectations) {
      if (e.byDesign) expect(e.ok, `${e.item} ${e.version} must stay unrecognised: ${e.reason}`).toBe(true);
      else expect(e.want, `${e.item} ${e.version}: ${e.reason}`).toContain(e.got);
    }
  });

  it.each(['windows', 'macos', 'linux'])('judges a %s machine the same through the real assess command', (platform) => {
    const machine = machines.find((m) => m.platform === platform);
    const result = results.find((r) => r.platform === platform);
    if (!machine || !result) throw new Error(`no ${platform} machine in the corpus`);
    const r = runCli(['assess', path.join(CORPUS, machine.platform, machine.id, 'report.json'), '--as-of', machine.expected.asOf, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout) as AssessedItem[]).toEqual(result.assessed);
  });

  it('calls no item supported whose expected verdict is end of life', () => {
    const wrong = results.flatMap((r) => r.expectations.filter((e) => e.want.every((w) => w === 'unsupported') && !e.byDesign && (e.got === 'supported' || e.got === 'ending-soon')));
    expect(wrong).toEqual([]);
  });

  it('explains every unknown item: a reason always, and the reason matches the words', () => {
    for (const r of results) {
      for (const i of r.assessed) {
        expect(i.status === 'unknown', `${i.name}`).toBe(i.unknownReason !== null);
        if (i.unknownReason === 'unrecognised' && i.follows === null) expect(i.reason).toMatch(/^no title matches /);
      }
    }
  });

  it('recognises every Linux package and keeps unrecognised items at or below 5 % of the corpus (docs/lifecycle-coverage.md)', () => {
    const share = (platform?: string) => {
      const rs = results.filter((r) => platform === undefined || r.platform === platform);
      return rs.reduce((n, r) => n + r.unrecognised, 0) / rs.reduce((n, r) => n + r.items, 0);
    };
    expect(share('linux')).toBe(0);
    expect(share()).toBeLessThanOrEqual(0.05);
  });
});
