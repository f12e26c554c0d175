/** The import formats: one file each, one line here (docs/imports.md describes them). */
import type { Importer } from './importer.js';
import { cycloneDxImporter } from './parse-cyclonedx.js';
import { intuneCsvImporter } from './parse-intune-csv.js';
import { osqueryImporter } from './parse-osquery.js';
import { reportFileImporter } from './parse-report-file.js';
import { windowsCollectionImporter } from './parse-windows-collection.js';

export type { ImportError, Importer, ParseOptions, ParseResult } from './importer.js';

export const IMPORTERS: readonly Importer[] = [osqueryImporter, intuneCsvImporter, cycloneDxImporter, reportFileImporter, windowsCollectionImporter];

export const IMPORT_FORMATS = IMPORTERS.map((i) => i.format);

/** Largest import file accepted, by the CLI, the upload page and the API: a whole trust's MECM export fits. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function findImporter(format: string): Importer | undefined {
  return IMPORTERS.find((i) => i.format === format);
}
