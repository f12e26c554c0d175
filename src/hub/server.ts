import { serve, type ServerType } from '@hono/node-server';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readHubTls } from '../config.js';
import { log } from '../log.js';
import { startCheckpointer } from '../store/checkpointer.js';
import { createApp } from './app.js';
import type { HubDeps } from './deps.js';

/** How often the log is copied into the database file while the hub listens (store/checkpointer.ts). */
const CHECKPOINT_EVERY_MS = 1000;
/** Past this many pages (40 MB) the hub's own commit finishes the checkpoint, so the log restarts. */
const RESTART_LOG_PAGES = 10_000;

export interface RunningHub {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/**
 * Listens on the configured host and port, over HTTPS when the configuration
 * names a certificate and key; resolves once the socket is open.
 * While it listens, a worker thread checkpoints the database (store/checkpointer.ts).
 */
export function listen(deps: HubDeps): Promise<RunningHub> {
  const app = createApp(deps);
  const tls = readHubTls(deps.config);
  const transport = tls ? { createServer: createHttpsServer, serverOptions: tls } : {};
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: deps.config.host, port: deps.config.port, ...transport }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const checkpointer = startCheckpointer(deps.db, { everyMs: CHECKPOINT_EVERY_MS, restartPages: RESTART_LOG_PAGES, onError: (error) => log('warn', 'database checkpoint failed', { error }) });
      resolve({
        url: `${tls ? 'https' : 'http'}://${host}:${info.port}`,
        server,
        close: async () => {
          await new Promise<void>((done) => server.close(() => done()));
          await checkpointer?.stop();
        },
      });
    });
    server.once('error', reject);
  });
}
