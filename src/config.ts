/**
 * The hub's configuration: one schema, each key with its default, the
 * environment variable that sets it, and what it is for. The README's
 * configuration table is generated from this list (`estatewatch config`).
 */
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
}

const cronExpression = z.string().refine((v) => cron.validate(v), 'not a valid cron expression (minute hour day month weekday)');

const setting = <S extends z.ZodType>(s: Setting<S>) => s;

export const SETTINGS = {
  host: setting({ env: 'ESTATEWATCH_HOST', schema: z.string().min(1), default: '127.0.0.1', description: 'Address the hub listens on. Keep 127.0.0.1 unless a reverse proxy or TLS sits in front.' }),
  port: setting({ env: 'ESTATEWATCH_PORT', schema: port, default: 8080, description: 'TCP port of the hub (0 picks a free one).' }),
  dataDir: setting({ env: 'ESTATEWATCH_DATA_DIR', schema: z.string().min(1), default: './data', description: 'Folder for the SQLite database (estatewatch.db) and its WAL files.' }),
  rulesDir: setting({ env: 'ESTATEWATCH_RULES_DIR', schema: z.string().min(1), default: path.join(PACKAGE_ROOT, 'rules'), description: 'Folder holding lifecycle/ rule files.' }),
  endingSoonDays: setting({ env: 'ESTATEWATCH_ENDING_SOON_DAYS', schema: positiveInt.max(3650), default: 180, description: 'Days before end of support that count as "ending soon".' }),
  maxReportBytes: setting({ env: 'ESTATEWATCH_MAX_REPORT_BYTES', schema: positiveInt, default: 5 * 1024 * 1024, description: 'Largest agent report accepted, before and after gzip (bytes).' }),
  retentionDays: setting({ env: 'ESTATEWATCH_RETENTION_DAYS', schema: positiveInt.min(30), default: 400, description: 'Days of report receipts and change history kept; older rows are pruned daily.' }),
  sessionHours: setting({ env: 'ESTATEWATCH_SESSION_HOURS', schema: positiveInt.max(168), default: 12, description: 'Hours a sign-in lasts.' }),
  enrolmentSecretDays: setting({ env: 'ESTATEWATCH_ENROLMENT_SECRET_DAYS', schema: positiveInt.max(365), default: 7, description: 'Days an enrolment secret stays valid.' }),
  timeZone: setting({ env: 'ESTATEWATCH_TIMEZONE', schema: z.string().refine(isTimeZone, 'not a timezone this Node knows (e.g. Europe/London)'), default: 'Europe/London', description: "The trust's timezone: the days and months of snapshots and reports, and the times jobs run." }),
  snapshotCron: setting({ env: 'ESTATEWATCH_SNAPSHOT_CRON', schema: cronExpression, default: '55 23 * * *', description: "When the daily posture snapshot is taken (cron, in the trust's timezone); the hub also takes one at start-up if the day has none." }),
  boardReportCron: setting({ env: 'ESTATEWATCH_BOARD_REPORT_CRON', schema: cronExpression, default: '0 6 1 * *', description: "When the board report for the previous month is generated (cron, in the trust's timezone)." }),
  chromiumPath: setting({ env: 'ESTATEWATCH_CHROMIUM', schema: z.string().min(1), default: '/usr/bin/chromium', description: 'Chromium used to render board reports as PDF; without it the PDF link says so and the HTML page prints to A4.' }),
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
    else problems.push(`${s.env} (${key}) = ${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message}`);
  }
  if (problems.length) throw new CliError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return out as Config;
}

/** The configuration table for the README and `estatewatch config`. */
export function configTable(): string {
  const rows = Object.entries(SETTINGS).map(([key, s]) => {
    const def = key === 'rulesDir' ? '`<package>/rules`' : `\`${String(s.default)}\``;
    return `| \`${s.env}\` | ${key} | ${def} | ${s.description} |`;
  });
  return ['| variable | key | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
