/**
 * PostgreSQL: the unmatched queue from each trust's kept sums per program
 * (migration 0052), in the queue's order: a trust's page reads its own rows
 * from their index; the whole hub's sums the trusts' rows of each program.
 * Summing the trust's unjudged versions by program for each page grew with
 * the versions it carries (the largest trust at 100,000 assets: 96/140 ms).
 * A page's programs then have their versions listed from the version counts.
 */
import type { Db } from './db.js';
import { distinctList } from './dialect.js';
import type { UnmatchedRow } from './estate-queries.js';
import { stmt } from './statements.js';
import { VERSION_COUNTS } from './version-counts.js';

/** Each program of the reader's with unmatched installs: one row a program. */
const PROGRAMS = {
  trust: 'SELECT p.name, p.vendor, p.source, p.installs FROM trust_unmatched_programs p WHERE p.organisation_id = @org AND p.installs > 0',
  ics: 'SELECT p.name, p.vendor, p.source, sum(p.installs) AS installs FROM trust_unmatched_programs p WHERE p.installs > 0 GROUP BY p.name, p.vendor, p.source',
};
const PAGE = {
  trust: `${PROGRAMS.trust} ORDER BY p.installs DESC, p.name, p.vendor, p.source LIMIT @limit OFFSET @offset`,
  ics: `${PROGRAMS.ics} ORDER BY installs DESC, p.name, p.vendor, p.source LIMIT @limit OFFSET @offset`,
};
const COUNT = { trust: `SELECT count(*) AS n FROM (${PROGRAMS.trust}) p`, ics: `SELECT count(*) AS n FROM (${PROGRAMS.ics}) p` };

/** The unmatched versions the reader carries of each program in the JSON array @programs ({name, vendor, source}). */
const versionsOf = ({ counts, scope }: (typeof VERSION_COUNTS)['ics' | 'trust']) =>
  `SELECT s.name, s.vendor, s.source, ${distinctList('postgres', 's.version')} AS versions
    FROM json_to_recordset(CAST(@programs AS json)) AS p(name text, vendor text, source text)
    JOIN software s ON s.name = p.name AND s.vendor = p.vendor AND s.source = p.source
    JOIN ${counts} ON ${scope}c.software_id = s.id AND c.installs > 0
    WHERE s.os_link <> 'follows' AND s.status = 'unknown' AND (s.unknown_reason = 'unrecognised' OR s.unknown_reason IS NULL)
    GROUP BY s.name, s.vendor, s.source`;
const VERSIONS = { trust: versionsOf(VERSION_COUNTS.trust), ics: versionsOf(VERSION_COUNTS.ics) };

const programKey = (p: { name: string; vendor: string; source: string }) => JSON.stringify([p.name, p.vendor, p.source]);

export function listKeptUnmatched(db: Db, reader: 'ics' | 'trust', params: Record<string, unknown>, at: { limit: number; offset: number }): { total: number; rows: UnmatchedRow[] } {
  const page = stmt(db, PAGE[reader]).all({ ...params, ...at }) as Omit<UnmatchedRow, 'versions'>[];
  // A page short of full (not past the end) ends the queue: its total is known.
  const ends = page.length < at.limit && (page.length > 0 || at.offset === 0);
  const total = ends ? at.offset + page.length : Number((stmt(db, COUNT[reader]).get(params) as { n: number | string }).n);
  if (page.length === 0) return { total, rows: [] };
  const programs = page.map(({ name, vendor, source }) => ({ name, vendor, source }));
  const versions = new Map(
    (stmt(db, VERSIONS[reader]).all({ ...params, programs: JSON.stringify(programs) }) as (Pick<UnmatchedRow, 'name' | 'vendor' | 'source' | 'versions'>)[]).map((v) => [programKey(v), v.versions]),
  );
  return { total, rows: page.map((p) => ({ ...p, installs: Number(p.installs), versions: versions.get(programKey(p)) ?? '' })) };
}
