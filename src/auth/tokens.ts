/**
 * Bearer secrets (agent tokens, enrolment secrets, session cookies). Each is 32
 * random bytes; the database keeps only its SHA-256, which is enough for a
 * secret with that much entropy and lets a lookup be one indexed query.
 */
import { createHash, randomBytes } from 'node:crypto';

export function generateToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
