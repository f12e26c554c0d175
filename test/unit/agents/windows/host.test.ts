import { describe, expect, it } from 'vitest';
import { parseHost } from '../../../../agents/windows/host.js';
import { fixture } from './_fixture.js';

describe('parseHost', () => {
  it('builds the FQDN of a domain member and reads the hardware identity', () => {
    expect(parseHost(fixture('host-domain-member.json'))).toEqual({
      hostname: 'ward7-pc01',
      fqdn: 'ward7-pc01.trust.nhs.uk',
      manufacturer: 'Dell Inc.',
      model: 'OptiPlex 7090',
      serial: '7HQ2JK3',
    });
  });

  it('gives a workgroup PC no FQDN and drops firmware placeholders', () => {
    expect(parseHost(fixture('host-workgroup.json'))).toEqual({
      hostname: 'LAB-PC07',
      fqdn: undefined,
      manufacturer: undefined,
      model: undefined,
      serial: undefined,
    });
  });

  it('falls back to the NetBIOS name when there is no DNS host name', () => {
    expect(parseHost('{"Name":"XP-CT01","DNSHostName":null}').hostname).toBe('XP-CT01');
  });
});
