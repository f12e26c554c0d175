import type { Collector } from '../collector.js';
import { collectCups } from '../cups.js';
import { collectApplications } from './applications.js';
import { collectHost } from './host.js';
import { collectPkgutil } from './pkgutil.js';
import { collectSwVers } from './sw-vers.js';

/** The macOS collectors, one line each. Printing is CUPS, as on Linux. */
export const macosCollectors: readonly Collector[] = [
  { name: 'host', degrades: 'host', collect: collectHost },
  { name: 'sw-vers', collect: collectSwVers },
  { name: 'applications', collect: collectApplications },
  { name: 'pkgutil', collect: collectPkgutil },
  { name: 'cups', degrades: 'devices', collect: collectCups },
];
