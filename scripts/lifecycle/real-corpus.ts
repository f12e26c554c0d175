/**
 * The real-capture corpus in test/fixtures/real/<platform>/<machine>/:
 * report.json (names and versions exactly as captured), expected.yaml (verdicts
 * from cited facts) and provenance.md. Read by `npm run coverage` and by
 * test/integration/real-corpus.test.ts, which judge every machine alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { checkReport, type Report } from '../../src/contract/report.js';
import { assessReport, type AssessedItem } from '../../src/lifecycle/assess-report.js';
import type { RuleSet } from '../../src/lifecycle/rule-set.js';
import { SUPPORT_STATUSES, type SupportStatus } from '../../src/lifecycle/verdict.js';

const Status = z.enum(SUPPORT_STATUSES);

const ExpectedSchema = z.strictObject({
  asOf: z.iso.date(),
  expected: z.array(
    z.strictObject({
      /** `os`, or a software name exactly as in report.json. */
      item: z.string().min(1),
      version: z.coerce.string(),
      status: z.union([Status, z.array(Status).min(1)]),
      fact: z.string().min(1),
      source: z.string().min(1),
      /**
       * The fact gives a verdict, but the name is too ambiguous to match safely (a bare "Go"):
       * the item must stay unknown, unrecognised, and says why here.
       */
      unrecognisedByDesign: z.string().min(1).optional(),
    }),
  ),
});
export type Expected = z.infer<typeof ExpectedSchema>;

export interface CorpusMachine {
  platform: string;
  id: string;
  report: Report;
  expected: Expected;
}

export function readCorpus(root: string): CorpusMachine[] {
  const machines: CorpusMachine[] = [];
  for (const platform of readdirSync(root).sort()) {
    const dir = join(root, platform);
    if (!existsSync(join(dir, 'README.md'))) continue;
    for (const id of readdirSync(dir).sort()) {
      const folder = join(dir, id);
      if (!existsSync(join(folder, 'report.json'))) continue;
      machines.push({ platform, id, report: readReport(join(folder, 'report.json')), expected: ExpectedSchema.parse(parse(readFileSync(join(folder, 'expected.yaml'), 'utf8'))) });
    }
  }
  return machines;
}

function readReport(file: string): Report {
  const checked = checkReport(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.ok) throw new Error(`${file}: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return checked.report;
}

export interface ExpectationResult {
  item: string;
  version: string;
  want: readonly SupportStatus[];
  got: SupportStatus | 'missing';
  reason: string;
  ok: boolean;
  /** Left unrecognised on purpose (the expectation's unrecognisedByDesign): right when it is. */
  byDesign: boolean;
}

export interface MachineCoverage {
  platform: string;
  id: string;
  os: string;
  items: number;
  judged: number;
  /** Unknown for a stated reason other than "unrecognised": no published lifecycle, stale data, unclear version. */
  explained: number;
  unrecognised: number;
  /** Judged through another title: a part of the OS or a component of a product's release. */
  followsParent: number;
  expectations: ExpectationResult[];
  assessed: AssessedItem[];
}

function checkExpectation(items: readonly AssessedItem[], e: Expected['expected'][number]): ExpectationResult {
  const want = typeof e.status === 'string' ? [e.status] : e.status;
  const found = items.find((i) => (e.item === 'os' ? i.kind === 'os' : i.kind === 'software' && i.name === e.item && i.version === e.version));
  const got = found?.status ?? 'missing';
  const reason = found?.reason ?? 'no such item in report.json';
  if (e.unrecognisedByDesign) return { item: e.item, version: e.version, want, got, reason, byDesign: true, ok: found?.unknownReason === 'unrecognised' };
  return { item: e.item, version: e.version, want, got, reason, byDesign: false, ok: found !== undefined && want.includes(found.status) };
}

export function judgeMachine(m: CorpusMachine, rules: RuleSet, windowDays = 180): MachineCoverage {
  const items = assessReport(m.report, rules, { asOf: m.expected.asOf, windowDays });
  const unknown = items.filter((i) => i.status === 'unknown');
  return {
    platform: m.platform,
    id: m.id,
    os: `${m.report.os.name} ${m.report.os.version}`,
    items: items.length,
    judged: items.length - unknown.length,
    explained: unknown.filter((i) => i.unknownReason !== 'unrecognised').length,
    unrecognised: unknown.filter((i) => i.unknownReason === 'unrecognised').length,
    followsParent: items.filter((i) => i.follows !== null).length,
    expectations: m.expected.expected.map((e) => checkExpectation(items, e)),
    assessed: items,
  };
}
