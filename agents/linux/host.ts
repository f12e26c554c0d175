import { hostname } from 'node:os';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { readOptional } from '../read-optional.js';
import { runTool } from '../run-tool.js';

/** Placeholders firmware vendors leave in DMI fields; reporting them would merge unrelated machines. */
const DMI_PLACEHOLDERS = /^(to be filled by o\.?e\.?m\.?|default string|system (serial number|product name|manufacturer)|not specified|not applicable|none|n\/a|0+|0123456789|123456789|x+|\.+)$/i;

export function cleanDmiValue(value: string | undefined): string | undefined {
  const text = clip(value);
  return text && !DMI_PLACEHOLDERS.test(text) ? text : undefined;
}

/** Keeps `hostname -f` output only when it really is a longer, dotted name. */
export function parseFqdn(output: string | undefined, shortName: string): string | undefined {
  const fqdn = clip(output?.split('\n')[0], 253);
  return fqdn && fqdn.includes('.') && fqdn !== 'localhost.localdomain' && fqdn !== shortName ? fqdn : undefined;
}

export interface HostOptions {
  dmiDir?: string;
  /** Upper bound on the resolver; a dead DNS server must not stall the scan. */
  fqdnTimeoutMs?: number;
}

export async function collectHost(options: HostOptions = {}): Promise<ReportPart> {
  const { dmiDir = '/sys/class/dmi/id', fqdnTimeoutMs = 1_000 } = options;
  const name = hostname();
  const [fqdnOutput, vendor, product, serial] = await Promise.all([
    runTool('hostname', ['-f'], { timeoutMs: fqdnTimeoutMs, allowFailure: true }),
    readOptional(`${dmiDir}/sys_vendor`),
    readOptional(`${dmiDir}/product_name`),
    // Readable by root only; an unprivileged run simply has no serial.
    readOptional(`${dmiDir}/product_serial`),
  ]);
  return {
    host: {
      hostname: clip(name, 253) ?? 'localhost',
      fqdn: parseFqdn(fqdnOutput, name),
      manufacturer: cleanDmiValue(vendor),
      model: cleanDmiValue(product),
      serial: cleanDmiValue(serial),
    },
  };
}

