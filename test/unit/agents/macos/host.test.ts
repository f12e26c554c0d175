import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { collectHost, parseHardware, pickHostnames } from '../../../../agents/macos/host.js';
import { fixture } from './_fixture.js';
import { withoutTools } from './_no-tools.js';

describe('parseHardware', () => {
  it('reads Apple as manufacturer, name plus model identifier, and the serial', () => {
    expect(parseHardware(fixture('system-profiler-hardware.json'))).toEqual({
      manufacturer: 'Apple Inc.',
      model: 'MacBook Air (Mac14,2)',
      serial: 'H4W7QX2P9J',
    });
  });

  it('drops a "Not Available" serial left by a logic-board repair', () => {
    const json = JSON.stringify({ SPHardwareDataType: [{ machine_name: 'iMac', machine_model: 'iMac19,1', serial_number: 'Not Available' }] });
    expect(parseHardware(json)).toEqual({ manufacturer: 'Apple Inc.', model: 'iMac (iMac19,1)', serial: undefined });
  });

  it('returns nothing for output that is not the hardware document', () => {
    expect(parseHardware('')).toEqual({});
    expect(parseHardware('{"SPHardwareDataType": []}')).toEqual({});
  });
});

describe('pickHostnames', () => {
  it('prefers LocalHostName and takes a dotted, non-.local system name as the FQDN', () => {
    expect(pickHostnames('Medphoto-iMac-01\n', 'medphoto-imac-01.trust.nhs.uk')).toEqual({
      hostname: 'Medphoto-iMac-01',
      fqdn: 'medphoto-imac-01.trust.nhs.uk',
    });
  });

  it('falls back to the system name without ".local" and reports no FQDN for a Bonjour name', () => {
    expect(pickHostnames(undefined, 'Medphoto-iMac-01.local')).toEqual({ hostname: 'Medphoto-iMac-01', fqdn: undefined });
  });
});

describe('collectHost without scutil and system_profiler', () => {
  withoutTools();

  it('reports only the host name from Node, with no hardware fields', async () => {
    const { host } = await collectHost();
    expect(host?.hostname).toBe(pickHostnames(undefined, hostname()).hostname);
    expect(host).not.toHaveProperty('model');
    expect(host).not.toHaveProperty('serial');
  });
});
