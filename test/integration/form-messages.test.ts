/**
 * Every form that redirects says what it did at the top of the page it lands
 * on, once; the message travels signed, so no one else can put words there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHubAsAdmin, type DemoHubAsAdmin } from '../helpers/demo-hub-as-admin.js';
import { hoursBefore, insertTestAlert } from '../helpers/insert-test-alert.js';
import { postForm } from '../helpers/post-form.js';
import { TEST_NOW } from '../helpers/test-hub.js';

let { hub, app, cookie, csrf } = {} as DemoHubAsAdmin;

beforeAll(async () => {
  ({ hub, app, cookie, csrf } = await demoHubAsAdmin());
});
afterAll(() => hub.close());

/** The page a redirect lands on, with the cookies the redirect set. */
async function follow(res: Response): Promise<{ html: string; setCookie: string }> {
  expect(res.status).toBe(303);
  const flash = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await app.request(res.headers.get('location') as string, { headers: { cookie: `${cookie}; ${flash}` } });
  return { html: await page.text(), setCookie: page.headers.get('set-cookie') ?? '' };
}

describe('what a form did, said where it lands', () => {
  it('says "Alert #n acknowledged." once at the top of the alert, and clears it', async () => {
    const id = insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', severity: 'high', raisedAt: hoursBefore(TEST_NOW, 3) });
    const landed = await follow(await postForm(app, `/alerts/${id}/acknowledge`, cookie, { csrf }));
    expect(landed.html).toContain(`<main id="main" tabindex="-1"><p class="notice" role="status" id="flash">Alert #${id} acknowledged.</p>`);
    expect(landed.setCookie).toMatch(/^ew_flash=; Max-Age=0/);
    const again = await app.request(`/alerts/${id}`, { headers: { cookie } });
    expect(await again.text()).not.toContain('id="flash"');
  });

  it('says what an exception request, a hazard and a device registration did', async () => {
    const hazard = await follow(await postForm(app, '/hazards', cookie, { csrf, title: 'Fax on ward 7', description: 'Referrals may be lost', initialSeverity: '3', initialLikelihood: '3', organisation: 'TRUST' }));
    expect(hazard.html).toContain('id="flash">Hazard recorded.</p>');
    const device = await follow(await postForm(app, '/devices', cookie, { csrf, kind: 'fax', name: 'Ward 9 fax', status: 'in-use' }));
    expect(device.html).toMatch(/id="flash">Device #\d+ registered\.<\/p>/);
  });

  it('ignores a message cookie the hub did not sign', async () => {
    const page = await app.request('/alerts', { headers: { cookie: `${cookie}; ew_flash=Your%20account%20is%20locked%2C%20call%20us` } });
    expect(await page.text()).not.toContain('id="flash"');
  });
});

describe('people by name', () => {
  it('lets a person set their name and job title, audited, and records then name them by it', async () => {
    const saved = await follow(await postForm(app, '/account/profile', cookie, { csrf, displayName: 'Dr Ada Byron', jobTitle: 'Chief Information Officer' }));
    expect(saved.html).toContain('id="flash">Your name and job title are saved.</p>');
    expect(saved.html).toContain('<a class="small account" href="/account/password">Dr Ada Byron (admin)</a>');
    expect(hub.deps.db.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'user' AND action = 'update'").get()).toEqual({
      actor: 'admin', action: 'update', after: JSON.stringify({ displayName: 'Dr Ada Byron', jobTitle: 'Chief Information Officer' }),
    });
    const page = await (await app.request('/hazards', { headers: { cookie } })).text();
    expect(page).toContain('<datalist id="people"><option value="admin">Dr Ada Byron (Chief Information Officer)</option></datalist>');
    expect(page).toMatch(/<input id="new-owner" name="owner" value="admin" required="" maxlength="100" list="people"/);
  });

  it('refuses a name with markup or control characters beside the field, changing nothing', async () => {
    const res = await postForm(app, '/account/profile', cookie, { csrf, displayName: '<script>x</script>', jobTitle: '' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('a name without control characters or &lt; &gt;');
    expect(hub.deps.db.prepare("SELECT display_name FROM users WHERE username = 'admin'").get()).toEqual({ display_name: 'Dr Ada Byron' });
  });

  it('sets a name and title from the CLI, audited as the CLI', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const { storeEnv } = await import('../helpers/test-hub.js');
    const r = runCli(['admin', 'set-profile', 'admin', '--name', 'Ada Byron', '--title', 'CIO', '--data-dir', hub.dir], { env: storeEnv(hub) });
    expect([r.code, r.stdout]).toEqual([0, 'admin is now Ada Byron (CIO)\n']);
  });
});

describe('a refused form keeps what was typed', () => {
  it('refuses an action born overdue beside the form, what was typed kept', async () => {
    const res = await postForm(app, '/actions', cookie, { csrf, title: 'Replace the ward 7 fax', owner: 'admin', dueDate: '2026-11-01', organisation: 'TRUST' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<details class="panel" open="">');
    expect(html).toContain('id="new-action-error">dueDate: a new action is due today (2026-11-23) or later</p>');
    expect(html).toContain('value="Replace the ward 7 fax"');
    expect(html).toContain('value="2026-11-01"');
    expect(hub.deps.db.prepare('SELECT count(*) AS n FROM actions').get()).toEqual({ n: 0 });
  });

  it('refuses a hazard for an owner no one can find, the form open again with what was typed', async () => {
    const res = await postForm(app, '/hazards', cookie, { csrf, title: 'Pager gaps in theatres', description: 'Bleeps drop out in theatre 3', initialSeverity: '4', initialLikelihood: '2', owner: 'nobody-here', organisation: 'TRUST' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<details class="panel" id="new-hazard" open="">');
    expect(html).toMatch(/id="new-hazard-error">[^<]*no user &quot;nobody-here&quot;/);
    expect(html).toMatch(/<textarea id="new-description"[^>]*>Bleeps drop out in theatre 3<\/textarea>/);
    expect(html).toContain('<option value="4" selected="">');
  });
});

describe('raising a hazard from an alert page', () => {
  it('comes back to the alert with the reason in the raise form, what was typed kept, when a rating is missing', async () => {
    const id = insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', severity: 'high', raisedAt: hoursBefore(TEST_NOW, 3) });
    const res = await postForm(app, `/alerts/${id}/raise-hazard`, cookie, { csrf, title: 'Ward 7 referrals at risk', initialSeverity: '4', potentialHarm: 'Delayed referral', owner: 'admin' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="raise-hazard-error">[^<]*initialLikelihood/);
    expect(html).toContain('value="Ward 7 referrals at risk"');
    expect(html).toMatch(/<textarea id="raise-harm"[^>]*>Delayed referral<\/textarea>/);
    expect(hub.deps.db.prepare("SELECT count(*) AS n FROM hazards WHERE title = 'Ward 7 referrals at risk'").get()).toEqual({ n: 0 });
  });
});
