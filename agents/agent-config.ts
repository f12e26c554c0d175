import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { AgentError } from './agent-error.js';
import { parseJson } from './parse-json.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** `<stateDir>/agent.json`, written by `enrol`: where to post, with which token, and how to verify the hub. */
export const AgentConfigSchema = z.object({
  hubUrl: z.string().min(1),
  agentId: z.string().min(1),
  token: z.string().min(1),
  /** PEM of the CA given to enrol with --ca, kept whole so a moved or deleted file cannot break later runs. */
  ca: z.string().min(1).optional(),
  /** The --pin given to enrol: the hub certificate's SHA-256 fingerprint, 64 upper-case hex digits. */
  pin: z.string().regex(/^[0-9A-F]{64}$/).optional(),
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

export function agentConfigPath(stateDir: string): string {
  return join(stateDir, 'agent.json');
}

/** The saved config, or `undefined` when this machine has not been enrolled. */
export async function readAgentConfig(stateDir: string): Promise<AgentConfig | undefined> {
  const path = agentConfigPath(stateDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AgentError('config-unreadable', `cannot read ${path}: ${(error as Error).message}`);
  }
  const parsed = AgentConfigSchema.safeParse(parseJson(text));
  if (!parsed.success) throw new AgentError('config-invalid', `${path} is not a valid agent config; enrol again`);
  return parsed.data;
}

/** Mode 0600: the token lets anyone post reports as this machine. */
export async function writeAgentConfig(stateDir: string, config: AgentConfig): Promise<void> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(agentConfigPath(stateDir), `${JSON.stringify(config, null, 2)}\n`, 0o600);
}
