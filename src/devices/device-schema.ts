/**
 * What a device in the register may hold, as zod schemas shared by the API,
 * the pages and the CSV import, so all three accept exactly the same values.
 */
import { z } from 'zod';
import { OrganisationCodeSchema } from '../hub/owning-organisation.js';
import { DEVICE_KINDS, DEVICE_STATUSES, PAGER_TYPES, type DeviceFields } from '../store/registered-devices.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// Date.parse accepts 2027-02-30 (as 2 March); a real date survives the round trip unchanged.
const isRealDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** Empty means "not known": a blank spreadsheet cell and a missing JSON field are the same thing. */
const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
const optionalText = (max: number) => z.string().max(max, { error: `at most ${max} characters` }).nullish().transform(blankToNull);
const optionalDay = z
  .string()
  .nullish()
  .transform(blankToNull)
  .refine((d) => d === null || (ISO_DAY.test(d) && isRealDay(d)), { error: 'a real date as YYYY-MM-DD' });
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().nullish().transform(blankToNull).refine((v): v is T[number] | null => v === null || values.includes(v), { error: `one of ${values.join(', ')}` });

/** Created or imported devices are in use or awaiting replacement; decommissioning is its own step, with a reason. */
export const LIVE_STATUSES = DEVICE_STATUSES.filter((s) => s !== 'decommissioned') as ['in-use', 'replacement-planned'];

const fieldShape = {
  kind: z.enum(DEVICE_KINDS, { error: `one of ${DEVICE_KINDS.join(', ')}` }),
  name: z.string({ error: 'give the name' }).trim().min(1, { error: 'give the name' }).max(200, { error: 'at most 200 characters' }),
  model: optionalText(200),
  serial: optionalText(100),
  site: optionalText(200),
  location: optionalText(200),
  plannedRemovalOn: optionalDay,
  replacement: optionalText(500),
  ownerName: optionalText(200),
  team: optionalText(200),
  number: optionalText(50),
  pagerType: optionalEnum(PAGER_TYPES),
  provider: optionalText(200),
  contractEnd: optionalDay,
};

/** A new device (POST, or one CSV row): status defaults to in-use. */
export const NewDeviceSchema = z.strictObject({
  ...fieldShape,
  status: z
    .enum(LIVE_STATUSES, { error: `one of ${LIVE_STATUSES.join(', ')} (decommission a registered device with a reason instead)` })
    .nullish()
    .transform((s) => s ?? 'in-use'),
});
export type NewDevice = z.output<typeof NewDeviceSchema>;

/** A new device as a person sends it (POST or the form): the device and, from an ICS-wide person, the trust that keeps it. */
export const NewDeviceRequestSchema = NewDeviceSchema.extend({ organisation: OrganisationCodeSchema.optional() });

/** Whose register a CSV import is, from the `organisation` query parameter or form field. */
export const DeviceImportTrustSchema = z.object({ organisation: OrganisationCodeSchema.optional() });

/** An edit (PATCH): any field but the status, which moves through POST …/status. */
export const DevicePatchSchema = z.strictObject(fieldShape).partial();
export type DevicePatch = z.output<typeof DevicePatchSchema>;

/** A status change; decommissioning says why, so the register shows what replaced the fax or pager. */
export const DeviceStatusSchema = z
  .strictObject({
    status: z.enum(DEVICE_STATUSES, { error: `one of ${DEVICE_STATUSES.join(', ')}` }),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'decommissioned' && (v.reason ?? '').length < 5) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'give the reason for decommissioning (at least 5 characters)' });
  });
export type DeviceStatusChange = z.output<typeof DeviceStatusSchema>;

export const RetainSchema = z.strictObject({ retained: z.boolean({ error: 'true to retain by policy, false to withdraw' }) });

// Owner, team, provider and contract end fit any kind (an MFD has a lease too); a pager number and type do not.
const PAGER_ONLY = ['number', 'pagerType'] as const;

/** Checks across fields zod sees one at a time: a pager number and type belong to pagers. Returns each problem with its field. */
export function deviceFieldIssues(d: DeviceFields): { path: string; message: string }[] {
  if (d.kind === 'pager') return [];
  return PAGER_ONLY.filter((k) => d[k] !== null).map((k) => ({ path: k, message: `only for pagers (this device is a ${d.kind})` }));
}
