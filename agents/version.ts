/**
 * The agent's version, sent in every report. Kept equal to package.json by a
 * unit test rather than read at run time: the agent may be bundled without it.
 */
export const AGENT_VERSION = '0.1.0';
