/**
 * Reads endoflife.date data, either a folder in the snapshot's layout or one
 * API v1 `products/full` JSON file, into one shape the generator takes.
 * Every product is validated; any problem refuses the whole read, naming the
 * file and the JSON path, so a half-read export never becomes rules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { RulesError, type RuleIssue } from '../rules/rule-issue.js';
import { EolApiV1Schema, EolSnapshotProductSchema, type EolApiRelease, type EolApiV1 } from './eol-data-schema.js';
import type { EolProduct, EolRelease } from './types.js';

export interface EolData {
  /** `folder` (the snapshot layout) or `api-v1` (a products/full export). */
  format: 'folder' | 'api-v1';
  /** The day the data was taken: the newest commit date of a folder, an export's generated_at. */
  takenOn: string;
  products: Map<string, EolProduct>;
}

const KIND = 'endoflife.date data';

function issuesOf(file: string, error: z.ZodError): RuleIssue[] {
  return error.issues.slice(0, 20).map((i) => ({ file, line: 1, message: `${i.path.join('.') || '(top)'}: ${i.message}` }));
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RulesError([{ file, line: 1, message: `not JSON: ${(e as Error).message}` }], KIND);
  }
}

/** A snapshot folder: one `<slug>.json` per product (README and LICENSE are not products). */
export function readEolFolder(dir: string): EolData {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new RulesError([{ file: dir, line: 1, message: 'holds no <product>.json files' }], KIND);
  const products = new Map<string, EolProduct>();
  const issues: RuleIssue[] = [];
  for (const file of files) {
    const parsed = EolSnapshotProductSchema.safeParse(parseJson(file, readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) issues.push(...issuesOf(file, parsed.error));
    else products.set(parsed.data.product, parsed.data);
  }
  if (issues.length > 0) throw new RulesError(issues, KIND);
  const takenOn = [...products.values()].map((p) => p.sourceCommitDate.slice(0, 10)).sort().at(-1) as string;
  return { format: 'folder', takenOn, products };
}

/** API v1 reports a date with its flag: a date wins; else the flag says ended (true) or not (false). */
function dateValue(flag: boolean | null | undefined, from: string | null | undefined): string | boolean | null {
  if (from) return from;
  return flag === undefined || flag === null ? null : flag;
}

function releaseFromApi(r: EolApiRelease): EolRelease {
  return {
    cycle: r.name,
    ...(r.label ? { label: r.label } : {}),
    releaseDate: r.releaseDate,
    support: dateValue(r.isEoas, r.eoasFrom),
    eol: dateValue(r.isEol, r.eolFrom),
    extendedSupport: dateValue(r.isEoes, r.eoesFrom),
    latest: r.latest?.name || null,
    latestReleaseDate: r.latest?.date ?? null,
  };
}

/** The export's labels name each column; null means upstream hides it, as `columns: false` does in a folder. */
function productFromApi(p: EolApiV1['result'][number], generatedAt: string): EolProduct {
  return {
    product: p.name,
    title: p.label,
    category: p.category,
    permalink: p.links.html,
    sourceCommit: null,
    sourceCommitDate: generatedAt,
    identifiers: p.identifiers ?? null,
    columns: { support: p.labels.eoas ?? false, eol: p.labels.eol ?? true, extendedSupport: p.labels.eoes ?? false },
    releases: p.releases.map(releaseFromApi),
  };
}

export function parseEolApiV1(file: string, text: string): EolData {
  const parsed = EolApiV1Schema.safeParse(parseJson(file, text));
  if (!parsed.success) throw new RulesError(issuesOf(file, parsed.error), KIND);
  const takenOn = parsed.data.generated_at.slice(0, 10);
  return { format: 'api-v1', takenOn, products: new Map(parsed.data.result.map((p) => [p.name, productFromApi(p, parsed.data.generated_at)])) };
}

/** An export's bytes as text; a `.gz` file (how an export is best carried to an air-gapped hub) is unpacked. */
export function exportText(file: string, bytes: Buffer): string {
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** A folder in the snapshot layout, or one API v1 export file (`.json` or `.json.gz`). */
export function readEolData(path: string): EolData {
  if (statSync(path).isDirectory()) return readEolFolder(path);
  return parseEolApiV1(basename(path), exportText(path, readFileSync(path)));
}
