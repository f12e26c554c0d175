/**
 * One private PostgreSQL server for the whole run: the postgres project's test
 * hubs (ESTATEWATCH_TEST_STORE=postgres) and the PostgreSQL tests each make
 * their own database on it (test/helpers/test-hub.ts, test/helpers/postgres.ts):
 * each test hub's a copy of the database migrated here.
 */
import { createMigratedTemplate, dropDatabaseOn, startPostgres } from './helpers/postgres.js';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // Each project inherits this setup, and vitest runs it once per project: the first one's server serves all.
  if (process.env.ESTATEWATCH_TEST_POSTGRES_TEMPLATE) return undefined;
  const server = await startPostgres();
  const template = await createMigratedTemplate(server.url);
  // Workers start after this and inherit both.
  process.env.ESTATEWATCH_TEST_POSTGRES_URL = server.url;
  process.env.ESTATEWATCH_TEST_POSTGRES_TEMPLATE = template;
  return async () => {
    await dropDatabaseOn(server.url, template);
    await server.stop();
  };
}
