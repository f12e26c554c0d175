/**
 * The one error type inner code throws; the hub's onError turns it into a
 * response. Codes are stable kebab-case strings other tools may rely on.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { formatPath } from '../contract/report.js';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class HubError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(status, { message });
    this.name = 'HubError';
  }
}

export const unauthorized = (message = 'sign in first') => new HubError(401, 'unauthorized', message);
export const forbidden = (message = 'your role does not allow this') => new HubError(403, 'forbidden', message);
export const notFound = (what: string) => new HubError(404, 'not-found', `${what} not found`);

/** Each bad field of a failed parse, by its path. */
export function fieldErrors(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Parses a request value with a zod schema, or throws a 400 naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, code = 'invalid-request'): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = fieldErrors(r.error);
  throw new HubError(400, code, `${details.length} invalid field${details.length === 1 ? '' : 's'}: ${details.map((d) => d.path).join(', ')}`, details);
}
