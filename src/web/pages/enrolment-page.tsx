import type { EnrolmentSecretSummary } from '../../store/agents.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { CopyButton } from '../components/copy-button.js';
import { InlineAction } from '../components/inline-action.js';
import { TrustSelect } from '../components/trust-select.js';
import { installLines } from '../install-lines.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

export interface EnrolmentPageProps {
  session: Session;
  /** The trusts an ICS-wide admin chooses among (trustsShown); empty for anyone else, whose agents are their trust's. */
  trusts: Organisation[];
  secrets: EnrolmentSecretSummary[];
  /** The secret just made, and the hub address (as the admin's browser reached it) its install lines name. */
  created?: { label: string; secret: string; expiresAt: string; uses: number; hub: string };
  /** Why the last action was refused. */
  error?: string;
}

export function EnrolmentPage({ session, trusts, secrets, created, error }: EnrolmentPageProps) {
  const showTrust = trusts.length > 0;
  return (
    <Layout title="Enrol agents" session={session}>
      <h1>Enrol agents</h1>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {created && <NewSecret created={created} />}
      <form class="panel" method="post" action="/admin/enrolment">
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <label for="label">Who or what is this secret for?</label>
        <input id="label" name="label" required maxlength={200} placeholder="e.g. Ward PCs, Site B rollout" />{' '}
        <label for="uses">Machines it may enrol</label>
        <input id="uses" name="uses" type="number" min={1} max={5000} value="1" required />{' '}
        <TrustSelect id="organisation" trusts={trusts} />{' '}
        <button class="primary" type="submit">Create enrolment secret</button>
      </form>
      <h2>Enrolment secrets</h2>
      <SecretTable secrets={secrets} csrf={session.csrfToken} showTrust={showTrust} />
      <p>
        The machines enrolled, their last reports and versions, and their Approve, Re-bind and Revoke actions: <a href="/admin/agents">Agents</a>.
      </p>
    </Layout>
  );
}

function NewSecret({ created }: { created: NonNullable<EnrolmentPageProps['created']> }) {
  return (
    <div class="notice" role="status" id="new-secret">
      <p>
        Enrolment secret for <strong>{created.label}</strong>, for {created.uses} machine{created.uses === 1 ? '' : 's'}, valid until {created.expiresAt}. It is shown{' '}
        <strong>once</strong>; the hub keeps only a hash.
      </p>
      <p>
        <code class="secret" id="secret">{created.secret}</code> <CopyButton target="secret" label="the secret" />
      </p>
      <h2>Install the agent</h2>
      <p class="small">
        Copy the folder <code>npm run build:agent</code> makes (<code>dist/agent</code>: the one-file agent and its install helpers) to the machine, open a terminal
        in it and paste the line for its system. Each line gives the secret in the environment, never in a command's arguments, where other users of the machine
        could read it.
      </p>
      <dl class="install-lines">
        {installLines(created.hub, created.secret).map((line) => (
          <>
            <dt>{line.os}</dt>
            <dd>
              <code class="secret" id={line.id}>{line.command}</code> <CopyButton target={line.id} label={`the ${line.os} line`} />
              <br />
              <span class="small muted">{line.note}</span>
            </dd>
          </>
        ))}
      </dl>
      <script src="/static/copy.js" defer></script>
    </div>
  );
}

const secretState = (s: EnrolmentSecretSummary) => (s.revokedAt ? `revoked ${s.revokedAt}` : s.uses >= s.maxUses ? 'used up' : `valid until ${s.expiresAt}`);

function SecretTable({ secrets, csrf, showTrust }: { secrets: EnrolmentSecretSummary[]; csrf: string; showTrust: boolean }) {
  if (!secrets.length) return <p class="panel">No enrolment secrets yet.</p>;
  return (
    <TableScroll>
      <table id="secrets">
        <thead>
          <tr>
            <th scope="col">Label</th>
            {showTrust && <th scope="col">Trust</th>}
            <th scope="col">Uses</th>
            <th scope="col">Made by</th>
            <th scope="col">State</th>
            <th scope="col"></th>
          </tr>
        </thead>
        <tbody>
          {secrets.map((s) => (
            <tr data-id={s.id}>
              <td>{s.label}</td>
              {showTrust && <td class="trust">{s.organisation}</td>}
              <td class="uses">
                {s.uses} of {s.maxUses}
              </td>
              <td>
                {s.createdBy ?? 'cli'} <span class="small muted">{s.createdAt}</span>
              </td>
              <td>{secretState(s)}</td>
              <td>{!s.revokedAt && <InlineAction to={`/admin/enrolment/secrets/${s.id}/revoke`} csrf={csrf} button="Revoke" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
