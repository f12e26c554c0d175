/**
 * The hub's configuration: one schema, each key with its default, the
 * environment variable that sets it, and what it is for. The README's
 * configuration table is generated from this list (`estatewatch config`).
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { CliError } from './cli/cli-error.js';
import { isTimeZone } from './report/trust-calendar.js';

/** The package root: rules/ ships beside dist/ and src/. */
export const PACKAGE_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();

interface Setting<S extends z.ZodType> {
  env: string;
  schema: S;
  default: z.input<S>;
  description: string;
  /** A credential: an error about it never prints its value (errors reach logs). */
  secret?: true;
}

/** A PEM file's path; optional, since the hub serves plain HTTP unless given a certificate and key. */
const pemFile = z.string().min(1).optional();

/** A PostgreSQL connection URL; optional, since the hub keeps its SQLite file unless given one. */
const postgresUrl = z
  .string()
  .refine((v) => URL.canParse(v) && ['postgres:', 'postgresql:'].includes(new URL(v).protocol), 'a postgres://user:password@host:5432/database URL')
  .optional();

/** The reverse proxies whose X-Forwarded-For is believed: IP addresses, comma-separated. */
const proxyAddresses = z
  .string()
  .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
  .refine((list) => list.every((a) => isIP(a) !== 0), 'comma-separated IP addresses of the reverse proxy, e.g. 127.0.0.1');

const cronExpression = z.string().refine((v) => cron.validate(v), 'not a valid cron expression (minute hour day month weekday)');

const setting = <S extends z.ZodType>(s: Setting<S>) => s;

export const SETTINGS = {
  host: setting({ env: 'ESTATEWATCH_HOST', schema: z.string().min(1), default: '127.0.0.1', description: 'Address the hub listens on. Keep 127.0.0.1 unless the hub serves HTTPS itself (ESTATEWATCH_TLS_CERT) or a TLS reverse proxy sits in front.' }),
  port: setting({ env: 'ESTATEWATCH_PORT', schema: port, default: 8080, description: 'TCP port of the hub (0 picks a free one).' }),
  tlsCert: setting({ env: 'ESTATEWATCH_TLS_CERT', schema: pemFile, default: undefined, description: "PEM certificate (then any intermediates) the hub serves HTTPS with, given with ESTATEWATCH_TLS_KEY; with neither it serves plain HTTP. Checked at start." }),
  tlsKey: setting({ env: 'ESTATEWATCH_TLS_KEY', schema: pemFile, default: undefined, description: "PEM private key of ESTATEWATCH_TLS_CERT, unencrypted; make it readable by the hub's user only." }),
  databaseUrl: setting({ env: 'ESTATEWATCH_DATABASE_URL', schema: postgresUrl, default: undefined, description: 'PostgreSQL to keep everything in (postgres://user:password@host:5432/database), for an ICS hub that several hub processes share (docs/deployment.md). Unset, the hub uses the SQLite file in ESTATEWATCH_DATA_DIR.', secret: true }),
  dataDir: setting({ env: 'ESTATEWATCH_DATA_DIR', schema: z.string().min(1), default: './data', description: 'Folder for the SQLite database (estatewatch.db) and its WAL files, unless ESTATEWATCH_DATABASE_URL is set.' }),
  rulesDir: setting({ env: 'ESTATEWATCH_RULES_DIR', schema: z.string().min(1), default: path.join(PACKAGE_ROOT, 'rules'), description: 'Folder holding lifecycle/ rule files.' }),
  distroInfoDir: setting({ env: 'ESTATEWATCH_DISTRO_INFO_DIR', schema: z.string().min(1), default: '/usr/share/distro-info', description: "Folder of Debian's distro-info-data (ubuntu.csv, debian.csv): where present, its Ubuntu and Debian dates outrank the shipped snapshot's (docs/lifecycle-data.md). Absent, the hub logs one line and uses the snapshot." }),
  debianSecuritySupportDir: setting({ env: 'ESTATEWATCH_DEBIAN_SECURITY_SUPPORT_DIR', schema: z.string().min(1), default: '/usr/share/debian-security-support', description: "Folder of Debian's debian-security-support lists (security-support-ended.debNN): a dpkg package at the exact build whose security support Debian ended early is unsupported on its own (docs/lifecycle-data.md). Absent, the hub logs one line." }),
  cyberUpdateDays: setting({ env: 'ESTATEWATCH_CYBER_UPDATE_DAYS', schema: positiveInt.max(30), default: 3, description: "Days between a trust's remediation updates on a cyber alert it is affected by: each acknowledgement, decision and update sets the next one due this many days on, and an overdue one raises the cyber-response-overdue alert (docs/cyber-alerts.md)." }),
  kevFile: setting({ env: 'ESTATEWATCH_KEV_FILE', schema: z.string().min(1).optional(), default: undefined, description: "CISA's Known Exploited Vulnerabilities catalogue (known_exploited_vulnerabilities.json, CC0): a cyber alert whose CVE it lists is marked \"known exploited\" with the date CISA added it (docs/cyber-alerts.md). Read at start; a missing or misshapen file stops the hub. A newer catalogue stored by `estatewatch data update` takes over, at start and within a minute in running hubs. With neither, no alert is marked and the cyber-alerts API says the catalogue is not configured." }),
  endingSoonDays: setting({ env: 'ESTATEWATCH_ENDING_SOON_DAYS', schema: positiveInt.max(3650), default: 180, description: 'Days before end of support that count as "ending soon".' }),
  dataStaleDays: setting({ env: 'ESTATEWATCH_DATA_STALE_DAYS', schema: positiveInt.max(3650), default: 60, description: 'Days after which the lifecycle data in force counts as possibly out of date: the summary, asset pages, data page and board report warn (refresh with `estatewatch data update`), and an evergreen rule\'s "newest version" (Chrome, Zoom, Visual C++…) no longer vouches for support: a version that was the newest then is unknown (data-stale), never supported.' }),
  maxReportBytes: setting({ env: 'ESTATEWATCH_MAX_REPORT_BYTES', schema: positiveInt, default: 5 * 1024 * 1024, description: 'Largest agent report accepted, before and after gzip (bytes).' }),
  retentionDays: setting({ env: 'ESTATEWATCH_RETENTION_DAYS', schema: positiveInt.min(30), default: 400, description: 'Days of report receipts and change history kept; older rows are pruned daily.' }),
  sessionHours: setting({ env: 'ESTATEWATCH_SESSION_HOURS', schema: positiveInt.max(168), default: 12, description: 'Hours a sign-in lasts.' }),
  enrolmentSecretDays: setting({ env: 'ESTATEWATCH_ENROLMENT_SECRET_DAYS', schema: positiveInt.max(365), default: 7, description: 'Days an enrolment secret stays valid.' }),
  enrolmentApproval: setting({ env: 'ESTATEWATCH_APPROVE_NEW_AGENTS', schema: z.stringbool(), default: 'false', description: "true: a newly enrolled agent's reports are refused (403, kept in its spool) until an admin approves it on the Agents page, the API or `estatewatch admin approve-agent`." }),
  agentReportsPerHour: setting({ env: 'ESTATEWATCH_AGENT_REPORTS_PER_HOUR', schema: positiveInt.max(3600), default: 12, description: 'Reports one agent may deliver in an hour; more are refused with 429 and stored nothing (the agent keeps them in its spool and tries later).' }),
  agentNewNamesPerDay: setting({ env: 'ESTATEWATCH_AGENT_NEW_NAMES_PER_DAY', schema: positiveInt.max(1_000_000), default: 10_000, description: "Software names and versions new to the hub that one agent's reports may add in a day; a report that would add more is refused with 429 and stores nothing." }),
  trustedProxy: setting({ env: 'ESTATEWATCH_TRUSTED_PROXY', schema: proxyAddresses, default: '', description: "Comma-separated addresses of the TLS reverse proxy in front of the hub. A request from one of them is taken as HTTPS (Secure, __Host- session cookie) and its client address is read from X-Forwarded-For; from anyone else that header is ignored. Empty: no proxy." }),
  suppressCapDays: setting({ env: 'ESTATEWATCH_SUPPRESS_CAP_DAYS', schema: positiveInt.max(365), default: 30, description: 'Days a critical or unsupported-OS alert may be suppressed at most; an end-of-life system that must stay needs an exception a CSO signs off. Other alerts: up to a year.' }),
  timeZone: setting({ env: 'ESTATEWATCH_TIMEZONE', schema: z.string().refine(isTimeZone, 'not a timezone this Node knows (e.g. Europe/London)'), default: 'Europe/London', description: "The trust's timezone: the days and months of snapshots and reports, and the times jobs run." }),
  snapshotCron: setting({ env: 'ESTATEWATCH_SNAPSHOT_CRON', schema: cronExpression, default: '55 23 * * *', description: "When the daily posture snapshot is taken (cron, in the trust's timezone); the hub also takes one at start-up if the day has none." }),
  boardReportCron: setting({ env: 'ESTATEWATCH_BOARD_REPORT_CRON', schema: cronExpression, default: '0 6 1 * *', description: "When the board report for the previous month is generated (cron, in the trust's timezone)." }),
  chromiumPath: setting({ env: 'ESTATEWATCH_CHROMIUM', schema: z.string().min(1), default: '/usr/bin/chromium', description: 'Chromium used to render board reports as PDF; without it the PDF link says so and the HTML page prints to A4.' }),
  pdfQueueLimit: setting({ env: 'ESTATEWATCH_PDF_QUEUE_LIMIT', schema: z.coerce.number().int().min(0).max(100), default: 4, description: 'Board-report PDFs that may wait while Chromium prints another (it prints one at a time); one more is refused with 503 `pdf-queue-full` and Retry-After, and a request whose browser leaves is dropped unprinted.' }),
  publicUrl: setting({ env: 'ESTATEWATCH_PUBLIC_URL', schema: z.string().refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), 'an http(s) address, e.g. https://estatewatch.trust.nhs.uk').transform((v) => v.replace(/\/+$/, '')).optional(), default: undefined, description: "The hub's address as its readers reach it (e.g. https://estatewatch.trust.nhs.uk): a board report's PDF links each figure to its rows there. Unset, the PDF prints each figure's evidence address as text instead, since a PDF cannot know where the hub is." }),
  protectiveMarking: setting({ env: 'ESTATEWATCH_PROTECTIVE_MARKING', schema: z.string().trim().min(1).max(80), default: 'OFFICIAL-SENSITIVE', description: 'Printed at the top and bottom of every page of a board report\'s PDF. OFFICIAL-SENSITIVE because the report names each unsupported machine and its weakness, a map for an attacker, which the Government Security Classifications ask to be marked and handled with care; set the marking your trust gives it.' }),
  dropDir: setting({ env: 'ESTATEWATCH_DROP_DIR', schema: z.string().min(1).optional(), default: undefined, description: 'Folder (a share) where estatewatch-collect.ps1 -DropFolder leaves the inventories of machines the agent cannot run on (Windows 7, Server 2008 R2). The hub imports each new file every 10 minutes into imported/, or rejected/ with the reason beside it. Unset, nothing is imported.' }),
  dropOrganisation: setting({ env: 'ESTATEWATCH_DROP_ORGANISATION', schema: z.string().min(1).optional(), default: undefined, description: "ODS code of the trust the drop folder's machines belong to; needed only on a hub with more than one trust." }),
  metricsToken: setting({ env: 'ESTATEWATCH_METRICS_TOKEN', schema: z.string().min(32, 'at least 32 characters (e.g. openssl rand -hex 32)').optional(), default: undefined, description: 'Bearer token a Prometheus scraper sends to read GET /metrics (at least 32 characters); unset, only signed-in admins may read it.', secret: true }),
} as const;

export type ConfigKey = keyof typeof SETTINGS;
export type Config = { [K in ConfigKey]: z.output<(typeof SETTINGS)[K]['schema']> };

/** Reads the configuration from the environment, with overrides (e.g. CLI flags) on top. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<ConfigKey, unknown>> = {}): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, s] of Object.entries(SETTINGS) as [ConfigKey, Setting<z.ZodType>][]) {
    const raw = overrides[key] ?? env[s.env] ?? s.default;
    const parsed = s.schema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${s.env} (${key}) = ${s.secret ? '(hidden)' : JSON.stringify(raw)}: ${parsed.error.issues[0]?.message}`);
  }
  if (problems.length) throw configError(problems);
  // Read now, before a command starts anything: `serve` prints the first admin's one-time
  // password only once listening, so failing at listen would lose it.
  readHubTls(out as Config);
  return out as Config;
}

function configError(problems: string[]): CliError {
  return new CliError(`invalid configuration:\n  ${problems.join('\n  ')}`);
}

/** What the hub serves HTTPS with: the certificate chain and its private key, as PEM. */
export interface HubTls {
  cert: Buffer;
  key: Buffer;
}

/**
 * The hub's certificate and key, or undefined when it serves plain HTTP. Both
 * files must be set, read, parse and belong together; the error names the
 * variable and the file.
 */
export function readHubTls(config: Pick<Config, 'tlsCert' | 'tlsKey'>): HubTls | undefined {
  const { tlsCert, tlsKey } = config;
  if (tlsCert === undefined && tlsKey === undefined) return undefined;
  if (tlsCert === undefined || tlsKey === undefined) {
    const [given, missing] = tlsCert === undefined ? (['tlsKey', 'tlsCert'] as const) : (['tlsCert', 'tlsKey'] as const);
    throw configError([`${SETTINGS[missing].env} (${missing}) is not set but ${SETTINGS[given].env} is: set both to serve HTTPS, neither for plain HTTP`]);
  }
  const cert = readPem('tlsCert', tlsCert, 'certificate', (pem) => new X509Certificate(pem));
  const key = readPem('tlsKey', tlsKey, 'private key', (pem) => createPrivateKey(pem));
  if (!cert.parsed.checkPrivateKey(key.parsed)) {
    throw configError([`${SETTINGS.tlsKey.env} (tlsKey) = ${JSON.stringify(tlsKey)}: not the private key of ${SETTINGS.tlsCert.env} = ${JSON.stringify(tlsCert)}`]);
  }
  return { cert: cert.pem, key: key.pem };
}

function readPem<T>(key: 'tlsCert' | 'tlsKey', file: string, what: string, parse: (pem: Buffer) => T): { pem: Buffer; parsed: T } {
  const named = `${SETTINGS[key].env} (${key}) = ${JSON.stringify(file)}`;
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    throw configError([`${named}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  try {
    return { pem, parsed: parse(pem) };
  } catch (error) {
    throw configError([`${named}: the file is not a PEM ${what} (${(error as Error).message})`]);
  }
}

/** The configuration table for the README and `estatewatch config`. */
export function configTable(): string {
  const rows = Object.entries(SETTINGS).map(([key, s]) => `| \`${s.env}\` | ${key} | ${defaultCell(key, s.default)} | ${s.description} |`);
  return ['| variable | key | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function defaultCell(key: string, value: unknown): string {
  if (key === 'rulesDir') return '`<package>/rules`';
  return value === undefined || value === '' ? 'unset' : `\`${String(value)}\``;
}
