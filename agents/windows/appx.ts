import type { Software } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import { parsePsJson, psFlag, psText, type PsRecord } from './parse-ps-json.js';
import { uniqueBy } from '../unique-by.js';

/** "CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US" → "Microsoft Corporation". */
export function publisherName(distinguishedName: string | undefined): string | undefined {
  const match = /(?:^|,\s*)CN=(?:"([^"]+)"|([^,]+))/i.exec(distinguishedName ?? '');
  return clip(match?.[1] ?? match?.[2]);
}

/**
 * Parses APPX_SCRIPT's output (or `Get-AppxPackage | Select-Object Name,
 * Version, Publisher | ConvertTo-Json`): each package by its Name, as the
 * rules' Store-app titles know them ("Microsoft.WindowsStore",
 * "SpotifyAB.SpotifyMusic"), with the certificate's CN as vendor. Source
 * `other`: neither a registry program nor a distribution package.
 */
export function parseAppx(text: string): Software[] {
  const software = parsePsJson(text)
    .filter(isMainPackage)
    .map((p): Software => ({ name: clip(psText(p, 'Name'))!, version: clip(psText(p, 'Version'), 128)!, vendor: publisherName(psText(p, 'Publisher')), source: 'other' }));
  return uniqueBy(software, (s) => `${s.name}\t${s.version}`);
}

const isMainPackage = (p: PsRecord) => psText(p, 'Name') !== undefined && psText(p, 'Version') !== undefined && !psFlag(p, 'IsFramework');
