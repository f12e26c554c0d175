import { describe, expect, it } from 'vitest';
import { dropIdleFaxService } from '../../../../agents/windows/devices.js';
import { parseModems } from '../../../../agents/windows/modems.js';
import { parsePrinters } from '../../../../agents/windows/printers.js';
import { fixture } from './_fixture.js';

describe('dropIdleFaxService', () => {
  const printers = parsePrinters(fixture('printers-ward-pc.json'));
  const faxService = (devices: { kind: string; connection?: string }[]) => devices.filter((d) => d.kind === 'fax' && /^shrfax:$/i.test(d.connection ?? ''));

  it('leaves out the built-in Fax queue on a PC with no modem, and keeps real fax queues', () => {
    expect(faxService(printers)).toHaveLength(1);
    const devices = dropIdleFaxService([...printers, ...parseModems(fixture('modems-none.json'))]);
    expect(faxService(devices)).toEqual([]);
    expect(devices.length).toBe(printers.length - 1);
  });

  it('keeps it where a modem can send faxes', () => {
    const devices = dropIdleFaxService([...printers, ...parseModems(fixture('modems-usb.json'))]);
    expect(faxService(devices)).toHaveLength(1);
    expect(devices.some((d) => d.kind === 'modem')).toBe(true);
  });
});
