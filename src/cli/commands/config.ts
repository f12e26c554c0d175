import { configTable } from '../../config.js';
import type { Command } from '../command.js';

export const configCommand: Command = {
  name: 'config',
  usage: 'Usage: estatewatch config\n\nPrints every setting the hub reads from the environment, with its default and meaning (Markdown).',
  run: async () => {
    process.stdout.write(`${configTable()}\n`);
    return 0;
  },
};
