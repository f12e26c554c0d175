/**
 * The install lines the Enrol agents page gives once a secret is made, on a
 * real hub over real HTTP: they name the hub as the admin's browser reached
 * it, carry the secret in the environment only, and work as pasted: the
 * one-file agent is built, and its lines run in a shell in its folder until
 * the machine has reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgent } from '../../scripts/build-agent.js';
import { runChild } from '../helpers/run-child.js';
import { signInCookie, startTestHub, tempDir, type ListeningTestHub } from '../helpers/test-hub.js';

const LINE_IDS = ['install-linux', 'install-macos', 'install-windows', 'install-agent'] as const;

let hub: ListeningTestHub;
let dist: string;
let scratch: string;

beforeAll(async () => {
  hub = await startTestHub();
  dist = tempDir('estatewatch-agent-dist-');
  scratch = tempDir('estatewatch-install-lines-');
  await buildAgent(dist);
});
afterAll(async () => {
  await hub.close();
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

const unescape = (html: string) => html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** Makes a secret on the Enrol agents page of `on`, as an admin's browser would, and returns the page and its install lines by id. */
async function makeSecret(on: ListeningTestHub, origin = on.url): Promise<{ res: Response; html: string; secret: string; lines: Record<string, string> }> {
  const cookie = await signInCookie(on.url, 'admin', on.adminPassword);
  const form = await (await fetch(`${on.url}/admin/enrolment`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const res = await fetch(`${on.url}/admin/enrolment`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, label: 'ward PCs', uses: '5' }).toString(),
  });
  const html = await res.text();
  const secret = /<code class="secret" id="secret">([^<]+)<\/code>/.exec(html)?.[1] ?? '';
  const lines = Object.fromEntries(LINE_IDS.map((id) => [id, unescape(new RegExp(`<code class="secret" id="${id}">([^<]+)</code>`).exec(html)?.[1] ?? '')]));
  return { res, html, secret, lines };
}

/** Runs a pasted line in a POSIX shell in the agent's folder. */
function paste(line: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stderr: string }> {
  return runChild('sh', ['-c', line], { cwd: dist, env });
}

const agentsEnrolledAs = (hostname: string) => hub.deps.db.prepare('SELECT id, revoked_at AS revokedAt FROM agents WHERE hostname = ? ORDER BY id').all(hostname) as { id: number; revokedAt: string | null }[];

describe('the install lines on the Enrol agents page', () => {
  it('name the hub as the browser reached it and give the secret in the environment, never as an argument, each with a copy button', async () => {
    const { res, html, secret, lines } = await makeSecret(hub);
    expect(res.status).toBe(201);
    expect(secret).toMatch(/^ewe_/);
    for (const id of LINE_IDS) {
      const line = lines[id] as string;
      expect(line, id).toContain(hub.url);
      expect(line, id).toMatch(new RegExp(`ESTATEWATCH_ENROL_SECRET='?${secret}'?[ ;]`));
      expect(line.split(secret).length, id).toBe(2);
      expect(line, id).not.toMatch(/--secret|-EnrolmentSecret/);
      expect(html, id).toContain(`<button type="button" class="copy" data-copy="${id}"`);
    }
    expect(lines['install-linux']).toBe(`ESTATEWATCH_ENROL_SECRET=${secret} sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install/linux/install.sh --hub ${hub.url}`);
    expect(lines['install-windows']).toBe(
      `$env:ESTATEWATCH_ENROL_SECRET='${secret}'; powershell -ExecutionPolicy Bypass -File install\\windows\\install.ps1 -HubUrl '${hub.url}'; Remove-Item Env:ESTATEWATCH_ENROL_SECRET`,
    );
  });

  it('come with their script from the hub itself, which the CSP allows, and no inline script', async () => {
    const { res, html } = await makeSecret(hub);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="/static/copy.js" defer="">']);
    const script = await fetch(`${hub.url}/static/copy.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("document.querySelectorAll('button[data-copy]')");
  });

  it('behind the trusted TLS proxy, name the https address the browser used', async () => {
    const proxied = await startTestHub({ trustedProxy: ['127.0.0.1'] });
    try {
      const httpsOrigin = proxied.url.replace('http://', 'https://');
      const { res, lines } = await makeSecret(proxied, httpsOrigin);
      expect(res.status).toBe(201);
      for (const id of LINE_IDS) {
        expect(lines[id], id).toContain(httpsOrigin);
        expect(lines[id], id).not.toContain('http://');
      }
    } finally {
      await proxied.close();
    }
  });

  it('the one-file agent’s line, pasted in its folder, enrols this machine and sends its first report', async () => {
    const { lines } = await makeSecret(hub);
    const run = await paste(lines['install-agent'] as string, { HOME: scratch, ESTATEWATCH_AGENT_STATE: path.join(scratch, 'agent-state') });
    expect(run.status, run.stderr).toBe(0);
    const [agent] = agentsEnrolledAs(os.hostname());
    expect(agent).toBeDefined();
    const asset = hub.deps.db.prepare('SELECT count(*) AS n FROM installs i JOIN assets a ON a.id = i.asset_id WHERE a.agent_id = ?').get(agent?.id) as { n: number };
    expect(asset.n).toBeGreaterThan(50);
    // The same machine's helper line below enrols it again: retire this agent first, as the Agents page asks.
    const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
    expect((await fetch(`${hub.url}/api/v1/agents/${agent?.id}/revoke`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  it('the Linux line, pasted as root, hands the secret to the helper through sudo’s environment, not its arguments', async () => {
    const { secret, lines } = await makeSecret(hub);
    // sudo stands in here (tests do not run as a sudoer): it keeps its arguments, insists on --preserve-env for the secret, then runs the rest.
    const bin = path.join(scratch, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    const sudoArgs = path.join(scratch, 'sudo-args');
    fs.writeFileSync(path.join(bin, 'sudo'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${sudoArgs}'\n[ "$1" = --preserve-env=ESTATEWATCH_ENROL_SECRET ] && [ -n "$ESTATEWATCH_ENROL_SECRET" ] || exit 99\nshift\nexec "$@"\n`, { mode: 0o755 });
    const root = path.join(scratch, 'root');
    const run = await paste(lines['install-linux'] as string, { PATH: `${bin}:${process.env.PATH}`, ESTATEWATCH_INSTALL_ROOT: root });
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readFileSync(sudoArgs, 'utf8')).toBe(`--preserve-env=ESTATEWATCH_ENROL_SECRET\nsh\ninstall/linux/install.sh\n--hub\n${hub.url}\n`);
    expect(fs.readFileSync(sudoArgs, 'utf8')).not.toContain(secret);
    expect(fs.statSync(path.join(root, 'var/lib/estatewatch-agent/agent.json')).mode & 0o777).toBe(0o600);
    expect(agentsEnrolledAs(os.hostname()).filter((a) => a.revokedAt === null)).toHaveLength(1);
  });
});
