import { readdir } from 'node:fs/promises';
import type { Device } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { readOptional } from '../read-optional.js';

/** USB modems and serial adapters (fax modems, pager gateways) appear as these TTYs. */
export const MODEM_TTY = /^tty(ACM|USB)\d+$/;

/** What sysfs says about the USB device behind a TTY; every field may be missing. */
export interface TtyInfo {
  product?: string;
  manufacturer?: string;
  serial?: string;
  interface?: string;
}

export function describeModem(tty: string, info: TtyInfo): Device {
  return {
    kind: 'modem',
    name: clip(info.product) ?? clip(info.interface) ?? tty,
    model: clip([info.manufacturer, info.product].filter(Boolean).join(' ')),
    serial: clip(info.serial),
    connection: `/dev/${tty}`,
  };
}

/**
 * Reads a TTY's USB attributes. /sys/class/tty/<tty>/device is the USB
 * interface for ttyACM and the usb-serial port (one level lower) for ttyUSB,
 * so the USB device's files are one or two levels up.
 */
export async function readTtyInfo(sysClassTty: string, tty: string): Promise<TtyInfo> {
  const base = `${sysClassTty}/${tty}/device`;
  const first = async (name: string) => (await readOptional(`${base}/../${name}`)) ?? (await readOptional(`${base}/../../${name}`));
  const [product, manufacturer, serial, iface] = await Promise.all([
    first('product'),
    first('manufacturer'),
    first('serial'),
    readOptional(`${base}/interface`).then(async (value) => value ?? (await readOptional(`${base}/../interface`))),
  ]);
  return { product, manufacturer, serial, interface: iface };
}

export async function collectModems(devDir = '/dev', sysClassTty = '/sys/class/tty'): Promise<ReportPart> {
  const ttys = (await readdir(devDir).catch(() => [] as string[])).filter((name) => MODEM_TTY.test(name)).sort();
  const devices = await Promise.all(ttys.map(async (tty) => describeModem(tty, await readTtyInfo(sysClassTty, tty))));
  return { devices };
}
