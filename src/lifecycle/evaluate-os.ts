import type { Os } from '../contract/report.js';
import { evaluateMatch, unknownVerdict } from './evaluate-match.js';
import { matchProduct } from './match-product.js';
import type { RuleSet } from './rule-set.js';
import type { EvaluateOptions, Verdict } from './verdict.js';

/**
 * The OS verdict. The product name decides the lifecycle (Windows 10 and
 * Server 2019 share build 10.0.17763); `version` is read first, `build` only
 * when the version cannot be read.
 */
export function evaluateOs(os: Os, rules: RuleSet, opts: EvaluateOptions): Verdict {
  const match = matchProduct(rules.rules, 'os', { name: os.name, family: os.family, edition: os.edition });
  if (!match) return unknownVerdict(`no lifecycle rule matches OS name "${os.name}"`, 'unrecognised');
  const versions = os.build ? [os.version, os.build] : [os.version];
  const editionSubject = `${os.edition ?? ''} ${os.name}`.trim();
  return evaluateMatch(match, { versions, name: os.name, editionSubject }, opts);
}
