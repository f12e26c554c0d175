import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { TrustSelect } from '../components/trust-select.js';
import { Layout } from '../layout.js';

export interface EnrolmentPageProps {
  session: Session;
  /** The trusts an ICS-wide admin chooses among (trustsShown); empty for anyone else, whose agents are their trust's. */
  trusts: Organisation[];
  created?: { label: string; secret: string; expiresAt: string };
}

export function EnrolmentPage({ session, trusts, created }: EnrolmentPageProps) {
  return (
    <Layout title="Enrol agents" session={session}>
      <h1>Enrol agents</h1>
      {created && (
        <div class="notice" role="status">
          <p>
            Enrolment secret for <strong>{created.label}</strong>, valid until {created.expiresAt}. It is shown <strong>once</strong>; the hub keeps only a hash.
          </p>
          <code class="secret" id="secret">{created.secret}</code>
          <p class="small">
            On each machine: <code>estatewatch agent enrol --hub &lt;hub URL&gt; --secret &lt;secret&gt;</code>, then <code>estatewatch agent --once</code>.
          </p>
        </div>
      )}
      <form class="panel" method="post" action="/admin/enrolment">
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <label for="label">Who or what is this secret for?</label>
        <input id="label" name="label" required maxlength={200} placeholder="e.g. Ward PCs, Site B rollout" />{' '}
        <TrustSelect id="organisation" trusts={trusts} />{' '}
        <button class="primary" type="submit">Create enrolment secret</button>
      </form>
    </Layout>
  );
}
