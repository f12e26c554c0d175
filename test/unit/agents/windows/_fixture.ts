import { readFileSync } from 'node:fs';

/** A Windows fixture as the agent's runTool would hand it over: decoded as UTF-8, BOM kept. */
export const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/windows/${name}`, import.meta.url), 'utf8');
