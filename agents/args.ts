import { parseArgs } from 'node:util';
import { DEFAULT_JITTER_SECONDS, DEFAULT_SPOOL_LIMITS } from './agent-defaults.js';
import { AgentError } from './agent-error.js';
import { parsePin } from './hub-pin.js';
import { parseQuietHours, type QuietHours } from './quiet-hours.js';
import type { SpoolLimits } from './spool.js';

/** The usage text, naming the agent as it was invoked: `estatewatch agent`, or the one-file `estatewatch-agent.cjs`. */
export const agentUsage = (program: string) => `Usage: ${program} <mode> [options]

Collects this machine's inventory (OS, packages, printers, faxes, modems, USB
devices) and posts it to the estatewatch hub. Every report is written to a
local spool first and deleted only once the hub has acknowledged it.

Modes (exactly one):
  enrol --hub <url>     Register this machine with the hub and save its token
                        to <state-dir>/agent.json (mode 0600), with the
                        enrolment secret from ESTATEWATCH_ENROL_SECRET (or
                        --secret <secret>, which other users of the machine
                        can read in the process list while it runs).
  --dry-run             Collect and print the report as JSON; send nothing.
  --once                Collect, spool and send everything pending, then exit.
  --schedule "<cron>"   Stay running; collect and send on a cron schedule,
                        e.g. --schedule "0 2 * * *" for 02:00 every night.
  --output <file>       For air-gapped networks: collect and append the report
                        to <file> as one JSON line; send nothing. Carry the
                        file to the hub: estatewatch import report <file>.

Options:
  --jitter <seconds>    With --schedule: wait a random 0..seconds before each
                        run (default ${DEFAULT_JITTER_SECONDS}).
  --quiet-hours <HH:MM-HH:MM>
                        With --schedule: skip runs that fall in this daily
                        window (local time), e.g. 08:00-18:00 on ward PCs.
  --full                With --once or --schedule: send full reports, not only
                        what changed (a full one also goes weekly by itself).
  --priority <low|normal>
                        CPU priority of a scan (default low: nice 19).
  --hub <url>           Hub base URL (default: the one saved by enrol).
  --ca <file>           A CA certificate (PEM) to trust for an https:// hub, as
                        well as the system's, e.g. the trust's own CA.
  --pin <sha256>        Talk only to a hub whose certificate has this SHA-256
                        fingerprint (openssl x509 -noout -fingerprint -sha256
                        -in hub.pem; colons optional), on top of verifying it.
                        enrol saves --ca and --pin for later runs; given with
                        --once or --schedule, they replace the saved ones.
  --state-dir <dir>     Where agent.json, spool/ and rejected/ live. Default:
                        $ESTATEWATCH_AGENT_STATE, else /var/lib/estatewatch-agent
                        as root, else ~/.local/state/estatewatch-agent.
  --spool-max-files <n> Most reports kept waiting (default ${DEFAULT_SPOOL_LIMITS.maxFiles}); past it the oldest is
                        folded into the next, which then stands for both. Warns from half.
  --spool-max-mb <n>    The same bound by size (default ${DEFAULT_SPOOL_LIMITS.maxBytes / 1024 / 1024} MB).
  -h, --help            Show this text.

Exit status: 0 done; 1 failed (scan error, report rejected, token refused, hub
certificate not trusted: nothing sent, reports kept); 2 bad arguments; 75 hub
unreachable, reports kept in the spool for next time.`;

interface Common {
  /** Lower the process's CPU priority before scanning (default). */
  lowPriority: boolean;
  stateDir?: string;
  hub?: string;
  /** Path of an extra CA certificate (--ca). */
  ca?: string;
  /** Normalised --pin: 64 upper-case hex digits. */
  pin?: string;
  spoolLimits: Partial<SpoolLimits>;
}

export type AgentCommand =
  | { mode: 'help' }
  | ({ mode: 'enrol'; hub: string; secret: string } & Common)
  | ({ mode: 'dry-run' } & Common)
  | ({ mode: 'once'; fullReport: boolean } & Common)
  | ({ mode: 'output'; file: string } & Common)
  | ({ mode: 'schedule'; cron: string; jitterSeconds: number; quietHours?: QuietHours; fullReport: boolean } & Common);

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  'dry-run': { type: 'boolean' },
  once: { type: 'boolean' },
  schedule: { type: 'string' },
  jitter: { type: 'string' },
  'quiet-hours': { type: 'string' },
  output: { type: 'string' },
  full: { type: 'boolean' },
  priority: { type: 'string' },
  hub: { type: 'string' },
  ca: { type: 'string' },
  pin: { type: 'string' },
  secret: { type: 'string' },
  'state-dir': { type: 'string' },
  'spool-max-files': { type: 'string' },
  'spool-max-mb': { type: 'string' },
} as const;

/**
 * Turns `estatewatch agent …` arguments into one command; throws
 * AgentError('bad-arguments'). A --schedule expression is checked by
 * checkSchedule, which loads node-cron; every other mode never does.
 */
export function parseAgentArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): AgentCommand {
  const { values, positionals } = parseStrict(argv);
  if (values.help) return { mode: 'help' };
  const common: Common = { lowPriority: lowPriority(values.priority), stateDir: values['state-dir'], hub: values.hub, ca: values.ca, pin: pin(values.pin), spoolLimits: spoolLimits(values) };
  const [command, ...extra] = positionals;
  if (extra.length > 0 || (command !== undefined && command !== 'enrol')) {
    throw badArguments(`unexpected argument "${command === 'enrol' ? extra[0] : command}"`);
  }
  const modes = [command === 'enrol' && 'enrol', values['dry-run'] && '--dry-run', values.once && '--once', values.schedule !== undefined && '--schedule', values.output !== undefined && '--output'].filter(
    (mode): mode is string => typeof mode === 'string',
  );
  if (modes.length !== 1) throw badArguments(modes.length === 0 ? 'choose a mode: enrol, --dry-run, --once, --schedule or --output' : `choose one mode, not ${modes.join(' and ')}`);
  if (values.secret !== undefined && command !== 'enrol') throw badArguments('--secret is only used with enrol');
  if (values.jitter !== undefined && values.schedule === undefined) throw badArguments('--jitter is only used with --schedule');
  if (values['quiet-hours'] !== undefined && values.schedule === undefined) throw badArguments('--quiet-hours is only used with --schedule');
  if (command === 'enrol') return enrolCommand(values.hub, values.secret ?? env['ESTATEWATCH_ENROL_SECRET'], common);
  if (values['dry-run']) return { mode: 'dry-run', ...common };
  if (values.full && !values.once && values.schedule === undefined) throw badArguments('--full is only used with --once or --schedule');
  if (values.once) return { mode: 'once', fullReport: values.full === true, ...common };
  if (values.output !== undefined) return { mode: 'output', file: values.output, ...common };
  const expression = values.schedule ?? '';
  const jitterSeconds = values.jitter === undefined ? DEFAULT_JITTER_SECONDS : wholeNumber('--jitter', values.jitter);
  return { mode: 'schedule', cron: expression, jitterSeconds, quietHours: quietHours(values['quiet-hours']), fullReport: values.full === true, ...common };
}

/** Refuses a --schedule expression node-cron cannot run, as a bad argument. */
export async function checkSchedule(command: AgentCommand): Promise<void> {
  if (command.mode !== 'schedule') return;
  const { default: cron } = await import('node-cron');
  if (!cron.validate(command.cron)) throw badArguments(`--schedule "${command.cron}" is not a valid cron expression`);
}

function quietHours(text: string | undefined): QuietHours | undefined {
  if (text === undefined) return undefined;
  const parsed = parseQuietHours(text);
  if (!parsed) throw badArguments(`--quiet-hours must be HH:MM-HH:MM (e.g. 08:00-18:00), not "${text}"`);
  return parsed;
}

function pin(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const parsed = parsePin(text);
  if (!parsed) throw badArguments(`--pin must be the SHA-256 fingerprint of the hub's certificate (64 hex digits, colons optional), not "${text}"`);
  return parsed;
}

function lowPriority(text: string | undefined): boolean {
  if (text === undefined || text === 'low') return true;
  if (text === 'normal') return false;
  throw badArguments(`--priority must be low or normal, not "${text}"`);
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw badArguments((error as Error).message);
  }
}

function enrolCommand(hub: string | undefined, secret: string | undefined, common: Common): AgentCommand {
  if (!hub) throw badArguments('enrol needs --hub <url>');
  if (!secret) throw badArguments('enrol needs --secret <secret> (or ESTATEWATCH_ENROL_SECRET)');
  return { mode: 'enrol', hub, secret, ...common };
}

function spoolLimits(values: { 'spool-max-files'?: string; 'spool-max-mb'?: string }): Partial<SpoolLimits> {
  const limits: Partial<SpoolLimits> = {};
  if (values['spool-max-files'] !== undefined) limits.maxFiles = wholeNumber('--spool-max-files', values['spool-max-files']);
  if (values['spool-max-mb'] !== undefined) limits.maxBytes = wholeNumber('--spool-max-mb', values['spool-max-mb']) * 1024 * 1024;
  return limits;
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw badArguments(`${flag} must be a whole number, not "${value}"`);
  return Number(value);
}

function badArguments(message: string): AgentError {
  return new AgentError('bad-arguments', message);
}
