/**
 * An audit entry in words for people reading a record's trail: "signed off",
 * not "sign-off"; "suppressed until", not "suppressedUntil"; a link list as
 * "alert #12, asset #3", not JSON. The stored entry is unchanged: this is how
 * the pages say it.
 */

/** What each action is called on a trail; an action not listed reads as its own words ("raise-from-alert" → "raise from alert"). */
const ACTIONS: Record<string, string> = {
  acknowledge: 'acknowledged', assign: 'assigned', suppress: 'suppressed', resolve: 'resolved', reopen: 'reopened', note: 'added a note',
  'auto-resolve': 'resolved by the hub (no longer found)', 'suppression-expired': 'suppression ended', raise: 'raised', 'raise-hazard': 'raised a hazard from it',
  'raise-from-alert': 'raised from an alert', request: 'requested', 'sign-off': 'signed off', reject: 'rejected', revoke: 'revoked', expire: 'expired',
  create: 'created', update: 'changed', status: 'changed status', 'residual-risk': 'rated the residual risk', link: 'linked', unlink: 'unlinked',
  retain: 'retained by policy', decommission: 'decommissioned', added: 'added', generate: 'generated',
};

export const actionWords = (action: string) => ACTIONS[action] ?? action.replaceAll('-', ' ');

/** "suppressedUntil" → "suppressed until"; "initialSeverity" → "initial severity". */
export const fieldWords = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replaceAll('_', ' ').toLowerCase();

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-23T12:00:00.000Z" → "23 Nov 2026, 12:00 UTC". */
function timeWords(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
}

/** A link to another record ({kind, targetId}) as people name it: "alert #12". */
const isLink = (v: unknown): v is { kind: string; targetId: number } => typeof v === 'object' && v !== null && 'kind' in v && 'targetId' in v;

/** A stored value in words: nothing as "—", times readable, flags as yes/no, lists and small records spelled out. */
export function valueWords(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return ISO_TIME.test(v) ? timeWords(v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => (isLink(x) ? `${x.kind} #${x.targetId}` : valueWords(x))).join(', ') : 'none';
  if (isLink(v)) return `${v.kind} #${v.targetId}`;
  return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${fieldWords(k)}: ${valueWords(x)}`).join('; ');
}
