/** Pieces every importer needs to build a contract-shaped report. */
import { REPORT_SCHEMA_V1, type Os, type Report } from '../contract/report.js';

export const IMPORTER_VERSION = '0.1.0';

/**
 * The OS of a machine whose export does not say: `other` matches no lifecycle
 * rule, so the OS shows as unknown (never as supported). import-file.ts keeps
 * the OS the hub already holds for a known asset instead of this placeholder.
 */
export const UNKNOWN_OS: Os = { family: 'other', name: 'Unknown (imported)', version: 'unknown' };

export function isUnknownOs(os: Os): boolean {
  return os.family === UNKNOWN_OS.family && os.name === UNKNOWN_OS.name && os.version === UNKNOWN_OS.version;
}

/** Trims and cuts text to the contract's cap (as the agents do), or undefined when empty. */
export function clip(value: unknown, max = 256): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  if (!trimmed) return undefined;
  return trimmed.length > max ? trimmed.slice(0, max) : trimmed;
}

/** Drops undefined fields: the contract's objects are strict and the inventory hash ignores absent fields anyway. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function importedReport(format: string, parts: Pick<Report, 'host' | 'os' | 'collectedAt' | 'software'> & Partial<Pick<Report, 'devices'>>): Report {
  return {
    schema: REPORT_SCHEMA_V1,
    host: defined(parts.host),
    os: defined(parts.os),
    collectedAt: parts.collectedAt,
    agent: { version: `import-${format}/${IMPORTER_VERSION}` },
    software: parts.software.map(defined),
    devices: parts.devices ?? [],
  };
}

/** "20190204", "2019-02-04", "2019-02-04T10:00:00Z" → "2019-02-04"; anything else is left out. */
export function installDate(value: unknown): string | undefined {
  const text = clip(value, 64);
  const m = text && (/^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(text));
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date ? undefined : date;
}

/** Splits "ward7-pc014.anytown.nhs.uk" into the short name and the FQDN the hub keys assets by. */
export function hostNames(name: string): { hostname: string; fqdn?: string } {
  const trimmed = name.trim();
  if (!trimmed.includes('.') || /^\d+(\.\d+){3}$/.test(trimmed)) return { hostname: trimmed.slice(0, 253) };
  return { hostname: (trimmed.split('.')[0] ?? trimmed).slice(0, 253), fqdn: trimmed.slice(0, 253) };
}

/** Software identity as the hub keys it: the same item listed twice is one install. */
export function dedupeSoftware<T extends { name: string; version: string; vendor?: string; source: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const key = `${s.name}\t${s.version}\t${s.vendor ?? ''}\t${s.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
