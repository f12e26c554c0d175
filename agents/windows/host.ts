import { hostname } from 'node:os';
import type { Report } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
// The same SMBIOS fields, with the same firmware placeholders, that Linux reads from /sys.
import { cleanDmiValue } from '../linux/host.js';
import { HOST_SCRIPT } from './host-script.js';
import { parsePsJson, psFlag, psText } from './parse-ps-json.js';
import { runPowerShell } from './run-powershell.js';

/**
 * Parses HOST_SCRIPT's output. The DNS host name keeps the case the machine
 * was given (Name is the upper-case NetBIOS form, cut to 15 characters). The
 * FQDN is built only for domain members: a workgroup's "Domain" is just
 * "WORKGROUP".
 */
export function parseHost(text: string): Partial<Report['host']> {
  const fields = parsePsJson(text)[0] ?? {};
  const hostname = clip(psText(fields, 'DNSHostName') ?? psText(fields, 'Name'), 253);
  const domain = psFlag(fields, 'PartOfDomain') ? psText(fields, 'Domain') : undefined;
  return {
    hostname,
    fqdn: hostname && domain ? clip(`${hostname}.${domain}`, 253) : undefined,
    manufacturer: cleanDmiValue(psText(fields, 'Manufacturer')),
    model: cleanDmiValue(psText(fields, 'Model')),
    serial: cleanDmiValue(psText(fields, 'SerialNumber')),
  };
}

export async function collectHost(): Promise<ReportPart> {
  const output = await runPowerShell(HOST_SCRIPT);
  if (output === undefined) return {};
  const host = parseHost(output);
  return { host: { ...host, hostname: host.hostname ?? hostname() } };
}
