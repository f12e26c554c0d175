/**
 * Component-wise version arithmetic on scheme-normalised versions
 * ("10.0.19045" → ["10","0","19045"]). Numbers compare as numbers of any
 * length (no overflow), letters as text, and a number sorts before a letter.
 */
export type Components = readonly string[];

export function toComponents(normalised: string): string[] {
  return normalised.toLowerCase().split('.').filter((c) => c !== '');
}

const isNumber = (c: string): boolean => /^\d+$/.test(c);

function compareComponent(a: string, b: string): number {
  if (isNumber(a) && isNumber(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
  }
  if (isNumber(a) !== isNumber(b)) return isNumber(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Full comparison; a missing component sorts first ("3.12" < "3.12.1"). */
export function compareVersions(a: Components, b: Components): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const d = compareComponent(x, y);
    if (d !== 0) return d;
  }
  return 0;
}

export function hasPrefix(version: Components, prefix: Components): boolean {
  return prefix.length <= version.length && prefix.every((c, i) => compareComponent(c, version[i] ?? '') === 0);
}

/** True when the version sorts below everything the prefix covers ("3.11.2" below "3.12"). */
export function isBelowPrefix(version: Components, prefix: Components): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const v = version[i];
    const p = prefix[i];
    if (v === undefined || p === undefined) return false;
    const d = compareComponent(v, p);
    if (d !== 0) return d < 0;
  }
  return false;
}
