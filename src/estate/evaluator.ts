/**
 * The lifecycle rules and the clock, bound together: what ingest and
 * re-evaluation call to judge one distinct OS or software version. The rules
 * can be replaced while the hub runs, when a lifecycle-data update is applied
 * (here or by another hub process on the same database).
 */
import type { RuleSet } from '../rules/load-lifecycle-rules.js';
import { evaluateOs } from '../lifecycle/evaluate-os.js';
import { evaluateSoftware } from '../lifecycle/evaluate-software.js';
import { osPatchOnAsset } from '../lifecycle/os-patch-on-asset.js';
import { DEFAULT_STALE_DAYS, type PatchCurrency, type SoftwareVerdict, type Verdict } from '../lifecycle/verdict.js';
import type { OsBuild } from '../store/asset-os-patch.js';
import type { OsKey } from '../store/os-versions.js';
import type { SoftwareKey } from '../store/software.js';

export interface Evaluator {
  readonly rules: RuleSet;
  /** The lifecycle-data update the rules include (store/lifecycle-data.ts), null for the shipped rules alone. */
  readonly dataUpdateId: number | null;
  /** The day verdicts are for (YYYY-MM-DD). */
  asOf(): string;
  /** Everything a verdict depends on besides the item: rules, window and day. */
  basis(): string;
  os(os: OsKey): Verdict;
  software(s: SoftwareKey): SoftwareVerdict;
  /** The OS's patch currency on one machine: the distinct OS's own, or what its Windows build says (os-patch-on-asset.ts). */
  osPatch(machine: OsBuild): PatchCurrency | null;
  /** Judges with these rules from now on. */
  useRules(rules: RuleSet, dataUpdateId: number | null): void;
}

export function createEvaluator(initial: RuleSet, now: () => Date, windowDays: number, staleDays = DEFAULT_STALE_DAYS, initialUpdateId: number | null = null): Evaluator {
  let rules = initial;
  let dataUpdateId = initialUpdateId;
  const asOf = () => now().toISOString().slice(0, 10);
  return {
    get rules() {
      return rules;
    },
    get dataUpdateId() {
      return dataUpdateId;
    },
    asOf,
    basis: () => `${rules.digest}|${windowDays}|${staleDays}|${asOf()}`,
    os: (os) => evaluateOs({ ...os, edition: os.edition || undefined }, rules, { asOf: asOf(), windowDays, staleDays }),
    software: (s) => evaluateSoftware(s, rules, { asOf: asOf(), windowDays, staleDays }),
    osPatch: (m) => osPatchOnAsset(m.osPatch, m, rules.windowsUpdates, { asOf: asOf(), windowDays, staleDays }),
    useRules: (next, updateId) => {
      rules = next;
      dataUpdateId = updateId;
    },
  };
}
