/** Request bodies for the action list, shared by the API and the pages (forms send ids and ticks as text). */
import { z } from 'zod';
import { IdSchema } from '../hub/query-schemas.js';
import { ACTION_STATUSES } from '../store/actions.js';
import { NewRecordOrganisationSchema, requiredText, UsernameSchema } from './hazard-schemas.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const DueDateSchema = z
  .string({ error: 'a date as YYYY-MM-DD' })
  .regex(ISO_DAY, { error: 'a date as YYYY-MM-DD', abort: true })
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, { error: 'not a real date' });

/** An empty form field (or null) means "none". */
const OptionalId = z.preprocess((v) => (v === '' ? null : v), IdSchema.nullable());
const FORM_BOOLEANS: Record<string, boolean> = { on: true, true: true, '1': true, false: false, '0': false, '': false };
const Flag = z.preprocess((v) => (typeof v === 'string' && v in FORM_BOOLEANS ? FORM_BOOLEANS[v] : v), z.boolean({ error: 'true or false' }));

const ACTION_SHAPE = {
  title: requiredText(200),
  owner: UsernameSchema,
  dueDate: DueDateSchema,
  hazardId: OptionalId,
  alertId: OptionalId,
  assetId: OptionalId,
  controlsHazard: Flag,
};

/** Owner defaults to the creator; links are optional. An action for a hazard, alert or asset is that record's trust's, so naming the trust is needed only for a free-standing one. */
export const ActionCreateSchema = z
  .strictObject({ ...ACTION_SHAPE, organisation: NewRecordOrganisationSchema })
  .partial({ owner: true, hazardId: true, alertId: true, assetId: true, controlsHazard: true });
export type ActionCreate = z.output<typeof ActionCreateSchema>;

export const ActionPatchSchema = z
  .strictObject(ACTION_SHAPE)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { error: 'change at least one field' });
export type ActionPatch = z.output<typeof ActionPatchSchema>;

const noteText = z.string().trim().max(4000);

/** A cancellation says why: an action quietly dropped is a control nobody put in place. */
export const ActionStatusRequestSchema = z
  .strictObject({ status: z.enum(ACTION_STATUSES, { error: `one of ${ACTION_STATUSES.join(', ')}` }), note: noteText.optional().transform((s) => s || undefined) })
  .refine((r) => r.status !== 'cancelled' || r.note, { path: ['note'], error: 'say why the action is cancelled' });
export type ActionStatusRequest = z.output<typeof ActionStatusRequestSchema>;

export const ActionNoteRequestSchema = z.strictObject({ text: noteText.min(1, { error: 'write a note' }) });
