import type { VersionScheme } from './version-scheme.js';

/**
 * Lowest registry build of each .NET Framework release within its major.minor,
 * highest first. Source: Microsoft Learn, "Determine which .NET Framework
 * versions are installed" (the registry Version values).
 */
const FLOORS: Readonly<Record<string, readonly (readonly [number, string])[]>> = {
  '4.5': [[51209, '4.5.2'], [50938, '4.5.1'], [50709, '4.5']],
  '4.6': [[1590, '4.6.2'], [1055, '4.6.1'], [81, '4.6']],
  '4.7': [[3062, '4.7.2'], [2558, '4.7.1'], [2053, '4.7']],
  '4.8': [[9032, '4.8.1'], [3761, '4.8']],
};

function fromBuild(family: string, build: number): string | null {
  const floors = FLOORS[family];
  if (!floors) return family;
  return floors.find(([floor]) => build >= floor)?.[1] ?? null;
}

/**
 * The registry reports 4.5.2 as "4.5.51209": a five-digit third component is
 * a build, mapped to the release; a short one ("4.5.2") is already the release.
 */
export const dotnetfx: VersionScheme = {
  id: 'dotnetfx',
  description: '.NET Framework registry build to release ("4.5.51209" → 4.5.2, "4.8.09032" → 4.8.1)',
  normalise(version) {
    const m = /^\s*(\d{1,2})\.(\d{1,2})(?:\.(\d{1,6}))?/.exec(version);
    if (!m?.[1] || !m[2]) return null;
    const family = `${Number(m[1])}.${Number(m[2])}`;
    const third = m[3];
    if (third === undefined) return family;
    if (third.length <= 2) return `${family}.${Number(third)}`;
    return fromBuild(family, Number(third));
  },
};
