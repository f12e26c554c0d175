/**
 * HTTPS end to end: the hub serving its own certificate on 127.0.0.1, and the
 * real agent (real collectors, real spool) verifying it with --ca and --pin.
 * The CA and certificate are made by openssl at test time (test/helpers/tls.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgentConfig, writeAgentConfig } from '../../agents/agent-config.js';
import { parseAgentArgs } from '../../agents/args.js';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { revokeAgentToken } from '../../src/auth/revoke-agent.js';
import { loadConfig } from '../../src/config.js';
import { runCli } from '../helpers/cli.js';
import { runAgentIn } from '../helpers/run-agent.js';
import { startTestHub, tempDir, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';
import { httpsRequest, makeTestCertificates, type TestCertificates } from '../helpers/tls.js';

let certs: TestCertificates;
let hub: ListeningTestHub;

beforeAll(async () => {
  certs = makeTestCertificates();
  hub = await startTestHub({ tlsCert: certs.hubCert, tlsKey: certs.hubKey });
});
afterAll(async () => {
  await hub?.close();
  fs.rmSync(certs.dir, { recursive: true, force: true });
});

const hexOf = (fingerprint: string) => fingerprint.replace(/^sha256 Fingerprint=/, '');
const signIn = { method: 'POST', headers: { 'content-type': 'application/json' } };
const credentials = () => JSON.stringify({ username: 'admin', password: hub.adminPassword });

describe('the hub over HTTPS', () => {
  it('listens at an https:// URL and presents the configured certificate', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await httpsRequest(`${hub.url}/healthz`, certs.caCert);
    expect(answer.status).toBe(200);
    expect(answer.fingerprint).toBe(hexOf(certs.hubFingerprint));
  });

  it('marks the session cookie Secure and sends HSTS', async () => {
    const answer = await httpsRequest(`${hub.url}/api/v1/session`, certs.caCert, { ...signIn, body: credentials() });
    expect(answer.status, answer.body).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/);
    expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('sends neither HSTS nor a Secure cookie over plain HTTP', async () => {
    const plain = await startTestHub();
    try {
      const response = await fetch(`${plain.url}/api/v1/session`, { ...signIn, body: JSON.stringify({ username: 'admin', password: plain.adminPassword }) });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).not.toMatch(/Secure/);
      expect(response.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe('TLS configuration', () => {
  const tls = (cert: string | undefined, key: string | undefined) => () => loadConfig({ ESTATEWATCH_TLS_CERT: cert, ESTATEWATCH_TLS_KEY: key });

  it('accepts a certificate with its key, and neither', () => {
    expect(tls(certs.hubCert, certs.hubKey)()).toMatchObject({ tlsCert: certs.hubCert, tlsKey: certs.hubKey });
    expect(tls(undefined, undefined)()).toMatchObject({ tlsCert: undefined, tlsKey: undefined });
  });

  it('refuses a certificate without a key, and a key without a certificate, naming what is missing', () => {
    expect(tls(certs.hubCert, undefined)).toThrow(/ESTATEWATCH_TLS_KEY \(tlsKey\) is not set but ESTATEWATCH_TLS_CERT is/);
    expect(tls(undefined, certs.hubKey)).toThrow(/ESTATEWATCH_TLS_CERT \(tlsCert\) is not set but ESTATEWATCH_TLS_KEY is/);
  });

  it('refuses a file that is missing or not PEM, naming the variable and the file', () => {
    const missing = path.join(certs.dir, 'missing.pem');
    const garbage = path.join(certs.dir, 'garbage.pem');
    fs.writeFileSync(garbage, '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    expect(tls(missing, certs.hubKey)).toThrow(`ESTATEWATCH_TLS_CERT (tlsCert) = ${JSON.stringify(missing)}: cannot read the file (ENOENT)`);
    expect(tls(garbage, certs.hubKey)).toThrow(`ESTATEWATCH_TLS_CERT (tlsCert) = ${JSON.stringify(garbage)}: the file is not a PEM certificate`);
    expect(tls(certs.hubCert, garbage)).toThrow(`ESTATEWATCH_TLS_KEY (tlsKey) = ${JSON.stringify(garbage)}: the file is not a PEM private key`);
  });

  it("refuses a key that is not the certificate's", () => {
    expect(tls(certs.hubCert, certs.caKey)).toThrow(/ESTATEWATCH_TLS_KEY \(tlsKey\) = .*ca\.key": not the private key of ESTATEWATCH_TLS_CERT/);
  });

  it('stops `serve` before it creates the database or the first admin', () => {
    const dataDir = tempDir();
    try {
      const run = runCli(['serve', '--port', '0', '--data-dir', dataDir], { env: { ESTATEWATCH_TLS_CERT: certs.hubCert, ESTATEWATCH_TLS_KEY: path.join(certs.dir, 'missing.key') } });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`ESTATEWATCH_TLS_KEY (tlsKey) = ${JSON.stringify(path.join(certs.dir, 'missing.key'))}: cannot read the file (ENOENT)`);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the agent and an HTTPS hub', () => {
  let stateDir: string;

  const agent = (...argv: string[]) => runAgentIn(stateDir, ...argv);
  const secret = () => createEnrolmentSecret(hub.deps.db, { label: 'tls test', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 }).secret;
  const spooled = () => fs.readdirSync(path.join(stateDir, 'spool')).filter((f) => f.endsWith('.json'));
  const enrolled = async () => {
    const saved = await readAgentConfig(stateDir);
    if (!saved) throw new Error('not enrolled: an earlier test enrols');
    return saved;
  };
  const receipts = () => (hub.deps.db.prepare('SELECT count(*) AS n FROM report_receipts WHERE agent_id IS NOT NULL').get() as { n: number }).n;

  beforeAll(() => {
    stateDir = path.join(hub.dir, 'agent-state');
  });

  it('refuses to enrol with a hub whose certificate it cannot verify, and saves nothing', async () => {
    const run = await agent('enrol', '--hub', hub.url, '--secret', secret());
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain(`refusing to send to ${hub.url}: its certificate cannot be verified`);
    expect(await readAgentConfig(stateDir)).toBeUndefined();
  });

  it('enrols with --ca, saves the CA, and reports with it', async () => {
    const enrolled = await agent('enrol', '--hub', hub.url, '--secret', secret(), '--ca', certs.caCert);
    expect(enrolled.code, enrolled.output).toBe(0);
    expect((await readAgentConfig(stateDir))?.ca).toBe(fs.readFileSync(certs.caCert, 'utf8'));
    const before = receipts();
    const run = await agent('--once');
    expect(run.code, run.output).toBe(0);
    expect(receipts()).toBe(before + 1);
    expect(spooled()).toEqual([]);
  });

  it('keeps the report spooled, sending nothing, when it cannot verify the certificate; sends it once it can', async () => {
    await writeAgentConfig(stateDir, { ...(await enrolled()), ca: undefined });
    const before = receipts();
    const refused = await agent('--once');
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toMatch(/refusing to send to https:\/\/127\.0\.0\.1:\d+: its certificate cannot be verified \(unable to verify the first certificate\).*nothing sent, 1 report\(s\) kept/s);
    expect(spooled()).toHaveLength(1);
    expect(receipts()).toBe(before);

    const trusted = await agent('--once', '--ca', certs.caCert);
    expect(trusted.code, trusted.output).toBe(0);
    expect(spooled()).toEqual([]);
    expect(receipts()).toBe(before + 2);
  });

  it('refuses a certificate that is not the pinned one, and accepts the right pin with or without colons', async () => {
    const before = receipts();
    const wrong = await agent('--once', '--ca', certs.caCert, '--pin', hexOf(certs.caFingerprint));
    expect(wrong.code, wrong.output).toBe(1);
    expect(wrong.output).toContain(`its certificate's SHA-256 fingerprint is ${hexOf(certs.hubFingerprint)}, not the pinned ${hexOf(certs.caFingerprint)}`);
    expect(spooled()).toHaveLength(1);
    expect(receipts()).toBe(before);

    const right = await agent('--once', '--ca', certs.caCert, '--pin', hexOf(certs.hubFingerprint).replace(/:/g, '').toLowerCase());
    expect(right.code, right.output).toBe(0);
    expect(spooled()).toEqual([]);
    expect(receipts()).toBe(before + 2);
  });

  it('saves --pin at enrol and checks it on every later run', async () => {
    // Enrolling this machine again: its first agent is retired first, as a re-installed machine's is (agent-binding.ts).
    const first = (await enrolled()).agentId;
    expect(revokeAgentToken(hub.deps.db, Number(first), null, 'test', TEST_NOW).outcome).toBe('revoked');
    const enrol = await agent('enrol', '--hub', hub.url, '--secret', secret(), '--ca', certs.caCert, '--pin', certs.hubFingerprint);
    expect(enrol.code, enrol.output).toBe(0);
    const saved = await enrolled();
    expect(saved.pin).toBe(hexOf(certs.hubFingerprint).replace(/:/g, ''));
    expect((await agent('--once')).code).toBe(0);

    await writeAgentConfig(stateDir, { ...saved, pin: hexOf(certs.caFingerprint).replace(/:/g, '') });
    const refused = await agent('--once');
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain('not the pinned');
    expect(spooled()).toHaveLength(1);
  });

  it('refuses to send over plain http:// when a CA or pin is set', async () => {
    const plain = hub.url.replace('https:', 'http:');
    const run = await agent('--once', '--hub', plain);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain(`refusing to send to ${plain}: --ca or --pin is set, so the hub URL must start with https://`);
  });

  it('reads a pin as openssl prints it, with or without label and colons, and refuses anything else', () => {
    const hex = hexOf(certs.hubFingerprint).replace(/:/g, '');
    for (const given of [certs.hubFingerprint, hexOf(certs.hubFingerprint), hex.toLowerCase()]) {
      expect(parseAgentArgs(['--once', '--pin', given])).toMatchObject({ pin: hex });
    }
    expect(() => parseAgentArgs(['--once', '--pin', hex.slice(2)])).toThrow(/--pin must be the SHA-256 fingerprint/);
  });
});
