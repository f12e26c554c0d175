import type { CyberAlertView } from '../../cyber/cyber-alert-view.js';
import { HAZARD_ROLES } from '../../hub/routes/cso-api.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { TrustSelect } from '../components/trust-select.js';
import { refusalOf, type FormRefusal } from '../form-refusal.js';
import { RaiseHazardRating } from './hazards-page.js';

/**
 * "Raise a hazard" on a cyber alert's page, as on an alert's: the hub writes
 * the alert's title, CVEs and remedy into the hazard and links the trust's
 * affected machines; the person rates the clinical risk (a cyber severity is
 * not a clinical one). An ICS-wide person names the trust (`trusts`).
 */
export function RaiseHazardFromCyberForm({ session, alert, trusts, refusal }: { session: Session; alert: CyberAlertView; trusts: readonly Organisation[]; refusal?: FormRefusal }) {
  if (!HAZARD_ROLES.includes(session.user.role)) return null;
  const refused = refusalOf(refusal, 'raise-hazard');
  const typed = refused?.typed ?? {};
  return (
    <form class="action panel" id="raise-hazard" method="post" action={`/cyber-alerts/${alert.reference}/raise-hazard`}>
      <h2>Raise a hazard from this cyber alert</h2>
      <p class="small muted">The alert, its CVEs and remedy go into the hazard log, linked to the trust's machines that still carry an affected version.</p>
      {refused && (
        <p class="error" role="alert" id="raise-hazard-error">
          {refused.message}
        </p>
      )}
      <input type="hidden" name="csrf" value={session.csrfToken} />
      <TrustSelect id="raise-trust" trusts={trusts} value={typed.organisation} />
      <label for="raise-title">Title</label>
      <input id="raise-title" name="title" value={typed.title ?? `${alert.reference}: ${alert.title}`.slice(0, 200)} maxlength={200} />
      <RaiseHazardRating typed={typed} />
      <button class="primary" type="submit">
        Raise a hazard
      </button>
    </form>
  );
}
