import type { Device } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { MODEMS_SCRIPT } from './modems-script.js';
import { parsePsJson, psText, type PsRecord } from './parse-ps-json.js';
import { runPowerShell } from './run-powershell.js';

/** Parses MODEMS_SCRIPT's output: each Win32_POTSModem, attached to its COM port. */
export function parseModems(text: string): Device[] {
  return parsePsJson(text).map(toModem);
}

function toModem(modem: PsRecord): Device {
  const name = clip(psText(modem, 'Name')) ?? clip(psText(modem, 'Model')) ?? 'modem';
  const model = clip(psText(modem, 'Model'));
  return {
    kind: 'modem',
    name,
    model: model ?? clip(psText(modem, 'ProviderName')),
    serial: serialOf(psText(modem, 'PNPDeviceID') ?? psText(modem, 'DeviceID')),
    connection: clip(psText(modem, 'AttachedTo'), 1024),
  };
}

/**
 * "USB\VID_0BAF&PID_0303\0123456789" → "0123456789". A USB device's instance ID
 * is its serial number when it has one; Windows makes up IDs with "&" in them
 * ("6&2A9C8B1&0&2") for devices without.
 */
export function serialOf(deviceId: string | undefined): string | undefined {
  const match = /^USB\\VID_[0-9A-F]{4}&PID_[0-9A-F]{4}\\([^\\&]+)$/i.exec(deviceId ?? '');
  return clip(match?.[1]);
}

export async function collectModems(): Promise<ReportPart> {
  const output = await runPowerShell(MODEMS_SCRIPT);
  return output === undefined ? {} : { devices: parseModems(output) };
}
