/**
 * What one alert rule finds right now: a Finding per rule × asset × subject.
 * Conditions are evaluated on precomputed statuses and distinct software
 * versions (src/store/alert-findings.ts), never item by item in code.
 */
import {
  findDevicesOfKind,
  findDevicesPastRemoval,
  findInstallsOf,
  findOsBehind,
  findOsWithStatus,
  findSilentAssets,
  findSoftwareBehind,
  findSoftwareWithStatus,
  findUnknownSoftwareSpread,
  listSoftwareVersionsForAlerts,
  listAssetsForAlerts,
  type AssetRow,
  type AssetScope,
  type DeviceFinding,
  type OsBehindFinding,
  type OsFinding,
  type SoftwareFinding,
  type SoftwareVersionRow,
} from '../store/alert-findings.js';
import type { Finding } from '../store/alerts.js';
import { DeviceKindSchema } from '../contract/report.js';
import { SUPPORT_STATUSES } from '../lifecycle/verdict.js';
import type { Db } from '../store/db.js';
import { trustToday } from '../cso/cso-actor.js';
import { versionRangeTest } from '../lifecycle/version-range.js';
import { describePatch, installedUpdate } from '../lifecycle/describe-patch.js';
import type { PatchCurrency } from '../lifecycle/verdict.js';
import { findOverdueCyberResponses } from '../cyber/overdue-cyber-responses.js';
import type { AlertRule, Condition } from './alert-rule-schema.js';

type Match = Omit<Finding, 'ruleId' | 'severity' | 'title'> & { what: string };

/**
 * What these rules find right now, over one asset or the estate. The rows
 * several rules read (the distinct versions, the assets for scopes) are read
 * once for all of them: after each ingest, that is once per report.
 */
export function findRuleMatches(db: Db, rules: readonly AlertRule[], asset: AssetScope, now: Date): Finding[] {
  let versions: SoftwareVersionRow[] | undefined;
  let assets: AssetRow[] | undefined;
  let machineOs: OsFinding[] | undefined;
  let machineDevices: DeviceFinding[] | undefined;
  let machineSoftware: SoftwareFinding[] | undefined;
  const lookups: Lookups = {
    db, asset, now,
    versions: () => (versions ??= listSoftwareVersionsForAlerts(db, asset, productsNamed(rules))),
    assets: () => (assets ??= listAssetsForAlerts(db, asset)),
    // Over one machine, its OS and its devices are read once for every rule that asks (four OS and three device rules
    // are shipped): on PostgreSQL each read is a round trip. Over the estate, each rule seeks only what it asks for.
    osWithStatus: (statuses) =>
      asset === null ? findOsWithStatus(db, statuses, null) : (machineOs ??= findOsWithStatus(db, SUPPORT_STATUSES, asset)).filter((o) => statuses.includes(o.status)),
    devicesOfKind: (kinds) =>
      asset === null ? findDevicesOfKind(db, kinds, null) : (machineDevices ??= findDevicesOfKind(db, DeviceKindSchema.options, asset)).filter((d) => kinds.includes(d.kind)),
    // The machine's items that any of the rules' software-status conditions could want, read once; each rule keeps its own.
    softwareWithStatus: (c) =>
      asset === null ? findSoftwareWithStatus(db, c, null) : (machineSoftware ??= findSoftwareWithStatus(db, everyStatusAsked(rules), asset)).filter(askedBy(c)),
  };
  return rules.flatMap((rule) => findingsOf(lookups, rule));
}

/**
 * The products the prohibited-software rules name, when every one names one:
 * only those versions need reading (a new host's report is 300 versions, and
 * the shipped rules ask about two products). Null when a rule matches by name
 * pattern alone: then every version is read.
 */
function productsNamed(rules: readonly AlertRule[]): string[] | null {
  const conditions = rules.map((r) => r.condition).filter((c): c is VersionCondition => c.kind === 'software-version');
  const products = conditions.map((c) => c.product);
  return products.every((p) => p !== undefined) ? [...new Set(products)] : null;
}

type StatusCondition = Extract<Condition, { kind: 'software-status' }>;

/**
 * What the software-status conditions ask, together: each status any asks
 * for, the OS's followers unless every one leaves them out, and the sources
 * only when every one names some.
 */
function everyStatusAsked(rules: readonly AlertRule[]): StatusCondition {
  const conditions = rules.map((r) => r.condition).filter((c): c is StatusCondition => c.kind === 'software-status');
  const sources = conditions.map((c) => c.sources);
  return {
    kind: 'software-status',
    statuses: [...new Set(conditions.flatMap((c) => c.statuses))],
    followingOs: conditions.every((c) => c.followingOs === 'exclude') ? 'exclude' : 'include',
    ...(sources.every((s) => s !== undefined) ? { sources: [...new Set(sources.flat())] } : {}),
  };
}

/** An item found for everyStatusAsked that `c` itself asks for: the tests findSoftwareWithStatus makes in SQL. */
const askedBy = (c: StatusCondition) => (s: SoftwareFinding) =>
  (c.statuses as readonly string[]).includes(s.status) && (c.followingOs !== 'exclude' || s.osLink !== 'follows') && (!c.sources || (c.sources as readonly string[]).includes(s.source));

interface Lookups {
  db: Db;
  asset: AssetScope;
  now: Date;
  versions(): SoftwareVersionRow[];
  assets(): AssetRow[];
  osWithStatus(statuses: readonly string[]): OsFinding[];
  devicesOfKind(kinds: readonly string[]): DeviceFinding[];
  softwareWithStatus(c: StatusCondition): SoftwareFinding[];
}

function findingsOf(l: Lookups, rule: AlertRule): Finding[] {
  return inScope(l, rule, matchCondition(l, rule.condition)).map((m) => ({
    ruleId: rule.id,
    assetId: m.assetId,
    ...(m.organisationId === undefined ? {} : { organisationId: m.organisationId }),
    subject: m.subject,
    severity: rule.severity,
    title: `${rule.title}: ${m.what}`,
    detail: m.detail,
    ...(m.notify === undefined ? {} : { notify: m.notify }),
  }));
}

/** Keeps the matches on assets inside the rule's scope (OS family, hostname pattern). */
function inScope(l: Lookups, rule: AlertRule, matches: Match[]): Match[] {
  const scope = rule.scope;
  if (!scope) return matches;
  const hostname = scope.hostname ? new RegExp(scope.hostname, 'i') : undefined;
  const allowed = new Set(
    l.assets()
      .filter((a) => (!scope.families || (scope.families as readonly string[]).includes(a.family)) && (!hostname || hostname.test(a.hostname)))
      .map((a) => a.id),
  );
  return matches.filter((m) => m.assetId === null || allowed.has(m.assetId));
}

/** Conditions that can change when a report arrives without any change to the inventory. */
export const dependsOnArrival = (c: Condition) => c.kind === 'asset-silent';

/** Estate-wide conditions raise alerts about the estate, not one asset, and run only over the whole estate. */
export const isEstateWide = (c: Condition) => c.kind === 'unknown-software-spread' || c.kind === 'device-past-removal' || c.kind === 'cyber-response-overdue';

function matchCondition(l: Lookups, c: Condition): Match[] {
  const { db, asset, now } = l;
  switch (c.kind) {
    case 'os-status':
      return l.osWithStatus(c.statuses).map((o) => ({ assetId: o.assetId, subject: 'os', what: `${o.name} ${o.version}`, detail: `${o.status}: ${o.reason}` }));
    case 'software-status':
      return l.softwareWithStatus(c).map((s) => ({
        assetId: s.assetId,
        subject: `software:${s.name}@${s.version}`,
        what: `${s.name} ${s.version}`,
        detail: s.osLink === 'follows' ? `${s.status}: ${s.source} package, follows ${s.osName} ${s.osVersion}` : `${s.status}: ${s.reason}`,
      }));
    case 'software-version':
      return matchSoftwareVersions(l, c);
    case 'device-present':
      return l.devicesOfKind(c.kinds).map((d) => ({
        assetId: d.assetId,
        subject: `device:${d.kind}:${d.name}`,
        what: `${d.kind} "${d.name}"`,
        detail: [d.model, d.location && `at ${d.location}`].filter(Boolean).join(' ') || `a ${d.kind} is attached`,
      }));
    case 'os-behind':
      return findOsBehind(db, behindBefore(now, c.days), c.statuses, asset).map((o) => ({
        assetId: o.assetId, subject: 'os-patch', what: `${o.name} ${o.build ?? o.version}`, detail: withInstalled(patchOf(o), trustToday(now)),
      }));
    case 'software-behind':
      return findSoftwareBehind(db, behindBefore(now, c.days), c, asset).map((s) => ({
        assetId: s.assetId, subject: `software:${s.name}@${s.version}`, what: `${s.name} ${s.version}`, detail: `${s.status}; ${describePatch(patchOf(s), trustToday(now))}`,
      }));
    case 'asset-silent': {
      const before = new Date(now.getTime() - c.days * 86_400_000).toISOString();
      return findSilentAssets(db, before, asset).map((s) => ({ assetId: s.assetId, subject: 'silent', what: `no report since ${s.lastReceivedAt.slice(0, 10)}`, detail: `last report received ${s.lastReceivedAt}` }));
    }
    case 'device-past-removal':
      if (asset !== null) return [];
      return findDevicesPastRemoval(db, c.kinds, trustToday(now)).map((d) => ({
        assetId: null,
        organisationId: d.organisationId,
        subject: `registered-device:${d.id}`,
        what: `${d.kind} "${d.name}"${d.site ? ` at ${d.site}` : ''}`,
        detail: `planned removal ${d.plannedRemovalOn}${d.location ? `, ${d.location}` : ''}${d.replacement ? `; replacement: ${d.replacement}` : ''}`,
      }));
    case 'unknown-software-spread':
      if (asset !== null) return [];
      return findUnknownSoftwareSpread(db, c.minAssets).map((u) => ({ assetId: null, organisationId: u.organisationId, subject: `software:${u.name}`, what: `"${u.name}" on ${u.assets} assets`, detail: `no lifecycle rule judges "${u.name}" (versions ${u.versions}); it is on ${u.assets} assets` }));
    case 'cyber-response-overdue':
      if (asset !== null) return [];
      // The security lead answers for the trust: they hear of it as well as seeing it listed.
      return findOverdueCyberResponses(db, now).map((o) => ({ assetId: null, organisationId: o.organisationId, subject: o.subject, what: o.what, detail: o.detail, notify: { role: 'security-lead', link: o.link } }));
  }
}

/** "Behind by more than `days` days": behind since a day before the trust's day `days` days ago. */
const behindBefore = (now: Date, days: number) => trustToday(new Date(now.getTime() - days * 86_400_000));

/** The patch line, and for Windows the cumulative update installed. */
function withInstalled(p: PatchCurrency, today: string): string {
  const installed = installedUpdate(p);
  return `${describePatch(p, today)}${installed ? `; last cumulative update installed: ${installed}` : ''}`;
}

const patchOf = (f: Pick<OsBehindFinding, 'newest' | 'newestDate' | 'since'> & Partial<Pick<OsBehindFinding, 'installed' | 'installedDate'>>): PatchCurrency => ({
  state: 'behind', newest: f.newest, newestDate: f.newestDate, since: f.since,
  ...(f.installed ? { installed: { label: f.installed, date: f.installedDate ?? null } } : {}),
});

type VersionCondition = Extract<Condition, { kind: 'software-version' }>;

/**
 * Prohibited software: matched once per distinct version, then looked up where
 * installed. Over one asset, the versions listed are its installs already.
 */
function matchSoftwareVersions(l: Lookups, c: VersionCondition): Match[] {
  const name = c.name ? new RegExp(c.name, 'i') : undefined;
  const fits = versionFits(c);
  const hits = new Map(
    l.versions()
      .filter((s) => (!c.product || s.product === c.product) && (!name || name.test(s.name)) && (!c.sources || (c.sources as readonly string[]).includes(s.source)) && fits(s.version, s.cycle))
      .map((s) => [s.id, s]),
  );
  const installs = l.asset === null ? findInstallsOf(l.db, [...hits.keys()]) : [...hits.keys()].map((softwareId) => ({ assetId: l.asset, softwareId }));
  return installs.map((i) => {
    const s = hits.get(i.softwareId)!;
    const why = c.cycles ? `cycle ${s.cycle}` : c.range ? `version in ${c.range}` : 'prohibited';
    return { assetId: i.assetId, subject: `software:${s.name}@${s.version}`, what: `${s.name} ${s.version}`, detail: `${s.name} ${s.version} (${s.source}): ${why}` };
  });
}

/** The condition's test of a version and its cycle: in its cycles, or in its range. */
function versionFits(c: VersionCondition): (version: string, cycle: string | null) => boolean {
  const { cycles, range } = c;
  if (cycles) return (_, cycle) => cycle !== null && cycles.includes(cycle);
  return range ? versionRangeTest(range) : () => true;
}
