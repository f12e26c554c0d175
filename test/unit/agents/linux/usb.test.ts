import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLsusb } from '../../../../agents/linux/usb.js';

const text = readFileSync(new URL('../../../fixtures/linux/lsusb.txt', import.meta.url), 'utf8');

describe('parseLsusb', () => {
  const devices = parseLsusb(text);

  it('turns each line into a usb device named by lsusb with "usb vvvv:pppp" as connection', () => {
    expect(devices).toContainEqual({ kind: 'usb', name: 'Logitech, Inc. Unifying Receiver', connection: 'usb 046d:c52b' });
  });

  it('skips Linux Foundation root hubs but keeps other hubs', () => {
    expect(devices.some((device) => device.connection?.startsWith('usb 1d6b:'))).toBe(false);
    expect(devices.map((device) => device.connection)).toContain('usb 8087:0024');
    expect(devices).toHaveLength(6);
  });

  it('names a device lsusb has no name for by its id', () => {
    expect(devices).toContainEqual({ kind: 'usb', name: 'USB device 0bda:0129', connection: 'usb 0bda:0129' });
  });
});
