/** Request bodies for a trust's response to a cyber alert, shared by the API and the pages (forms send text). */
import { z } from 'zod';
import { DueDateSchema } from '../cso/action-schemas.js';
import { NewRecordOrganisationSchema, requiredText } from '../cso/hazard-schemas.js';
import { CYBER_DECISIONS } from '../store/cyber-alert-responses.js';

/** An empty form field means "not given". */
const OptionalDay = z.preprocess((v) => (v === '' ? undefined : v), DueDateSchema.optional());

/** An ICS-wide person names the trust they answer for; a trust's person answers for their own. */
const ForTrust = { organisation: NewRecordOrganisationSchema };

export const CyberAcknowledgeSchema = z.strictObject(ForTrust);

/** "Not affected" needs its reason as much as "affected" does: it is what the national form asks for. */
export const CyberDecisionSchema = z.strictObject({
  ...ForTrust,
  decision: z.enum(CYBER_DECISIONS, { error: `one of ${CYBER_DECISIONS.join(', ')}` }),
  reason: requiredText(2000),
  expectedCompletion: OptionalDay,
});
export type CyberDecisionRequest = z.output<typeof CyberDecisionSchema>;

export const CyberUpdateSchema = z.strictObject({ ...ForTrust, note: requiredText(4000), expectedCompletion: OptionalDay });
export type CyberUpdateRequest = z.output<typeof CyberUpdateSchema>;

export const CyberCloseSchema = z.strictObject({ ...ForTrust, note: requiredText(4000) });
