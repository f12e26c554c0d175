import { hashToken } from '../../src/auth/tokens.js';
import type { createApp } from '../../src/hub/app.js';
import type { Db } from '../../src/store/db.js';
import { findSession } from '../../src/store/sessions.js';
import { TEST_NOW } from './test-hub.js';

/** A page form's POST as a browser sends it: url-encoded, same origin, the person's session cookie. */
export function postForm(app: ReturnType<typeof createApp>, path: string, cookie: string, fields: Record<string, string>): Promise<Response> {
  return Promise.resolve(
    app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** The form token (csrf field) the pages give the session behind this cookie. */
export function formTokenOf(db: Db, cookie: string): string {
  return findSession(db, hashToken(cookie.split('=')[1] ?? ''), TEST_NOW.toISOString())?.csrfToken ?? '';
}
