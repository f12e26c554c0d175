/**
 * Turns endoflife.date data into rules/lifecycle/<product>.yaml files. What
 * cannot come from the data — how real inventories name each product, which
 * version scheme reads them, how Windows builds and editions map to cycles — is
 * in recipes.ts; every other product gets a default recipe or is left out with
 * a reason (default-recipe.ts, scope.ts). Used by `npm run rules:generate` for
 * the shipped rules and by `estatewatch data update` for a hub's own copy.
 */
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { compareVersions, toComponents } from '../lifecycle/version-components.js';
import { defaultRecipe, purlEntries } from './default-recipe.js';
import { RECIPES } from './recipes.js';
import { inclusionOf } from './scope.js';
import type { EolProduct, EolRelease, Recipe } from './types.js';

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

export interface Generation {
  files: GeneratedFile[];
  leftOut: LeftOut[];
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

/** The day the data was taken: what an evergreen rule's `latest` versions are true of. */
export const snapshotDay = (data: EolProduct): string => data.sourceCommitDate.slice(0, 10);

/** An evergreen cycle still serviced on the snapshot day carries its newest version. */
function latestOf(recipe: Recipe, r: EolRelease, day: string): { latest?: string } {
  if (!recipe.evergreen || !r.latest || !DOTTED.test(r.latest)) return {};
  const open = r.eol === false || (typeof r.eol === 'string' && r.eol >= day);
  return open ? { latest: r.latest } : {};
}

/**
 * Every cycle whose data names a dotted newest version carries it and its day, whatever the
 * product: what patch currency (lifecycle/judge-patch.ts) measures an installed version against.
 * A separate field from `latest`, which an evergreen rule reads as a support condition.
 */
function newestOf(r: EolRelease): { newest?: string; newestDate?: string | null } {
  if (!r.latest || !DOTTED.test(r.latest)) return {};
  return { newest: r.latest, newestDate: r.latestReleaseDate ?? null };
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
      ...newestOf(r),
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
    source: { name: 'endoflife.date', url: data.permalink, ...(data.sourceCommit ? { commit: data.sourceCommit } : {}), license: 'MIT', retrieved: snapshotDay(data) },
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

/** Where the data came from, as the file's first comment says it. */
function provenance(data: EolProduct): string {
  return data.sourceCommit ? `endoflife-date/endoflife.date commit ${data.sourceCommit}` : `endoflife.date API export of ${data.sourceCommitDate}`;
}

function render(rule: Record<string, unknown>, data: EolProduct): string {
  const doc = new Document(rule);
  doc.commentBefore = [
    ' generated by estatewatch (src/lifecycle-data/generate-rules.ts) from endoflife.date',
    ` (${data.permalink}, ${provenance(data)}, MIT, (c) endoflife.date contributors);`,
    ' do not edit by hand: edit the generator and run `npm run rules:generate`, or `estatewatch data update` on a hub.',
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

/** The recipe for a product: hand-made, else from the data alone; or why it is left out. */
function recipeFor(product: EolProduct, curated: ReadonlyMap<string, Recipe>): Recipe | { why: string } {
  const recipe = curated.get(product.product);
  if (recipe) return recipe;
  const inclusion = inclusionOf(product);
  return inclusion.included ? defaultRecipe(product) : { why: inclusion.why };
}

/**
 * Pure: same data in, same files out (sorted by file name), every product either written or
 * left out with a reason. `requireEveryRecipe` (the shipped rules) refuses data that lacks a
 * product a recipe is written for; a hub's update keeps the shipped rule for such a product.
 */
export function generateLifecycleRules(data: ReadonlyMap<string, EolProduct>, opts: { requireEveryRecipe?: boolean } = {}): Generation {
  const curated = new Map(RECIPES.map((r) => [r.slug, r]));
  if (opts.requireEveryRecipe !== false) {
    for (const slug of curated.keys()) if (!data.has(slug)) throw new Error(`no endoflife.date data for "${slug}"`);
  }
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
