import type { Device } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { runTool } from '../run-tool.js';

/** USB vendor 1d6b is the Linux Foundation: the kernel's root hubs, not hardware anyone plugged in. */
const ROOT_HUB_VENDOR = '1d6b';

/** `lsusb`: "Bus 001 Device 002: ID 046d:c52b Logitech, Inc. Unifying Receiver" → a usb device. */
export function parseLsusb(text: string): Device[] {
  const devices: Device[] = [];
  for (const line of text.split('\n')) {
    const match = /^Bus \d+ Device \d+: ID ([0-9a-f]{4}):([0-9a-f]{4})\s*(.*)$/i.exec(line.trim());
    if (!match?.[1] || !match[2]) continue;
    const [vendor, product] = [match[1].toLowerCase(), match[2].toLowerCase()];
    if (vendor === ROOT_HUB_VENDOR) continue;
    const id = `${vendor}:${product}`;
    devices.push({ kind: 'usb', name: clip(match[3]) ?? `USB device ${id}`, connection: `usb ${id}` });
  }
  return devices;
}

export async function collectUsb(): Promise<ReportPart> {
  // lsusb exits non-zero where there is no USB bus (VMs, containers): no devices, not a failed scan.
  const output = await runTool('lsusb', [], { timeoutMs: 15_000, allowFailure: true });
  return output === undefined ? {} : { devices: parseLsusb(output) };
}
