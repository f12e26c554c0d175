/**
 * The contract's validators against hostile input: mutations of real reports at
 * a known path, arbitrary values and arbitrary JSON text. They must never
 * throw, must blame the field that was broken, and what they accept must
 * survive a JSON round trip unchanged.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDelta, DeltaSchema, diffReports, type Delta } from '../../src/contract/delta.js';
import { checkReport, type Report, type ReportCheck } from '../../src/contract/report.js';
import { DEMO_ESTATE } from '../../src/demo/estate/index.js';
import { applyMutation, getAt, mutationOf, pathText, type Mutation } from '../helpers/hostile.js';
import { sampleReport } from '../helpers/reports.js';

/** Fields the contract lets a report leave out; deleting any other one must be refused at its path. */
const OPTIONAL_FIELDS = new Set(['fqdn', 'manufacturer', 'model', 'serial', 'build', 'edition', 'arch', 'vendor', 'installedAt', 'location', 'connection']);

/** Literal, enum and timestamp fields: not free text, so surrounding whitespace makes them wrong. */
const EXACT_FIELDS = new Set(['schema', 'family', 'source', 'kind', 'collectedAt', 'installedAt']);

const BASES: Report[] = [sampleReport(), ...DEMO_ESTATE.slice(0, 3)];

function checkNeverThrows(value: unknown): ReportCheck {
  let result: ReportCheck | undefined;
  expect(() => (result = checkReport(value))).not.toThrow();
  return result as ReportCheck;
}

/** An issue is about the mutated node when its path is that node, inside it, or (for a refused key) its parent. */
const isAbout = (issuePath: string, mutated: string) => issuePath === mutated || issuePath.startsWith(`${mutated}.`) || issuePath.startsWith(`${mutated}[`);

function expectWellFormedIssues(result: ReportCheck): asserts result is Extract<ReportCheck, { ok: false }> {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.path.length).toBeGreaterThan(0);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** What was accepted is plain JSON: re-reading its JSON text gives the same report, accepted again. */
function expectRoundTrips(report: Report): void {
  const again = checkReport(JSON.parse(JSON.stringify(report)));
  expect(again.ok).toBe(true);
  if (again.ok) expect(again.report).toStrictEqual(JSON.parse(JSON.stringify(report)));
}

afterEach(() => {
  // A `__proto__` key handled by assignment anywhere in the path would show up on every object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('checkReport on mutated real reports', () => {
  for (const [n, base] of BASES.entries()) {
    it(`blames the mutated field or accepts a still-valid report (${base.host.hostname})`, () => {
      expect(checkReport(base).ok).toBe(true);
      fc.assert(
        fc.property(mutationOf(base), (m: Mutation) => {
          const mutated = applyMutation(base, m);
          const result = checkNeverThrows(mutated);
          const at = pathText(m.path);
          const last = m.path[m.path.length - 1];
          switch (m.op) {
            case 'delete':
              // Removing an array item leaves a shorter, still valid list.
              if (typeof last === 'number' || OPTIONAL_FIELDS.has(String(last))) {
                expect(result.ok).toBe(true);
              } else {
                expectWellFormedIssues(result);
                expect(result.issues.map((i) => i.path)).toContain(at);
              }
              break;
            case 'replace':
              if (!result.ok) {
                expectWellFormedIssues(result);
                expect(result.issues.some((i) => isAbout(i.path, at)), JSON.stringify(result.issues)).toBe(true);
              }
              break;
            case 'extra-key':
              if (Object.hasOwn(getAt(base, m.path) as object, m.key)) break;
              // Strict objects refuse unknown keys, prototype names included, and say where.
              expectWellFormedIssues(result);
              expect(result.issues.map((i) => i.path)).toContain(at);
              expect(result.issues.map((i) => i.message).join(' ')).toContain(`"${m.key}"`);
              break;
            case 'duplicate':
              // A machine may genuinely carry two copies of a package; the hub dedupes, the contract does not refuse.
              expect(result.ok).toBe(true);
              break;
            case 'pad':
              if (EXACT_FIELDS.has(String(last))) {
                // Codes and timestamps are compared exactly by the hub, so they are not silently trimmed.
                expectWellFormedIssues(result);
                expect(result.issues.map((i) => i.path)).toContain(at);
              } else {
                expect(result.ok).toBe(true);
                if (result.ok) expect(getAt(result.report, m.path)).toBe(String(getAt(base, m.path)).trim());
              }
              break;
          }
          if (result.ok) expectRoundTrips(result.report);
        }),
        { numRuns: n === 0 ? 2500 : 800, seed: 0x5eed + n },
      );
    });
  }

  it('never hands back a report with an own __proto__ or constructor key', () => {
    const text = JSON.stringify(sampleReport()).replace('"host":{', '"host":{"__proto__":{"hostname":"evil"},');
    const parsed: unknown = JSON.parse(text);
    const result = checkReport(parsed);
    expectWellFormedIssues(result);
    expect(result.issues).toContainEqual(expect.objectContaining({ path: 'host' }));
  });
});

describe('checkReport on arbitrary values', () => {
  it('refuses any value fast-check can build, with located issues', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }), (value) => {
        expectWellFormedIssues(checkNeverThrows(value));
      }),
      { numRuns: 1500, seed: 0xa11 },
    );
  });

  it('refuses arbitrary JSON text once parsed, as the hub would receive it', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expectWellFormedIssues(checkNeverThrows(JSON.parse(text)));
      }),
      { numRuns: 1500, seed: 0x150 },
    );
  });

  it('refuses a report whose arrays hold arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.constantFrom('software', 'devices') as fc.Arbitrary<'software' | 'devices'>, fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 20 }), (field, items) => {
        const result = checkNeverThrows({ ...sampleReport(), [field]: items });
        expectWellFormedIssues(result);
        expect(result.issues.every((i) => i.path.startsWith(`${field}[`))).toBe(true);
      }),
      { numRuns: 600, seed: 0xa22 },
    );
  });

  it('refuses more than 20,000 software items and names the list', () => {
    const software = Array.from({ length: 20_001 }, (_, i) => ({ name: `pkg-${i}`, version: '1.0', source: 'dpkg' as const }));
    const result = checkReport({ ...sampleReport(), software });
    expectWellFormedIssues(result);
    expect(result.issues.map((i) => i.path)).toContain('software');
  });
});

/** A valid delta between two real reports: the base's software with one item changed and a device added. */
function sampleDelta(): { base: Report; delta: Delta } {
  const base = sampleReport();
  const next = sampleReport({
    collectedAt: '2026-11-24T09:00:00Z',
    software: [...base.software.slice(1), { name: '7-Zip', version: '23.01', vendor: 'Igor Pavlov', source: 'registry' }],
    devices: [...base.devices, { kind: 'printer', name: 'Ward 3 laser', model: 'HP LaserJet M404' }],
  });
  return { base, delta: diffReports(base, next) };
}

describe('DeltaSchema on mutated deltas', () => {
  const { base, delta } = sampleDelta();

  it('never throws, blames the mutated field, and what it accepts applies to a valid report', () => {
    expect(DeltaSchema.safeParse(delta).success).toBe(true);
    fc.assert(
      fc.property(mutationOf(delta), (m) => {
        const mutated = applyMutation(delta, m);
        let parsed: ReturnType<typeof DeltaSchema.safeParse> | undefined;
        expect(() => (parsed = DeltaSchema.safeParse(mutated))).not.toThrow();
        const r = parsed as ReturnType<typeof DeltaSchema.safeParse>;
        if (r.success) {
          // A delta the hub accepts, applied to the inventory it was built on, is a report the contract accepts.
          const checked = checkReport(applyDelta(base, r.data));
          expect(checked.ok, JSON.stringify(checked)).toBe(true);
          if (checked.ok) expectRoundTrips(checked.report);
        } else {
          expect(r.error.issues.length).toBeGreaterThan(0);
          if (m.op === 'extra-key') expect(r.error.issues.some((i) => pathText(i.path as (string | number)[]) === pathText(m.path))).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 0xde17a },
    );
  });

  it('refuses arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (value) => {
        let ok = true;
        expect(() => (ok = DeltaSchema.safeParse(value).success)).not.toThrow();
        expect(ok).toBe(false);
      }),
      { numRuns: 500, seed: 0xde17b },
    );
  });
});
