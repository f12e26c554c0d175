import { z } from 'zod';
import { generatePassword, hashPassword } from '../../auth/password.js';
import { revokeAgentToken } from '../../auth/revoke-agent.js';
import { loadConfig } from '../../config.js';
import { listAgents, type AgentSummary } from '../../store/agents.js';
import type { Db } from '../../store/db.js';
import { openStore } from '../../store/open-store.js';
import { findUserCredentials, insertUser, ROLES, setUserPassword, type Role } from '../../store/users.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage:
  estatewatch admin create-user <username> --role <${ROLES.join('|')}> [--data-dir <dir>]
  estatewatch admin reset-password <username> [--data-dir <dir>]
  estatewatch admin list-agents [--data-dir <dir>]
  estatewatch admin revoke-agent <agent-id> [--data-dir <dir>]

Manages people and agents on this hub's database (run on the hub's machine).
create-user and reset-password print a new random password once; only its hash
is stored. list-agents shows each enrolled agent (never its token).
revoke-agent refuses that agent's token from its next report on (the machine
must enrol again) and writes the revocation to the audit log.`;

const UsernameSchema = z.string().regex(/^[A-Za-z0-9._@-]{2,100}$/, 'usernames are 2-100 characters of letters, digits and . _ @ -');
const AgentIdSchema = z.coerce.number().int().positive();

/**
 * Each action checks its arguments, then returns the work to do on the
 * database and the text to print: a mistyped command never creates or opens one.
 */
type Action = (args: string[], role: string | undefined) => (db: Db) => Promise<string> | string;

const ACTIONS: Record<string, Action> = {
  'create-user': (args, role) => {
    const username = usernameOf(args);
    if (!ROLES.includes(role as Role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2, true);
    return async (db) => {
      if (findUserCredentials(db, username)) throw new CliError(`user ${username} already exists`);
      const password = generatePassword();
      insertUser(db, { username, passwordHash: await hashPassword(password), role: role as Role, mustChangePassword: true, now: new Date().toISOString() });
      return passwordNotice(username, password);
    };
  },
  'reset-password': (args) => {
    const username = usernameOf(args);
    return async (db) => {
      const found = findUserCredentials(db, username);
      if (!found) throw new CliError(`no user ${username}`);
      const password = generatePassword();
      setUserPassword(db, found.user.id, await hashPassword(password), true);
      return passwordNotice(username, password);
    };
  },
  'list-agents': (args) => {
    if (args.length) throw new CliError('list-agents takes no arguments', 2, true);
    return (db) => agentTable(listAgents(db));
  },
  'revoke-agent': (args) => {
    const id = AgentIdSchema.safeParse(onlyArgument(args, 'agent id'));
    if (!id.success) throw new CliError('an agent id is a positive whole number (see estatewatch admin list-agents)', 2, true);
    return (db) => {
      const revocation = revokeAgentToken(db, id.data, 'cli', new Date());
      if (revocation.outcome === 'unknown') throw new CliError(`no agent ${id.data} (see estatewatch admin list-agents)`);
      if (revocation.outcome === 'already-revoked') throw new CliError(`agent ${id.data} (${revocation.agent.hostname}) was already revoked at ${revocation.agent.revokedAt}`);
      return `agent ${id.data} (${revocation.agent.hostname}) revoked; its next report will be refused until the machine enrols again\n`;
    };
  },
};

function onlyArgument(args: string[], what: string): string {
  const [value, ...extra] = args;
  if (!value || extra.length) throw new CliError(`expected one ${what}`, 2, true);
  return value;
}

function usernameOf(args: string[]): string {
  const name = UsernameSchema.safeParse(onlyArgument(args, 'username'));
  if (!name.success) throw new CliError(name.error.issues[0]?.message ?? 'bad username', 2, true);
  return name.data;
}

const passwordNotice = (username: string, password: string) => `${username}: password ${password}\n(shown once; only its hash is stored)\n`;

function agentTable(agents: AgentSummary[]): string {
  if (!agents.length) return 'no agents enrolled\n';
  const rows = [['id', 'hostname', 'enrolled', 'last report', 'revoked'], ...agents.map((a) => [String(a.id), a.hostname, a.enrolledAt, a.lastReportAt ?? '-', a.revokedAt ?? '-'])];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}

export const adminCommand: Command = {
  name: 'admin',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { role: { type: 'string' }, 'data-dir': { type: 'string' } }, true);
    const [action, ...args] = positionals;
    const act = action !== undefined && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!act) throw new CliError(action === undefined ? 'expected an action' : `unknown action "${action}"`, 2, true);
    const work = act(args, values.role);
    const db = openStore(loadConfig(process.env, { dataDir: values['data-dir'] }));
    try {
      process.stdout.write(await work(db));
      return 0;
    } finally {
      db.close();
    }
  },
};
