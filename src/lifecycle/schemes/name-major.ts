import { splitDotted } from './dotted.js';
import type { VersionScheme } from './version-scheme.js';

/**
 * Products whose display name states the major release while the version field
 * holds something else: Windows XP lists Internet Explorer 8 as "Windows
 * Internet Explorer 8" with version "20090308.140743", a build date. The number
 * after the product's own words decides; without one, the reported version does.
 */
export const nameMajor: VersionScheme = {
  id: 'name-major',
  description: 'the major release named at the end of the display name ("Windows Internet Explorer 8" → 8), else the dotted version',
  normalise(version, name) {
    const named = /\b(\d{1,3})(?:\s*\((?:x64|x86|64-bit|32-bit)\))?\s*$/.exec(name.slice(0, 256))?.[1];
    return named ?? splitDotted(version);
  },
};
