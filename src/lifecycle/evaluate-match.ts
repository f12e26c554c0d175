/** From a matched product to a verdict: normalise the version, pick the cycle, read its dates. */
import type { ProductMatch } from './match-product.js';
import type { CompiledCycle, CompiledRule } from './rule-set.js';
import { selectCycle } from './select-cycle.js';
import { statusFromDates } from './status-from-dates.js';
import { judgeEvergreen } from './judge-evergreen.js';
import { judgePatch } from './judge-patch.js';
import type { EvaluateOptions, UnknownReason, Verdict, VerdictData } from './verdict.js';
import { toComponents } from './version-components.js';

export interface MatchedItem {
  /** Version strings to try in order (an OS may offer version, then build). */
  versions: readonly string[];
  name: string;
  /** What a cycle's `edition` pattern is tested against: "<edition> <name>". */
  editionSubject: string;
}

export function unknownVerdict(reason: string, unknownReason: UnknownReason, product: string | null = null): Verdict {
  return { status: 'unknown', unknownReason, product, cycle: null, eol: null, extendedSupportEnd: null, reason };
}

function cycleName(c: CompiledCycle): string {
  return c.label && c.label !== c.cycle ? `${c.cycle} (${c.label})` : c.cycle;
}

function readVersion(match: ProductMatch, item: MatchedItem): { raw: string; normalised: string } | null {
  for (const raw of item.versions) {
    const normalised = match.rule.scheme.normalise(raw, item.name);
    if (normalised !== null && normalised !== '') return { raw, normalised };
  }
  return null;
}

/** The rule's source as a verdict names it. */
export function dataOf(rule: CompiledRule): VerdictData {
  return { source: rule.source.name, date: rule.source.retrieved };
}

export function evaluateMatch(match: ProductMatch, item: MatchedItem, opts: EvaluateOptions): Verdict {
  const verdict = judgeMatch(match, item, opts);
  return { ...verdict, data: dataOf(match.rule) };
}

function judgeMatch(match: ProductMatch, item: MatchedItem, opts: EvaluateOptions): Verdict {
  const { rule } = match;
  const version = readVersion(match, item);
  if (!version) {
    const shown = item.versions.map((v) => `"${v}"`).join(' / ') || 'none';
    return unknownVerdict(`${match.description}; version ${shown} cannot be read by scheme ${rule.scheme.id}, so no cycle is chosen`, 'version-unclear', rule.product);
  }
  const read = version.raw === version.normalised ? `version ${version.raw}` : `version ${version.raw} (read as ${version.normalised})`;
  const components = toComponents(version.normalised);
  const fit = selectCycle(rule, components, item.editionSubject);
  if (fit.kind === 'older') return olderThanAll(match, read, fit.oldest, opts);
  if (fit.kind === 'newer') {
    return unknownVerdict(`${match.description}; ${read} is newer than every cycle in ${rule.file} (the data predates it)`, 'data-stale', rule.product);
  }
  if (fit.kind === 'none') {
    return unknownVerdict(`${match.description}; ${read} fits no cycle in ${rule.file}: it lies between the cycles the rule lists`, 'version-unclear', rule.product);
  }
  const c = fit.cycle;
  const dated = statusFromDates(c, rule.labels, opts.asOf, opts.windowDays);
  const edition = c.edition ? ` + "${item.editionSubject}" fits /${c.edition.pattern}/` : '';
  const note = c.note ? `; ${c.note}` : '';
  const head = `${match.description}; ${read}${edition} → cycle ${cycleName(c)}`;
  const base: Verdict = {
    status: dated.status,
    unknownReason: dated.status === 'unknown' ? 'lifecycle-not-in-data' : null,
    product: rule.product,
    cycle: c.cycle,
    eol: dated.eol,
    extendedSupportEnd: dated.extendedSupportEnd,
    reason: `${head}; ${dated.explanation}${note}`,
    patch: judgePatch(rule, c, { version: components, editionSubject: item.editionSubject }),
  };
  return rule.evergreen && c.latest ? judgeEvergreen(base, { head, note, dated, latest: c.latest, dataAsOf: rule.evergreen.asOf, version: components }, opts) : base;
}

/** DOMAIN.md: a version older than every listed cycle, when the oldest has ended, is itself unsupported. */
function olderThanAll(match: ProductMatch, read: string, oldest: CompiledCycle, opts: EvaluateOptions): Verdict {
  const { rule } = match;
  const ended = statusFromDates({ eol: oldest.eol, extendedSupport: null }, rule.labels, opts.asOf, opts.windowDays);
  const head = `${match.description}; ${read} is older than the oldest listed cycle ${cycleName(oldest)}`;
  if (ended.status !== 'unsupported') {
    return unknownVerdict(`${head}, which has not ended, so this older version cannot be judged`, 'version-unclear', rule.product);
  }
  const when = ended.eol ? `ended ${ended.eol}` : 'has ended';
  return { status: 'unsupported', unknownReason: null, product: rule.product, cycle: null, eol: ended.eol, extendedSupportEnd: null, reason: `${head}, which ${when}` };
}
