import type { Software } from '../contract/report.js';
import type { SoftwareVerdict } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';
import { VERDICT_COLUMNS, verdictParams } from './verdict-columns.js';

/** What makes a software version distinct: its verdict depends on nothing else. */
export type SoftwareKey = Pick<Software, 'name' | 'version' | 'vendor' | 'source'>;

/** Id of this distinct software version, evaluating it (once) when it is new. */
export function ensureSoftware(db: Db, s: SoftwareKey, evaluate: (s: SoftwareKey) => SoftwareVerdict): number {
  const vendor = s.vendor ?? '';
  const found = stmt(db, 'SELECT id FROM software WHERE name = ? AND version = ? AND vendor = ? AND source = ?').get(s.name, s.version, vendor, s.source) as
    | { id: number }
    | undefined;
  if (found) return found.id;
  const v = evaluate(s);
  const info = stmt(db, `INSERT INTO software (name, version, vendor, source, os_link, ${VERDICT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    s.name, s.version, vendor, s.source, v.osLink, ...verdictParams(v),
  );
  return Number(info.lastInsertRowid);
}

export function listSoftwareKeys(db: Db): (SoftwareKey & { id: number })[] {
  const rows = stmt(db, 'SELECT id, name, version, vendor, source FROM software').all() as (SoftwareKey & { id: number; vendor: string })[];
  return rows.map((r) => ({ ...r, vendor: r.vendor || undefined }));
}

export function updateSoftwareVerdict(db: Db, id: number, v: SoftwareVerdict): void {
  stmt(db, 'UPDATE software SET os_link = ?, status = ?, product = ?, cycle = ?, eol = ?, extended_support_end = ?, reason = ? WHERE id = ?').run(
    v.osLink, ...verdictParams(v), id,
  );
}
