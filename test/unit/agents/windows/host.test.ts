import { describe, expect, it } from 'vitest';
import { parseHardware, parseIdentity } from '../../../../agents/windows/host.js';
import { fixture } from './_fixture.js';

describe('parseIdentity', () => {
  it('builds the FQDN from the DNS host name and the primary DNS suffix', () => {
    expect(parseIdentity(fixture('identity-domain-member.json'))).toEqual({ hostname: 'ward7-pc01', fqdn: 'ward7-pc01.trust.nhs.uk' });
  });

  it('gives a workgroup PC (no suffix) no FQDN', () => {
    expect(parseIdentity(fixture('identity-workgroup.json'))).toEqual({ hostname: 'LAB-PC07', fqdn: undefined });
  });

  it('uses the DNS suffix, not the AD domain, where the two differ (a disjoint namespace)', () => {
    expect(parseIdentity('[{"Hostname":"pacs01","Domain":"rad.trust.nhs.uk","NVDomain":"rad.trust.nhs.uk","ComputerName":"PACS01"}]')?.fqdn).toBe('pacs01.rad.trust.nhs.uk');
  });

  it('falls back to the NetBIOS computer name, and to the configured suffix when the effective one is unset', () => {
    expect(parseIdentity('{"Hostname":null,"Domain":null,"NVDomain":"trust.nhs.uk.","ComputerName":"XP-CT01"}')).toEqual({ hostname: 'XP-CT01', fqdn: 'XP-CT01.trust.nhs.uk' });
  });

  it('finds no identity in an empty section', () => {
    expect(parseIdentity('[]')).toBeUndefined();
  });
});

describe('parseHardware', () => {
  it('reads the maker, model and serial', () => {
    expect(parseHardware(fixture('hardware-dell-optiplex.json'))).toEqual({ manufacturer: 'Dell Inc.', model: 'OptiPlex 7090', serial: '7HQ2JK3' });
  });

  it('drops firmware placeholders', () => {
    expect(parseHardware(fixture('hardware-whitebox-placeholders.json'))).toEqual({ manufacturer: undefined, model: undefined, serial: undefined });
  });
});
