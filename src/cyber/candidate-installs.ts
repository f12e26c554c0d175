import type { Db } from '../store/db.js';
import { listInstalledVersions, listInstallsOf, type CyberInstall, type InstalledVersion } from '../store/cyber-alerts.js';
import type { CyberAlert } from './cyber-alert-schema.js';

/**
 * Over the whole estate, only the installs of versions an alert names (its product, or a name its
 * title pattern fits): at 100,000 machines the estate holds some 30 million installs, and an alert
 * concerns a handful of products. Applicability then decides each exactly.
 */
export function candidateInstalls(db: Db, alerts: readonly CyberAlert[]): CyberInstall[] {
  const named = listInstalledVersions(db).filter(namedBy(alerts));
  return named.length === 0 ? [] : listInstallsOf(db, named.map((v) => Number(v.softwareId)));
}

/** Whether an installed version is one these alerts name: its product, or a name a title pattern fits. */
export function namedBy(alerts: readonly CyberAlert[]): (v: InstalledVersion) => boolean {
  const entries = alerts.flatMap((a) => a.affected);
  const products = new Set(entries.flatMap((e) => (e.product === undefined ? [] : [e.product])));
  const titles = entries.flatMap((e) => (e.title === undefined ? [] : [new RegExp(e.title, 'i')]));
  return (v) => (v.product !== null && products.has(v.product)) || titles.some((t) => t.test(v.name));
}
