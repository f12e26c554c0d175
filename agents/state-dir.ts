import { join } from 'node:path';

/**
 * Where the agent keeps agent.json and its spool: $ESTATEWATCH_AGENT_STATE,
 * else the FHS place for a root service, else the XDG state folder of the user.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv, uid: number | undefined, home: string): string {
  if (env['ESTATEWATCH_AGENT_STATE']) return env['ESTATEWATCH_AGENT_STATE'];
  if (uid === 0) return '/var/lib/estatewatch-agent';
  return join(env['XDG_STATE_HOME'] || join(env['HOME'] || home, '.local', 'state'), 'estatewatch-agent');
}
