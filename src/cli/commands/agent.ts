import type { Command } from '../command.js';
import { runAgent } from '../../../agents/main.js';
import { USAGE } from '../../../agents/args.js';

export const agentCommand: Command = {
  name: 'agent',
  summary: 'Collect this machine\'s inventory and send it to a hub (enrol, --dry-run, --once, --schedule).',
  usage: USAGE,
  run: (argv) => runAgent(argv),
};
