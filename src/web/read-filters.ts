import type { Context } from 'hono';
import type { z } from 'zod';
import type { HubEnv } from '../hub/deps.js';
import { fieldErrors, type ErrorDetail } from '../hub/errors.js';
import { nonEmpty } from '../hub/query-schemas.js';

/** `typed`: the filters as given (empty ones dropped), for the form and the links to keep. */
export type Filters<T> = { typed: Record<string, string> } & ({ ok: true; query: T } | { ok: false; problems: ErrorDetail[] });

/**
 * A list page's filters, parsed; or, for a mistake typed into the filter form
 * (a version range that is not one), what was typed and what is wrong with it,
 * so the page shows both above the form rather than an error page.
 */
export function readFilters<S extends z.ZodType>(c: Context<HubEnv>, schema: S): Filters<z.output<S>> {
  const typed = nonEmpty(c.req.query());
  const parsed = schema.safeParse(typed);
  return parsed.success ? { typed, ok: true, query: parsed.data } : { typed, ok: false, problems: fieldErrors(parsed.error) };
}
