import { trimZeros, type VersionScheme } from './version-scheme.js';

/**
 * Windows reports major.minor.build[.UBR]; the update revision (UBR) does not
 * change the lifecycle, so it is dropped: "10.0.19045.4529" → "10.0.19045".
 * Pre-10 releases are told apart by major.minor alone (6.1 = 7 / 2008 R2), so
 * their rules list two components and still match "6.1.7601" as a prefix.
 */
export const windowsBuild: VersionScheme = {
  id: 'windows-build',
  description: 'Windows major.minor.build, update revision dropped ("10.0.19045.4529" → 10.0.19045)',
  normalise(version) {
    const m = /^\s*(\d{1,5})\.(\d{1,5})(?:\.(\d{1,6}))?/.exec(version);
    if (!m) return null;
    return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(trimZeros).join('.');
  },
};
