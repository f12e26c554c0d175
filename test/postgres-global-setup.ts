/**
 * One private PostgreSQL server for the whole run: the postgres project's test
 * hubs (ESTATEWATCH_TEST_STORE=postgres) and the PostgreSQL tests each make
 * their own database on it (test/helpers/test-hub.ts, test/helpers/postgres.ts).
 */
import { startPostgres } from './helpers/postgres.js';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.ESTATEWATCH_TEST_POSTGRES_URL) return undefined;
  const server = await startPostgres();
  // Workers start after this and inherit it.
  process.env.ESTATEWATCH_TEST_POSTGRES_URL = server.url;
  return () => server.stop();
}
