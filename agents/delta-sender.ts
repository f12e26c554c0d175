/**
 * Sends each spooled report as a delta against the last report the hub
 * acknowledged, so a machine whose inventory barely changes sends a few hundred
 * bytes, not a hundred kilobytes. A full report goes when there is no
 * acknowledged base, when --full is asked, once a week, and whenever the hub
 * answers 409 (it cannot apply the delta); all under the entry's one key.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffReports } from '../src/contract/delta.js';
import type { Report } from '../src/contract/report.js';
import { parseJson } from './parse-json.js';
import type { Outgoing, PostOutcome } from './post.js';
import type { SpoolEntry } from './spool.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const FULL_REPORT_EVERY_DAYS = 7;

/** `<stateDir>/last-ack.json`: the last report the hub acknowledged, and when a full one last went. */
interface LastAck {
  fullAt: string;
  report: Report;
}

export interface DeltaSenderOptions {
  stateDir: string;
  post: (entry: Outgoing) => Promise<PostOutcome>;
  forceFull?: boolean;
  now?: () => Date;
}

export function createDeltaSender(options: DeltaSenderOptions): (entry: SpoolEntry) => Promise<PostOutcome> {
  const { stateDir, post, forceFull = false, now = () => new Date() } = options;
  const file = join(stateDir, 'last-ack.json');
  return async (entry) => {
    const last = await readLastAck(file);
    const fullDue = !last || forceFull || now().getTime() - Date.parse(last.fullAt) >= FULL_REPORT_EVERY_DAYS * 86_400_000;
    let sentFull = fullDue;
    let outcome = await post({ id: entry.id, report: fullDue || !last ? entry.report : diffReports(last.report, entry.report) });
    if (!fullDue && outcome.kind === 'rejected' && outcome.status === 409) {
      sentFull = true;
      outcome = await post(entry);
    }
    if (outcome.kind === 'acknowledged') {
      await writeFileAtomic(file, JSON.stringify({ fullAt: sentFull || !last ? now().toISOString() : last.fullAt, report: entry.report }), 0o600);
    }
    return outcome;
  };
}

/** The saved base, or undefined when there is none or it cannot be read (then a full report goes). */
async function readLastAck(file: string): Promise<LastAck | undefined> {
  try {
    const value = parseJson(await readFile(file, 'utf8')) as Partial<LastAck> | undefined;
    return value && typeof value.fullAt === 'string' && value.report ? (value as LastAck) : undefined;
  } catch {
    return undefined;
  }
}
