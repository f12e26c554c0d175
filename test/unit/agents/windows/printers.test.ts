import { describe, expect, it } from 'vitest';
import { parsePrinters } from '../../../../agents/windows/printers.js';
import { fixture } from './_fixture.js';

describe('parsePrinters', () => {
  const devices = parsePrinters(fixture('printers-ward-pc.json'));
  const kindOf = (name: string) => devices.find((device) => device.name === name)?.kind;

  it('reports a plain network printer with its driver as model and port as connection', () => {
    expect(devices.find((device) => device.name === 'Ward7-LaserJet')).toEqual({
      kind: 'printer',
      name: 'Ward7-LaserJet',
      model: 'HP Universal Printing PCL 6',
      location: "Ward 7 nurses' station",
      connection: 'IP_10.20.7.41',
    });
  });

  it('marks the Windows Fax queue as fax', () => {
    expect(devices.find((device) => device.name === 'Fax')).toMatchObject({ kind: 'fax', model: 'Microsoft Shared Fax Driver', connection: 'SHRFAX:' });
  });

  it('marks the HP MFP as mfd and its fax queue as fax', () => {
    expect(kindOf('HP LaserJet Pro MFP M428f (Outpatients)')).toBe('mfd');
    expect(kindOf('HP LaserJet Pro MFP M428f Fax (Outpatients)')).toBe('fax');
  });

  it('marks Xerox WorkCentre and Ricoh MP models, print-server connections included, as mfd', () => {
    expect(kindOf('Finance Xerox')).toBe('mfd');
    expect(kindOf('\\\\PRINTSRV01\\Pharmacy-Ricoh')).toBe('mfd');
  });

  it('leaves out the PDF, XPS and OneNote queues', () => {
    expect(devices.map((device) => device.name).filter((name) => /PDF|XPS|OneNote/.test(name))).toEqual([]);
    expect(devices).toHaveLength(6);
  });

  it('marks a printer sharing its port with a fax queue as mfd, but not every printer beside the Windows Fax queue', () => {
    const kinds = parsePrinters(
      JSON.stringify([
        { Name: 'Ward3 Printer', DriverName: 'Brother HL-L6400DW series', PortName: 'IP_10.20.3.15' },
        { Name: 'Ward3-Fax', DriverName: 'Brother PC-FAX v.3.2', PortName: 'IP_10.20.3.15' },
        { Name: 'Ward4 Printer', DriverName: 'Brother HL-L6400DW series', PortName: 'IP_10.20.4.15' },
        { Name: 'Fax', DriverName: 'Microsoft Shared Fax Driver', PortName: 'SHRFAX:' },
      ]),
    ).map((device) => device.kind);
    expect(kinds).toEqual(['mfd', 'fax', 'printer', 'fax']);
  });

  it.each(['Brother MFC-L2750DW series', 'Canon MF4700 Series UFRII LT', 'Canon i-SENSYS MF643Cdw', 'KONICA MINOLTA bizhub C250i', 'Kyocera ECOSYS M2540dn KX'])(
    'marks the %j driver as mfd',
    (driver) => {
      expect(parsePrinters(JSON.stringify({ Name: 'q', DriverName: driver, PortName: 'USB001' }))[0]?.kind).toBe('mfd');
    },
  );

  it("adds the print-server connections users mapped and the machine was given, once each, by their server path", () => {
    expect(parsePrinters(fixture('printers-with-connections.json'))).toEqual([
      { kind: 'printer', name: 'Ward7-Laser', model: 'HP Universal Printing PCL 6', location: 'Ward 7 office', connection: 'IP_10.20.7.31' },
      { kind: 'mfd', name: '\\\\printsrv01\\Ward7-MFD', model: 'RICOH MP C3004 PCL 6', location: 'Ward 7 corridor', connection: 'IP_10.20.7.40' },
      { kind: 'fax', name: '\\\\printsrv01\\Ward7-Fax', model: undefined, location: undefined, connection: '\\\\printsrv01\\Ward7-Fax' },
      { kind: 'printer', name: '\\\\printsrv02\\Pharmacy-Labels', model: undefined, location: undefined, connection: '\\\\printsrv02\\Pharmacy-Labels' },
    ]);
  });

  it('returns no devices for an empty list (spooler stopped)', () => {
    expect(parsePrinters('[\n\n]\r\n')).toEqual([]);
  });
});
