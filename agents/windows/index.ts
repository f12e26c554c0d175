import type { Collector } from '../collector.js';
import { collectHost } from './host.js';
import { collectDevices } from './devices.js';
import { collectOs } from './os.js';
import { collectUninstall } from './uninstall.js';

/** The Windows collectors, one line each; each runs one in-box PowerShell script. */
export const windowsCollectors: readonly Collector[] = [
  { name: 'host', degrades: 'host', collect: collectHost },
  { name: 'os', collect: collectOs },
  { name: 'uninstall', collect: collectUninstall },
  { name: 'printers-and-modems', degrades: 'devices', collect: collectDevices },
];
