/**
 * The people a reader may name on a page (their trust's and the ICS-wide
 * ones), looked up once per page view and kept beside the session as the
 * notifications are (notification-summary.ts). The layout turns it into one
 * <datalist id="people"> that every owner and assignee field offers, and pages
 * show a username as the person's name and job title where one is set.
 */
import { createMiddleware } from 'hono/factory';
import type { HubEnv } from '../hub/deps.js';
import type { Session } from '../store/sessions.js';
import { peopleLabels } from '../store/users.js';

const directories = new WeakMap<Session, ReadonlyMap<string, string>>();

/** Username → how pages name them, for this page view. */
export function peopleOf(session: Session): ReadonlyMap<string, string> | undefined {
  return directories.get(session);
}

/** The person as the page names them: "Dr Jane Smith (Clinical Safety Officer)", or the username. */
export function nameOf(session: Session, username: string): string {
  return directories.get(session)?.get(username) ?? username;
}

export const attachPeople = createMiddleware<HubEnv>(async (c, next) => {
  const session = c.var.session;
  if (session && !session.user.mustChangePassword && c.req.method === 'GET' && !c.req.path.startsWith('/api/') && !c.req.path.startsWith('/static/')) {
    directories.set(session, peopleLabels(c.var.deps.db, session.user.organisationId));
  }
  await next();
});
