import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AgentError } from '../agent-error.js';
import { isMissingCommand } from '../missing-command.js';
import { runTool } from '../run-tool.js';
import { COLLECTION_SCRIPT_FILE } from './collection-script.js';

/**
 * The in-box Windows PowerShell by absolute path: a `powershell.exe` planted
 * earlier on PATH must never run with the agent's rights. A 32-bit agent on
 * 64-bit Windows goes through Sysnative, or it would read the 32-bit
 * registry view and miss every 64-bit program.
 */
export function powershellPath(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SystemRoot ?? 'C:\\Windows';
  const system = env.PROCESSOR_ARCHITEW6432 ? 'Sysnative' : 'System32';
  return `${root}\\${system}\\WindowsPowerShell\\v1.0\\powershell.exe`;
}

/**
 * One process, one signed-able file: -File, never -EncodedCommand, and no
 * "-ExecutionPolicy Bypass", the two marks endpoint detection rules (Sigma
 * "Suspicious PowerShell Invocation") look for. RemoteSigned at process scope
 * lets the installed local file run where no policy is set; a policy set by
 * Group Policy (AllSigned) wins over it, and then the trust signs the file
 * (docs/agents.md). -InputFormat None stops PowerShell 2.0 waiting for EOF on
 * the stdin pipe Node leaves open; -OutputFormat Text keeps any error that
 * escapes the script's own JSON plain text, not CLIXML.
 */
export function powershellArgs(scriptFile: string): string[] {
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-InputFormat', 'None', '-OutputFormat', 'Text', '-ExecutionPolicy', 'RemoteSigned', '-File', scriptFile];
}

/** The collection script installed beside the running agent (the one-file bundle). */
export function collectionScriptPath(agentFile: string = process.argv[1] ?? ''): string {
  return join(dirname(agentFile), COLLECTION_SCRIPT_FILE);
}

/** Runs the collection script once; `undefined` when PowerShell is not there (any non-Windows machine). */
export async function runCollectionScript(script: string = collectionScriptPath()): Promise<string | undefined> {
  const powershell = powershellPath();
  if (isMissingCommand(powershell, process.env.PATH)) return undefined;
  if (!existsSync(script)) throw new AgentError('tool-failed', `${script} is missing: install the agent with its collection script beside it (npm run build:agent writes both)`);
  return runTool(powershell, powershellArgs(script), { timeoutMs: 300_000 });
}
