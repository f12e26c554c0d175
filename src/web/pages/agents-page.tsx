import type { AgentSummary } from '../../store/agents.js';
import type { Organisation } from '../../store/organisations.js';
import type { SpoolFolds } from '../../store/receipts.js';
import type { Session } from '../../store/sessions.js';
import { InlineAction } from '../components/inline-action.js';
import { day } from '../format.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

/** One agent as the Agents page lists it. */
export interface AgentRow extends AgentSummary {
  /** Its spool's folds in the receipts still kept; none when it never folded. */
  folds: SpoolFolds | undefined;
  /** Live agents enrolled as its host in its trust, itself included (0 once revoked): over 1, the stale ones want revoking. */
  liveForHost: number;
}

export interface AgentsPageProps {
  session: Session;
  /** Every trust for an ICS-wide admin on a hub of several (a Trust column); empty otherwise. */
  trusts: Organisation[];
  agents: AgentRow[];
  /** Why the last action was refused. */
  error?: string;
}

export function AgentsPage({ session, trusts, agents, error }: AgentsPageProps) {
  const duplicates = agents.filter((a) => a.liveForHost > 1).length;
  return (
    <Layout title="Agents" session={session}>
      <h1>Agents</h1>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <p class="small muted">
        An agent reports the one machine it enrolled as. A renamed or re-imaged machine: re-bind its agent to the machine's name, or revoke the old agent and enrol
        the machine again. New agents: <a href="/admin/enrolment">Enrol agents</a>.
      </p>
      {duplicates > 0 && (
        <p class="notice" id="duplicates">
          {duplicates} live agents share their host with another: the machine was enrolled again. Keep each host's agent with the latest report and revoke the
          others.
        </p>
      )}
      <AgentTable agents={agents} csrf={session.csrfToken} showTrust={trusts.length > 0} />
    </Layout>
  );
}

const agentState = (a: AgentSummary) => (a.revokedAt ? `revoked ${day(a.revokedAt)}` : a.approvedAt === null ? 'waiting for approval' : 'live');

/** "2026-11-23 02:14 UTC": the minute matters when two agents of one host reported the same day. */
const minute = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'none yet');

function AgentTable({ agents, csrf, showTrust }: { agents: AgentRow[]; csrf: string; showTrust: boolean }) {
  if (!agents.length) return <p class="panel">No agents enrolled yet.</p>;
  return (
    <TableScroll>
      <table id="agents">
        <thead>
          <tr>
            <th scope="col">Host</th>
            {showTrust && <th scope="col">Trust</th>}
            <th scope="col">Enrolled</th>
            <th scope="col">Last report</th>
            <th scope="col">Version</th>
            <th scope="col">Spool folds</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="muted">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr data-id={a.id} data-state={a.revokedAt ? 'revoked' : a.approvedAt === null ? 'waiting' : 'live'}>
              <td class="host">
                <HostCell agent={a} />
              </td>
              {showTrust && <td class="trust">{a.organisation}</td>}
              <td>{day(a.enrolledAt)}</td>
              <td class="last-report">{minute(a.lastReportAt)}</td>
              <td class="version">{a.version ?? <span class="muted">—</span>}</td>
              <td class="folds">
                <Folds folds={a.folds} />
              </td>
              <td class="state">{agentState(a)}</td>
              <td>{!a.revokedAt && <AgentActions agent={a} csrf={csrf} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The name it enrolled as, the machine it reports (linked), and the duplicate flag. */
function HostCell({ agent }: { agent: AgentRow }) {
  return (
    <>
      <strong>{agent.hostname}</strong> <span class="small muted">agent #{agent.id}</span>
      <br />
      <span class="small">
        {agent.assetId !== null ? (
          <>
            reports <a href={`/assets/${agent.assetId}`}>{agent.machine}</a>
          </>
        ) : (
          <span class="muted">no machine reported yet</span>
        )}
      </span>
      {agent.liveForHost > 1 && (
        <>
          <br />
          <strong class="error duplicate">duplicate: {agent.liveForHost} agents for this host</strong>
        </>
      )}
    </>
  );
}

function Folds({ folds }: { folds: SpoolFolds | undefined }) {
  if (!folds) return <span class="muted">none</span>;
  return (
    <>
      {folds.folds} fold{folds.folds === 1 ? '' : 's'} ({folds.reports} reports) <span class="small muted">last {day(folds.lastAt)}</span>
    </>
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
