import { loadConfig } from '../../config.js';
import { describeStore, openStore, storeExists } from '../../store/open-store.js';
import { verifyAuditChain } from '../../store/verify-audit-chain.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage:
  estatewatch audit verify [--data-dir <dir>]

Checks the hub's audit log (every change to alerts, hazards, actions and
exceptions) is whole: each entry's hash is recomputed from the one before, and
the alerts each alert run raised or cleared are the ones linked to its entry.
Exit 0 and the head hash when it is (keep the head hash: a later run should
still contain it); exit 1 naming the first entry that does not fit.
Reads the database file directly, so it can run beside the hub.`;

export const auditCommand: Command = {
  name: 'audit',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { 'data-dir': { type: 'string' } }, true);
    if (positionals.length !== 1 || positionals[0] !== 'verify') throw new CliError('expected: audit verify', 2, true);
    const config = loadConfig(process.env, { dataDir: values['data-dir'] });
    // An empty new database would verify, vacuously: a wrong --data-dir must fail instead.
    if (!storeExists(config)) throw new CliError(`no hub database at ${describeStore(config)}`);
    const db = openStore(config);
    try {
      const r = verifyAuditChain(db);
      if (!r.ok) {
        process.stderr.write(`audit chain broken at entry #${r.entryId}: ${r.reason}\n(${r.checked} entries before it verified)\n`);
        return 1;
      }
      process.stdout.write(`audit chain ok: ${r.count} entries, head ${r.head}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
