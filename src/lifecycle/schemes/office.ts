import type { VersionScheme } from './version-scheme.js';

/** Perpetual Office majors that map to exactly one release year. */
const YEAR_BY_MAJOR: Readonly<Record<string, string>> = {
  '9': '2000',
  '10': '2002',
  '11': '2003',
  '12': '2007',
  '14': '2010',
  '15': '2013',
};

/**
 * Office 2016, 2019, 2021, 2024 and Microsoft 365 Apps all report "16.0.x",
 * so the year in the display name decides; 16.0 without one is left unknown
 * rather than guessed.
 */
export const office: VersionScheme = {
  id: 'office',
  description: 'Office release year from the display name, else from majors 9–15; 16.0 without a year is unreadable',
  normalise(version, name) {
    const year = /\b((?:19|20)\d\d)\b/.exec(name.slice(0, 256));
    if (year?.[1]) return year[1];
    const major = /^\s*0*(\d{1,3})\./.exec(version)?.[1];
    return major === undefined ? null : (YEAR_BY_MAJOR[major] ?? null);
  },
};
