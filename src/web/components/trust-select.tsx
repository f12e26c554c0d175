import type { Organisation } from '../../store/organisations.js';

/**
 * The trust a new record is for, offered only to an ICS-wide person on a hub
 * of several trusts: `trusts` is empty for anyone else, whose records are
 * their one trust's.
 */
export function TrustSelect({ id, trusts, value }: { id: string; trusts: readonly Organisation[]; value?: string }) {
  if (!trusts.length) return null;
  return (
    <>
      <label for={id}>Trust</label>
      <select id={id} name="organisation" required>
        <option value="">choose…</option>
        {trusts.map((o) => (
          <option value={o.code} selected={o.code === value}>
            {o.code} — {o.name}
          </option>
        ))}
      </select>
    </>
  );
}
