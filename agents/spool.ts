import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../src/contract/report.js';
import { DEFAULT_SPOOL_LIMITS } from './agent-defaults.js';
import { syncDir, TEMP_PREFIX, writeFileAtomic } from './write-file-atomic.js';

/** What one spool file holds. `id` is the Idempotency-Key sent on every attempt. */
export interface SpoolEntry {
  id: string;
  report: Report;
}

export interface SpoolLimits {
  maxFiles: number;
  maxBytes: number;
}

/** "<15-digit ms>-<uuid>.json": names sort oldest-first, and the uuid is the entry's id. */
const ENTRY_NAME = /^(\d{15})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
/** A temp file this old was left by a crash mid-write; a live write takes milliseconds. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface SpoolOptions {
  limits?: Partial<SpoolLimits>;
  warn?: (message: string) => void;
}

/**
 * Reports waiting for the hub, one file each under `<stateDir>/spool/`.
 * A file leaves the spool only when the hub acknowledged it (`remove`) or
 * refused it for good (`reject`, which keeps it in `<stateDir>/rejected/`).
 */
export class Spool {
  readonly dir: string;
  readonly rejectedDir: string;
  readonly limits: SpoolLimits;
  private readonly warn: (message: string) => void;

  constructor(stateDir: string, options: SpoolOptions = {}) {
    this.dir = join(stateDir, 'spool');
    this.rejectedDir = join(stateDir, 'rejected');
    this.limits = { ...DEFAULT_SPOOL_LIMITS, ...options.limits };
    this.warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
  }

  /** Writes a report durably under a fresh id and returns the file name. */
  async add(report: Report): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const names = await this.list();
    const id = randomUUID();
    // Strictly after the newest entry, so two reports in one millisecond keep their order.
    const newest = Number(ENTRY_NAME.exec(names.at(-1) ?? '')?.[1] ?? 0);
    const name = `${String(Math.max(Date.now(), newest + 1)).padStart(15, '0')}-${id}.json`;
    const body = JSON.stringify({ id, report } satisfies SpoolEntry);
    await writeFileAtomic(join(this.dir, name), body, 0o600);
    await this.keepWithinBounds([...names, name]);
    return name;
  }

  /** Entry file names, oldest first. Temp files and strays are ignored. */
  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch(missingIsEmpty);
    return names.filter((name) => ENTRY_NAME.test(name)).sort();
  }

  /**
   * Reads one entry, or `undefined` when it is gone (another drain sent it) or
   * unreadable; an unreadable file is moved to rejected/ rather than blocking the queue.
   */
  async read(name: string): Promise<SpoolEntry | undefined> {
    const text = await readFile(join(this.dir, name), 'utf8').catch(missingIsUndefined);
    if (text === undefined) return undefined;
    const entry = parseEntry(text);
    if (!entry) {
      this.warn(`estatewatch-agent: warning: ${name} is not a valid spool entry; moved to ${this.rejectedDir}`);
      await this.reject(name, 'spool file is not a valid {id, report} entry');
    }
    return entry;
  }

  /** Deletes an entry. Call only after the hub acknowledged it. */
  async remove(name: string): Promise<void> {
    // ENOENT: another drain (e.g. a manual --once beside the scheduler) got there first.
    await unlink(join(this.dir, name)).catch(ignoreMissing);
    await syncDir(this.dir);
  }

  /** Moves an entry to rejected/ with the reason in "<name>.error.txt" beside it. */
  async reject(name: string, reason: string): Promise<void> {
    await mkdir(this.rejectedDir, { recursive: true, mode: 0o700 });
    // Reason first: a crash between the two steps leaves the entry spooled, never lost.
    await writeFileAtomic(join(this.rejectedDir, `${name.replace(/\.json$/, '')}.error.txt`), `${reason}\n`, 0o600);
    await rename(join(this.dir, name), join(this.rejectedDir, name)).catch(ignoreMissing);
    await syncDir(this.dir);
    await syncDir(this.rejectedDir);
  }

  /** Deletes temp files left by a crash mid-write. */
  async sweepTemp(now = Date.now()): Promise<void> {
    const names = (await readdir(this.dir).catch(missingIsEmpty)).filter((name) => name.startsWith(TEMP_PREFIX));
    for (const name of names) {
      const info = await stat(join(this.dir, name)).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await unlink(join(this.dir, name)).catch(ignoreMissing);
    }
  }

  /**
   * Keeps the spool within its bounds without losing what any report says:
   * over them, the oldest report is folded into the next, which then stands
   * for both (report.spool: how many reports, since when; the hub records it).
   * Each report is a whole inventory, so the newer one already holds the
   * machine's state; only the steps between are given up, and never silently.
   * The newer file is rewritten before the older one goes: a crash between the
   * two leaves one report counted twice, never one lost.
   */
  private async keepWithinBounds(names: string[]): Promise<void> {
    const sizes = new Map(await Promise.all(names.map(async (name) => [name, await this.sizeOf(name)] as const)));
    const bytes = () => [...sizes.values()].reduce((sum, size) => sum + size, 0);
    const over = () => sizes.size > this.limits.maxFiles || bytes() > this.limits.maxBytes;
    const half = sizes.size > this.limits.maxFiles / 2 || bytes() > this.limits.maxBytes / 2;
    let folded: SpoolEntry | undefined;
    while (over() && sizes.size >= 2) {
      const [oldest, next] = [...sizes.keys()] as [string, string];
      const into = await this.fold(oldest, next);
      sizes.delete(oldest);
      sizes.set(next, await this.sizeOf(next));
      folded = into ?? folded;
    }
    if (folded?.report.spool) {
      this.warn(
        `estatewatch-agent: warning: spool ${this.dir} reached its bound of ${this.limits.maxFiles} reports / ${this.limits.maxBytes} bytes; ` +
          `its oldest report now stands for ${folded.report.spool.reports} collected since ${folded.report.spool.firstCollectedAt} — is the hub reachable?`,
      );
    } else if (half) {
      this.warn(`estatewatch-agent: warning: spool ${this.dir} holds ${sizes.size} reports (${bytes()} bytes) waiting for the hub, over half its bound; is the hub reachable?`);
    }
  }

  /** Folds entry `older` into entry `newer` (see keepWithinBounds); returns the folded entry, or undefined when either was gone. */
  private async fold(older: string, newer: string): Promise<SpoolEntry | undefined> {
    const [a, b] = [await this.read(older), await this.read(newer)];
    if (!a || !b) return undefined;
    const reports = (a.report.spool?.reports ?? 1) + (b.report.spool?.reports ?? 1);
    const into: SpoolEntry = { id: b.id, report: { ...b.report, spool: { reports, firstCollectedAt: a.report.spool?.firstCollectedAt ?? a.report.collectedAt } } };
    await writeFileAtomic(join(this.dir, newer), JSON.stringify(into), 0o600);
    await this.remove(older);
    return into;
  }

  private sizeOf(name: string): Promise<number> {
    return stat(join(this.dir, name)).then((s) => s.size, () => 0);
  }
}

function parseEntry(text: string): SpoolEntry | undefined {
  try {
    const value = JSON.parse(text) as Partial<SpoolEntry> | null;
    return typeof value?.id === 'string' && typeof value.report === 'object' && value.report !== null ? (value as SpoolEntry) : undefined;
  } catch {
    return undefined;
  }
}

function missingIsEmpty(error: NodeJS.ErrnoException): string[] {
  if (error.code === 'ENOENT') return [];
  throw error;
}

function missingIsUndefined(error: NodeJS.ErrnoException): undefined {
  if (error.code !== 'ENOENT') throw error;
  return undefined;
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
