import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyQueues,
  joinQueues,
  parseLpstatDevices,
  parseLpstatPrinters,
  parsePpdModel,
  redactUri,
} from '../../../agents/cups.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/linux/${name}`, import.meta.url), 'utf8');

describe('parseLpstatDevices', () => {
  it('maps each queue to its device URI', () => {
    const devices = parseLpstatDevices(fixture('lpstat-v.txt'));
    expect(devices.size).toBe(6);
    expect(devices.get('OfficeJet_Pro_8600_fax')).toBe('hpfax:/usb/Officejet_Pro_8600?serial=CN1234567890');
  });
});

describe('parseLpstatPrinters', () => {
  it('reads description, location and interface of each queue, ignoring status lines', () => {
    const printers = parseLpstatPrinters(fixture('lpstat-l-p.txt'));
    expect(printers).toHaveLength(6);
    expect(printers.find((queue) => queue.name === 'Pharmacy_Fax')).toEqual({
      name: 'Pharmacy_Fax',
      description: 'Pharmacy fax (efax)',
      location: 'Pharmacy dispensary',
      interface: '/etc/cups/ppd/Pharmacy_Fax.ppd',
    });
  });
});

describe('one lpstat -l -p -v listing', () => {
  it('gives each parser the same queues as the two listings apart', () => {
    const both = `${fixture('lpstat-l-p.txt')}${fixture('lpstat-v.txt')}`;
    expect(parseLpstatDevices(both)).toEqual(parseLpstatDevices(fixture('lpstat-v.txt')));
    expect(parseLpstatPrinters(both)).toEqual(parseLpstatPrinters(fixture('lpstat-l-p.txt')));
  });
});

describe('parsePpdModel', () => {
  it('prefers the PPD NickName', () => {
    expect(parsePpdModel(fixture('ppd-officejet-pro-8600.ppd'))).toBe('HP Officejet Pro 8600, hpcups 3.21.12');
  });

  it('falls back to ModelName', () => {
    expect(parsePpdModel('*PPD-Adobe: "4.3"\n*ModelName: "Brother FAX-2840"\n')).toBe('Brother FAX-2840');
  });
});

describe('classifyQueues', () => {
  const devices = classifyQueues(joinQueues(parseLpstatDevices(fixture('lpstat-v.txt')), parseLpstatPrinters(fixture('lpstat-l-p.txt'))));
  const kindOf = (name: string) => devices.find((device) => device.name === name)?.kind;

  it('marks a plain network printer as printer', () => {
    expect(devices.find((device) => device.name === 'Ward7_LaserJet')).toEqual({
      kind: 'printer',
      name: 'Ward7_LaserJet',
      model: 'HP LaserJet Pro M404dn',
      location: 'Ward 7 corridor',
      connection: 'socket://10.20.7.41:9100',
    });
  });

  it('marks a fax:// queue as fax', () => {
    expect(kindOf('Pharmacy_Fax')).toBe('fax');
  });

  it('marks the HP hpfax queue as fax and its hp: printer sibling as mfd, with the serial from the URI', () => {
    expect(kindOf('OfficeJet_Pro_8600_fax')).toBe('fax');
    expect(devices.find((device) => device.name === 'OfficeJet_Pro_8600')).toMatchObject({
      kind: 'mfd',
      serial: 'CN1234567890',
      connection: 'hp:/usb/Officejet_Pro_8600?serial=CN1234567890',
    });
  });

  it('marks multifunction models (Brother MFC, Xerox WorkCentre) as mfd', () => {
    expect(kindOf('Outpatients_Brother')).toBe('mfd');
    expect(kindOf('Finance_Xerox')).toBe('mfd');
  });

  it('never reports credentials embedded in a device URI', () => {
    const xerox = devices.find((device) => device.name === 'Finance_Xerox');
    expect(xerox?.connection).toBe('smb://printsrv01/FIN-XEROX-01');
    expect(JSON.stringify(devices)).not.toContain('Winter2024');
  });

  it.each([
    ['a "-Fax" queue name', { name: 'Ward3-Fax', uri: 'socket://10.0.0.9' }],
    ['a faxmodem URI', { name: 'modem1', uri: 'serial:/dev/ttyS0?baud=115200+faxmodem' }],
    ['a PPD model saying Fax', { name: 'q', uri: 'usb://Brother/FAX-2840?serial=U63274J3J503310', model: 'Brother FAX-2840' }],
    ['a driverless faxout URI', { name: 'q2', uri: 'ipp://10.1.1.5/ipp/faxout' }],
  ])('marks %s as fax', (_label, queue) => {
    expect(classifyQueues([queue])[0]?.kind).toBe('fax');
  });

  it('pairs a driverless faxout queue with the print queue on the same host', () => {
    const kinds = classifyQueues([
      { name: 'print', uri: 'ipp://10.1.1.5/ipp/print' },
      { name: 'fax', uri: 'ipp://10.1.1.5/ipp/faxout' },
      { name: 'other', uri: 'ipp://10.1.1.6/ipp/print' },
    ]).map((device) => device.kind);
    expect(kinds).toEqual(['mfd', 'fax', 'printer']);
  });
});

describe('redactUri', () => {
  it('removes user info and leaves other URIs alone', () => {
    expect(redactUri('ipp://admin:secret@10.0.0.1:631/printers/x')).toBe('ipp://10.0.0.1:631/printers/x');
    expect(redactUri('hp:/usb/X?serial=1')).toBe('hp:/usb/X?serial=1');
  });
});
