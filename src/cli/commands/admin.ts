import { z } from 'zod';
import { generatePassword, hashPassword } from '../../auth/password.js';
import { loadConfig } from '../../config.js';
import { databaseFile, openDb } from '../../store/db.js';
import { findUserCredentials, insertUser, ROLES, setUserPassword, type Role } from '../../store/users.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage:
  estatewatch admin create-user <username> --role <${ROLES.join('|')}> [--data-dir <dir>]
  estatewatch admin reset-password <username> [--data-dir <dir>]

Manages people on this hub's database (run on the hub's machine). Each prints a
new random password once; only its hash is stored.`;

const UsernameSchema = z.string().regex(/^[A-Za-z0-9._@-]{2,100}$/, 'usernames are 2-100 characters of letters, digits and . _ @ -');

export const adminCommand: Command = {
  name: 'admin',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { role: { type: 'string' }, 'data-dir': { type: 'string' } }, true);
    const [action, username, ...extra] = positionals;
    if (!username || extra.length) throw new CliError('expected an action and one username', 2, true);
    const name = UsernameSchema.safeParse(username);
    if (!name.success) throw new CliError(name.error.issues[0]?.message ?? 'bad username', 2, true);
    const db = openDb(databaseFile(loadConfig(process.env, { dataDir: values['data-dir'] }).dataDir));
    try {
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      if (action === 'create-user') {
        const role = values.role as Role;
        if (!ROLES.includes(role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2, true);
        if (findUserCredentials(db, username)) throw new CliError(`user ${username} already exists`);
        insertUser(db, { username, passwordHash, role, mustChangePassword: true, now: new Date().toISOString() });
      } else if (action === 'reset-password') {
        const found = findUserCredentials(db, username);
        if (!found) throw new CliError(`no user ${username}`);
        setUserPassword(db, found.user.id, passwordHash, true);
      } else {
        throw new CliError(`unknown action "${action}"`, 2, true);
      }
      process.stdout.write(`${username}: password ${password}\n(shown once; only its hash is stored)\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
