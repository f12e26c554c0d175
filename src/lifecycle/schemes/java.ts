import { MAX_VERSION_LENGTH, type VersionScheme } from './version-scheme.js';

/** "1.8.0_202" → 8 but "1.4.2_42" → 1.4: Java renumbered at 5 (JDK 1.5 = Java 5). */
function legacyFeature(minor: number): string {
  return minor >= 5 ? String(minor) : `1.${minor}`;
}

function fromVersion(version: string): string | null {
  const v = version.trim().slice(0, MAX_VERSION_LENGTH);
  const update = /^(\d{1,3}) update \d+/i.exec(v);
  if (update?.[1]) return String(Number(update[1]));
  const legacy = /^1\.(\d{1,2})(?:[._]|$)/.exec(v);
  if (legacy?.[1]) return legacyFeature(Number(legacy[1]));
  // Registry "8.0.2020.8" (8u202), "17.0.2+8", "8u202-b08", "21".
  const modern = /^(\d{1,3})(?:[.+_u-]|$)/i.exec(v);
  const feature = Number(modern?.[1]);
  return feature >= 5 ? String(feature) : null;
}

function fromName(name: string): string | null {
  const m = /\bJava(?:\(TM\))?(?: SE)?(?: Runtime Environment| Development Kit)? (\d{1,3})\b/i.exec(name.slice(0, 256));
  const feature = Number(m?.[1]);
  return feature >= 5 ? String(feature) : null;
}

/**
 * Reduces any Java version spelling to the feature release, which is the
 * lifecycle cycle: "8 Update 202", registry "8.0.2020.8", "1.8.0_202",
 * "17.0.2+8" → "8"/"17". Falls back to the display name ("Java 8 Update 202").
 */
export const java: VersionScheme = {
  id: 'java',
  description: 'Java feature release from any spelling ("1.8.0_202", "8.0.2020.8", "17.0.2+8" → 8 / 17)',
  normalise: (version, name) => fromVersion(version) ?? fromName(name),
};
