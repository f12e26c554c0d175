/**
 * Reads a JSON request body with a hard size cap, before and after gzip, so a
 * small compressed bomb cannot grow into gigabytes in memory.
 */
import { gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { HubError } from './errors.js';

export async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
  const raw = await readCapped(c.req.raw, maxBytes);
  const encoding = (c.req.header('content-encoding') ?? 'identity').toLowerCase();
  const text = decode(raw, encoding, maxBytes).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HubError(400, 'invalid-json', `body is not valid JSON: ${(err as Error).message}`);
  }
}

function tooLarge(maxBytes: number): HubError {
  return new HubError(413, 'too-large', `body is larger than ${maxBytes} bytes`);
}

async function readCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function decode(raw: Buffer, encoding: string, maxBytes: number): Buffer {
  if (encoding === 'identity') return raw;
  if (encoding !== 'gzip') throw new HubError(415, 'unsupported-encoding', `Content-Encoding ${encoding} is not accepted; send identity or gzip`);
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new HubError(400, 'invalid-gzip', `body is not valid gzip: ${(err as Error).message}`);
  }
}
