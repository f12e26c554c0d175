import type { CyberResponseView } from '../../cyber/cyber-response-view.js';
import { CYBER_DECISIONS } from '../../store/cyber-alert-responses.js';
import { PostForm } from '../components/post-form.js';
import { typedOr, type FormRefusal } from '../form-refusal.js';

export interface ResponseFormsProps {
  reference: string;
  response: CyberResponseView;
  csrf: string;
  /** The refused form, only when it was this trust's. */
  refusal?: FormRefusal;
}

const DECISION_LABELS: Record<(typeof CYBER_DECISIONS)[number], string> = { affected: 'Affected', 'not-affected': 'Not affected' };

/**
 * One trust's next steps on a cyber alert, offered as its response stands:
 * acknowledge first; then decide (and change the decision while open), record
 * updates while affected or undecided, and close. Each form names the trust
 * (hidden), so an ICS-wide person acts for the trust whose block it is in.
 * Field ids carry the ODS code: several trusts' forms may share a page.
 */
export function ResponseForms({ reference, response: r, csrf, refusal }: ResponseFormsProps) {
  if (r.closed) return null;
  const code = r.organisation;
  const to = (step: string) => `/cyber-alerts/${reference}/${step}`;
  const typed = (form: string, field: string, otherwise = '') => typedOr(refusal, form, field, otherwise);
  const trust = <input type="hidden" name="organisation" value={code} />;
  if (r.acknowledgement.at === null) {
    return (
      <div class="actions">
        <PostForm id={`acknowledge-${code}`} to={to('acknowledge')} csrf={csrf} button="Acknowledge" refusal={refusal}>
          {trust}
        </PostForm>
      </div>
    );
  }
  const decided = typed('decision', 'decision', r.decision?.decision ?? '');
  return (
    <div class="actions">
      <PostForm id={`decision-${code}`} to={to('decision')} csrf={csrf} button={r.decision ? 'Change decision' : 'Record decision'} refusal={refusal}>
        {trust}
        <label for={`decision-${code}-choice`}>Is the trust affected?</label>
        <select id={`decision-${code}-choice`} name="decision" required>
          {decided === '' && <option value="">choose…</option>}
          {CYBER_DECISIONS.map((d) => (
            <option value={d} selected={decided === d}>
              {DECISION_LABELS[d]}
            </option>
          ))}
        </select>
        <label for={`decision-reason-${code}`}>Reason</label>
        <textarea id={`decision-reason-${code}`} name="reason" rows={2} required maxlength={2000}>
          {typed('decision', 'reason', r.decision?.reason ?? '')}
        </textarea>
        <label for={`decision-completion-${code}`}>Expected completion (optional)</label>
        <input id={`decision-completion-${code}`} name="expectedCompletion" type="date" value={typed('decision', 'expectedCompletion', r.expectedCompletion ?? '')} />
      </PostForm>
      {r.decision?.decision !== 'not-affected' && (
        <PostForm id={`updates-${code}`} to={to('updates')} csrf={csrf} button="Record update" refusal={refusal}>
          {trust}
          <label for={`update-note-${code}`}>Remediation update</label>
          <textarea id={`update-note-${code}`} name="note" rows={2} required maxlength={4000}>
            {typed('updates', 'note')}
          </textarea>
          <label for={`update-completion-${code}`}>Expected completion (optional)</label>
          <input id={`update-completion-${code}`} name="expectedCompletion" type="date" value={typed('updates', 'expectedCompletion')} />
        </PostForm>
      )}
      {r.decision && (
        <PostForm id={`close-${code}`} to={to('close')} csrf={csrf} button="Close response" refusal={refusal}>
          {trust}
          <label for={`close-note-${code}`}>Closing note</label>
          <textarea id={`close-note-${code}`} name="note" rows={2} required maxlength={4000}>
            {typed('close', 'note')}
          </textarea>
        </PostForm>
      )}
    </div>
  );
}
