#!/usr/bin/env node
/**
 * The entry of the one-file agent (`npm run build:agent`): the same code as
 * `estatewatch agent`, without the hub, for machines that have only Node.
 */
import { runAgent } from './main.js';

runAgent(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`estatewatch-agent: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
