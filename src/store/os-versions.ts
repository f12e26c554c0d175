import type { Os } from '../contract/report.js';
import type { Verdict } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { insertReturningId, stmt } from './statements.js';
import { VERDICT_ASSIGNMENTS, VERDICT_COLUMNS, VERDICT_PLACEHOLDERS, verdictParams } from './verdict-columns.js';

/** The key that makes an OS distinct for lifecycle purposes; the patch build is kept on the asset. */
export type OsKey = Pick<Os, 'family' | 'name' | 'version' | 'edition'>;

/** Id of this distinct OS, evaluating it (once) when it is new. */
export function ensureOsVersion(db: Db, os: OsKey, evaluate: (os: OsKey) => Verdict): number {
  const edition = os.edition ?? '';
  const found = stmt(db, 'SELECT id FROM os_versions WHERE family = ? AND name = ? AND version = ? AND edition = ?').get(
    os.family, os.name, os.version, edition,
  ) as { id: number } | undefined;
  if (found) return found.id;
  return insertReturningId(db, `INSERT INTO os_versions (family, name, version, edition, ${VERDICT_COLUMNS}) VALUES (?, ?, ?, ?, ${VERDICT_PLACEHOLDERS})`,
    os.family, os.name, os.version, edition, ...verdictParams(evaluate(os)),
  );
}

export function listOsVersions(db: Db): (OsKey & { id: number })[] {
  const rows = stmt(db, 'SELECT id, family, name, version, edition FROM os_versions').all() as (OsKey & { id: number; edition: string })[];
  return rows.map((r) => ({ ...r, edition: r.edition || undefined }));
}

export function updateOsVerdict(db: Db, id: number, v: Verdict): void {
  stmt(db, `UPDATE os_versions SET ${VERDICT_ASSIGNMENTS} WHERE id = ?`).run(...verdictParams(v), id);
}
