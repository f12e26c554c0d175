import * as z from 'zod';
import { AgentError } from './agent-error.js';
import { writeAgentConfig, type AgentConfig } from './agent-config.js';
import { hubUrl } from './hub-url.js';
import { parseJson } from './parse-json.js';

const EnrolResponseSchema = z.object({ agentId: z.string().min(1), token: z.string().min(1) });

export interface EnrolOptions {
  /** When given, the token is saved to `<stateDir>/agent.json`. */
  stateDir?: string;
  timeoutMs?: number;
}

/**
 * Trades the trust's enrolment secret for this machine's own token:
 * POST /api/v1/agents/enrol {secret, hostname} → 201 {agentId, token}.
 */
export async function enrol(hub: string, secret: string, hostname: string, options: EnrolOptions = {}): Promise<AgentConfig> {
  const url = hubUrl(hub, '/api/v1/agents/enrol');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret, hostname }),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new AgentError('enrol-failed', `cannot reach ${url}: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (response.status !== 201) {
    throw new AgentError('enrol-failed', `hub refused enrolment (${response.status})${text ? `: ${text.slice(0, 500)}` : ''}`);
  }
  const body = EnrolResponseSchema.safeParse(parseJson(text));
  if (!body.success) throw new AgentError('enrol-failed', 'hub answered 201 without {agentId, token}');
  const config = { hubUrl: hub, agentId: body.data.agentId, token: body.data.token };
  if (options.stateDir) await writeAgentConfig(options.stateDir, config);
  return config;
}
