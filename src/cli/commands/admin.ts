import { isIP } from 'node:net';
import { z } from 'zod';
import { generatePassword, hashPassword } from '../../auth/password.js';
import { approveAgentReports } from '../../auth/approve-agent.js';
import { rebindAgentToMachine } from '../../auth/rebind-agent.js';
import { revokeAgentToken } from '../../auth/revoke-agent.js';
import { revokeEnrolmentSecretById } from '../../auth/revoke-enrolment-secret.js';
import { loadConfig } from '../../config.js';
import { MachineNameSchema } from '../../contract/report.js';
import { listAgents, listEnrolmentSecrets, type AgentSummary, type EnrolmentSecretSummary } from '../../store/agents.js';
import type { Db } from '../../store/db.js';
import { appendAudit } from '../../store/audit-log.js';
import { openStore } from '../../store/open-store.js';
import { findOrganisationByCode, insertOrganisation, listOrganisations, updateOrganisation } from '../../store/organisations.js';
import { deleteUserSessions } from '../../store/sessions.js';
import { deleteFailures } from '../../store/sign-in-attempts.js';
import { inTransaction } from '../../store/statements.js';
import { findUserCredentials, insertUser, personLabel, ROLES, setUserPassword, setUserProfile, type Role } from '../../store/users.js';
import { ProfileSchema, type ProfileFields } from '../../auth/profile.js';
import { OrganisationCodeSchema } from '../../hub/owning-organisation.js';
import { CliError } from '../cli-error.js';
import { organisationFlag } from '../organisation-flag.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage:
  estatewatch admin create-user <username> --role <${ROLES.join('|')}> [--organisation <code> | --ics-wide] [--name <name>] [--title <job title>] [--data-dir <dir>]
  estatewatch admin set-profile <username> [--name <name>] [--title <job title>] [--data-dir <dir>]
  estatewatch admin reset-password <username> [--data-dir <dir>]
  estatewatch admin unlock <username> | --address <ip> [--data-dir <dir>]
  estatewatch admin list-agents [--data-dir <dir>]
  estatewatch admin approve-agent <agent-id> [--data-dir <dir>]
  estatewatch admin rebind-agent <agent-id> --machine <name> [--data-dir <dir>]
  estatewatch admin revoke-agent <agent-id> [--data-dir <dir>]
  estatewatch admin list-enrolment-secrets [--data-dir <dir>]
  estatewatch admin revoke-enrolment-secret <secret-id> [--data-dir <dir>]
  estatewatch admin list-organisations [--data-dir <dir>]
  estatewatch admin add-organisation <code> --name <name> [--data-dir <dir>]
  estatewatch admin rename-organisation <code> [--code <new code>] [--name <name>] [--data-dir <dir>]

Manages people and agents on this hub's database (run on the hub's machine).
create-user and reset-password print a new random password once; only its hash
is stored. --name and --title are how records name the person ("signed off by
Dr Jane Smith (Clinical Safety Officer)"); set-profile changes them, audited. unlock forgets the failed sign-ins of a username (its owner's
address is no longer paused and its answers no longer slowed) or of one
client address. list-agents shows each enrolled agent (never its token), the
machine it enrolled as and the one it reports. approve-agent lets a new agent
report on a hub that holds new agents (ESTATEWATCH_APPROVE_NEW_AGENTS).
rebind-agent gives the agent of a renamed or re-imaged machine that machine's
name (a machine the hub holds becomes the agent's, and its previous agent is
revoked). revoke-agent refuses that agent's token from its next report on (the
machine must enrol again). list-enrolment-secrets shows each secret's uses
(never the secret); revoke-enrolment-secret stops it enrolling anyone else.
Each change is written to the audit log.

Organisations are the trusts sharing this hub, named by their NHS ODS code
(e.g. RXX); a new hub has one, TRUST ("This trust"), to rename. A person
created with --organisation sees only that trust's records; --ics-wide sees
every trust's. With one organisation, create-user puts the person in it; with
several, one of the two flags is required. Organisations are never deleted.`;

const UsernameSchema = z.string().regex(/^[A-Za-z0-9._@-]{2,100}$/, 'usernames are 2-100 characters of letters, digits and . _ @ -');
const AgentIdSchema = z.coerce.number({ error: 'an id is a positive whole number' }).int('an id is a positive whole number').positive('an id is a positive whole number');
const AddressSchema = z.string().refine((a) => isIP(a) !== 0, 'an IP address, as the audit log or the security lead\'s notification shows it');
const OrganisationNameSchema = z.string().trim().min(1, 'an organisation needs a name').max(200);

interface Flags {
  title?: string;
  address?: string;
  machine?: string;
  role?: string;
  organisation?: string;
  'ics-wide'?: boolean;
  code?: string;
  name?: string;
}

/**
 * Each action checks its arguments, then returns the work to do on the
 * database and the text to print: a mistyped command never creates or opens one.
 */
type Action = (args: string[], flags: Flags) => (db: Db) => Promise<string> | string;

const ACTIONS: Record<string, Action> = {
  'create-user': (args, flags) => {
    const username = usernameOf(args);
    const role = flags.role as Role;
    if (!ROLES.includes(role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2, true);
    if (flags.organisation !== undefined && flags['ics-wide']) throw new CliError('give --organisation or --ics-wide, not both', 2, true);
    const code = flags.organisation === undefined ? undefined : parseArg(OrganisationCodeSchema, flags.organisation);
    return async (db) => {
      if (findUserCredentials(db, username)) throw new CliError(`user ${username} already exists`);
      const organisationId = flags['ics-wide'] ? null : organisationFlag(db, code, '--organisation <code> or --ics-wide').id;
      const password = generatePassword();
      insertUser(db, { username, passwordHash: await hashPassword(password), role, mustChangePassword: true, organisationId, now: new Date().toISOString(), ...profileOf(flags) });
      return passwordNotice(username, password);
    };
  },
  'set-profile': (args, flags) => {
    const username = usernameOf(args);
    if (flags.name === undefined && flags.title === undefined) throw new CliError('give --name, --title or both', 2, true);
    const given = profileOf(flags);
    return (db) =>
      inTransaction(db, () => {
        const found = findUserCredentials(db, username);
        if (!found) throw new CliError(`no user ${username}`);
        const before = { displayName: found.user.displayName, jobTitle: found.user.jobTitle };
        const after = { ...before, ...given };
        setUserProfile(db, found.user.id, after);
        appendAudit(db, { at: new Date().toISOString(), actor: 'cli', action: 'update', entity: 'user', entityId: username, before, after });
        return `${username} is now ${personLabel({ username, ...after })}\n`;
      });
  },
  'reset-password': (args) => {
    const username = usernameOf(args);
    return async (db) => {
      const found = findUserCredentials(db, username);
      if (!found) throw new CliError(`no user ${username}`);
      const password = generatePassword();
      setUserPassword(db, found.user.id, await hashPassword(password), true);
      // Whoever held a session before the reset (perhaps the reason for it) is signed out.
      const ended = deleteUserSessions(db, found.user.id);
      return `${passwordNotice(username, password)}${ended ? `${ended} session${ended === 1 ? '' : 's'} of ${username} ended\n` : ''}`;
    };
  },
  unlock: (args, flags) => {
    if (flags.address !== undefined && args.length) throw new CliError('give a username or --address, not both', 2, true);
    const target: { username: string } | { client: string } = flags.address === undefined ? { username: usernameOf(args) } : { client: parseArg(AddressSchema, flags.address) };
    return (db) =>
      inTransaction(db, () => {
        const forgotten = deleteFailures(db, target);
        const { entity, id } = 'username' in target ? { entity: 'user', id: target.username } : { entity: 'client-address', id: target.client };
        appendAudit(db, { at: new Date().toISOString(), actor: 'cli', action: 'unlock', entity, entityId: id, after: { failuresForgotten: forgotten } });
        return `${id}: ${forgotten} failed sign-in${forgotten === 1 ? '' : 's'} forgotten\n`;
      });
  },
  'list-agents': (args) => {
    if (args.length) throw new CliError('list-agents takes no arguments', 2, true);
    return (db) => agentTable(listAgents(db, null));
  },
  'revoke-agent': (args) => {
    const id = agentIdOf(args);
    return (db) => {
      const revocation = revokeAgentToken(db, id, null, 'cli', new Date());
      if (revocation.outcome === 'unknown') throw unknownAgent(id);
      if (revocation.outcome === 'already-revoked') throw new CliError(`agent ${id} (${revocation.agent.hostname}) was already revoked at ${revocation.agent.revokedAt}`);
      return `agent ${id} (${revocation.agent.hostname}) revoked; its next report will be refused until the machine enrols again\n`;
    };
  },
  'approve-agent': (args) => {
    const id = agentIdOf(args);
    return (db) => {
      const approval = approveAgentReports(db, id, null, 'cli', new Date());
      if (approval.outcome === 'unknown') throw unknownAgent(id);
      if (approval.outcome === 'not-waiting') throw new CliError(`agent ${id} (${approval.agent.hostname}) is not waiting for approval`);
      return `agent ${id} (${approval.agent.hostname}) approved; its next run delivers the reports it kept\n`;
    };
  },
  'rebind-agent': (args, flags) => {
    const id = agentIdOf(args);
    const machine = parseArg(MachineNameSchema, flags.machine ?? '');
    return (db) => {
      const rebinding = rebindAgentToMachine(db, { agentId: id, machine, org: null, by: 'cli', now: new Date() });
      if (rebinding.outcome === 'unknown') throw unknownAgent(id);
      if (rebinding.outcome === 'revoked') throw new CliError(`agent ${id} was revoked at ${rebinding.agent.revokedAt}; enrol the machine again`);
      if (rebinding.outcome === 'unavailable') throw new CliError(`${machine} belongs to another trust's agent`);
      const revoked = rebinding.revokedAgent === undefined ? '' : `; agent ${rebinding.revokedAgent}, which reported it before, is revoked`;
      return `agent ${id} now reports ${machine}${revoked}\n`;
    };
  },
  'list-enrolment-secrets': (args) => {
    if (args.length) throw new CliError('list-enrolment-secrets takes no arguments', 2, true);
    return (db) => secretTable(listEnrolmentSecrets(db, null));
  },
  'revoke-enrolment-secret': (args) => {
    const id = parseArg(AgentIdSchema, onlyArgument(args, 'enrolment secret id'));
    return (db) => {
      const revocation = revokeEnrolmentSecretById(db, id, null, 'cli', new Date());
      if (revocation.outcome === 'unknown') throw new CliError(`no enrolment secret ${id} (see estatewatch admin list-enrolment-secrets)`);
      if (revocation.outcome === 'already-revoked') throw new CliError(`enrolment secret ${id} was already revoked at ${revocation.secret.revokedAt}`);
      return `enrolment secret ${id} (${revocation.secret.label}) revoked after ${revocation.secret.uses} of ${revocation.secret.maxUses} uses\n`;
    };
  },
  'list-organisations': (args) => {
    if (args.length) throw new CliError('list-organisations takes no arguments', 2, true);
    return (db) => table([['code', 'name'], ...listOrganisations(db).map((o) => [o.code, o.name])]);
  },
  'add-organisation': (args, flags) => {
    const code = parseArg(OrganisationCodeSchema, onlyArgument(args, 'organisation code'));
    const name = parseArg(OrganisationNameSchema, flags.name ?? '');
    return (db) =>
      inTransaction(db, () => {
        if (findOrganisationByCode(db, code)) throw new CliError(`organisation ${code} already exists`);
        const added = insertOrganisation(db, { code, name });
        appendAudit(db, { at: new Date().toISOString(), actor: 'cli', action: 'create', entity: 'organisation', entityId: String(added.id), after: { code, name } });
        return `organisation ${code} (${name}) added\n`;
      });
  },
  'rename-organisation': (args, flags) => {
    const code = parseArg(OrganisationCodeSchema, onlyArgument(args, 'organisation code'));
    if (flags.code === undefined && flags.name === undefined) throw new CliError('give --code, --name or both', 2, true);
    const newCode = flags.code === undefined ? undefined : parseArg(OrganisationCodeSchema, flags.code);
    const newName = flags.name === undefined ? undefined : parseArg(OrganisationNameSchema, flags.name);
    return (db) =>
      inTransaction(db, () => {
        const before = findOrganisationByCode(db, code);
        if (!before) throw new CliError(`no organisation ${code} (see estatewatch admin list-organisations)`);
        const after = { ...before, code: newCode ?? before.code, name: newName ?? before.name };
        if (after.code !== before.code && findOrganisationByCode(db, after.code)) throw new CliError(`organisation ${after.code} already exists`);
        updateOrganisation(db, after);
        appendAudit(db, { at: new Date().toISOString(), actor: 'cli', action: 'update', entity: 'organisation', entityId: String(before.id), before: { code: before.code, name: before.name }, after: { code: after.code, name: after.name } });
        return `organisation ${before.code} is now ${after.code} (${after.name})\n`;
      });
  },
};

function parseArg<T>(schema: z.ZodType<T>, value: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(parsed.error.issues[0]?.message ?? 'bad argument', 2, true);
  return parsed.data;
}

function onlyArgument(args: string[], what: string): string {
  const [value, ...extra] = args;
  if (!value || extra.length) throw new CliError(`expected one ${what}`, 2, true);
  return value;
}

function agentIdOf(args: string[]): number {
  return parseArg(AgentIdSchema, onlyArgument(args, 'agent id (see estatewatch admin list-agents)'));
}

const unknownAgent = (id: number) => new CliError(`no agent ${id} (see estatewatch admin list-agents)`);

/** The --name and --title given, checked as the account page checks them. */
function profileOf(flags: Flags): Partial<ProfileFields> {
  const parsed = ProfileSchema.partial().safeParse({ displayName: flags.name, jobTitle: flags.title });
  if (!parsed.success) throw new CliError(parsed.error.issues[0]?.message ?? 'bad --name or --title', 2, true);
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
}

function usernameOf(args: string[]): string {
  return parseArg(UsernameSchema, onlyArgument(args, 'username'));
}

const passwordNotice = (username: string, password: string) => `${username}: password ${password}\n(shown once; only its hash is stored)\n`;

function agentTable(agents: AgentSummary[]): string {
  if (!agents.length) return 'no agents enrolled\n';
  return table([
    ['id', 'trust', 'enrolled as', 'reports', 'enrolled', 'approved', 'last report', 'revoked'],
    ...agents.map((a) => [String(a.id), a.organisation, a.hostname, a.machine ?? '-', a.enrolledAt, a.approvedAt ?? 'waiting', a.lastReportAt ?? '-', a.revokedAt ?? '-']),
  ]);
}

function secretTable(secrets: EnrolmentSecretSummary[]): string {
  if (!secrets.length) return 'no enrolment secrets\n';
  return table([
    ['id', 'trust', 'label', 'uses', 'made by', 'expires', 'revoked'],
    ...secrets.map((s) => [String(s.id), s.organisation, s.label, `${s.uses}/${s.maxUses}`, s.createdBy ?? 'cli', s.expiresAt, s.revokedAt ?? '-']),
  ]);
}

/** Rows as aligned columns, the first row the headings. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}

export const adminCommand: Command = {
  name: 'admin',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(
      argv,
      { title: { type: 'string' }, address: { type: 'string' }, machine: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' }, 'ics-wide': { type: 'boolean' }, code: { type: 'string' }, name: { type: 'string' }, 'data-dir': { type: 'string' } },
      true,
    );
    const [action, ...args] = positionals;
    const act = action !== undefined && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!act) throw new CliError(action === undefined ? 'expected an action' : `unknown action "${action}"`, 2, true);
    const work = act(args, values);
    const db = openStore(loadConfig(process.env, { dataDir: values['data-dir'] }));
    try {
      process.stdout.write(await work(db));
      return 0;
    } finally {
      db.close();
    }
  },
};
