import type { Report } from '../../src/contract/report.js';
import { clip } from '../clip.js';
// The same SMBIOS fields, with the same firmware placeholders, that Linux reads from /sys.
import { cleanDmiValue } from '../linux/host.js';
import { parsePsJson, psText } from './parse-ps-json.js';

/**
 * Parses IDENTITY_SCRIPT's output. The DNS host name keeps the case the
 * machine was given (ComputerName is the upper-case NetBIOS form, cut to 15
 * characters). The FQDN is the host name and the primary DNS suffix; a
 * workgroup machine has no suffix and so no FQDN.
 */
export function parseIdentity(text: string): Pick<Report['host'], 'hostname' | 'fqdn'> | undefined {
  const fields = parsePsJson(text)[0] ?? {};
  const hostname = clip(psText(fields, 'Hostname') ?? psText(fields, 'ComputerName'), 253);
  if (!hostname) return undefined;
  const suffix = psText(fields, 'Domain') ?? psText(fields, 'NVDomain');
  return { hostname, fqdn: suffix ? clip(`${hostname}.${suffix.replace(/\.$/, '')}`, 253) : undefined };
}

/** Parses HARDWARE_SCRIPT's output: maker, model and serial, firmware placeholders dropped. */
export function parseHardware(text: string): Pick<Report['host'], 'manufacturer' | 'model' | 'serial'> {
  const fields = parsePsJson(text)[0] ?? {};
  return {
    manufacturer: cleanDmiValue(psText(fields, 'Manufacturer')),
    model: cleanDmiValue(psText(fields, 'Model')),
    serial: cleanDmiValue(psText(fields, 'SerialNumber')),
  };
}
