import { readFileSync } from 'node:fs';

/** Reads a file from test/fixtures/macos. */
export const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/macos/${name}`, import.meta.url), 'utf8');
