/**
 * The one error the agent throws. `runAgent` is the only place that catches it
 * and turns `code` into an exit status (bad-arguments → 2, anything else → 1).
 */
export class AgentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}
