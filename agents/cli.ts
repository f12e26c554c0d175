#!/usr/bin/env node
/**
 * The entry of the one-file agent (`npm run build:agent`): the same code as
 * `estatewatch agent`, without the hub, for machines that have only Node.
 */
import path from 'node:path';
import { exitQuietlyOnClosedPipe } from './closed-pipe.js';
import { processIo, runAgent } from './main.js';

// Named as the person ran it ("estatewatch-agent.cjs", or whatever the file was renamed to), in its usage and messages.
const program = path.basename(process.argv[1] ?? 'estatewatch-agent.cjs');

// `estatewatch-agent.cjs --dry-run | head` is the reader stopping, not a failure (closed-pipe.ts).
exitQuietlyOnClosedPipe(process.stdout);

runAgent(process.argv.slice(2), processIo(), program).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${program}: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
