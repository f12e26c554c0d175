import * as z from 'zod';
import { AgentError } from './agent-error.js';
import { writeAgentConfig, type AgentConfig } from './agent-config.js';
import { isUntrustedHub, postToHub, type HubAnswer } from './hub-request.js';
import type { HubTrust } from './hub-trust.js';
import { hubUrl } from './hub-url.js';
import { parseJson } from './parse-json.js';

const EnrolResponseSchema = z.object({ agentId: z.string().min(1), token: z.string().min(1) });

export interface EnrolOptions {
  /** When given, the token is saved to `<stateDir>/agent.json`. */
  stateDir?: string;
  timeoutMs?: number;
  /** How to verify the hub; saved with the token so every later run checks the same way. */
  trust?: HubTrust;
}

/**
 * Trades the trust's enrolment secret for this machine's own token:
 * POST /api/v1/agents/enrol {secret, hostname} → 201 {agentId, token}.
 */
export async function enrol(hub: string, secret: string, hostname: string, options: EnrolOptions = {}): Promise<AgentConfig> {
  const url = hubUrl(hub, '/api/v1/agents/enrol');
  const { trust } = options;
  let answer: HubAnswer;
  try {
    answer = await postToHub({ url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret, hostname }), timeoutMs: options.timeoutMs ?? 30_000, trust });
  } catch (error) {
    if (isUntrustedHub(error)) throw error;
    throw new AgentError('enrol-failed', `cannot reach ${url}: ${(error as Error).message}`);
  }
  const { status, text } = answer;
  if (status !== 201) {
    throw new AgentError('enrol-failed', `hub refused enrolment (${status})${text ? `: ${text.slice(0, 500)}` : ''}`);
  }
  const body = EnrolResponseSchema.safeParse(parseJson(text));
  if (!body.success) throw new AgentError('enrol-failed', 'hub answered 201 without {agentId, token}');
  const config: AgentConfig = { hubUrl: hub, agentId: body.data.agentId, token: body.data.token, ...trust };
  if (options.stateDir) await writeAgentConfig(options.stateDir, config);
  return config;
}
