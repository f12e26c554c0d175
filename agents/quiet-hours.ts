/**
 * A daily window (local time) when scheduled scans are skipped, e.g. 08:00-18:00
 * on ward PCs so a scan never competes with clinical work. A window may wrap
 * midnight (22:00-06:00). The end minute is outside the window.
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
  text: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses "HH:MM-HH:MM"; undefined when the text is not such a window. */
export function parseQuietHours(text: string): QuietHours | undefined {
  const [start, end, ...rest] = text.split('-');
  const a = HHMM.exec(start ?? '');
  const b = HHMM.exec(end ?? '');
  if (!a || !b || rest.length) return undefined;
  const startMinute = Number(a[1]) * 60 + Number(a[2]);
  const endMinute = Number(b[1]) * 60 + Number(b[2]);
  return startMinute === endMinute ? undefined : { startMinute, endMinute, text };
}

export function inQuietHours(when: Date, quiet: QuietHours): boolean {
  const minute = when.getHours() * 60 + when.getMinutes();
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}
