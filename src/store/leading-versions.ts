/**
 * PostgreSQL: a page of the software list read from the most widespread
 * versions alone (issue 24). The list is ordered by how many machines carry
 * each version; built whole, it joined every version a trust carries to its
 * description and sorted them all for fifty rows (the largest trust at 20,000
 * assets: 47,662 rows, 114-208 ms, growing with the estate). Migration 0051
 * indexes the counts in that order.
 *
 * Every row of a version counts at most the machines carrying the version
 * (one tied to its OS has a row per status its OSes give it, each a part of
 * that count). So when the versions carried at least `least` times give the
 * page a last row carried at least `least` times, no other version's row
 * could come before it: those rows are the page the whole list would give.
 * `least` starts as the count of the `reach`-th most carried version. If the
 * page's last row counts fewer (a tied version's rows split below it), the
 * versions carried at least that many times are read again, which then holds:
 * the rows already read are that many. If the page is short (a status kept
 * too few), the reach is doubled. After TRIES reads, or with more than
 * MOST_CANDIDATES versions to read, the caller builds the whole list.
 *
 * The reads are separate statements, each of its own moment: a version whose
 * count a report lifts past `least` between them is missing from that one
 * page, as if the page had been read a moment earlier, and is on the next.
 */
import type { Db } from './db.js';
import { stmt } from './statements.js';
import { VERSION_COUNTS } from './version-counts.js';

/** Beyond this many versions to read, the whole list is cheaper to build than their rows one by one. */
const MOST_CANDIDATES = 2_000;
const TRIES = 3;

type Counts = (typeof VERSION_COUNTS)['ics' | 'trust'];
/** How many machines carry the `@last`-th (0-based) most carried version: the counts in their index's order (migration 0051). */
const nthCount = ({ counts, scope }: Counts) => `SELECT c.installs AS n FROM ${counts} WHERE ${scope}c.installs > 0 ORDER BY c.installs DESC LIMIT 1 OFFSET @last`;
/** The versions carried at least @least times. */
const carriedAtLeast = ({ counts, scope }: Counts) => `SELECT c.software_id AS id FROM ${counts} WHERE ${scope}c.installs >= @least`;
const NTH_COUNT = { ics: nthCount(VERSION_COUNTS.ics), trust: nthCount(VERSION_COUNTS.trust) };
const CARRIED_AT_LEAST = { ics: carriedAtLeast(VERSION_COUNTS.ics), trust: carriedAtLeast(VERSION_COUNTS.trust) };

/**
 * The page `at` of the list, or undefined when it cannot be read from the
 * leading versions. `readAmong(ids)`: the list's page built from only the
 * versions in `ids` (a JSON array), in the list's order.
 */
export function readLeadingVersions<Row extends { assets: number | string }>(
  db: Db,
  reader: 'ics' | 'trust',
  params: Record<string, unknown>,
  at: { limit: number; offset: number },
  readAmong: (ids: string) => Row[],
): Row[] | undefined {
  let reach = at.offset + at.limit;
  // Fewer versions carried than the reach: every one is read (1).
  const countAt = (n: number) => Number((stmt(db, NTH_COUNT[reader]).get({ ...params, last: n - 1 }) as { n: number | string } | undefined)?.n ?? 1);
  let least = countAt(reach);
  for (let tried = 0; tried < TRIES; tried++) {
    const found = stmt(db, CARRIED_AT_LEAST[reader]).all({ ...params, least }) as { id: number | string }[];
    if (found.length > MOST_CANDIDATES) return undefined;
    const rows = readAmong(JSON.stringify(found.map((r) => Number(r.id))));
    const last = rows[at.limit - 1];
    // A least of 1 read every version carried: the page is the list's whatever it holds.
    if (least <= 1 || (last !== undefined && Number(last.assets) >= least)) return rows;
    least = last !== undefined ? Number(last.assets) : countAt((reach *= 2));
  }
  return undefined;
}
