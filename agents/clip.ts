/**
 * Trims a collected value and cuts it to the contract's cap, or returns
 * `undefined` when empty. One odd package must not make a machine's whole
 * report invalid, so collectors clip rather than fail on over-long text.
 */
export function clip(value: string | undefined, max = 256): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  return trimmed.length > max ? trimmed.slice(0, max) : trimmed;
}
