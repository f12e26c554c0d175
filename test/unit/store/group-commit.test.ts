/**
 * What another connection sees of units committed together (store/group-commit.ts):
 * nothing until the shared transaction commits, everything once a unit's promise
 * has settled; and a commit that fails stores nothing and fails every unit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type SqliteDb } from '../../../src/store/db.js';
import { commitTogether } from '../../../src/store/group-commit.js';
import { getHubState, setHubState } from '../../../src/store/hub-state.js';
import { tempDir } from '../../helpers/test-hub.js';

describe('commitTogether on SQLite', () => {
  const opened: SqliteDb[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    opened.splice(0).forEach((db) => db.close());
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });
  /** The hub's connection and a reader's, on one database file. */
  function twoConnections(): [SqliteDb, SqliteDb] {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'estatewatch.db');
    const writer = openDb(file);
    const reader = openDb(file);
    opened.push(writer, reader);
    return [writer, reader];
  }

  it('shows another connection nothing of a batch until it commits, and all of it once a unit settles', async () => {
    const [db, reader] = twoConnections();
    const seenMidBatch: (string | undefined)[] = [];
    const first = commitTogether(db, () => setHubState(db, 'test:first', 'stored'));
    const second = commitTogether(db, () => {
      seenMidBatch.push(getHubState(reader, 'test:first'));
      setHubState(db, 'test:second', 'stored');
    });
    await first;
    expect(seenMidBatch).toEqual([undefined]);
    expect([getHubState(reader, 'test:first'), getHubState(reader, 'test:second')]).toEqual(['stored', 'stored']);
    await second;
  });

  it('fails every unit and stores nothing when the shared transaction cannot commit', async () => {
    const [db, reader] = twoConnections();
    const good = commitTogether(db, () => setHubState(db, 'test:good', 'stored'));
    // A foreign key checked at commit (deferred), to an asset that does not exist: the COMMIT itself fails.
    const breaking = commitTogether(db, () => {
      db.pragma('defer_foreign_keys = ON');
      db.prepare("INSERT INTO installs (asset_id, software_id, first_seen_at) VALUES (999999, 999999, '2026-11-23T00:00:00Z')").run();
    });
    await expect(good).rejects.toThrow(/FOREIGN KEY/);
    await expect(breaking).rejects.toThrow(/FOREIGN KEY/);
    expect(getHubState(reader, 'test:good')).toBeUndefined();
    expect(getHubState(db, 'test:good')).toBeUndefined();
    // The connection is usable after the failed batch.
    await commitTogether(db, () => setHubState(db, 'test:after', 'stored'));
    expect(getHubState(reader, 'test:after')).toBe('stored');
  });
});
