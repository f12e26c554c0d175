import { hostname } from 'node:os';
import * as z from 'zod';
import type { Report } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { parseJson } from '../parse-json.js';
import { runTool } from '../run-tool.js';

const HardwareSchema = z.object({
  SPHardwareDataType: z.array(
    z.object({ machine_name: z.string().optional(), machine_model: z.string().optional(), serial_number: z.string().optional() }),
  ),
});

/** A repaired logic board can leave the serial blank or "Not Available"; that is no serial. */
const NO_SERIAL = /^(not available|unavailable|none|0+)$/i;

/**
 * Parses `system_profiler SPHardwareDataType -json`. The model keeps both the
 * marketing name and the identifier ("MacBook Air (Mac14,2)"): the identifier
 * dates the machine, which decides the newest macOS it can run.
 */
export function parseHardware(text: string): Pick<Report['host'], 'manufacturer' | 'model' | 'serial'> {
  const parsed = HardwareSchema.safeParse(parseJson(text));
  const overview = parsed.success ? parsed.data.SPHardwareDataType[0] : undefined;
  if (!overview) return {};
  const name = clip(overview.machine_name);
  const identifier = clip(overview.machine_model);
  const serial = clip(overview.serial_number);
  return {
    manufacturer: 'Apple Inc.',
    model: name && identifier ? `${name} (${identifier})` : (name ?? identifier),
    serial: serial && !NO_SERIAL.test(serial) ? serial : undefined,
  };
}

/**
 * Prefers the Bonjour LocalHostName ("Medphoto-iMac-01"): always set and DNS-safe,
 * unlike ComputerName ("Dr Smith’s iMac"), while os.hostname() can be whatever DHCP
 * handed out last. A dotted os.hostname() that is not ".local" is the FQDN an admin set.
 */
export function pickHostnames(localHostName: string | undefined, systemName: string): Pick<Report['host'], 'hostname' | 'fqdn'> {
  const system = systemName.trim();
  const short = clip(localHostName?.split('\n')[0], 253) ?? clip(system.replace(/\.local\.?$/i, '').split('.')[0], 253) ?? 'localhost';
  const fqdn = system.includes('.') && !/\.local\.?$/i.test(system) ? clip(system, 253) : undefined;
  return { hostname: short, fqdn };
}

/** Off a Mac (no scutil, no system_profiler) only the host name from Node is left. */
export async function collectHost(): Promise<ReportPart> {
  const [localHostName, hardware] = await Promise.all([
    // "LocalHostName: not set" exits non-zero; os.hostname() covers it.
    runTool('scutil', ['--get', 'LocalHostName'], { timeoutMs: 5_000, allowFailure: true }),
    runTool('system_profiler', ['SPHardwareDataType', '-json'], { timeoutMs: 60_000, allowFailure: true }),
  ]);
  return { host: { ...pickHostnames(localHostName, hostname()), ...(hardware === undefined ? {} : parseHardware(hardware)) } };
}
