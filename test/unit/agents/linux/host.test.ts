import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDmiValue, collectHost, parseFqdn } from '../../../../agents/linux/host.js';

describe('cleanDmiValue', () => {
  it.each(['To be filled by O.E.M.', 'Default string', 'System Serial Number', 'Not Specified', '0', '  '])('drops the placeholder %j', (value) => {
    expect(cleanDmiValue(value)).toBeUndefined();
  });

  it('keeps real values, trimmed', () => {
    expect(cleanDmiValue('Dell Inc.\n')).toBe('Dell Inc.');
  });
});

describe('parseFqdn', () => {
  it('keeps a dotted name longer than the host name', () => {
    expect(parseFqdn('ward7-pc01.trust.nhs.uk\n', 'ward7-pc01')).toBe('ward7-pc01.trust.nhs.uk');
  });

  it('ignores a bare host name and localhost.localdomain', () => {
    expect(parseFqdn('ward7-pc01\n', 'ward7-pc01')).toBeUndefined();
    expect(parseFqdn('localhost.localdomain\n', 'x')).toBeUndefined();
  });
});

describe('collectHost', () => {
  it('reads manufacturer, model and serial from the DMI folder', async () => {
    const dmi = await mkdtemp(join(tmpdir(), 'ew-dmi-'));
    try {
      await writeFile(join(dmi, 'sys_vendor'), 'Dell Inc.\n');
      await writeFile(join(dmi, 'product_name'), 'OptiPlex 7090\n');
      await writeFile(join(dmi, 'product_serial'), 'To be filled by O.E.M.\n');
      const { host } = await collectHost({ dmiDir: dmi });
      expect(host).toMatchObject({ hostname: hostname(), manufacturer: 'Dell Inc.', model: 'OptiPlex 7090' });
      expect(host?.serial).toBeUndefined();
    } finally {
      await rm(dmi, { recursive: true, force: true });
    }
  });
});
