import type { Collector } from '../collector.js';
import { collectWindows } from './collect-windows.js';

/** Windows is one collector: one PowerShell process per scan runs the whole collection script. */
export const windowsCollectors: readonly Collector[] = [{ name: 'windows', collect: collectWindows }];
