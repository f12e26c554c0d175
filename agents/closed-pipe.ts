/**
 * A reader that stops early (`estatewatch assess pc.json | head`,
 * `estatewatch-agent.cjs --dry-run | head`) closes the
 * pipe, and the next write to it fails with EPIPE. That is the reader's
 * choice, not a failure: the command exits at once with status 0, as a Unix
 * tool ended by SIGPIPE leaves its pipeline (Node ignores SIGPIPE, so the
 * failed write is how it hears). Any other output error stays fatal. Shared
 * by the hub's CLI and the one-file agent, which can import nothing of the hub.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}
