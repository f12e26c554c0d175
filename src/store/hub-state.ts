import type { Db } from './db.js';
import { stmt } from './statements.js';

export function getHubState(db: Db, key: string): string | undefined {
  return (stmt(db, 'SELECT value FROM hub_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setHubState(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO hub_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
