/**
 * Units queued in the same turn commit in one transaction (store/group-commit.ts),
 * on the hub's store (SQLite, or PostgreSQL on that run): each hears its own
 * outcome, and a unit that throws loses only what its own transaction wrote.
 * test/unit/store/group-commit.test.ts: settling after the commit, and a failed commit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitTogether, UNITS_PER_COMMIT } from '../../src/store/group-commit.js';
import { getHubState, setHubState } from '../../src/store/hub-state.js';
import { inTransaction } from '../../src/store/statements.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

describe('commitTogether', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => hub.close());

  it('runs units queued together in order, each with its own outcome, a refused one losing only its own writes', async () => {
    const { db } = hub.deps;
    const first = commitTogether(db, () => {
      setHubState(db, 'test:first', 'stored');
      return 1;
    });
    const refused = commitTogether(db, () =>
      inTransaction(db, () => {
        setHubState(db, 'test:refused', 'stored');
        throw new Error('refused after writing');
      }),
    );
    // The third sees the first's write: the units run one after another in one transaction.
    const third = commitTogether(db, () => `${getHubState(db, 'test:first')} before me`);
    await expect(first).resolves.toBe(1);
    await expect(refused).rejects.toThrow('refused after writing');
    await expect(third).resolves.toBe('stored before me');
    expect(getHubState(db, 'test:first')).toBe('stored');
    expect(getHubState(db, 'test:refused')).toBeUndefined();
  });

  it(`commits more than ${UNITS_PER_COMMIT} queued units in several transactions, every one stored`, async () => {
    const { db } = hub.deps;
    const count = UNITS_PER_COMMIT * 2 + 3;
    const done = await Promise.all(Array.from({ length: count }, (_, i) => commitTogether(db, () => (setHubState(db, `test:unit-${i}`, String(i)), i))));
    expect(done).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(Array.from({ length: count }, (_, i) => getHubState(db, `test:unit-${i}`))).toEqual(done.map(String));
  });
});
