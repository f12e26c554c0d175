/**
 * Snapshots and reports written before migration 0010 (one evidence document
 * per snapshot), as the code of that time wrote them (the fixture): after the
 * migration their reports still rebuild byte for byte and every figure still
 * links to exactly the rows it counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardReport, type BoardReport } from '../../src/report/board-report.js';
import type { Figure } from '../../src/report/posture-figures.js';
import { selectEvidence } from '../../src/report/stored-report.js';
import { localDay } from '../../src/report/trust-calendar.js';
import { getBoardReport } from '../../src/store/board-reports.js';
import { listMigrations, migrate } from '../../src/store/migrate.js';
import { tempDir } from '../helpers/test-hub.js';

interface Fixture {
  snapshots: { day: string; taken_at: string; figures: string; evidence: string | null; evidence_hash: string; audit_head_id: number | null; audit_head_hash: string | null }[];
  reports: { month: string; snapshot_day: string; data_hash: string; json: string; generated_at: string; generated_by: string; audit_head_id: number | null; audit_head_hash: string | null }[];
}

const fixture = JSON.parse(fs.readFileSync(new URL('../fixtures/board-report/before-0010.json', import.meta.url), 'utf8')) as Fixture;
const TZ = 'Europe/London';
let dir: string;
let db: Database.Database;

beforeAll(() => {
  dir = tempDir();
  db = new Database(path.join(dir, 'hub.db'));
  migrate(db, listMigrations().filter((m) => m.version < 10));
  const snapshot = db.prepare(`INSERT INTO posture_snapshots (day, taken_at, figures, evidence, evidence_hash, audit_head_id, audit_head_hash)
    VALUES (@day, @taken_at, @figures, @evidence, @evidence_hash, @audit_head_id, @audit_head_hash)`);
  for (const s of fixture.snapshots) snapshot.run({ ...s, evidence: s.evidence === null ? null : gzipSync(s.evidence) });
  const report = db.prepare(`INSERT INTO board_reports (month, snapshot_day, data_hash, json, generated_at, generated_by, audit_head_id, audit_head_hash)
    VALUES (@month, @snapshot_day, @data_hash, @json, @generated_at, @generated_by, @audit_head_id, @audit_head_hash)`);
  for (const r of fixture.reports) report.run(r);
  migrate(db);
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every figure in a report, wherever it sits. */
function figuresIn(value: unknown): Figure[] {
  if (typeof value !== 'object' || value === null) return [];
  const v = value as Record<string, unknown>;
  if (typeof v.value === 'number' && typeof v.list === 'string' && typeof v.filter === 'object') return [v as unknown as Figure];
  return Object.values(v).flatMap(figuresIn);
}

describe('snapshots taken before per-list evidence (migration 0010)', () => {
  it('keeps each snapshot’s document byte for byte, as its whole evidence', () => {
    const rows = db.prepare('SELECT day, list, body FROM posture_evidence ORDER BY day').all() as { day: string; list: string; body: Buffer }[];
    expect(rows.map((r) => [r.day, r.list])).toEqual(fixture.snapshots.filter((s) => s.evidence !== null).map((s) => [s.day, 'all']));
    const columns = (db.prepare('PRAGMA table_info(posture_snapshots)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('evidence');
  });

  it('rebuilds every report written before it to identical JSON and data hash', () => {
    expect(fixture.reports.length).toBeGreaterThanOrEqual(2);
    for (const stored of fixture.reports) {
      const rebuilt = buildBoardReport(db, 1, stored.month, localDay(new Date(stored.generated_at), TZ), TZ);
      expect(JSON.stringify(rebuilt), stored.month).toBe(stored.json);
      expect(rebuilt.dataHash).toBe(stored.data_hash);
    }
  });

  it('still links every figure to exactly the rows it counted, alerts included', () => {
    for (const { month } of fixture.reports) {
      const report = JSON.parse(getBoardReport(db, 1, month)!.json) as BoardReport;
      const figures = figuresIn(report.figures);
      expect(figures.length).toBeGreaterThanOrEqual(40);
      expect(figures.some((f) => f.list === 'alerts' && f.value > 0)).toBe(true);
      for (const f of figures) {
        const s = selectEvidence(db, 1, report, f.list, f.filter);
        expect([s.total, s.rows.length], `${month} ${f.list} ${JSON.stringify(f.filter)}`).toEqual([f.value, f.value]);
      }
    }
  });

  it('still answers a filter on any column of its alerts, exactly', () => {
    const report = JSON.parse(getBoardReport(db, 1, '2026-10')!.json) as BoardReport;
    const all = selectEvidence(db, 1, report, 'alerts', {}).rows as { rule: string }[];
    const rule = all[0]!.rule;
    const s = selectEvidence(db, 1, report, 'alerts', { rule });
    expect(s.total).toBe(all.filter((r) => r.rule === rule).length);
    expect(s.rows).toHaveLength(s.total!);
  });
});
