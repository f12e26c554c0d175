import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectModems, describeModem } from '../../../../agents/linux/modems.js';

describe('describeModem', () => {
  it('names a modem by its USB product and keeps the device path as connection', () => {
    expect(describeModem('ttyACM0', { product: 'USB Modem\n', manufacturer: 'Conexant', serial: '24680246' })).toEqual({
      kind: 'modem',
      name: 'USB Modem',
      model: 'Conexant USB Modem',
      serial: '24680246',
      connection: '/dev/ttyACM0',
    });
  });

  it('falls back to the TTY name when sysfs says nothing', () => {
    expect(describeModem('ttyUSB1', {})).toMatchObject({ kind: 'modem', name: 'ttyUSB1', connection: '/dev/ttyUSB1' });
  });
});

describe('collectModems', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ew-modems-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists ttyACM and ttyUSB devices, reading the USB product one or two levels up', async () => {
    const dev = join(root, 'dev');
    await mkdir(dev);
    for (const name of ['ttyACM0', 'ttyUSB0', 'ttyS0', 'tty1']) await writeFile(join(dev, name), '');
    // ttyACM: device/ is the USB interface; the USB device is its parent.
    const acm = join(root, 'usb1', '1-1', '1-1:1.0');
    await mkdir(acm, { recursive: true });
    await writeFile(join(root, 'usb1', '1-1', 'product'), 'USB Modem\n');
    // ttyUSB: device/ is the usb-serial port, two levels below the USB device.
    const serialPort = join(root, 'usb1', '1-2', '1-2:1.0', 'ttyUSB0');
    await mkdir(serialPort, { recursive: true });
    await writeFile(join(root, 'usb1', '1-2', 'product'), 'USB Serial\n');
    const sys = join(root, 'sys');
    await mkdir(join(sys, 'ttyACM0'), { recursive: true });
    await mkdir(join(sys, 'ttyUSB0'), { recursive: true });
    await symlink(acm, join(sys, 'ttyACM0', 'device'));
    await symlink(serialPort, join(sys, 'ttyUSB0', 'device'));

    const { devices } = await collectModems(dev, sys);
    expect(devices?.map((device) => [device.name, device.connection])).toEqual([
      ['USB Modem', '/dev/ttyACM0'],
      ['USB Serial', '/dev/ttyUSB0'],
    ]);
  });

  it('returns no devices when the folder is missing', async () => {
    expect(await collectModems(join(root, 'nope'), join(root, 'nope'))).toEqual({ devices: [] });
  });
});
