/**
 * Orders KEV catalogue versions. CISA numbers them by release day
 * ("2025.08.25"); compared part by part as numbers, so a part that ever loses
 * its leading zero still sorts right. Negative: a is older.
 */
export function compareKevVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? '', pb[i] ?? ''];
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
