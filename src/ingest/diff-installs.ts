import semver from 'semver';
import type { InstallHistoryEntry } from '../store/installs.js';

export interface InstallRef {
  softwareId: number;
  name: string;
  version: string;
  source: string;
}

export interface InstallDiff {
  added: InstallRef[];
  removed: InstallRef[];
  history: InstallHistoryEntry[];
}

/**
 * What changed between the installs an asset had and those its new report lists.
 * A removal and an addition of the same name and source is one upgrade (or downgrade),
 * as a person reading the history would say it.
 */
export function diffInstalls(before: InstallRef[], after: InstallRef[]): InstallDiff {
  const beforeIds = new Set(before.map((i) => i.softwareId));
  const afterIds = new Set(after.map((i) => i.softwareId));
  const added = after.filter((i) => !beforeIds.has(i.softwareId));
  const removed = before.filter((i) => !afterIds.has(i.softwareId));
  return { added, removed, history: pairChanges(added, removed) };
}

const pairKey = (i: InstallRef) => `${i.name}\u0000${i.source}`;

function pairChanges(added: InstallRef[], removed: InstallRef[]): InstallHistoryEntry[] {
  const removedByName = new Map<string, InstallRef[]>();
  for (const r of removed) removedByName.set(pairKey(r), [...(removedByName.get(pairKey(r)) ?? []), r]);
  const history: InstallHistoryEntry[] = [];
  for (const a of added) {
    const old = removedByName.get(pairKey(a))?.shift();
    if (old) history.push({ change: direction(old.version, a.version), name: a.name, source: a.source, fromVersion: old.version, toVersion: a.version });
    else history.push({ change: 'installed', name: a.name, source: a.source, fromVersion: null, toVersion: a.version });
  }
  for (const rest of removedByName.values()) {
    for (const r of rest) history.push({ change: 'removed', name: r.name, source: r.source, fromVersion: r.version, toVersion: null });
  }
  return history;
}

function direction(from: string, to: string): 'upgraded' | 'downgraded' {
  const a = semver.coerce(from, { loose: true });
  const b = semver.coerce(to, { loose: true });
  return a && b && semver.lt(b, a) ? 'downgraded' : 'upgraded';
}
