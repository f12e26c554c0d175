/**
 * Where a reader finds how many assets carry each software version, kept at
 * ingest by installs.ts changeInstalls: the whole hub's (migrations 0011 and
 * 0047: software_installs, and software_os_counts per OS) or one trust's (0040:
 * software_trust_installs, and 0020: software_trust_counts per OS). Only a
 * version tied to its OS (os_link 'follows' or 'capped') is counted per OS:
 * its status on an asset is its OS's doing. A standalone one has one status
 * everywhere and one count.
 *
 * Fragments for a statement naming the version `s`: `versions` to read the
 * versions with a count (`installs`), `perOs` the counts of the tied ones by
 * OS (as `c`, joined to `s` and its OS by the caller), `scope` the condition
 * (with its AND) that keeps the reader's trust; bind with bindTrust.
 */
import type { Dialect } from './dialect.js';

export const VERSION_COUNTS = {
  ics: { versions: 'software_installs c JOIN software s ON s.id = c.software_id', installs: 'c.installs', perOs: 'software_os_counts c', scope: '' },
  trust: {
    versions: 'software_trust_installs c JOIN software s ON s.id = c.software_id',
    installs: 'c.installs',
    perOs: 'software_trust_counts c',
    scope: 'c.organisation_id = @org AND ',
  },
} as const;

/**
 * Installs of standalone versions (os_link 'none') whose status meets `status`
 * (literal SQL on it), as rows of the version's `column` (named `as`) and `n`,
 * of the reader's trust (bind with bindTrust) or the whole hub. SQLite reads
 * each version's count; PostgreSQL the sums kept per trust and verdict
 * (migration 0050, '' standing for none): a few dozen rows, where reading the
 * versions' counts there took 163 ms for a trust of 10,000 machines.
 */
export function standaloneInstalls(d: Dialect, reader: 'ics' | 'trust', column: 'unknown_reason' | 'patch_state', status: string, as: string): string {
  const k = VERSION_COUNTS[reader];
  return d === 'sqlite'
    ? `SELECT s.${column} AS ${as}, ${k.installs} AS n FROM ${k.versions} WHERE ${k.scope}s.os_link = 'none' AND s.status ${status} AND ${k.installs} > 0`
    : `SELECT NULLIF(c.${column}, '') AS ${as}, c.installs AS n FROM trust_standalone_installs c WHERE ${k.scope}c.status ${status} AND c.installs <> 0`;
}
