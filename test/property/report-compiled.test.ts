/**
 * checkReport (the agent before spooling, the hub at the route, imports) runs
 * zod's compiled parser. It must accept and refuse exactly what the contract's
 * runtime parser does, with the same words: on mutated real reports and
 * arbitrary values both give the same answer, the same report and the same
 * issues.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { checkReport, checkReportWith, ReportSchema, type Report } from '../../src/contract/report.js';
import { DEMO_ESTATE } from '../../src/demo/estate/index.js';
import { applyMutation, hostileValue, mutationOf, type Mutation } from '../helpers/hostile.js';
import { sampleReport } from '../helpers/reports.js';

/** Every optional part of the contract filled in, so mutations reach each branch of the compiled parser. */
const EVERY_FIELD = sampleReport({
  host: { hostname: 'WARD3-PC001', fqdn: 'ward3-pc001.trust.nhs.uk', manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', serial: 'ABC1234' },
  spool: { reports: 3, firstCollectedAt: '2026-11-20T09:00:00+00:00' },
  warnings: [{ part: 'devices', message: 'collector "cups" failed: lpstat timed out' }],
  software: [
    { name: 'log4j-core', version: '2.14.1', vendor: 'Apache', source: 'import', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', installedAt: '2024-03-01' },
    { name: 'Zoom', version: '5.17.11', source: 'registry', installedAt: '2025-01-09T10:00:00Z', hive: 'S-1-5-21-1004336348-1177238915-682003330-512', seenAt: '2026-11-22T08:00:00.5Z' },
    { name: 'openssl', version: '3.0.2-0ubuntu1.18', vendor: 'Ubuntu Developers', source: 'dpkg' },
  ],
});

const BASES: Report[] = [EVERY_FIELD, sampleReport(), ...DEMO_ESTATE.slice(0, 3)];

/** The same result, and an accepted report's JSON text the same byte for byte (key order included). */
function expectSameAnswer(value: unknown): void {
  const compiled = checkReport(value);
  const runtime = checkReportWith(ReportSchema, value);
  expect(compiled).toStrictEqual(runtime);
  if (compiled.ok && runtime.ok) expect(JSON.stringify(compiled.report)).toBe(JSON.stringify(runtime.report));
}

describe('checkReport (compiled)', () => {
  it('compiles the whole report schema, so every check gets the fast path', () => {
    expect(() => z.compile(ReportSchema, { strict: true })).not.toThrow();
  });

  for (const [n, base] of BASES.entries()) {
    it(`gives the runtime parser's answer on mutations of a real report (${n === 0 ? 'every field' : base.host.hostname})`, () => {
      expect(checkReport(base)).toStrictEqual({ ok: true, report: base });
      fc.assert(
        fc.property(mutationOf(base), (m: Mutation) => expectSameAnswer(applyMutation(base, m))),
        { numRuns: n === 0 ? 2500 : 600, seed: 0xc0de + n },
      );
    });
  }

  it("gives the runtime parser's answer on arbitrary values", () => {
    fc.assert(fc.property(hostileValue, expectSameAnswer), { numRuns: 500, seed: 0xc0de });
  });

  it('trims free text as the runtime parser does, and refuses padded codes with the same issues', () => {
    const padded = structuredClone(EVERY_FIELD);
    padded.software[0]!.name = '  log4j-core\t';
    expectSameAnswer(padded);
    expect(checkReport(padded)).toMatchObject({ ok: true, report: { software: [{ name: 'log4j-core' }, {}, {}] } });
    const badSource = { ...EVERY_FIELD, software: [{ name: 'x', version: '1', source: ' dpkg' }] };
    expectSameAnswer(badSource);
    expect(checkReport(badSource).ok).toBe(false);
  });
});
