import fs from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/imports');
export const NOW = new Date('2026-11-23T12:00:00Z');

/** A fixture as the importer sees it: decoded text (byte-order mark included, as import-file strips it). */
export const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const options = (fileName: string) => ({ now: NOW, fileName });
