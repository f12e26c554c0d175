/** How the admin pages (Enrol agents, Agents) run one row's action and come back. */
import type { Context } from 'hono';
import type { HubEnv } from '../hub/deps.js';
import { HubError, parseOrThrow } from '../hub/errors.js';
import { IdSchema } from '../hub/query-schemas.js';
import { redirectWithMessage } from './flash.js';

export interface ActionPage {
  /** Where the browser goes once the action is done. */
  back: string;
  /** The page again, saying why the action was refused. */
  showRefusal: (c: Context<HubEnv>, error: string, status: 404 | 409) => Response | Promise<Response>;
}

/** Runs one action on the record `:id` names and comes back to the page saying what `act` did; a refusal (404, 409) is shown there with its reason. */
export async function pageAction(c: Context<HubEnv>, page: ActionPage, act: (id: number, form: Record<string, unknown>) => string): Promise<Response> {
  const id = parseOrThrow(IdSchema, c.req.param('id'));
  let done: string;
  try {
    done = act(id, await c.req.parseBody());
  } catch (err) {
    if (err instanceof HubError && (err.status === 404 || err.status === 409)) return page.showRefusal(c, err.message, err.status);
    throw err;
  }
  return redirectWithMessage(c, page.back, done);
}

/** The outcome of an action the API would refuse, as the same HubError. */
export function refuse(outcome: string, what: string): never {
  throw outcome === 'unknown' ? new HubError(404, 'not-found', `${what} not found`) : new HubError(409, outcome, `${what}: ${outcome.replaceAll('-', ' ')}`);
}
