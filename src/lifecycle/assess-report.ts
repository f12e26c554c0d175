import type { Report } from '../contract/report.js';
import { evaluateOs } from './evaluate-os.js';
import { evaluateSoftware } from './evaluate-software.js';
import { verdictOnAsset } from './verdict-on-asset.js';
import type { RuleSet } from './rule-set.js';
import { osPatchOnAsset } from './os-patch-on-asset.js';
import type { EvaluateOptions, PatchCurrency, SupportStatus, UnknownReason, Verdict } from './verdict.js';

export interface AssessedItem {
  kind: 'os' | 'software';
  name: string;
  version: string;
  product: string | null;
  cycle: string | null;
  status: SupportStatus;
  /** Judged through another: the OS (distribution packages, parts of the OS) or a product's release (components). */
  follows: 'os' | 'parent' | null;
  /** Why it is unknown; null for every other status. */
  unknownReason: UnknownReason | null;
  eol: string | null;
  reason: string;
  /** Patch currency beside the status (judge-patch.ts); null when it cannot be told. The OS's reads a Windows build against the rules' update list. */
  patch: PatchCurrency | null;
}

const toItem = (kind: AssessedItem['kind'], name: string, version: string, v: Verdict, follows: AssessedItem['follows'] = null): AssessedItem => ({
  kind,
  name,
  version,
  product: v.product,
  cycle: v.cycle,
  status: v.status,
  follows,
  unknownReason: v.unknownReason,
  eol: v.eol,
  reason: v.reason,
  patch: v.patch ?? null,
});

/** Every item of one report, OS first then software in report order; each already combined with the OS's verdict. */
export function assessReport(report: Report, rules: RuleSet, opts: EvaluateOptions): AssessedItem[] {
  const os = evaluateOs(report.os, rules, opts);
  const osLabel = `${report.os.name} ${report.os.version}`;
  const software = report.software.map((s) => {
    const own = evaluateSoftware(s, rules, opts);
    const follows = own.osLink === 'follows' ? 'os' : own.partOf ? 'parent' : null;
    return toItem('software', s.name, s.version, verdictOnAsset(own, os, osLabel, s.source), follows);
  });
  const osPatch = osPatchOnAsset(os.patch ?? null, report.os, rules.windowsUpdates, opts);
  return [toItem('os', report.os.name, report.os.version, { ...os, patch: osPatch }), ...software];
}
