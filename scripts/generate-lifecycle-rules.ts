/**
 * Generates rules/lifecycle/<product>.yaml from the endoflife.date snapshot in
 * ../shared/data/endoflife (see its README). What cannot come from the data —
 * how real inventories name each product, which version scheme reads them, how
 * Windows builds and editions map to cycles — is in scripts/lifecycle/recipes.ts;
 * every other product gets a default recipe or is left out with a reason
 * (scripts/lifecycle/default-recipe.ts, scope.ts).
 *
 * Usage: tsx scripts/generate-lifecycle-rules.ts [dataDir] [outDir]
 * A file marked `generated: false` is hand-written and never overwritten.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { compareVersions, toComponents } from '../src/lifecycle/version-components.js';
import { defaultRecipe, purlEntries } from './lifecycle/default-recipe.js';
import { RECIPES } from './lifecycle/recipes.js';
import { inclusionOf } from './lifecycle/scope.js';
import type { EolProduct, EolRelease, Recipe } from './lifecycle/types.js';

export type { EolProduct, EolRelease } from './lifecycle/types.js';

export interface GeneratedFile {
  file: string;
  text: string;
}

/** A product the generator leaves out, and why (listed in rules/README.md). */
export interface LeftOut {
  product: string;
  title: string;
  why: string;
}

const DEFAULT_HEADINGS = { support: 'Active Support', eol: 'Security Support', extendedSupport: 'Extended Support' } as const;
type Column = keyof typeof DEFAULT_HEADINGS;

/** endoflife.date shows eol by default and hides support/extendedSupport unless `columns` says otherwise. */
function heading(data: EolProduct, column: Column): string | null {
  const value = data.columns?.[column];
  if (value === undefined) return column === 'eol' ? DEFAULT_HEADINGS.eol : null;
  if (value === false) return null;
  return value === true ? DEFAULT_HEADINGS[column] : value;
}

function orderCycles<T extends { versions?: string[]; edition?: string; minVersion?: string }>(cycles: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const c of cycles) {
    const key = (c.versions ?? []).join('|');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  // Within one version group the specific cycle must come first, because the first fit wins.
  const floor = (c: T) => toComponents(c.minVersion ?? '');
  return [...groups.values()].flatMap((g) =>
    [...g].sort((a, b) => Number(a.edition === undefined) - Number(b.edition === undefined) || compareVersions(floor(b), floor(a))),
  );
}

const DOTTED = /^[0-9a-z]+(\.[0-9a-z]+)*$/i;

/** Longer prefixes first (FreeBSD 15.0 before branch 15, Log4j 2.12 before 2): the first fit wins. */
function specificFirst<T extends { versions?: string[] }>(cycles: T[]): T[] {
  const depth = (c: T) => Math.max(0, ...(c.versions ?? []).map((v) => v.split('.').length));
  return cycles.map((c, i) => ({ c, i })).sort((x, y) => depth(y.c) - depth(x.c) || x.i - y.i).map((x) => x.c);
}

/** The day the snapshot was taken: what an evergreen rule's `latest` versions are true of. */
const snapshotDay = (data: EolProduct): string => data.sourceCommitDate.slice(0, 10);

/** An evergreen cycle still serviced on the snapshot day carries its newest version. */
function latestOf(recipe: Recipe, r: EolRelease, day: string): { latest?: string } {
  if (!recipe.evergreen || !r.latest || !DOTTED.test(r.latest)) return {};
  const open = r.eol === false || (typeof r.eol === 'string' && r.eol >= day);
  return open ? { latest: r.latest } : {};
}

function buildCycles(recipe: Recipe, data: EolProduct, support: string | null, extended: string | null): Record<string, unknown>[] {
  const day = snapshotDay(data);
  const cycles = data.releases.flatMap((r) => {
    const shape = recipe.shape ? recipe.shape(r) : DOTTED.test(r.cycle) ? { versions: [r.cycle] } : null;
    if (!shape) return [];
    return [{
      cycle: r.cycle,
      ...(r.label ? { label: r.label } : {}),
      ...shape,
      releaseDate: r.releaseDate,
      support: support ? r.support : null,
      eol: r.eol,
      extendedSupport: extended ? r.extendedSupport : null,
      ...latestOf(recipe, r, day),
    }];
  });
  return recipe.specificFirst ? specificFirst(cycles) : orderCycles(cycles);
}

function buildRule(recipe: Recipe, data: EolProduct): Record<string, unknown> {
  const extended = recipe.ignoreExtended ? null : heading(data, 'extendedSupport');
  const support = heading(data, 'support');
  const cycles = buildCycles(recipe, data, support, extended);
  const notes = [recipe.notes, recipe.ignoreExtended && `Extended support ignored: ${recipe.ignoreExtended}.`].filter(Boolean).join(' ');
  return {
    product: recipe.slug,
    title: recipe.title ?? data.title,
    kind: recipe.kind,
    generated: true,
    source: { name: 'endoflife.date', url: data.permalink, commit: data.sourceCommit, license: 'MIT', retrieved: snapshotDay(data) },
    labels: { ...(support ? { support } : {}), eol: heading(data, 'eol') ?? DEFAULT_HEADINGS.eol, ...(extended ? { extendedSupport: extended } : {}) },
    ...(notes ? { notes } : {}),
    ...(recipe.osComponent ? { osComponent: true } : {}),
    ...(recipe.evergreen ? { evergreen: { asOf: snapshotDay(data) } } : {}),
    // Every software rule also matches the data's Package URLs: exact identifiers an SBOM carries.
    match: recipe.kind === 'software' ? [...recipe.match, ...purlEntries(data)] : recipe.match,
    ...(recipe.scheme ? { version: { scheme: recipe.scheme } } : {}),
    cycles,
  };
}

const FLOW_KEYS = new Set(['source', 'labels', 'version', 'versions', 'sources']);
const PATTERN_KEYS = new Set(['name', 'vendor', 'family', 'edition', 'purl', 'version']);

function render(rule: Record<string, unknown>, data: EolProduct): string {
  const doc = new Document(rule);
  doc.commentBefore = [
    ' generated by scripts/generate-lifecycle-rules.ts from endoflife.date',
    ` (${data.permalink}, endoflife-date/endoflife.date commit ${data.sourceCommit}, MIT, (c) endoflife.date contributors);`,
    ' do not edit by hand; edit the script and run `npm run rules:generate`.',
  ].join('\n');
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (FLOW_KEYS.has(key) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
      if (PATTERN_KEYS.has(key) && isScalar(pair.value)) pair.value.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export interface Generation {
  files: GeneratedFile[];
  leftOut: LeftOut[];
}

/** The recipe for a product: hand-made, else from the data alone; or why it is left out. */
function recipeFor(product: EolProduct, curated: ReadonlyMap<string, Recipe>): Recipe | { why: string } {
  const recipe = curated.get(product.product);
  if (recipe) return recipe;
  const inclusion = inclusionOf(product);
  return inclusion.included ? defaultRecipe(product) : { why: inclusion.why };
}

/** Pure: same snapshot in, same files out (sorted by file name), every product either written or left out with a reason. */
export function generateLifecycleRules(data: ReadonlyMap<string, EolProduct>): Generation {
  const curated = new Map(RECIPES.map((r) => [r.slug, r]));
  for (const slug of curated.keys()) if (!data.has(slug)) throw new Error(`no endoflife.date data for "${slug}"`);
  const files: GeneratedFile[] = [];
  const leftOut: LeftOut[] = [];
  for (const product of [...data.values()].sort((a, b) => (a.product < b.product ? -1 : 1))) {
    const recipe = recipeFor(product, curated);
    if ('why' in recipe) {
      leftOut.push({ product: product.product, title: product.title, why: recipe.why });
      continue;
    }
    const rule = buildRule(recipe, product);
    if ((rule.cycles as unknown[]).length === 0) {
      leftOut.push({ product: product.product, title: product.title, why: 'none of its cycles is a version an inventory reports' });
      continue;
    }
    files.push({ file: `${recipe.slug}.yaml`, text: render(rule, product) });
  }
  return { files: files.sort((a, b) => (a.file < b.file ? -1 : 1)), leftOut };
}

/** Every product file of the snapshot folder (README and LICENSE are not products). */
export function readSnapshot(dataDir: string): Map<string, EolProduct> {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();
  return new Map(files.map((f) => {
    const product = JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as EolProduct;
    return [product.product, product];
  }));
}

const LEFT_OUT_START = '<!-- left-out:start -->';
const LEFT_OUT_END = '<!-- left-out:end -->';

/** The generated table of products left out, between the markers in rules/README.md. */
export function leftOutTable(leftOut: readonly LeftOut[]): string {
  const rows = leftOut.map((l) => `| \`${l.product}\` | ${l.title.replace(/\|/g, '\\|')} | ${l.why} |`);
  return [LEFT_OUT_START, '| product | title | why it has no rule |', '| --- | --- | --- |', ...rows, LEFT_OUT_END].join('\n');
}

function writeLeftOut(readme: string, leftOut: readonly LeftOut[]): void {
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(LEFT_OUT_START);
  const end = text.indexOf(LEFT_OUT_END);
  if (start < 0 || end < 0) throw new Error(`${readme} has no ${LEFT_OUT_START} … ${LEFT_OUT_END} section`);
  writeFileSync(readme, `${text.slice(0, start)}${leftOutTable(leftOut)}${text.slice(end + LEFT_OUT_END.length)}`);
}

function isHandWritten(path: string): boolean {
  if (!existsSync(path)) return false;
  const doc = parseDocument(readFileSync(path, 'utf8'));
  return doc.get('generated') === false;
}

function main(argv: readonly string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = resolve(argv[0] ?? join(root, '..', 'shared', 'data', 'endoflife'));
  const outDir = resolve(argv[1] ?? join(root, 'rules', 'lifecycle'));
  const { files, leftOut } = generateLifecycleRules(readSnapshot(dataDir));
  let written = 0;
  for (const { file, text } of files) {
    const path = join(outDir, file);
    if (isHandWritten(path)) {
      console.warn(`skipped ${file}: marked generated: false (hand-written)`);
      continue;
    }
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written++;
  }
  writeLeftOut(join(outDir, '..', 'README.md'), leftOut);
  console.log(`lifecycle rules: ${written} file(s) written to ${outDir} from ${dataDir}; ${files.length} products with rules, ${leftOut.length} left out (rules/README.md)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
