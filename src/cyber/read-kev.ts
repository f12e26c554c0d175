/**
 * CISA's Known Exploited Vulnerabilities catalogue (../shared/data/kev/, CC0):
 * the CVEs attackers are known to use. The hub reads the file a setting names;
 * `estatewatch data update` may store a newer one in the database (update-kev.ts).
 *
 * The catalogue names a vendor, a product and a CVE, and gives NO affected
 * versions: nothing here, or anywhere that reads it, infers a version range from
 * an entry's product name. Which machines are affected comes from the alert's
 * own ranges (the vendor's advisory), never from KEV.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatPath } from '../contract/report.js';
import { RulesError } from '../rules/rule-issue.js';

/** A CVE id as CISA and NVD write it; alert rules' `cves` take the same. */
export const CveIdSchema = z.string().regex(/^CVE-\d{4}-\d{4,}$/, { error: 'expected a CVE id such as "CVE-2024-9680"' });

/** The fields we use; upstream's other fields (shortDescription, notes, cwes…) are let through unread. */
export const KevEntrySchema = z.object({
  cveID: CveIdSchema,
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  /** The day CISA added it to the catalogue. */
  dateAdded: z.iso.date(),
  /** The US federal remediation deadline: a yardstick, not an NHS target. */
  dueDate: z.iso.date(),
  knownRansomwareCampaignUse: z.string(),
});
export type KevEntry = z.infer<typeof KevEntrySchema>;

export const KevCatalogueSchema = z.object({
  catalogVersion: z.string().min(1),
  dateReleased: z.string().min(1),
  vulnerabilities: z.array(KevEntrySchema),
});

export interface KevCatalogue {
  /** "2025.08.25". */
  version: string;
  released: string;
  /** The file it was read from (for a stored catalogue, the file it was first read from). */
  file: string;
  /** The stored update it came from (kev_catalogues), or null: read from ESTATEWATCH_KEV_FILE. */
  updateId: number | null;
  byCve: ReadonlyMap<string, KevEntry>;
}

/** Reads and checks the catalogue; throws RulesError naming the file when it is absent, not JSON or not the catalogue's shape. */
export function readKev(file: string): KevCatalogue {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    kevFileError(file, `cannot read the KEV catalogue: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseKev(file, text);
}

/** Checks a catalogue's text read from `file` (or from the database, stored as update `updateId`); throws RulesError as readKev. */
export function parseKev(file: string, text: string, updateId: number | null = null): KevCatalogue {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    kevFileError(file, `not JSON: ${(err as Error).message}`);
  }
  return kevFromJson(file, json, updateId);
}

/** The catalogue from parsed JSON; throws RulesError naming the first misshapen field (and how many more). */
export function kevFromJson(file: string, json: unknown, updateId: number | null = null): KevCatalogue {
  const parsed = KevCatalogueSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return kevFileError(file, `not the KEV catalogue's shape: ${first ? `${formatPath(first.path)}: ${first.message}` : 'invalid'}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''}`);
  }
  const { catalogVersion, dateReleased, vulnerabilities } = parsed.data;
  return { version: catalogVersion, released: dateReleased, file, updateId, byCve: new Map(vulnerabilities.map((v) => [v.cveID, v])) };
}

function kevFileError(file: string, message: string): never {
  throw new RulesError([{ file, line: 1, message }], 'the Known Exploited Vulnerabilities catalogue');
}
