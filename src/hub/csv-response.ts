import type { Context } from 'hono';
import { trustToday } from '../cso/cso-actor.js';
import { csvTable, type CsvColumn } from '../export/csv-table.js';
import type { HubEnv } from './deps.js';

/** Every matching row, not one page: an export is the whole list as filtered. */
export const EXPORT_ROWS = { limit: 100_000, offset: 0 } as const;

/** A list as a CSV download named after it and today's date in the trust's time, e.g. alerts-2026-12-06.csv. */
export function csvResponse<T>(c: Context<HubEnv>, name: string, columns: readonly CsvColumn<T>[], rows: readonly T[]): Response {
  const filename = `${name}-${trustToday(c.var.deps.now())}.csv`;
  return c.body(csvTable(columns, rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
}
