import fs from 'node:fs';
import path from 'node:path';

/**
 * The Linux helper's systemd unit as `systemctl start estatewatch-agent.service`
 * would run it (one scan, then exit), for a tree installed under `root`
 * (ESTATEWATCH_INSTALL_ROOT): node's arguments from its ExecStart, each path
 * moved under `root`.
 */
export function unitScanArgs(root: string): string[] {
  const unit = fs.readFileSync(path.join(root, 'etc/systemd/system/estatewatch-agent.service'), 'utf8');
  const exec = /^ExecStart=\/usr\/bin\/env node (\S+) (.*) --state-dir (\S+)$/m.exec(unit);
  if (!exec) throw new Error(`the unit's ExecStart is not "/usr/bin/env node <agent> <args> --state-dir <dir>":\n${unit}`);
  const [, bundle, args, stateDir] = exec as unknown as [string, string, string, string];
  return [path.join(root, bundle), ...args.split(' '), '--state-dir', path.join(root, stateDir)];
}
