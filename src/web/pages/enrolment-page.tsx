import type { Session } from '../../store/sessions.js';
import { Layout } from '../layout.js';

export function EnrolmentPage({ session, created }: { session: Session; created?: { label: string; secret: string; expiresAt: string } }) {
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
        <button class="primary" type="submit">Create enrolment secret</button>
      </form>
    </Layout>
  );
}
