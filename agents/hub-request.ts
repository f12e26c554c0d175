/**
 * One POST to the hub over node:http or node:https. Not fetch: a trust's hub
 * often has a certificate from the trust's own CA, and Node's fetch takes no
 * CA per request without undici's Agent, which the one-file agent does not carry.
 * node:http follows no redirects, so the bearer token never goes elsewhere: a
 * 3xx is an answer like any other.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { AgentError } from './agent-error.js';
import { PinMismatchError, tlsOptions, type HubTrust } from './hub-trust.js';

export interface HubRequest {
  url: string;
  headers: Record<string, string>;
  body: string | Buffer;
  timeoutMs: number;
  trust?: HubTrust;
}

export interface HubAnswer {
  status: number;
  text: string;
}

/**
 * Sends the request and reads the whole answer. Throws AgentError
 * 'untrusted-hub' when the hub's certificate fails verification or the pin
 * (the TLS handshake fails before any byte of the body leaves) or when a CA or
 * pin is set for a plain http:// hub; else 'hub-unreachable' with the reason.
 */
export async function postToHub(request: HubRequest): Promise<HubAnswer> {
  const url = new URL(request.url);
  const trust = request.trust ?? {};
  if (url.protocol !== 'https:' && (trust.ca !== undefined || trust.pin !== undefined)) {
    throw new AgentError('untrusted-hub', `refusing to send to ${url.origin}: --ca or --pin is set, so the hub URL must start with https://`);
  }
  return send(url, request, trust);
}

function send(url: URL, request: HubRequest, trust: HubTrust): Promise<HubAnswer> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const options = {
    method: 'POST',
    headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
    signal,
    // A fresh connection each time: a pooled TLS session would skip the pin check on reuse.
    agent: false,
  };
  return new Promise((resolve, reject) => {
    let socket: Socket | undefined;
    const fail = (error: Error) => reject(failure(error, url, socket, signal));
    const answer = (response: IncomingMessage) => readText(response).then((text) => resolve({ status: response.statusCode ?? 0, text }), fail);
    const sent = url.protocol === 'https:' ? https.request(url, { ...options, ...tlsOptions(trust) }, answer) : http.request(url, options, answer);
    sent.on('socket', (s) => (socket = s));
    sent.on('error', fail);
    sent.end(request.body);
  });
}

async function readText(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function isUntrustedHub(error: unknown): error is AgentError {
  return error instanceof AgentError && error.code === 'untrusted-hub';
}

function failure(error: Error, url: URL, socket: Socket | undefined, signal: AbortSignal): AgentError {
  // Set by Node when the chain, the name or our pin check failed, before it closed the connection.
  if ((socket as TLSSocket | undefined)?.authorizationError) {
    const why =
      error instanceof PinMismatchError
        ? error.message
        : `its certificate cannot be verified (${error.message}); check the hub URL, or give the CA that issued it with --ca <file>`;
    return new AgentError('untrusted-hub', `refusing to send to ${url.origin}: ${why}`);
  }
  if (signal.aborted) return new AgentError('hub-unreachable', 'hub did not answer in time');
  return new AgentError('hub-unreachable', (error as NodeJS.ErrnoException).code ?? error.message);
}
