import { runTool, type RunToolOptions } from '../run-tool.js';
import { JSON_PRELUDE } from './json-prelude.js';

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
 * -EncodedCommand (UTF-16LE, base64) carries the script past Windows command-line
 * quoting untouched. -InputFormat None stops PowerShell 2.0 waiting for EOF on
 * the stdin pipe Node leaves open, a known hang on Windows 7.
 */
export function powershellArgs(script: string): string[] {
  const encoded = Buffer.from(`${JSON_PRELUDE}\n${script}`, 'utf16le').toString('base64');
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-InputFormat', 'None', '-EncodedCommand', encoded];
}

/** Runs one script; `undefined` when PowerShell is not there (any non-Windows machine). */
export function runPowerShell(script: string, options: RunToolOptions = {}): Promise<string | undefined> {
  return runTool(powershellPath(), powershellArgs(script), { timeoutMs: 60_000, ...options });
}
