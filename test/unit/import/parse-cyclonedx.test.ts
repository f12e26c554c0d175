import { describe, expect, it } from 'vitest';
import { parseCycloneDx } from '../../../src/import/parse-cyclonedx.js';
import { fixture, options } from './_fixtures.js';

describe('parseCycloneDx', () => {
  it('maps a device SBOM: metadata.component is the host, the operating-system component the OS, nested components included', () => {
    const { reports, errors } = parseCycloneDx(fixture('cyclonedx-infusion-gateway.json'), options('sbom.json'));
    expect(errors).toEqual([]);
    const [r] = reports;
    expect(r?.host).toEqual({ hostname: 'ICU-INFUSION-GW01', manufacturer: 'Medisyn Devices Ltd' });
    expect(r?.os).toEqual({ family: 'linux', name: 'Poky (Yocto Project Reference Distro)', version: '3.1.21' });
    expect(r?.collectedAt).toBe('2026-10-02T09:30:00Z');
    expect(r?.software.map((s) => `${s.name} ${s.version} ${s.source}`)).toEqual([
      'openssl 1.1.1k import', 'busybox 1.31.1 import', 'InfuLink Gateway Service 4.2.0 import', 'libcurl 7.69.1 import', 'zlib 1.2.11 import',
    ]);
    // Each component's Package URL is kept, for rules to match the exact identifier.
    expect(r?.software.map((s) => s.purl)).toEqual([
      'pkg:generic/openssl@1.1.1k', 'pkg:generic/busybox@1.31.1', 'pkg:generic/medisyn/infulink-gateway@4.2.0', 'pkg:generic/curl@7.69.1', 'pkg:generic/zlib@1.2.11',
    ]);
  });

  it('treats deb/rpm/apk package URLs as distribution packages only when the SBOM names the OS', () => {
    const bom = (withOs: boolean) => JSON.stringify({
      bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { component: { type: 'container', name: 'portal' } },
      components: [...(withOs ? [{ type: 'operating-system', name: 'ubuntu', version: '22.04' }] : []), { type: 'library', name: 'openssl', version: '3.0.2-0ubuntu1.18', purl: 'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.18' }],
    });
    expect(parseCycloneDx(bom(true), options('x')).reports[0]?.software[0]?.source).toBe('dpkg');
    expect(parseCycloneDx(bom(false), options('x')).reports[0]?.software[0]?.source).toBe('import');
    expect(parseCycloneDx(bom(false), options('x')).reports[0]?.os.family).toBe('other');
  });

  it('names the JSON path of a version that is a number', () => {
    const { reports, errors } = parseCycloneDx(fixture('broken-cyclonedx-number-version.json'), options('b.json'));
    expect(reports).toEqual([]);
    expect(errors).toEqual([{ path: 'components[3].version', message: expect.stringContaining('string') }]);
  });

  it('refuses another spec version and an SBOM that does not name its system', () => {
    const { errors } = parseCycloneDx(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2', metadata: {} }), options('x'));
    expect(errors.map((e) => e.path)).toEqual(['specVersion', 'metadata.component']);
  });
});
