import type { Command } from '../command.js';
import { AGENT_COMMAND, runAgent } from '../../../agents/main.js';
import { agentUsage } from '../../../agents/args.js';

export const agentCommand: Command = {
  name: 'agent',
  usage: agentUsage(AGENT_COMMAND),
  run: (argv) => runAgent(argv),
};
