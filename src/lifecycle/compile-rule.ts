/** Turns one validated rule file into the form the engine runs on (regexes built, scheme resolved). */
import type { Cycle, LifecycleRuleFile, MatchEntry } from '../rules/lifecycle-schema.js';
import type { CompiledCycle, CompiledMatcher, CompiledRule, FieldTest, MatchField } from './rule-set.js';
import { dotted, getScheme } from './schemes/index.js';
import { toComponents } from './version-components.js';

const FIELDS: readonly MatchField[] = ['name', 'vendor', 'family', 'edition', 'purl', 'version'];

/** Case-insensitive: inventories disagree on case ("Nginx", "NGINX"); anchoring is the author's job. */
const compileRegex = (pattern: string): RegExp => new RegExp(pattern, 'i');

export function compileMatcher(entry: Partial<Record<MatchField, string>> & Pick<MatchEntry, 'sources' | 'upstream'>, index: number): CompiledMatcher {
  const tests: FieldTest[] = [];
  for (const field of FIELDS) {
    const pattern = entry[field];
    if (pattern !== undefined) tests.push({ field, pattern, regex: compileRegex(pattern) });
  }
  return { index, tests, sources: entry.sources ? new Set(entry.sources) : null, upstream: entry.upstream ?? false };
}

function compileCycle(c: Cycle): CompiledCycle {
  return {
    cycle: c.cycle,
    label: c.label ?? null,
    versions: c.versions?.map(toComponents) ?? null,
    minVersion: c.minVersion === undefined ? null : toComponents(c.minVersion),
    edition: c.edition === undefined ? null : { pattern: c.edition, regex: compileRegex(c.edition) },
    releaseDate: c.releaseDate ?? null,
    support: c.support ?? null,
    eol: c.eol,
    extendedSupport: c.extendedSupport ?? null,
    latest: c.latest ?? null,
    newest: c.newest ?? null,
    newestDate: c.newestDate ?? null,
    note: c.note ?? null,
  };
}

export function compileRule(rule: LifecycleRuleFile, file: string): CompiledRule {
  return {
    file,
    product: rule.product,
    title: rule.title,
    kind: rule.kind,
    generated: rule.generated,
    osComponent: rule.osComponent ?? false,
    evergreen: rule.evergreen ?? null,
    source: {
      name: rule.source.name,
      url: rule.source.url,
      commit: rule.source.commit ?? null,
      license: rule.source.license ?? null,
      retrieved: rule.source.retrieved ?? null,
    },
    labels: {
      support: rule.labels?.support ?? null,
      eol: rule.labels?.eol ?? 'Security support',
      extendedSupport: rule.labels?.extendedSupport ?? null,
    },
    scheme: getScheme(rule.version?.scheme ?? 'dotted') ?? dotted,
    matchers: rule.match.map(compileMatcher),
    cycles: rule.cycles.map(compileCycle),
  };
}
