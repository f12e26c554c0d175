/**
 * The drop folder: where estatewatch-collect.ps1 -DropFolder leaves the
 * inventories of machines the agent cannot run on. Each new file is imported
 * as its own import (all or nothing, idempotent by the file's digest), then
 * moved to imported/, or to rejected/ with the reason beside it, so nothing is
 * lost and nothing is stored twice: a file that is imported again (copied
 * back by hand) counts as a duplicate. Each machine's per-user installs are
 * remembered in memory/<COMPUTERNAME>.json, as the agent remembers them in its
 * state folder, so a user not logged on at 02:00 is not a removal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseUserInstalls, type UserInstallMemory } from '../../agents/windows/user-installs.js';
import type { IngestContext } from '../ingest/ingest-report.js';
import { listOrganisations, type Organisation } from '../store/organisations.js';
import type { Db } from '../store/db.js';
import { importFile } from './import-file.js';
import { MAX_IMPORT_BYTES } from './index.js';

export const IMPORTED_DIR = 'imported';
export const REJECTED_DIR = 'rejected';
export const MEMORY_DIR = 'memory';

export interface DropFolderRun {
  imported: number;
  duplicates: number;
  rejected: number;
}

/** A finished document: `<name>.json`, not a `.<name>.part` still being written, nor anything else left there. */
const isDocument = (name: string) => name.endsWith('.json') && !name.startsWith('.');

export function importDropFolder(ctx: IngestContext, dir: string, organisation: Organisation): DropFolderRun {
  const run: DropFolderRun = { imported: 0, duplicates: 0, rejected: 0 };
  // Sorted: a machine's files are named by UTC time, so its reports arrive in order.
  for (const name of fs.readdirSync(dir).filter(isDocument).sort()) {
    const file = path.join(dir, name);
    const errors = importOne(ctx, file, organisation.id, run);
    if (errors === undefined) moveInto(dir, IMPORTED_DIR, name);
    else {
      moveInto(dir, REJECTED_DIR, name);
      fs.writeFileSync(path.join(dir, REJECTED_DIR, `${name}.errors.txt`), `${errors}\n`);
      run.rejected += 1;
    }
  }
  return run;
}

/** Imports one file; the errors as text when it is refused. */
function importOne(ctx: IngestContext, file: string, organisationId: number, run: DropFolderRun): string | undefined {
  const bytes = fs.readFileSync(file);
  if (bytes.byteLength > MAX_IMPORT_BYTES) return `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`;
  const memory = memoryFile(file);
  const result = importFile(ctx, { format: 'windows-collection', bytes, fileName: path.basename(file), organisationId, userInstalls: readMemory(memory) });
  if (!result.ok) return result.errors.map((e) => [e.path, e.message].filter(Boolean).join(': ')).join('\n');
  run.imported += result.summary.reports - result.summary.duplicates;
  run.duplicates += result.summary.duplicates;
  // A document put back (a duplicate) is older than what is remembered: it must not roll the memory back.
  if (result.summary.duplicates === 0 && result.summary.userInstalls) writeMemory(memory, result.summary.userInstalls);
  return undefined;
}

/** The script names its files <COMPUTERNAME>-<UTC time>.json; the machine's memory goes by its name. */
function memoryFile(file: string): string {
  const machine = path.basename(file).replace(/-\d{14}\.json$/, '').replace(/\.json$/, '');
  return path.join(path.dirname(file), MEMORY_DIR, `${machine}.json`);
}

function readMemory(file: string): UserInstallMemory {
  return fs.existsSync(file) ? parseUserInstalls(fs.readFileSync(file, 'utf8')) : {};
}

function writeMemory(file: string, memory: UserInstallMemory): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, `${JSON.stringify(memory)}\n`);
  fs.renameSync(`${file}.part`, file);
}

function moveInto(dir: string, sub: string, name: string): void {
  fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.renameSync(path.join(dir, name), path.join(dir, sub, name));
}

/** The trust the drop folder's machines belong to: the one named, or the hub's only trust. */
export function dropOrganisation(db: Db, code: string | undefined): Organisation {
  const all = listOrganisations(db);
  const found = code === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((o) => o.code === code);
  if (found) return found;
  throw new Error(code === undefined ? `this hub has ${all.length} trusts: set ESTATEWATCH_DROP_ORGANISATION to the ODS code of the drop folder's trust` : `ESTATEWATCH_DROP_ORGANISATION names no trust on this hub: ${code}`);
}
