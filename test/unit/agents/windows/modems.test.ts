import { describe, expect, it } from 'vitest';
import { parseModems, serialOf } from '../../../../agents/windows/modems.js';
import { fixture } from './_fixture.js';

describe('parseModems', () => {
  it('reports a USB modem on its COM port, with the serial from its device ID', () => {
    expect(parseModems(fixture('modems-usb.json'))).toEqual([
      { kind: 'modem', name: 'Conexant USB CX93010 ACF Modem', model: 'Conexant USB CX93010 ACF Modem', serial: '24680246', connection: 'COM3' },
    ]);
  });

  it('leaves out a phone paired over Bluetooth and a mobile-broadband card: neither is a fax line', () => {
    const text = JSON.stringify([
      { Name: 'Standard Modem over Bluetooth link', Model: 'Standard Modem over Bluetooth link', ProviderName: 'Microsoft', AttachedTo: 'COM5', DeviceID: 'BTHENUM\\{00001103-0000-1000-8000-00805F9B34FB}_LOCALMFG&0000\\7&1A2B3C4D&0&000000000000_00000001', PNPDeviceID: 'BTHENUM\\{00001103-0000-1000-8000-00805F9B34FB}_LOCALMFG&0000\\7&1A2B3C4D&0&000000000000_00000001' },
      { Name: 'HP lt4120 Snapdragon X5 LTE', Model: 'HP lt4120 Snapdragon X5 LTE', ProviderName: 'HP', AttachedTo: 'COM7', PNPDeviceID: 'USB\\VID_03F0&PID_9D1D&MI_02\\6&3B2A1C&0&0002' },
      { Name: 'Conexant USB CX93010 ACF Modem', Model: 'Conexant USB CX93010 ACF Modem', ProviderName: 'Conexant', AttachedTo: 'COM3', PNPDeviceID: 'USB\\VID_0572&PID_1329\\24680246' },
    ]);
    expect(parseModems(text).map((m) => m.name)).toEqual(['Conexant USB CX93010 ACF Modem']);
  });

  it('returns nothing when there is no modem, whether the script prints [] or nothing', () => {
    expect(parseModems(fixture('modems-none.json'))).toEqual([]);
    expect(parseModems('')).toEqual([]);
  });
});

describe('serialOf', () => {
  it('ignores instance IDs Windows made up and non-USB devices', () => {
    expect(serialOf('USB\\VID_0BAF&PID_0303\\6&2A9C8B1&0&2')).toBeUndefined();
    expect(serialOf('USB\\VID_0572&PID_1329&MI_00\\7&1F2E3D4C&0&0000')).toBeUndefined();
    expect(serialOf('HDAUDIO\\FUNC_02&VEN_14F1&DEV_2C06\\4&12345&0&0001')).toBeUndefined();
  });
});
