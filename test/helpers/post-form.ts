import type { createApp } from '../../src/hub/app.js';

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
