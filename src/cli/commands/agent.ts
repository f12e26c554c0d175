import type { Command } from '../command.js';
import { runAgent } from '../../../agents/main.js';
import { USAGE } from '../../../agents/args.js';

export const agentCommand: Command = {
  name: 'agent',
  usage: USAGE,
  run: (argv) => runAgent(argv),
};
