/**
 * `estatewatch data update <kev.json>`: a newer KEV catalogue carried onto a
 * hub that cannot reach CISA. Planning compares it with the catalogue in
 * force (CVEs added and removed; which cyber alerts and alert rules gain or
 * lose the known-exploited mark); nothing is stored. Applying stores it and
 * audits it in one transaction. Other hub processes on the database pick it
 * up (syncKevInForce). Marks are worked out when lists are read, so nothing
 * else is re-judged.
 */
import type { HubDeps } from '../hub/deps.js';
import { appendAudit } from '../store/audit-log.js';
import { insertKevCatalogue, latestKevHead, listCyberAlertCves } from '../store/kev-catalogues.js';
import { inTransaction } from '../store/statements.js';
import { compareKevVersions } from './compare-kev-versions.js';
import { kevInForce, newerKev } from './kev-in-force.js';
import { knownExploited, type NamesCves } from './known-exploited.js';
import type { KevCatalogue } from './read-kev.js';
import type { KevFile } from './recognise-kev-file.js';

/** Refused: an older catalogue would take known-exploited marks away that CISA has since added. */
export class OlderKevError extends Error {
  readonly code = 'kev-older';
  constructor(version: string, inForce: string) {
    super(`this KEV catalogue is version ${version}, older than the catalogue in force (${inForce}); nothing changed. Give --allow-older to store it anyway.`);
    this.name = 'OlderKevError';
  }
}

/** Names (cyber alert references, alert rule ids) whose known-exploited mark the new catalogue adds or takes away. */
export interface MarkChanges {
  gain: string[];
  lose: string[];
}

export interface KevPlan {
  origin: string;
  file: KevFile;
  /** The catalogue marks come from now: the setting's file or a stored one; null when none is configured. */
  inForce: KevCatalogue | null;
  added: string[];
  removed: string[];
  cyberAlerts: MarkChanges;
  alertRules: MarkChanges;
}

/** Something that may carry the mark, by name: a cyber alert's reference, an alert rule's id. */
export type NamedCves = NamesCves & { name: string };

/** Plans against this hub's stored cyber alerts and its alert rules. */
export function planKevUpdate(deps: HubDeps, file: KevFile, origin: string, inForce: KevCatalogue | null, opts: { allowOlder?: boolean } = {}): KevPlan {
  const cyberAlerts = listCyberAlertCves(deps.db).map((a) => ({ name: a.reference, cves: a.cves }));
  const alertRules = deps.alertRules.map((r) => ({ name: r.id, cves: r.cves }));
  return planKev(file, origin, inForce, { cyberAlerts, alertRules }, opts);
}

/** The plan itself, from what may carry the mark; throws OlderKevError for an older version unless allowed. */
export function planKev(file: KevFile, origin: string, inForce: KevCatalogue | null, named: { cyberAlerts: readonly NamedCves[]; alertRules: readonly NamedCves[] }, opts: { allowOlder?: boolean } = {}): KevPlan {
  const next = file.catalogue;
  if (!opts.allowOlder && inForce && compareKevVersions(next.version, inForce.version) < 0) throw new OlderKevError(next.version, inForce.version);
  const before = inForce?.byCve ?? new Map();
  return {
    origin, file, inForce,
    added: [...next.byCve.keys()].filter((cve) => !before.has(cve)),
    removed: [...before.keys()].filter((cve) => !next.byCve.has(cve)),
    cyberAlerts: markChanges(named.cyberAlerts, inForce, next),
    alertRules: markChanges(named.alertRules, inForce, next),
  };
}

function markChanges(items: readonly NamedCves[], before: KevCatalogue | null, after: KevCatalogue): MarkChanges {
  const marked = (item: NamesCves, kev: KevCatalogue | null) => kev !== null && knownExploited(item, kev) !== null;
  return {
    gain: items.filter((i) => !marked(i, before) && marked(i, after)).map((i) => i.name),
    lose: items.filter((i) => marked(i, before) && !marked(i, after)).map((i) => i.name),
  };
}

export interface AppliedKev {
  updateId: number;
  /** The catalogue in force afterwards: the stored one, unless the setting's file is newer. */
  inForce: KevCatalogue;
}

export function applyKevUpdate(deps: HubDeps, plan: KevPlan, actor: string): AppliedKev {
  const at = deps.now().toISOString();
  const next = plan.file.catalogue;
  const updateId = inTransaction(deps.db, () => {
    const id = insertKevCatalogue(deps.db, {
      version: next.version, released: next.released, entries: next.byCve.size, catalogue: plan.file.text, origin: plan.origin, appliedAt: at, appliedBy: actor,
    });
    appendAudit(deps.db, {
      at, actor, action: 'update', entity: 'kev-catalogue', entityId: String(id),
      before: plan.inForce && { version: plan.inForce.version, released: plan.inForce.released, updateId: plan.inForce.updateId },
      after: {
        version: next.version, released: next.released, origin: plan.origin, entries: next.byCve.size, added: plan.added.length, removed: plan.removed.length,
        cyberAlerts: plan.cyberAlerts, alertRules: plan.alertRules,
      },
    });
    return id;
  });
  const fromFile = plan.inForce?.updateId === null ? plan.inForce : null;
  const inForce = newerKev(fromFile, { ...next, updateId }) as KevCatalogue;
  deps.kev = inForce;
  return { updateId, inForce };
}

/**
 * Another process (the CLI, another hub on the same PostgreSQL) may have
 * stored a catalogue since this hub chose its own: one small query a minute
 * tells, and the catalogue is read again only when it changed and may win.
 * Returns whether the catalogue in force changed.
 */
export function syncKevInForce(deps: HubDeps): boolean {
  const head = latestKevHead(deps.db);
  const kev = deps.kev ?? null;
  if (!head || head.id === kev?.updateId) return false;
  // The setting's file stays in force over a stored catalogue no newer than it.
  if (kev && kev.updateId === null && compareKevVersions(head.version, kev.version) <= 0) return false;
  const next = kevInForce(deps.db, deps.config.kevFile);
  const changed = next?.version !== kev?.version || next?.updateId !== kev?.updateId;
  deps.kev = next;
  return changed;
}

/** Where a catalogue came from, for people: the setting's file or a stored update. */
export function kevSource(kev: KevCatalogue): string {
  return kev.updateId === null ? `ESTATEWATCH_KEV_FILE (${kev.file})` : `stored update ${kev.updateId} (from ${kev.file})`;
}
