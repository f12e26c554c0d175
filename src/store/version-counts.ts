/**
 * Where a reader finds how many assets carry each software version, kept at
 * ingest by installs.ts changeInstalls: the whole hub's (migrations 0011 and
 * 0047: software_installs, and software_os_counts per OS) or one trust's (0040:
 * software_trust_installs, and 0020: software_trust_counts per OS). Only a
 * version tied to its OS (os_link 'follows' or 'capped') is counted per OS:
 * its status on an asset is its OS's doing. A standalone one has one status
 * everywhere and one count.
 *
 * Fragments for a statement naming the version `s`: `counts` the counts alone
 * (as `c`, one row per version carried), `versions` to read the versions with
 * a count (`installs`), `perOs` the counts of the tied ones by
 * OS (as `c`, joined to `s` and its OS by the caller), `scope` the condition
 * (with its AND) that keeps the reader's trust; bind with bindTrust.
 */
export const VERSION_COUNTS = {
  ics: { counts: 'software_installs c', versions: 'software_installs c JOIN software s ON s.id = c.software_id', installs: 'c.installs', perOs: 'software_os_counts c', scope: '' },
  trust: {
    counts: 'software_trust_installs c',
    versions: 'software_trust_installs c JOIN software s ON s.id = c.software_id',
    installs: 'c.installs',
    perOs: 'software_trust_counts c',
    scope: 'c.organisation_id = @org AND ',
  },
} as const;

/**
 * PostgreSQL's sums for the summary (migration 0050): each trust's installs of
 * versions with a verdict of their own (os_link 'none' or 'capped'), as `c`,
 * by tie, status, unknown reason and patch state ('' for none), summed over
 * every trust or kept to the reader's; and, for versions that follow their
 * OS, the item counts per OS (os_item_counts, trust_item_counts). `scope` as
 * VERSION_COUNTS'. SQLite sums the version counts instead.
 */
export const VERDICT_SUMS = {
  ics: { verdicts: 'trust_verdict_installs c', items: 'os_item_counts c', scope: '' },
  trust: { verdicts: 'trust_verdict_installs c', items: 'trust_item_counts c', scope: 'c.organisation_id = @org AND ' },
} as const;

/**
 * PostgreSQL's machine counts for the summary (migration 0053): each trust's
 * machines by OS, OS patch state ('' for none) and carried statuses, as `c`;
 * the hub's are every trust's rows. SQLite counts the machines off its
 * assets_organisation_os index instead.
 */
export const KEPT_ASSET_COUNTS = 'trust_asset_counts c';
