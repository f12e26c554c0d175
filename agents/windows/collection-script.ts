/**
 * The one PowerShell script a Windows scan runs: every section below, each in
 * its own guard, printing one JSON document. It ships as a file beside the
 * agent (`estatewatch-collect.ps1`, written by `npm run build:agent`), so a
 * trust can sign it with its own code-signing certificate and run it with
 * -File: one quiet process per scan, no -EncodedCommand. A section that
 * throws leaves its error in `errors`, as JSON, and the others still run; the
 * agent decides what a failed section costs (collect-windows.ts).
 *
 * It runs on Windows PowerShell 2.0 and later: the same file is the legacy
 * collector for Windows 7 / Server 2008 R2, and a test checks it for anything
 * newer (see JSON_PRELUDE).
 */
import { HARDWARE_SCRIPT } from './hardware-script.js';
import { IDENTITY_SCRIPT } from './identity-script.js';
import { JSON_PRELUDE } from './json-prelude.js';
import { MODEMS_SCRIPT } from './modems-script.js';
import { OS_SCRIPT } from './os-script.js';
import { PRINTERS_SCRIPT } from './printers-script.js';
import { UNINSTALL_SCRIPT } from './uninstall-script.js';

export const COLLECTION_SCRIPT_FILE = 'estatewatch-collect.ps1';

/** Section ids, in the order they run; the output names each. */
export const SECTIONS = {
  identity: IDENTITY_SCRIPT,
  os: OS_SCRIPT,
  uninstall: UNINSTALL_SCRIPT,
  hardware: HARDWARE_SCRIPT,
  printers: PRINTERS_SCRIPT,
  modems: MODEMS_SCRIPT,
} as const;
export type SectionId = keyof typeof SECTIONS;

const HEADER = `# estatewatch Windows collection script, generated from agents/windows/*-script.ts by npm run build:agent.
# Prints one JSON document: {"sections":{"<id>":[...]},"errors":{"<id>":"message"}}. Runs on PowerShell 2.0 and later.
# Do not edit: a signed copy must stay byte for byte what the agent expects.`;

const RUNNER = String.raw`
$ewSections = @()
$ewErrors = @()
function Invoke-EwSection([string]$id, [scriptblock]$body) {
  try {
    $json = (& $body) -join ([string][char]10)
    $script:ewSections += ('"' + $id + '":' + $json)
  } catch {
    $script:ewErrors += ('"' + $id + '":' + (ConvertTo-EwJsonValue $_.Exception.Message))
  }
}
`;

const FOOTER = `'{"sections":{' + ($ewSections -join ',') + '},"errors":{' + ($ewErrors -join ',') + '}}'`;

/** The whole script, byte for byte; CRLF line ends, ASCII only, as Windows PowerShell 2.0 reads it. */
export function collectionScript(): string {
  const sections = Object.entries(SECTIONS).map(([id, body]) => `Invoke-EwSection '${id}' {${body}}`);
  return [HEADER, JSON_PRELUDE, RUNNER, ...sections, FOOTER, ''].join('\n').replace(/\r?\n/g, '\r\n');
}
