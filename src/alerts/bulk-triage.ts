/**
 * One triage move on many alerts at once (65 high alerts to acknowledge
 * within 48 hours is one page, not 65). Each alert is done exactly as if
 * alone: its own transaction, its own audit entry, its own refusal. An alert
 * that cannot take the move (already acknowledged, another trust's) is
 * listed with why, and the others go ahead.
 */
import { z } from 'zod';
import { HubError } from '../hub/errors.js';
import { acknowledgeAlert, AssignRequestSchema, assignAlert, addAlertNote, NoteRequestSchema, type TriageActor } from './triage.js';

/** The most alerts one request may move: a page of the list at its largest. */
export const MAX_BULK_ALERTS = 500;

const Ids = z.array(z.coerce.number().int().positive()).min(1, { error: 'select at least one alert' }).max(MAX_BULK_ALERTS, { error: `at most ${MAX_BULK_ALERTS} alerts at once` });

export const BulkTriageSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge'), ids: Ids }),
  z.strictObject({ action: z.literal('assign'), ids: Ids, ...AssignRequestSchema.shape }),
  z.strictObject({ action: z.literal('note'), ids: Ids, ...NoteRequestSchema.shape }),
]);
export type BulkTriage = z.output<typeof BulkTriageSchema>;

export interface BulkOutcome {
  /** The alerts moved. */
  done: number[];
  /** Those that could not be, each with the refusal it would have had alone. */
  refused: { id: number; code: string; message: string }[];
}

function moveOne(actor: TriageActor, id: number, req: BulkTriage): void {
  if (req.action === 'acknowledge') acknowledgeAlert(actor, id);
  else if (req.action === 'assign') assignAlert(actor, id, req.assignee);
  else addAlertNote(actor, id, req.text);
}

export function bulkTriage(actor: TriageActor, req: BulkTriage): BulkOutcome {
  const outcome: BulkOutcome = { done: [], refused: [] };
  for (const id of new Set(req.ids)) {
    try {
      moveOne(actor, id, req);
      outcome.done.push(id);
    } catch (err) {
      if (!(err instanceof HubError)) throw err;
      outcome.refused.push({ id, code: err.code, message: err.message });
    }
  }
  return outcome;
}
