import type { Collector } from '../collector.js';
import { collectCups } from '../cups.js';
import { collectApk } from './apk.js';
import { collectDpkg } from './dpkg.js';
import { collectHost } from './host.js';
import { collectModems } from './modems.js';
import { collectOsRelease } from './os-release.js';
import { collectRpm } from './rpm.js';
import { collectUsb } from './usb.js';

/** The Linux collectors, one line each. Package managers that are absent contribute nothing. */
export const linuxCollectors: readonly Collector[] = [
  { name: 'host', degrades: 'host', collect: () => collectHost() },
  { name: 'os-release', collect: () => collectOsRelease() },
  { name: 'dpkg', collect: collectDpkg },
  { name: 'rpm', collect: collectRpm },
  { name: 'apk', collect: () => collectApk() },
  { name: 'cups', degrades: 'devices', collect: collectCups },
  { name: 'modems', degrades: 'devices', collect: () => collectModems() },
  { name: 'usb', degrades: 'devices', collect: collectUsb },
];
