import type { Collector } from './collector.js';

/**
 * Each platform's collectors, loaded only on that platform: a Linux scan never
 * sets up the macOS collectors' zod schemas. Adding a platform is one folder
 * and one line here.
 */
export const PLATFORM_COLLECTORS: Partial<Record<NodeJS.Platform, () => Promise<readonly Collector[]>>> = {
  linux: async () => (await import('./linux/index.js')).linuxCollectors,
  darwin: async () => (await import('./macos/index.js')).macosCollectors,
  win32: async () => (await import('./windows/index.js')).windowsCollectors,
};
