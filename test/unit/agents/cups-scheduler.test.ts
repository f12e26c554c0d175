import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mayReachCupsScheduler } from '../../../agents/cups-scheduler.js';

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy()).listen(0, '127.0.0.1', () => resolve(server));
  });
}
const portOf = (server: Server) => (server.address() as { port: number }).port;
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('mayReachCupsScheduler', () => {
  let dir: string;
  /** A port nothing listens on: bound, then released. */
  let closedPort: number;
  const nothingThere = () => ({ CUPS_SERVERROOT: join(dir, 'etc'), HOME: join(dir, 'home'), IPP_PORT: String(closedPort) });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ew-cups-scheduler-'));
    const server = await listen();
    closedPort = portOf(server);
    await close(server);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is false when no server is named, there is no socket and nothing answers on 127.0.0.1’s IPP port', async () => {
    await expect(mayReachCupsScheduler({ env: nothingThere(), sockets: [join(dir, 'cups.sock')] })).resolves.toBe(false);
  });

  it('is true when CUPS_SERVER names a server', async () => {
    await expect(mayReachCupsScheduler({ env: { ...nothingThere(), CUPS_SERVER: 'print.trust.nhs.uk' }, sockets: [] })).resolves.toBe(true);
  });

  it('is true when a client.conf names one, system-wide or the user’s', async () => {
    mkdirSync(join(dir, 'etc'));
    writeFileSync(join(dir, 'etc', 'client.conf'), 'ServerName print.trust.nhs.uk\n');
    await expect(mayReachCupsScheduler({ env: nothingThere(), sockets: [] })).resolves.toBe(true);
    rmSync(join(dir, 'etc'), { recursive: true });
    mkdirSync(join(dir, 'home', '.cups'), { recursive: true });
    writeFileSync(join(dir, 'home', '.cups', 'client.conf'), 'ServerName print.trust.nhs.uk\n');
    await expect(mayReachCupsScheduler({ env: nothingThere(), sockets: [] })).resolves.toBe(true);
  });

  it('is true when the scheduler’s socket is there, even with cupsd not yet started (socket activation)', async () => {
    writeFileSync(join(dir, 'cups.sock'), '');
    await expect(mayReachCupsScheduler({ env: nothingThere(), sockets: [join(dir, 'missing.sock'), join(dir, 'cups.sock')] })).resolves.toBe(true);
  });

  it('is true when something answers on 127.0.0.1’s IPP port', async () => {
    const server = await listen();
    try {
      await expect(mayReachCupsScheduler({ env: { ...nothingThere(), IPP_PORT: String(portOf(server)) }, sockets: [] })).resolves.toBe(true);
    } finally {
      await close(server);
    }
  });
});
