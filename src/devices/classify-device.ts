/**
 * Upgrades an agent-reported device using rules/devices: agents only see
 * "a USB device 0baf:0303" or "a printer called Brother FAX-2840"; the known
 * list says that is a fax modem or a fax machine, which is what the estate
 * report has to count.
 */
import type { Device, DeviceKind } from '../contract/report.js';
import type { CompiledKnownDevice } from './load-known-devices.js';

export interface DeviceClassification {
  kind: DeviceKind;
  /** The known entry that decided the kind; absent when nothing matched. */
  known?: { name: string; note: string; source: string; file: string };
}

/**
 * Only generic kinds are upgraded: an agent that already said fax, mfd, modem
 * or pager saw something more specific than a name match can (a CUPS fax queue
 * on a Brother MFC is still the fax queue, not the MFD).
 */
const UPGRADABLE: ReadonlySet<DeviceKind> = new Set(['usb', 'printer', 'other']);

/** The Linux agent writes "usb 0baf:0303"; other spellings carry the id the same way. */
function usbId(device: Device): string | undefined {
  return /\busb\s+([0-9a-f]{4}:[0-9a-f]{4})\b/i.exec(device.connection ?? '')?.[1]?.toLowerCase();
}

export function classifyDevice(device: Device, known: readonly CompiledKnownDevice[]): DeviceClassification {
  if (!UPGRADABLE.has(device.kind)) return { kind: device.kind };
  const id = usbId(device);
  // A USB id is exact; a model pattern is a guess from text, so the id wins when both match.
  const byUsb = id === undefined ? undefined : known.find((entry) => entry.match.usb === id);
  const texts = [device.model, device.name].filter((text): text is string => text !== undefined);
  const byModel = known.find((entry) => entry.modelPattern !== undefined && texts.some((text) => entry.modelPattern?.test(text)));
  const entry = byUsb ?? byModel;
  if (!entry) return { kind: device.kind };
  return { kind: entry.kind, known: { name: entry.name, note: entry.note, source: entry.source, file: entry.file } };
}
