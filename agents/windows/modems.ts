import type { Device } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import { parsePsJson, psText, type PsRecord } from './parse-ps-json.js';

/**
 * A phone paired over Bluetooth ("Standard Modem over Bluetooth link", BTHENUM\…)
 * and a laptop's mobile-broadband card are POTS modems to WMI, yet neither is a
 * fax line: counted, they would give every such laptop a modem and wake the idle
 * Windows Fax queue (dropIdleFaxService).
 */
const NOT_A_PHONE_LINE = /bluetooth|mobile broadband|\bwwan\b|\b(lte|hspa|umts|[345]g)\b/i;

export function isPhoneLineModem(modem: PsRecord): boolean {
  const id = `${psText(modem, 'PNPDeviceID') ?? ''} ${psText(modem, 'DeviceID') ?? ''}`;
  const text = `${psText(modem, 'Name') ?? ''} ${psText(modem, 'Model') ?? ''} ${psText(modem, 'ProviderName') ?? ''}`;
  return !/^\s*BTH(ENUM|MODEM)\\/i.test(id) && !NOT_A_PHONE_LINE.test(text);
}

/** Parses MODEMS_SCRIPT's output: each Win32_POTSModem on a phone line, attached to its COM port. */
export function parseModems(text: string): Device[] {
  return parsePsJson(text).filter(isPhoneLineModem).map(toModem);
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
