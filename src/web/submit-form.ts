/**
 * How a page form runs: the change is made and the browser sent on to a page
 * that says what was done; refused (a HubError 400 or 409: a bad field, an
 * unknown person or host, a rule), its page comes back with the reason in
 * that form and everything typed kept (FormRefusal), and nothing is stored.
 */
import type { Context } from 'hono';
import type { HubEnv } from '../hub/deps.js';
import { HubError } from '../hub/errors.js';
import { redirectWithMessage } from './flash.js';
import { fieldWords, formNameOf, type FormRefusal } from './form-refusal.js';

/** The page the form is on, again, with its refusal. */
export type ShowRefusal = (refusal: FormRefusal, status: 400 | 409) => Response | Promise<Response>;

/** Where the browser goes once the change is made, and what that page says at its top. */
export interface Done {
  to: string;
  message: string;
}

/** A posted form's fields as the person typed them, the form token left out. */
function typedFields(body: Record<string, unknown>): Record<string, string> {
  const { csrf: _token, ...fields } = body;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
}

/** Each bad field named with why, else the refusal's own words. */
const reasonOf = (err: HubError) => (err.details?.length ? fieldWords(err.details) : err.message);

/** Runs `act` on what was typed (it validates, e.g. with parseOrThrow, and makes the change); a refusal is shown by `show`. */
export async function submitForm(c: Context<HubEnv>, show: ShowRefusal, act: (typed: Record<string, string>) => Done): Promise<Response> {
  const typed = typedFields(await c.req.parseBody());
  let done: Done;
  try {
    done = act(typed);
  } catch (err) {
    if (err instanceof HubError && (err.status === 400 || err.status === 409)) return show({ form: formNameOf(c.req.path), message: reasonOf(err), typed, fields: err.details }, err.status);
    throw err;
  }
  return redirectWithMessage(c, done.to, done.message);
}
