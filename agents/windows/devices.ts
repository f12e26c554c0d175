import type { Device } from '../../src/contract/report.js';
import type { ReportPart } from '../collector.js';
import { collectModems } from './modems.js';
import { collectPrinters } from './printers.js';

const FAX_SERVICE_PORT = /^shrfax:$/i;

/**
 * Windows creates a "Fax" queue on the Fax service's SHRFAX: port on most client
 * installs, whether or not the PC can fax. Counted as a fax it would make every
 * PC one and bury the real fax machines the board is asked about, so it is kept
 * only where a modem is there to send through.
 */
export function dropIdleFaxService(devices: readonly Device[]): Device[] {
  const hasModem = devices.some((d) => d.kind === 'modem');
  return devices.filter((d) => hasModem || !(d.kind === 'fax' && FAX_SERVICE_PORT.test(d.connection ?? '')));
}

/** Printers, faxes, MFDs and modems, judged together (see dropIdleFaxService). */
export async function collectDevices(): Promise<ReportPart> {
  const [printers, modems] = await Promise.all([collectPrinters(), collectModems()]);
  // Neither ran (no PowerShell): contribute nothing, like every collector whose tool is missing.
  if (!printers.devices && !modems.devices) return {};
  return { devices: dropIdleFaxService([...(printers.devices ?? []), ...(modems.devices ?? [])]) };
}
