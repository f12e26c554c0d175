/**
 * Who is at the other end of a request, and whether it came over HTTPS. The
 * socket's address is the truth unless the socket is the TLS reverse proxy an
 * admin named (ESTATEWATCH_TRUSTED_PROXY): then the proxy's X-Forwarded-For
 * says who the client is, and the request counts as HTTPS (the proxy ended
 * the TLS). From anyone else X-Forwarded-For is ignored: any client can write
 * it, and would then escape the per-address sign-in limit.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { HubEnv } from './deps.js';

/** "::ffff:10.0.0.5" (an IPv4 peer on a dual-stack socket) is 10.0.0.5. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/** The socket's peer; none for a request made in-process (tests). */
function socketAddress(c: Context<HubEnv>): string | undefined {
  const address = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;
  return address === undefined ? undefined : plain(address);
}

/** The request came through the reverse proxy the hub was told to trust. */
export function viaTrustedProxy(c: Context<HubEnv>): boolean {
  const socket = socketAddress(c);
  return socket !== undefined && c.var.deps.config.trustedProxy.includes(socket);
}

/**
 * The client's address. Behind the trusted proxy: the rightmost X-Forwarded-For
 * entry that is not a trusted proxy (the proxy appends what it saw; entries to
 * the left are the client's own word). A malformed entry stops the walk, and
 * the proxy's own address stands for everyone behind it.
 */
export function clientAddress(c: Context<HubEnv>): string {
  const socket = socketAddress(c);
  if (socket === undefined) return 'in-process';
  if (!viaTrustedProxy(c)) return socket;
  const proxies = c.var.deps.config.trustedProxy;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => plain(a.trim())).reverse();
  for (const address of forwarded) {
    if (isIP(address) === 0) break;
    if (!proxies.includes(address)) return address;
  }
  return socket;
}

/** Served over HTTPS: by the hub itself, or by the trusted proxy in front. */
export function servedOverHttps(c: Context<HubEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || viaTrustedProxy(c);
}

/** The origin a browser sees: behind the proxy, https on the host it asked for. */
export function publicOrigin(c: Context<HubEnv>): string {
  const url = new URL(c.req.url);
  return servedOverHttps(c) ? `https://${url.host}` : url.origin;
}
