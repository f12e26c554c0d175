import { appendFile, open } from 'node:fs/promises';
import type { Report } from '../src/contract/report.js';

/**
 * Appends one report as one JSON line (NDJSON) for an air-gapped network, where
 * the file is carried to the hub and loaded with `estatewatch import report`.
 * The line is written in one call and flushed, so a crash leaves whole lines.
 */
export async function appendReport(file: string, report: Report): Promise<void> {
  await appendFile(file, `${JSON.stringify(report)}\n`, { encoding: 'utf8', mode: 0o600 });
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
