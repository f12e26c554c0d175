import type { Child } from 'hono/jsx';
import type { AgentSummary, EnrolmentSecretSummary } from '../../store/agents.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { TrustSelect } from '../components/trust-select.js';
import { Layout } from '../layout.js';

export interface EnrolmentPageProps {
  session: Session;
  /** The trusts an ICS-wide admin chooses among (trustsShown); empty for anyone else, whose agents are their trust's. */
  trusts: Organisation[];
  secrets: EnrolmentSecretSummary[];
  agents: AgentSummary[];
  created?: { label: string; secret: string; expiresAt: string; uses: number };
  /** Why the last action was refused. */
  error?: string;
}

export function EnrolmentPage({ session, trusts, secrets, agents, created, error }: EnrolmentPageProps) {
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
      <h2>Agents</h2>
      <p class="small muted">
        An agent reports the one machine it enrolled as. A renamed or re-imaged machine: re-bind its agent to the machine's name, or revoke the old agent and enrol
        the machine again.
      </p>
      <AgentTable agents={agents} csrf={session.csrfToken} showTrust={showTrust} />
    </Layout>
  );
}

function NewSecret({ created }: { created: NonNullable<EnrolmentPageProps['created']> }) {
  return (
    <div class="notice" role="status">
      <p>
        Enrolment secret for <strong>{created.label}</strong>, for {created.uses} machine{created.uses === 1 ? '' : 's'}, valid until {created.expiresAt}. It is shown{' '}
        <strong>once</strong>; the hub keeps only a hash.
      </p>
      <code class="secret" id="secret">{created.secret}</code>
      <p class="small">
        On each machine: <code>estatewatch agent enrol --hub &lt;hub URL&gt; --secret &lt;secret&gt;</code>, then <code>estatewatch agent --once</code>.
      </p>
    </div>
  );
}

const secretState = (s: EnrolmentSecretSummary) => (s.revokedAt ? `revoked ${s.revokedAt}` : s.uses >= s.maxUses ? 'used up' : `valid until ${s.expiresAt}`);

function SecretTable({ secrets, csrf, showTrust }: { secrets: EnrolmentSecretSummary[]; csrf: string; showTrust: boolean }) {
  if (!secrets.length) return <p class="panel">No enrolment secrets yet.</p>;
  return (
    <table id="secrets">
      <thead>
        <tr>
          <th>Label</th>
          {showTrust && <th>Trust</th>}
          <th>Uses</th>
          <th>Made by</th>
          <th>State</th>
          <th></th>
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
  );
}

const agentState = (a: AgentSummary) => (a.revokedAt ? `revoked ${a.revokedAt}` : a.approvedAt === null ? 'waiting for approval' : a.lastReportAt ? `last report ${a.lastReportAt}` : 'no report yet');

function AgentTable({ agents, csrf, showTrust }: { agents: AgentSummary[]; csrf: string; showTrust: boolean }) {
  if (!agents.length) return <p class="panel">No agents enrolled yet.</p>;
  return (
    <table id="agents">
      <thead>
        <tr>
          <th>Agent</th>
          {showTrust && <th>Trust</th>}
          <th>Enrolled as</th>
          <th>Reports machine</th>
          <th>State</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        {agents.map((a) => (
          <tr data-id={a.id} data-state={a.revokedAt ? 'revoked' : a.approvedAt === null ? 'waiting' : 'live'}>
            <td>#{a.id}</td>
            {showTrust && <td class="trust">{a.organisation}</td>}
            <td>{a.hostname}</td>
            <td>{a.machine ?? <span class="muted">none yet</span>}</td>
            <td>{agentState(a)}</td>
            <td>{!a.revokedAt && <AgentActions agent={a} csrf={csrf} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AgentActions({ agent, csrf }: { agent: AgentSummary; csrf: string }) {
  return (
    <>
      {agent.approvedAt === null && <InlineAction to={`/admin/agents/${agent.id}/approve`} csrf={csrf} button="Approve" />}
      <InlineAction to={`/admin/agents/${agent.id}/rebind`} csrf={csrf} button="Re-bind">
        <input name="machine" required maxlength={253} aria-label={`machine name for agent ${agent.id}`} placeholder="machine name" />
      </InlineAction>
      <InlineAction to={`/admin/agents/${agent.id}/revoke`} csrf={csrf} button="Revoke" />
    </>
  );
}

function InlineAction({ to, csrf, button, children }: { to: string; csrf: string; button: string; children?: Child }) {
  return (
    <form class="inline-form" method="post" action={to}>
      <input type="hidden" name="csrf" value={csrf} />
      {children} <button type="submit">{button}</button>
    </form>
  );
}
