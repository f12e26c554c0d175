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
import { APPX_SCRIPT } from './appx-script.js';
import { HARDWARE_SCRIPT } from './hardware-script.js';
import { IDENTITY_SCRIPT } from './identity-script.js';
import { JSON_PRELUDE } from './json-prelude.js';
import { MODEMS_SCRIPT } from './modems-script.js';
import { OS_SCRIPT } from './os-script.js';
import { PRINTERS_SCRIPT } from './printers-script.js';
import { PROFILES_SCRIPT } from './profiles-script.js';
import { UNINSTALL_SCRIPT } from './uninstall-script.js';
import { AGENT_VERSION } from '../version.js';

export const COLLECTION_SCRIPT_FILE = 'estatewatch-collect.ps1';
/** The document's schema: the importer of a drop folder checks it. */
export const COLLECTION_SCHEMA_V1 = 'estatewatch.windows-collection/v1';

/** Section ids, in the order they run; the output names each. */
export const SECTIONS = {
  identity: IDENTITY_SCRIPT,
  os: OS_SCRIPT,
  uninstall: UNINSTALL_SCRIPT,
  profiles: PROFILES_SCRIPT,
  appx: APPX_SCRIPT,
  hardware: HARDWARE_SCRIPT,
  printers: PRINTERS_SCRIPT,
  modems: MODEMS_SCRIPT,
} as const;
export type SectionId = keyof typeof SECTIONS;

const HEADER = `# estatewatch Windows collection script ${AGENT_VERSION}, generated from agents/windows/*-script.ts by npm run build:agent.
# Prints one JSON document: {"schema":"${COLLECTION_SCHEMA_V1}","collector":...,"collectedAt":...,"sections":{"<id>":[...]},"errors":{"<id>":"message"}}.
# With -DropFolder (a share) it writes the document there instead, as <COMPUTERNAME>-<UTC time>.json, for the hub to import:
# the way a machine the agent cannot run on (Windows 7, Server 2008 R2) is inventoried. Runs on PowerShell 2.0 and later.
# Do not edit: a signed copy must stay byte for byte what the agent expects.
param([string]$DropFolder)`;

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

/**
 * The document, to stdout for the agent or into the drop folder: written under
 * a dot-name first and then renamed, so the hub never reads half a file.
 */
const FOOTER = String.raw`$ewAt = [DateTime]::UtcNow
$ewDoc = '{"schema":"${COLLECTION_SCHEMA_V1}","collector":"estatewatch-collect.ps1 ${AGENT_VERSION}","collectedAt":"' + $ewAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") +
  '","sections":{' + ($ewSections -join ',') + '},"errors":{' + ($ewErrors -join ',') + '}}'
if ($DropFolder) {
  $ewName = $env:COMPUTERNAME + '-' + $ewAt.ToString('yyyyMMddHHmmss') + '.json'
  $ewPart = Join-Path $DropFolder ('.' + $ewName + '.part')
  [IO.File]::WriteAllText($ewPart, $ewDoc, [Text.Encoding]::ASCII)
  Move-Item -LiteralPath $ewPart -Destination (Join-Path $DropFolder $ewName) -Force
} else {
  $ewDoc
}`;

/** The whole script, byte for byte; CRLF line ends, ASCII only, as Windows PowerShell 2.0 reads it. */
export function collectionScript(): string {
  const sections = Object.entries(SECTIONS).map(([id, body]) => `Invoke-EwSection '${id}' {${body}}`);
  return [HEADER, JSON_PRELUDE, RUNNER, ...sections, FOOTER, ''].join('\n').replace(/\r?\n/g, '\r\n');
}
