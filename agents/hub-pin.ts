/**
 * Reads `openssl x509 -noout -fingerprint -sha256` output, with or without its
 * label and colons: the --pin the hub's certificate must match (hub-trust.ts).
 */
export function parsePin(text: string): string | undefined {
  const hex = text.trim().replace(/^sha256 fingerprint=/i, '').replace(/:/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex : undefined;
}
