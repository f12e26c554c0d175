import { describe, expect, it } from 'vitest';
import { classifyQueues, collectCups, joinQueues, parseLpstatDevices, parseLpstatPrinters } from '../../../../agents/cups.js';
import { fixture } from './_fixture.js';
import { withoutTools } from './_no-tools.js';

describe('CUPS queues on macOS', () => {
  const devices = classifyQueues(joinQueues(parseLpstatDevices(fixture('lpstat-v.txt')), parseLpstatPrinters(fixture('lpstat-l-p.txt'))));
  const kindOf = (name: string) => devices.find((device) => device.name === name)?.kind;

  it('marks the "_Fax" queue on a Bonjour _fax-ipp service as fax and its print sibling as mfd', () => {
    expect(kindOf('HP_OfficeJet_Pro_9010_series_Fax')).toBe('fax');
    expect(devices.find((device) => device.name === 'HP_OfficeJet_Pro_9010_series')).toMatchObject({
      kind: 'mfd',
      model: 'HP OfficeJet Pro 9010 series',
      location: 'Medical Photography office',
    });
  });

  it('marks a fax:// modem queue as fax', () => {
    expect(kindOf('Medphoto_USB_Modem')).toBe('fax');
  });

  it('keeps plain printers as printers', () => {
    expect(kindOf('Canon_PRO_1000_series')).toBe('printer');
    expect(kindOf('Ward3_LaserJet')).toBe('printer');
  });

  it('flags a _fax-ipp URI even when the queue name and description say nothing of fax', () => {
    const [device] = classifyQueues([{ name: 'Ward_MFP', uri: 'dnssd://Ward%20MFP._fax-ipp._tcp.local./?uuid=1' }]);
    expect(device?.kind).toBe('fax');
  });
});

describe('collectCups without lpstat', () => {
  withoutTools();

  it('returns nothing rather than failing', async () => {
    await expect(collectCups()).resolves.toEqual({});
  });
});
