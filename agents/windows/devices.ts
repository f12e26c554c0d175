import type { Device } from '../../src/contract/report.js';

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
