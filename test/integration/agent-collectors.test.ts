import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, REPORT_SCHEMA_V1 } from '../../src/contract/report.js';
import { collectReport } from '../../agents/collect.js';
import { linuxCollectors } from '../../agents/linux/index.js';
import { runAgent } from '../../agents/main.js';

/** This machine is Debian 12 with dpkg; everything below runs the real collectors, no mocks. */
function dpkgStatusVersion(pkg: string): string | undefined {
  const status = readFileSync('/var/lib/dpkg/status', 'utf8');
  const stanza = status.split(/\n\n+/).find((block) => block.startsWith(`Package: ${pkg}\n`));
  return /^Version: (.+)$/m.exec(stanza ?? '')?.[1];
}

describe('the real Linux collectors on this machine', () => {
  it('produce a report that validates, with Debian 12 and bash at the version dpkg records', async () => {
    const report = await collectReport();
    expect(checkReport(report).ok).toBe(true);
    expect(report.schema).toBe(REPORT_SCHEMA_V1);
    expect(report.os).toMatchObject({ family: 'linux', name: 'Debian GNU/Linux', version: '12' });
    const bashVersion = dpkgStatusVersion('bash');
    expect(bashVersion).toBeDefined();
    expect(report.software).toContainEqual(expect.objectContaining({ name: 'bash', version: bashVersion, source: 'dpkg' }));
    expect(report.software.length).toBeGreaterThan(100);
  });

  it.each(linuxCollectors.map((collector) => [collector.name, collector] as const))(
    'collector %s runs here and its part fits the contract',
    async (_name, collector) => {
      const part = await collector.collect();
      const draft = {
        schema: REPORT_SCHEMA_V1,
        host: { hostname: 'h', ...part.host },
        os: { family: 'linux', name: 'n', version: 'v', ...part.os },
        collectedAt: new Date().toISOString(),
        agent: { version: '0.1.0' },
        software: part.software ?? [],
        devices: part.devices ?? [],
      };
      expect(checkReport(draft)).toMatchObject({ ok: true });
    },
  );

  it('--dry-run prints the report as JSON and posts nothing', async () => {
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true }, env: {} };
    expect(await runAgent(['--dry-run', '--priority', 'normal'], io)).toBe(0);
    const check = checkReport(JSON.parse(out));
    expect(check.ok).toBe(true);
  });
});
