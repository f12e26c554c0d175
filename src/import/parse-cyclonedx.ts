/**
 * CycloneDX JSON SBOMs (spec 1.4–1.6) for a system or medical device:
 * `metadata.component` is the machine, `components[]` (nested ones too) its
 * software, an `operating-system` component its OS. Unknown fields are allowed,
 * as the spec allows them; the fields used are checked with zod and a bad one
 * is named by its JSON path (`components[12].version`).
 */
import { z } from 'zod';
import { formatPath, type Os, type Software, type SoftwareSource } from '../contract/report.js';
import { clip, dedupeSoftware, hostNames, importedReport, UNKNOWN_OS } from './_report-parts.js';
import { parseJson } from './_json.js';
import type { Importer, ParseOptions, ParseResult } from './importer.js';

const Named = z.looseObject({ name: z.string().optional() });

interface Component {
  type: string;
  name: string;
  version?: string;
  publisher?: string;
  supplier?: { name?: string };
  manufacturer?: { name?: string };
  purl?: string;
  components?: Component[];
}

const ComponentSchema: z.ZodType<Component> = z.looseObject({
  type: z.string(),
  name: z.string().trim().min(1),
  version: z.string().optional(),
  publisher: z.string().optional(),
  supplier: Named.optional(),
  manufacturer: Named.optional(),
  purl: z.string().optional(),
  get components() {
    return z.array(ComponentSchema).optional();
  },
});

const BomSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.enum(['1.4', '1.5', '1.6'], { message: 'estatewatch reads CycloneDX 1.4, 1.5 and 1.6' }),
  metadata: z.looseObject({
    timestamp: z.iso.datetime({ offset: true }).optional(),
    component: ComponentSchema,
  }),
  components: z.array(ComponentSchema).optional(),
});

/** Component types that are installed software; devices, files and data are not. */
const SOFTWARE_TYPES = new Set(['application', 'framework', 'library', 'container', 'platform', 'firmware', 'device-driver']);

/** Package URLs of distribution packages: they follow the OS, when the SBOM names one. */
const DISTRIBUTION_PURLS: Record<string, SoftwareSource> = { deb: 'dpkg', rpm: 'rpm', apk: 'apk' };

export const cycloneDxImporter: Importer = {
  format: 'cyclonedx',
  description: 'CycloneDX JSON SBOM (spec 1.4–1.6) of a system or medical device',
  parse: parseCycloneDx,
};

export function parseCycloneDx(text: string, options: ParseOptions): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return { reports: [], errors: [json.error] };
  const bom = BomSchema.safeParse(json.value);
  if (!bom.success) return { reports: [], errors: bom.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  const all = flatten(bom.data.components ?? []);
  const osComponent = all.find((c) => c.type === 'operating-system');
  const software = all.filter((c) => SOFTWARE_TYPES.has(c.type)).map((c) => toSoftware(c, osComponent !== undefined)).filter((s): s is Software => s !== undefined);
  const device = bom.data.metadata.component;
  const report = importedReport('cyclonedx', {
    host: { ...hostNames(device.name), manufacturer: clip(device.manufacturer?.name ?? device.supplier?.name ?? device.publisher) },
    os: osComponent ? toOs(osComponent) : UNKNOWN_OS,
    collectedAt: bom.data.metadata.timestamp ?? options.now.toISOString(),
    software: dedupeSoftware(software),
  });
  return { reports: [report], errors: [] };
}

function flatten(components: Component[]): Component[] {
  return components.flatMap((c) => [c, ...flatten(c.components ?? [])]);
}

/** A component without a version is left out: the contract needs one, and "0" would read as very old. */
function toSoftware(c: Component, hasOs: boolean): Software | undefined {
  const version = clip(c.version, 128);
  const name = clip(c.name);
  if (!version || !name) return undefined;
  const purlType = /^pkg:([a-z0-9.+-]+)\//i.exec(c.purl ?? '')?.[1]?.toLowerCase();
  const source = (hasOs && purlType && DISTRIBUTION_PURLS[purlType]) || 'import';
  const purl = clip(c.purl, 512);
  return { name, version, vendor: clip(c.publisher ?? c.supplier?.name ?? c.manufacturer?.name), source, ...(purl ? { purl } : {}) };
}

function toOs(c: Component): Os {
  const name = clip(c.name) ?? UNKNOWN_OS.name;
  const family: Os['family'] = /windows/i.test(name) ? 'windows' : /mac ?os|darwin/i.test(name) ? 'macos' : /linux|ubuntu|debian|yocto|poky|buildroot|alpine|red hat|centos|rocky|suse/i.test(name) ? 'linux' : 'other';
  return { family, name, version: clip(c.version, 64) ?? 'unknown' };
}
