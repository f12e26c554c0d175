import { MAX_VERSION_LENGTH, trimZeros, type VersionScheme } from './version-scheme.js';

/**
 * Splits on non-alphanumerics and on digit/letter boundaries, after dropping a
 * Debian/RPM epoch ("1:") and package revision ("-0ubuntu1.18", "-27.el9"):
 * the revision is the distribution's, not upstream's. "1.1.1w" → "1.1.1.w".
 */
export function splitDotted(raw: string): string | null {
  let v = raw.trim().toLowerCase().slice(0, MAX_VERSION_LENGTH);
  v = v.replace(/^v(?=\d)/, '').replace(/^\d+:/, '').replace(/-.*$/, '');
  if (!/^\d/.test(v)) return null;
  const tokens = v.match(/\d+|[a-z]+/g) ?? [];
  return tokens.map((t) => (/^\d/.test(t) ? trimZeros(t) : t)).join('.');
}

export const dotted: VersionScheme = {
  id: 'dotted',
  description: 'upstream dotted version; epoch and distribution revision dropped, letters split off ("1.1.1w" → 1.1.1.w)',
  normalise: (version) => splitDotted(version),
  readsWholeVersion: true,
};
