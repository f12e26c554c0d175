import { promisify } from 'node:util';
import { isUntrustedHub, postToHub, type HubAnswer } from './hub-request.js';
import type { HubTrust } from './hub-trust.js';
import { hubUrl } from './hub-url.js';
import type { Delta } from '../src/contract/delta.js';
import type { Report } from '../src/contract/report.js';

/**
 * What the hub made of one report:
 * - acknowledged: 2xx, stored (or already stored under this Idempotency-Key: `duplicate`);
 * - rejected: 400/409/413/422, it will never accept this report as sent, so do not retry it
 *   (409: a delta report the hub cannot apply; the sender falls back to the full report);
 * - unauthorized: 401/403, the token is wrong or revoked; keep everything and stop;
 * - untrusted: the hub's certificate failed verification or the pin; nothing was sent; keep everything and stop;
 * - retry: anything else (network, timeout, 5xx, 429, unexpected status); try again later.
 */
export type PostOutcome =
  | { kind: 'acknowledged'; receiptId?: string; duplicate: boolean }
  | { kind: 'rejected'; status: number; body: string }
  | { kind: 'unauthorized'; status: number; body: string }
  | { kind: 'untrusted'; reason: string }
  | { kind: 'retry'; reason: string };

export interface PostOptions {
  timeoutMs?: number;
  trust?: HubTrust;
}

/** One report to send: full or delta, and the spool id that keys every attempt at it. */
export interface Outgoing {
  id: string;
  report: Report | Delta;
}

/** POSTs one report, gzipped, keyed by its spool id so a retry is never stored twice. */
export async function postReport(hub: string, token: string, entry: Outgoing, options: PostOptions = {}): Promise<PostOutcome> {
  const { timeoutMs = 30_000, trust } = options;
  const body = await gzipText(JSON.stringify(entry.report));
  let answer: HubAnswer;
  try {
    answer = await postToHub({
      url: hubUrl(hub, '/api/v1/reports'),
      headers: {
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': entry.id,
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      },
      body,
      timeoutMs,
      trust,
    });
  } catch (error) {
    return failedAttempt(error as Error);
  }
  return outcomeOf(answer);
}

/** zlib is loaded by the first post, so a scan that sends nothing (--dry-run, --output) never pays for it. */
async function gzipText(text: string) {
  const { gzip } = await import('node:zlib');
  return promisify(gzip)(text);
}

function outcomeOf({ status, text }: HubAnswer): PostOutcome {
  if (status >= 200 && status < 300) return acknowledged(text);
  if (status === 400 || status === 409 || status === 413 || status === 422) return { kind: 'rejected', status, body: text };
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, body: text };
  return { kind: 'retry', reason: `hub answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
}

/** The hub stored the report once it said 2xx; an odd body does not undo that. */
function acknowledged(text: string): PostOutcome {
  try {
    const body = JSON.parse(text) as { receiptId?: unknown; duplicate?: unknown };
    return {
      kind: 'acknowledged',
      receiptId: typeof body.receiptId === 'string' ? body.receiptId : undefined,
      duplicate: body.duplicate === true,
    };
  } catch {
    return { kind: 'acknowledged', duplicate: false };
  }
}

function failedAttempt(error: Error): PostOutcome {
  if (isUntrustedHub(error)) return { kind: 'untrusted', reason: error.message };
  return { kind: 'retry', reason: error.message };
}
