/**
 * A version scheme turns what an inventory reports into the dotted form a rule
 * file's cycle `versions` are written in. It must never throw: garbage in gives null.
 */
export interface VersionScheme {
  id: string;
  /** One line for rules/README.md and error messages. */
  description: string;
  /** Normalised dotted version (lower case, components joined by "."), or null when unreadable. */
  normalise(version: string, name: string): string | null;
  /**
   * The normalised form keeps every component an update moves, so it can be set against a
   * cycle's newest version (judge-patch.ts). Absent: the scheme reduces a version to its
   * release (a Windows build without its update revision, a Java feature release), and
   * patch currency cannot be told from it.
   */
  readsWholeVersion?: true;
}

/** Inventories can hold anything; cap the work a single string can cause. */
export const MAX_VERSION_LENGTH = 128;

/** Drops leading zeros so "04" and "4" compare alike; keeps a lone "0". */
export function trimZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}
