/**
 * A throwaway CA and a hub certificate for 127.0.0.1, made by the openssl CLI
 * in a temporary folder at test time: no key ever goes in git.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import { tempDir } from './test-hub.js';

export interface TestCertificates {
  dir: string;
  caCert: string;
  caKey: string;
  hubCert: string;
  hubKey: string;
  /** As `openssl x509 -noout -fingerprint -sha256` prints it: "sha256 Fingerprint=AB:CD:…". */
  hubFingerprint: string;
  caFingerprint: string;
}

const openssl = (dir: string, ...args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** P-256 keys: quick to make, and what a trust's CA would issue today. */
const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function makeTestCertificates(): TestCertificates {
  const dir = tempDir('estatewatch-tls-');
  openssl(dir, 'req', '-x509', ...NEW_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=estatewatch test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl(dir, 'req', '-new', ...NEW_KEY, '-keyout', 'hub.key', '-out', 'hub.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(path.join(dir, 'hub.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl(dir, 'x509', '-req', '-in', 'hub.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '2', '-days', '2', '-extfile', 'hub.ext', '-out', 'hub.pem');
  const fingerprint = (file: string) => openssl(dir, 'x509', '-noout', '-fingerprint', '-sha256', '-in', file).trim();
  const at = (file: string) => path.join(dir, file);
  return { dir, caCert: at('ca.pem'), caKey: at('ca.key'), hubCert: at('hub.pem'), hubKey: at('hub.key'), hubFingerprint: fingerprint('hub.pem'), caFingerprint: fingerprint('ca.pem') };
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** SHA-256 fingerprint of the certificate the server presented. */
  fingerprint: string;
}

/** One request over HTTPS trusting `ca` (Node's fetch cannot take a CA per request). */
export function httpsRequest(url: string, ca: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: init.method ?? 'GET', headers: init.headers, ca: fs.readFileSync(ca), agent: false }, (response) => {
      const fingerprint = (response.socket as TLSSocket).getPeerCertificate().fingerprint256;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), fingerprint }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(init.body);
  });
}
