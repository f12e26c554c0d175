import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import { formTokenOf } from './post-form.js';
import { signInUsers } from './sign-in-users.js';
import { createTestHub } from './test-hub.js';

/**
 * A test hub holding the demo estate (with no alert rules, so the only alerts
 * are those a test inserts), its app in-process, and admin signed in: the
 * session cookie and the form token a page form sends.
 */
export async function demoHubAsAdmin() {
  const hub = await createTestHub();
  const app = createApp(hub.deps);
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  const cookie = (await signInUsers(app, hub, [])).admin as string;
  return { hub, app, cookie, csrf: formTokenOf(hub.deps.db, cookie) };
}

export type DemoHubAsAdmin = Awaited<ReturnType<typeof demoHubAsAdmin>>;
