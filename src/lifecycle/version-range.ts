/**
 * Semver ranges over the versions software reports, which are rarely semver:
 * a version is read loosely as its first one to three numbers (registry
 * "8.0.2020.8" is 8.0.2020, "1.1.1-1ubuntu2.1~18.04.23" is 1.1.1), the same
 * reading an alert rule's `range` takes, so a range means one thing in a rule
 * and in a search. A version with no number in it matches no range.
 */
import semver from 'semver';

/** True when `range` is a semver range ("<9", ">=8 <9", "1.x || >=3"), read loosely. */
export function isVersionRange(range: string): boolean {
  return semver.validRange(range, { loose: true }) !== null;
}

/**
 * A test of versions against `range` (a valid one: isVersionRange). Estates
 * repeat versions across programs (49,000 versions, 7,700 spellings at 20,000
 * assets), so each spelling is read and tested once.
 */
export function versionRangeTest(range: string): (version: string) => boolean {
  const parsed = new semver.Range(range, { loose: true });
  const seen = new Map<string, boolean>();
  return (version) => {
    let fits = seen.get(version);
    if (fits === undefined) {
      // A dpkg or rpm version may lead with an epoch ("1:3.0.7-27.el9"), which orders packagings, not releases: read as is, every such version would be 1.0.0.
      const v = semver.coerce(version.replace(/^\d+:/, ''), { loose: true });
      fits = v !== null && parsed.test(v);
      seen.set(version, fits);
    }
    return fits;
  };
}
