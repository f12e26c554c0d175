/**
 * How the agent knows the hub is the hub: a certificate Node's own CAs or the
 * trust's CA (--ca) vouch for, and optionally the certificate's SHA-256
 * fingerprint (--pin), checked on top of that, never instead of it.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkServerIdentity, rootCertificates, type PeerCertificate } from 'node:tls';
import { AgentError } from './agent-error.js';

export interface HubTrust {
  /** PEM of one or more CAs trusted beside Node's own, e.g. the trust's internal CA. */
  ca?: string;
  /** SHA-256 fingerprint the hub's own certificate must have: 64 upper-case hex digits, no colons. */
  pin?: string;
}

/** A certificate that verified but is not the pinned one. */
export class PinMismatchError extends Error {}

/** Reads a --ca file, refusing one that holds no certificate, so a wrong path fails at enrol, not at 02:00. */
export async function readCaFile(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new AgentError('bad-ca', `cannot read --ca ${file}: ${(error as Error).message}`);
  }
  try {
    new X509Certificate(pem);
  } catch {
    throw new AgentError('bad-ca', `--ca ${file} is not a PEM certificate`);
  }
  return pem;
}

/** This run's trust: --ca and --pin when given, else what enrol saved. */
export async function hubTrust(given: { ca?: string; pin?: string }, saved: HubTrust = {}): Promise<HubTrust> {
  return { ca: given.ca === undefined ? saved.ca : await readCaFile(given.ca), pin: given.pin ?? saved.pin };
}

/** The https.request options that enforce a trust. */
export function tlsOptions(trust: HubTrust) {
  return {
    // `ca` replaces Node's CAs rather than adding to them; keep them, so a hub with a public certificate still verifies.
    ca: trust.ca === undefined ? undefined : [...rootCertificates, trust.ca],
    checkServerIdentity: trust.pin === undefined ? checkServerIdentity : pinned(trust.pin),
  };
}

/** Node calls this only for a certificate whose chain verified, so the pin adds to verification. */
function pinned(pin: string) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const wrongName = checkServerIdentity(host, cert);
    if (wrongName) return wrongName;
    if (cert.fingerprint256.replace(/:/g, '') === pin) return undefined;
    return new PinMismatchError(`its certificate's SHA-256 fingerprint is ${cert.fingerprint256}, not the pinned ${pin.replace(/(..)(?!$)/g, '$1:')}`);
  };
}
