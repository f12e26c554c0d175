import type { Collector } from './collector.js';
import { linuxCollectors } from './linux/index.js';
import { macosCollectors } from './macos/index.js';
import { windowsCollectors } from './windows/index.js';

/** Each platform's collectors; adding a platform is one folder and one line here. */
export const PLATFORM_COLLECTORS: Partial<Record<NodeJS.Platform, readonly Collector[]>> = {
  linux: linuxCollectors,
  darwin: macosCollectors,
  win32: windowsCollectors,
};
