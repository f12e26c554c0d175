/**
 * Request bodies for the hazard log, shared by the API and the pages (forms
 * send numbers as text, so levels accept "3" as well as 3).
 */
import { z } from 'zod';
import { OrganisationCodeSchema } from '../hub/owning-organisation.js';
import { IdSchema } from '../hub/query-schemas.js';
import { HAZARD_STATUSES, LINK_KINDS } from '../store/hazards.js';
import { LIKELIHOOD_LEVELS, SEVERITY_LEVELS } from './risk-matrix.js';

const fromText = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);

function level(what: string, names: readonly string[]) {
  const error = `${what} from 1 to 5 (${names.map((n, i) => `${i + 1} ${n}`).join(', ')})`;
  return z.preprocess(fromText, z.number({ error }).int({ error }).min(1, { error }).max(5, { error }));
}

export const SeveritySchema = level('a severity', SEVERITY_LEVELS);
export const LikelihoodSchema = level('a likelihood', LIKELIHOOD_LEVELS);
// A check without its own message would take the string's ("required"), so an over-long value says its limit.
const atMost = (max: number) => ({ error: `at most ${max} characters` });
export const UsernameSchema = z.string({ error: 'a username' }).trim().min(1, { error: 'a username' }).max(100, atMost(100));
export const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, atMost(max));
const text = z.string().trim().max(4000);
/** The trust a new record is for, by ODS code (owningOrganisation); an empty form field names none. */
export const NewRecordOrganisationSchema = z.preprocess((v) => (v === '' ? undefined : v), OrganisationCodeSchema.optional());

const HAZARD_SHAPE = {
  title: requiredText(200),
  description: requiredText(4000),
  causes: text,
  effect: text,
  potentialHarm: text,
  existingControls: text,
  additionalControls: text,
  initialSeverity: SeveritySchema,
  initialLikelihood: LikelihoodSchema,
  owner: UsernameSchema,
};

/** Title, description and the initial rating are needed at once; the clinical text may follow. Owner defaults to the creator. */
export const HazardCreateSchema = z
  .strictObject({ ...HAZARD_SHAPE, organisation: NewRecordOrganisationSchema })
  .partial({ causes: true, effect: true, potentialHarm: true, existingControls: true, additionalControls: true, owner: true });
export type HazardCreate = z.output<typeof HazardCreateSchema>;

export const HazardPatchSchema = z
  .strictObject(HAZARD_SHAPE)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { error: 'change at least one field' });
export type HazardPatch = z.output<typeof HazardPatchSchema>;

export const HazardStatusRequestSchema = z.strictObject({ status: z.enum(HAZARD_STATUSES, { error: `one of ${HAZARD_STATUSES.join(', ')}` }) });

export const HazardLinkRequestSchema = z.strictObject({
  kind: z.enum(LINK_KINDS, { error: `one of ${LINK_KINDS.join(', ')}` }),
  targetId: IdSchema,
  /** add (the default) or remove. */
  op: z.enum(['add', 'remove']).default('add'),
});
export type HazardLinkRequest = z.output<typeof HazardLinkRequestSchema>;

export const ResidualRiskRequestSchema = z.strictObject({ severity: SeveritySchema, likelihood: LikelihoodSchema });
export type ResidualRiskRequest = z.output<typeof ResidualRiskRequestSchema>;

/**
 * The alert brings the evidence; the person raising it judges the clinical
 * rating (an alert's cyber severity is not a clinical severity) and may word
 * the clinical effect and harm now or leave them to the CSO.
 */
export const RaiseHazardRequestSchema = z.strictObject({
  initialSeverity: SeveritySchema,
  initialLikelihood: LikelihoodSchema,
  title: z.string().trim().max(200).optional().transform((s) => s || undefined),
  effect: text.optional(),
  potentialHarm: text.optional(),
  owner: UsernameSchema.optional(),
});
export type RaiseHazardRequest = z.output<typeof RaiseHazardRequestSchema>;
