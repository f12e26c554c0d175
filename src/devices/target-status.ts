/**
 * Where a kind of device stands against its national target on a day, as a
 * board should read it: a date that has passed with devices still in use is a
 * deadline missed, never just "passed".
 */
export function targetStatus(target: string, day: string, stillInUse: number): string {
  if (day <= target) return 'ahead';
  return stillInUse ? `deadline missed: ${stillInUse} still in use` : 'met: none in use';
}
